import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileSources, SigmaEngine } from "@/lib/detect/sigma";
import type { ActionInput } from "../../actions";
import { serializeEvtxJson } from "../../formats/evtx-json";
import { serialize } from "../../generate";
import { validateEvents } from "../../validate";
import { eventsOfKey, evtxRoundTrips, generatePlan } from "../test-support";
import { fromUtf16HexZ } from "../system/templates";
import { mssqlTemplatesFor } from "./templates";

const BINN = "C:\\Program Files\\Microsoft SQL Server\\MSSQL16.MSSQLSERVER\\MSSQL\\Binn";

/** sa enables xp_cmdshell through sp_configure, then runs a command; the audit records the EXECUTE. */
function plan(instance?: string): ActionInput[] {
  return [
    {
      id: "sql",
      kind: "process.create",
      proc: "sql",
      host: "@server",
      parent: "@services",
      user: "@networkservice",
      image: `${BINN}\\sqlservr.exe`,
      commandLine: `"${BINN}\\sqlservr.exe" -sMSSQLSERVER`,
    },
    {
      id: "adv",
      kind: "mssql.config",
      proc: "sql",
      host: "@server",
      instance,
      option: "show advanced options",
    },
    { id: "xp", kind: "mssql.config", proc: "sql", host: "@server", instance, option: "xp_cmdshell" },
    {
      id: "exec",
      kind: "mssql.audit",
      proc: "sql",
      host: "@server",
      instance,
      object: "xp_cmdshell",
      statement: "exec master..xp_cmdshell 'whoami'",
      clientIp: "10.20.30.40",
      application: "SQLCMD",
      clientHost: "WS07",
    },
  ];
}

describe.each([1, 4])("MSSQLSERVER 15457 and 33205 (seed %i)", (seed) => {
  const r = generatePlan("T1505.001", plan(), seed);
  const config = eventsOfKey(r.events, "application/mssql-15457");
  const [auditEvent] = eventsOfKey(r.events, "application/mssql-33205");
  const server = config[0]?.computer.split(".")[0];

  it("writes 15457 per option from the classic MSSQLSERVER source, with SQL Server's binary record", () => {
    expect(config).toHaveLength(2);
    const t = config[0].template;
    expect(t.provider).toEqual({ name: "MSSQLSERVER" });
    expect([t.channel, t.eventId, t.qualifiers, t.level, t.task, t.keywords]).toEqual([
      "Application",
      15457,
      16384,
      4,
      2,
      "0x80000000000000",
    ]);
    expect([config[0].userId, config[0].processId]).toEqual([null, 0]);
    expect(config.map((e) => e.data.slice(0, 3))).toEqual([
      ["show advanced options", "0", "1"],
      ["xp_cmdshell", "0", "1"],
    ]);
    const bin = String(config[1].data[3]);
    expect(bin.slice(0, 16)).toBe("613C00000A000000"); // error 15457, severity 10
    const serverChars = parseInt(bin.slice(16, 18), 16);
    expect(serverChars).toBe(server.length + 1);
    expect(fromUtf16HexZ(bin.slice(24))).toBe(server);
    expect(bin.endsWith("070000006D00610073007400650072000000")).toBe(true); // "master"
  });

  it("writes the audit record as one Data text in SQL Server 2022's field order", () => {
    const t = auditEvent.template;
    expect([t.provider.name, t.eventId, t.qualifiers, t.level, t.task, t.keywords]).toEqual([
      "MSSQLSERVER",
      33205,
      16384,
      0,
      5,
      "0xa0000000000000",
    ]);
    expect(t.fields).toHaveLength(1);
    const text = String(auditEvent.data[0]);
    expect(text.startsWith("Audit event: audit_schema_version:1\nevent_time:")).toBe(true);
    const keys = text
      .slice("Audit event: ".length)
      .split("\n")
      .map((l) => l.slice(0, l.indexOf(":")));
    expect(keys.slice(0, 6)).toEqual([
      "audit_schema_version",
      "event_time",
      "sequence_number",
      "action_id",
      "succeeded",
      "is_column_permission",
    ]);
    expect(keys).toHaveLength(45);
    expect(text).toContain("\naction_id:EX  \n");
    expect(text).toContain("\nclass_type:X \n");
    expect(text).toContain("\nserver_principal_sid:01\n");
    expect(text).toContain(`\nserver_instance_name:${server}\n`);
    expect(text).toContain("\nobject_name:xp_cmdshell\nstatement:exec master..xp_cmdshell 'whoami'\n");
    expect(text).toMatch(/\nevent_time:\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{7}\n/);
    expect(auditEvent.timeUs).toBeGreaterThan(config[1].timeUs);
  });

  it("stays coherent through both evtx round trips and renders its messages in ECS", () => {
    expect(r.report.issues).toEqual([]);
    expect(validateEvents(r.events)).toEqual([]);
    for (const [written, rewritten] of evtxRoundTrips(r.events)) expect(rewritten).toBe(written);
    const ecs = serialize([config[1], auditEvent], "ecs")
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { message?: string });
    expect(ecs[0].message).toBe(
      "Configuration option 'xp_cmdshell' changed from 0 to 1. Run the RECONFIGURE statement to install.",
    );
    expect(ecs[1].message).toMatch(/^Audit event: audit_schema_version:1\n/);
  });
});

