import { defineTemplate, type EventTemplate } from "../../event";
import type { ProcessInfo } from "../../world/types";
import { sysmonUtc, userName } from "../common";
import type { RenderContext, ResolvedAction } from "../types";
import { SYSMON_CHANNEL } from "./templates";

/** Sysmon 19/20/21 (WMI subscription), 4 (service state) and 16 (configuration change). */

const provider = { name: "Microsoft-Windows-Sysmon", guid: "5770385F-C22A-43E0-BF4C-06F5698FFBD9" };
function sysmon(eventId: number, fields: string[]): EventTemplate {
  return defineTemplate({
    key: `sysmon/${eventId}`,
    provider,
    eventId,
    version: 3,
    level: 4,
    task: eventId,
    opcode: 0,
    keywords: "0x8000000000000000",
    channel: SYSMON_CHANNEL,
    fields,
  });
}

const wmi = ["RuleName", "EventType", "UtcTime", "Operation", "User"];
export const SYSMON_EXTRA = {
  serviceState: sysmon(4, ["UtcTime", "State", "Version", "SchemaVersion"]),
  configChange: sysmon(16, ["UtcTime", "Configuration", "ConfigurationFileHash"]),
  wmiFilter: sysmon(19, [...wmi, "EventNamespace", "Name", "Query"]),
  wmiConsumer: sysmon(20, [...wmi, "Name", "Type", "Destination"]),
  wmiBinding: sysmon(21, [...wmi, "Consumer", "Filter"]),
} as const;

export const sysmonExtraTemplates: readonly EventTemplate[] = Object.values(SYSMON_EXTRA);

const SYSMON_VERSION = "15.15";
const SCHEMA_VERSION = "4.90";

/** Sysmon quotes WMI object text and doubles its backslashes, as in MOF. */
function quoted(s: string): string {
  return `"${s.replace(/\\/g, "\\\\")}"`;
}

/** The three events one permanent subscription (filter, consumer, binding) leaves, a few ms apart. */
export function wmiSubscription(r: ResolvedAction<"wmi.subscription">, ctx: RenderContext, p: ProcessInfo) {
  const a = r.action;
  const user = userName(p.user);
  let offset = 0;
  const at = () => sysmonUtc(r.timeUs + offset);
  ctx.emit(SYSMON_EXTRA.wmiFilter, [
    "-",
    "WmiFilterEvent",
    at(),
    "Created",
    user,
    quoted("root\\cimv2"),
    quoted(a.name),
    quoted(a.query),
  ]);
  offset += ctx.rng.int(2_000, 40_000);
  const type = a.consumerType === "CommandLineEventConsumer" ? "Command Line" : "Script";
  ctx.emit(
    SYSMON_EXTRA.wmiConsumer,
    ["-", "WmiConsumerEvent", at(), "Created", user, quoted(a.name), type, quoted(a.destination)],
    { offsetUs: offset },
  );
  offset += ctx.rng.int(2_000, 40_000);
  const consumer = `${a.consumerType}.Name=\\"${a.name.replace(/\\/g, "\\\\")}\\"`;
  const filter = `__EventFilter.Name=\\"${a.name.replace(/\\/g, "\\\\")}\\"`;
  ctx.emit(
    SYSMON_EXTRA.wmiBinding,
    ["-", "WmiBindingEvent", at(), "Created", user, `"${consumer}"`, `"${filter}"`],
    { offsetUs: offset },
  );
}

/** Sysmon 4 when the Sysmon service itself starts or stops (written by Sysmon just before it stops). */
export function sysmonServiceState(r: ResolvedAction<"service.state">, ctx: RenderContext): void {
  if (!/^sysmon(64)?$/i.test(r.action.name)) return;
  const state = r.action.state === "running" ? "Started" : "Stopped";
  ctx.emit(SYSMON_EXTRA.serviceState, [sysmonUtc(r.timeUs), state, SYSMON_VERSION, SCHEMA_VERSION]);
}

/** Sysmon 16 when `sysmon -c <file>` loads a new configuration. */
export function sysmonConfigChange(p: ProcessInfo, r: ResolvedAction, ctx: RenderContext): void {
  if (!/^sysmon(64)?\.exe$/i.test(p.image.fileName)) return;
  const m = /\s[-/]c\s+("([^"]+)"|(\S+))/i.exec(p.commandLine);
  if (!m) return;
  const file = m[2] ?? m[3];
  const path = /^[a-z]:\\/i.test(file) ? file : `${p.currentDirectory}${file}`;
  const offset = 150_000 + ctx.rng.int(0, 90_000);
  ctx.emit(
    SYSMON_EXTRA.configChange,
    [sysmonUtc(r.timeUs + offset), path, `SHA256=${ctx.rng.hex(64).toUpperCase()}`],
    { offsetUs: offset },
  );
}
