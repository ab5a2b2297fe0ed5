import { describe, expect, it } from "vitest";
import { fieldValue, type WinEvent } from "../event";
import { serialize } from "../generate";
import { ecsFormat, parseEcs, toEcs } from "./ecs";
import { winlogbeatString } from "./ecs-fields";
import { generateChannels } from "./ecs-fixture";

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const { events, labels } = generateChannels(11, "low");
const docs = events.map((e) => toEcs(e) as Doc);

function find(channel: string, id: number): [WinEvent, Doc] {
  // The scenario's own events (step 0), not the background noise.
  const i = events.findIndex(
    (e, j) => labels[j].step === 0 && e.template.channel === channel && e.template.eventId === id,
  );
  expect(i, `${channel} ${id} generated`).toBeGreaterThanOrEqual(0);
  return [events[i], docs[i]];
}

/** What Winlogbeat keeps of a value (the round trip's reference). */
function normalized(e: WinEvent): (string | undefined)[] {
  return e.template.fields.map((f, i) => winlogbeatString(e.data[i], f.type));
}

describe("ecs format", () => {
  it("round-trips every event: serialize → parse gives the same System part and values", () => {
    const text = serialize(events, "ecs");
    const parsed = parseEcs(text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.events).toHaveLength(events.length);
    parsed.events.forEach((p, i) => {
      const e = events[i];
      expect(p.template).toBe(e.template);
      expect([
        p.timeCreated,
        p.timeUs,
        p.recordId,
        p.computer,
        p.processId,
        p.threadId,
        p.userId,
        p.activityId,
      ]).toEqual([
        e.timeCreated,
        e.timeUs,
        e.recordId,
        e.computer,
        e.processId,
        e.threadId,
        e.userId,
        e.activityId,
      ]);
      expect(normalized(p)).toEqual(normalized(e));
    });
  });

  it("is deterministic: same seed, same bytes; another seed, other bytes", () => {
    const again = serialize(generateChannels(11, "low").events, "ecs");
    expect(again).toBe(serialize(events, "ecs"));
    expect(serialize(generateChannels(12, "low").events, "ecs")).not.toBe(again);
  });

  it("keeps winlog.event_data complete for Sigma: every non-empty field under its Windows name", () => {
    events.forEach((e, i) => {
      const d = (docs[i].winlog.event_data ?? docs[i].winlog.user_data ?? {}) as Record<string, string>;
      let unnamed = 0;
      e.template.fields.forEach((f, j) => {
        const key = f.name ?? `param${++unnamed}`;
        expect(d[key]).toBe(winlogbeatString(e.data[j], f.type));
      });
    });
  });

  it("writes the System part as Winlogbeat does (strings for codes and record IDs, names for task/opcode)", () => {
    const [e, doc] = find("Microsoft-Windows-Sysmon/Operational", 1);
    expect(doc.event.code).toBe("1");
    expect(doc.winlog.event_id).toBe("1");
    expect(doc.winlog.record_id).toBe(String(e.recordId));
    expect(doc.winlog.provider_guid).toBe("{5770385F-C22A-43E0-BF4C-06F5698FFBD9}");
    expect(doc.winlog.task).toBe("Process Create (rule: ProcessCreate)");
    expect(doc.winlog.opcode).toBe("Info");
    expect(doc.winlog.user).toEqual({
      identifier: "S-1-5-18",
      domain: "NT AUTHORITY",
      name: "SYSTEM",
      type: "Well Known Group",
    });
    expect(doc.host.name).toBe(e.computer.split(".")[0].toLowerCase());
    expect(doc["@timestamp"]).toBe(`${String(fieldValue(e, "UtcTime")).replace(" ", "T")}Z`);
    expect(doc.message.startsWith("Process Create:\nRuleName: -\nUtcTime: ")).toBe(true);
  });

  it("maps Sysmon process creation to ECS process.* like the sysmon pipeline", () => {
    const [e, doc] = find("Microsoft-Windows-Sysmon/Operational", 1);
    expect(doc.event).toMatchObject({
      action: "Process creation",
      category: ["process"],
      type: ["start"],
      module: "sysmon",
    });
    expect(doc.process.executable).toBe(fieldValue(e, "Image"));
    expect(doc.process.pid).toBe(fieldValue(e, "ProcessId"));
    expect(doc.process.entity_id).toBe(`{${fieldValue(e, "ProcessGuid")}}`);
    expect(doc.process.parent.executable).toBe(fieldValue(e, "ParentImage"));
    expect(doc.process.hash.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.process.pe.imphash).toMatch(/^[0-9a-f]{32}$/);
    expect(doc.process.args[0]).toMatch(/WINWORD\.EXE$/i);
    const [domain, name] = String(fieldValue(e, "User")).split("\\");
    expect(doc.user).toMatchObject({ domain, name });
  });

  it("maps Sysmon network, DNS and registry events", () => {
    const [, net] = find("Microsoft-Windows-Sysmon/Operational", 3);
    expect(net.destination.port).toBe(443);
    expect(net.network).toMatchObject({ direction: "egress", transport: "tcp" });
    const [dnsEvent, dns] = find("Microsoft-Windows-Sysmon/Operational", 22);
    expect(dns.dns.question).toMatchObject({ name: "cdn.example.org", registered_domain: "example.org" });
    expect(dns.dns.resolved_ip.length).toBeGreaterThan(0);
    expect(String(fieldValue(dnsEvent, "QueryResults"))).toContain(dns.dns.resolved_ip[0]);
    const [, reg] = find("Microsoft-Windows-Sysmon/Operational", 13);
    expect(reg.registry).toMatchObject({
      hive: "HKU",
      value: expect.any(String),
      data: { type: expect.any(String) },
    });
  });

  it("maps Security 4688 like the security pipeline", () => {
    const [e, doc] = find("Security", 4688);
    expect(doc.event).toMatchObject({ action: "created-process", outcome: "success", module: "security" });
    expect(doc.process.pid).toBe(parseInt(String(fieldValue(e, "NewProcessId")), 16));
    expect(doc.process.parent.executable).toBe(fieldValue(e, "ParentProcessName"));
    expect(doc.winlog.keywords).toEqual(["Audit Success"]);
    expect(doc.user.name).toBe(fieldValue(e, "SubjectUserName"));
  });

  it("maps PowerShell events (script block, engine start, classic params) to powershell.* and process.*", () => {
    const [sb, sbDoc] = find("Microsoft-Windows-PowerShell/Operational", 4104);
    // IEX + DownloadString is not on PowerShell's suspicious-word list: logged as Verbose.
    expect(sbDoc.log.level).toBe("verbose");
    expect(sbDoc.powershell.file.script_block_text).toBe(fieldValue(sb, "ScriptBlockText"));
    expect(sbDoc.winlog.activity_id).toMatch(/^\{[0-9a-f-]{36}\}$/);
    const [, start] = find("Windows PowerShell", 400);
    expect(start.winlog.event_data.param1).toBe("Available");
    expect(start.powershell.engine).toMatchObject({ new_state: "Available", previous_state: "None" });
    expect(start.process.command_line).toContain("-enc ");
    expect(start.winlog.keywords).toEqual(["Classic"]);
    expect(start.message).toMatch(
      /^Engine state is changed from None to Available\. \n\nDetails: \n\tNewEngineState=Available/,
    );
  });

  it("writes WMI 5861 under winlog.user_data with xml_name", () => {
    const [, doc] = find("Microsoft-Windows-WMI-Activity/Operational", 5861);
    expect(doc.winlog.user_data.xml_name).toBe("Operation_ESStoConsumerBinding");
    expect(doc.winlog.user_data.CONSUMER).toBe('CommandLineEventConsumer="Updater"');
    expect(doc.winlog.event_data).toBeUndefined();
  });

  it("reports bad input per line instead of throwing", () => {
    const good = ecsFormat.serialize(events[0]);
    const r = parseEcs(
      `not json\n{"a":1}\n${good}\n\n{"@timestamp":"x","event":{"provider":"P"},"winlog":{"channel":"Nope","computer_name":"h","event_id":"9"}}`,
    );
    expect(r.events).toHaveLength(1);
    expect(r.errors.map((e) => e.line)).toEqual([1, 2, 5]);
    expect(r.errors[0].message).toBe("not JSON");
    expect(r.errors[2].message).toContain('bad time "x"');
  });
});
