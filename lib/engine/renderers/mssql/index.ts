import type { ActionKind } from "../../actions";
import type { FieldValue } from "../../event";
import { systemTime } from "../../time";
import type { Host } from "../../world/types";
import type { RenderContext, Renderer, ResolvedAction } from "../types";
import {
  MSSQL_CONFIG_ERROR,
  MSSQL_DEFAULT_INSTANCE,
  mssqlBinary,
  mssqlTemplates,
  mssqlTemplatesFor,
} from "./templates";

/** SQL Server's own events in the Application log: sp_configure changes (15457) and audit records (33205). */

const handles: readonly ActionKind[] = ["mssql.config", "mssql.audit"];

/** The event log service stamps classic ReportEvent records with no writer or user (as Application Error's). */
const classic = { userId: null, writer: { pid: 0, tid: 0 } } as const;

/** HOST for the default instance, HOST\NAME for a named one (@@SERVERNAME). */
function serverName(host: Host, instance: string): string {
  const name = instance.toUpperCase();
  return name === MSSQL_DEFAULT_INSTANCE ? host.name : `${host.name}\\${name}`;
}

/** "2025-10-25 17:41:46.7441190": datetime2(7) in UTC, as audit records print event_time. */
function auditTime(us: number): string {
  return systemTime(us).replace("T", " ").replace(/Z$/, "");
}

/** A SID as the hex of its binary form (server_principal_sid of Windows logins). */
function sidHex(sid: string): string {
  const parts = sid.split("-").slice(1).map(Number);
  const [revision, authority, ...subs] = parts;
  let out = hex(revision, 1) + hex(subs.length, 1);
  for (let i = 5; i >= 0; i--) out += hex(Math.floor(authority / 2 ** (8 * i)) & 0xff, 1);
  for (const s of subs) for (let i = 0; i < 4; i++) out += hex((s >>> (8 * i)) & 0xff, 1);
  return out;
}

function hex(n: number, bytes: number): string {
  return n.toString(16).padStart(2 * bytes, "0");
}

/** A stable object_id per name: system objects live in the resource database with negative IDs. */
function objectId(name: string, system: boolean): number {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.toLowerCase().charCodeAt(i), 16777619) >>> 0;
  const id = 100_000_000 + (h % 1_900_000_000);
  return system ? -id : id;
}

function audit(r: ResolvedAction<"mssql.audit">, ctx: RenderContext): void {
  const a = r.action;
  const sa = a.login.toLowerCase() === "sa";
  const windowsLogin = a.login.includes("\\") ? ctx.world.userByRef(a.login, r.host) : undefined;
  const principalSid = sa ? "01" : windowsLogin ? sidHex(windowsLogin.sid) : ctx.rng.hex(32).toLowerCase();
  const system = a.schema.toLowerCase() === "sys";
  const lines: [string, string | number | boolean][] = [
    ["audit_schema_version", 1],
    ["event_time", auditTime(r.timeUs)],
    ["sequence_number", 1],
    ["action_id", a.actionId.padEnd(4, " ")],
    ["succeeded", a.succeeded],
    ["is_column_permission", false],
    ["session_id", ctx.rng.int(51, 140)],
    ["server_principal_id", sa ? 1 : ctx.rng.int(256, 300)],
    ["database_principal_id", 1],
    ["target_server_principal_id", 0],
    ["target_database_principal_id", 0],
    ["object_id", a.object ? objectId(a.object, system) : 0],
    ["user_defined_event_id", 0],
    ["transaction_id", ctx.rng.int(100_000, 9_000_000)],
    ["class_type", a.classType.padEnd(2, " ")],
    ["duration_milliseconds", 0],
    ["response_rows", 0],
    ["affected_rows", 0],
    ["client_tls_version", 0],
    ["database_transaction_id", 0],
    ["ledger_start_sequence_number", 0],
    ["client_ip", a.clientIp],
    ["permission_bitmask", "0".repeat(32)],
    ["sequence_group_id", ctx.rng.guid().toUpperCase()],
    ["session_server_principal_name", a.login],
    ["server_principal_name", a.login],
    ["server_principal_sid", principalSid],
    ["database_principal_name", "dbo"],
    ["target_server_principal_name", ""],
    ["target_server_principal_sid", ""],
    ["target_database_principal_name", ""],
    ["server_instance_name", serverName(r.host, a.instance)],
    ["database_name", a.database],
    ["schema_name", a.schema],
    ["object_name", a.object],
    ["statement", a.statement],
    ["additional_information", ""],
    ["user_defined_information", ""],
    ["application_name", a.application],
    ["connection_id", ctx.rng.guid().toUpperCase()],
    ["data_sensitivity_information", ""],
    ["host_name", a.clientHost],
    ["session_context", ""],
    ["client_tls_version_name", ""],
    ["external_policy_permissions_checked", ""],
  ];
  const text = `Audit event: ${lines.map(([k, v]) => `${k}:${String(v)}`).join("\n")}`;
  // The audit target flushes its queue about once a second (QUEUE_DELAY 1000).
  ctx.emit(mssqlTemplatesFor(a.instance).audit, [text], {
    ...classic,
    offsetUs: ctx.rng.int(20_000, 1_000_000),
  });
}

function render(r: ResolvedAction, ctx: RenderContext): void {
  if (!r.actor) return;
  switch (r.action.kind) {
    case "mssql.config": {
      const a = r.action;
      const data: FieldValue[] = [
        a.option,
        String(a.previous),
        String(a.value),
        mssqlBinary(MSSQL_CONFIG_ERROR, 10, serverName(r.host, a.instance), "master"),
      ];
      ctx.emit(mssqlTemplatesFor(a.instance).config, data, {
        ...classic,
        offsetUs: ctx.rng.int(1_000, 15_000),
      });
      return;
    }
    case "mssql.audit":
      return audit(r as ResolvedAction<"mssql.audit">, ctx);
  }
}

export const mssqlRenderer: Renderer = {
  id: "mssql",
  channels: ["Application"],
  handles,
  templates: mssqlTemplates,
  render,
};