describe("a named instance", () => {
  it("logs under MSSQL$NAME and names the server HOST\\NAME", () => {
    const r = generatePlan("T1505.001", plan("SQLEXPRESS"), 2);
    const t = mssqlTemplatesFor("sqlexpress");
    const [c] = r.events.filter((e) => e.template === t.config);
    const [a] = r.events.filter((e) => e.template === t.audit);
    expect(c.template.provider.name).toBe("MSSQL$SQLEXPRESS");
    expect(String(a.data[0])).toContain(`\nserver_instance_name:${c.computer.split(".")[0]}\\SQLEXPRESS\n`);
    for (const [written, rewritten] of evtxRoundTrips(r.events)) expect(rewritten).toBe(written);
  });
});

/** Rules in the style of SigmaHQ's MSSQL application-log rules (Provider_Name contains, the Data container). */
const rules = `
title: MSSQL xp_cmdshell Turned On
logsource:
    product: windows
    service: application
detection:
    selection:
        Provider_Name|contains: 'MSSQL'
        EventID: 15457
        Data|contains|all:
            - 'xp_cmdshell'
            - '0'
            - '1'
    condition: selection
level: high
---
title: MSSQL Audit Of xp_cmdshell Execution
logsource:
    product: windows
    service: application
detection:
    selection:
        Provider_Name|contains: 'MSSQL'
        EventID: 33205
        Data|contains|all:
            - 'object_name:xp_cmdshell'
            - 'statement:exec'
    condition: selection
level: high
`;

describe("Sigma rules on SQL Server's events", () => {
  it("fire on the rendered events, in evtx-json and in ECS", () => {
    const { rules: compiled } = compileSources([{ file: "mssql.yml", text: rules }]);
    const events = generatePlan("T1505.001", plan(), 3).events;
    const engine = new SigmaEngine(compiled);
    const evtx = events.map((x) => JSON.parse(serializeEvtxJson(x)));
    const ecs = serialize(events, "ecs")
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l));
    for (const docs of [evtx, ecs]) {
      const titles = new Set(engine.run(docs).matches.map((m) => m.rule.title));
      expect([...titles].sort()).toEqual([
        "MSSQL Audit Of xp_cmdshell Execution",
        "MSSQL xp_cmdshell Turned On",
      ]);
    }
  });
});

const rulesDir = process.env.SIGMA_RULES_DIR;

describe.skipIf(!rulesDir)("SigmaHQ's MSSQL audit rule", () => {
  it("fires on the audited xp_cmdshell execution", () => {
    const file = "windows/builtin/application/mssqlserver/win_mssql_xp_cmdshell_audit_log.yml";
    const { rules: compiled } = compileSources([{ file, text: readFileSync(join(rulesDir!, file), "utf8") }]);
    const docs = generatePlan("T1505.001", plan(), 5).events.map((x) => JSON.parse(serializeEvtxJson(x)));
    const titles = new SigmaEngine(compiled).run(docs).matches.map((m) => m.rule.title);
    expect(titles).toEqual(["MSSQL XPCmdshell Suspicious Execution"]);
  });
});
