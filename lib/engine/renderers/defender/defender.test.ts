import { describe, expect, it } from "vitest";
import type { ActionInput } from "../../actions";
import { type WinEvent, eventDataRecord } from "../../event";
import { toEcs } from "../../formats/ecs";
import { eventRow } from "../../formats/sentinel-rows";
import { validateEvents } from "../../validate";
import { elevatedPowerShell, eventsOfKey, evtxRoundTrips, fieldNames, generatePlan } from "../test-support";
import { defenderData } from "./index";
import { threatId } from "./threats";

const MP = "HKLM\\SOFTWARE\\Microsoft\\Windows Defender";
const DROP = "C:\\Users\\Public\\mimikatz.exe";

const plan: ActionInput[] = [
  elevatedPowerShell("ps"),
  { id: "drop", kind: "file.create", proc: "ps", path: DROP },
  { id: "av", kind: "defender.detection", proc: "ps", path: DROP, threat: "HackTool:Win32/Mimikatz.D" },
  {
    id: "w",
    kind: "registry.value.set",
    proc: "@msmpeng",
    key: `${MP}\\Real-Time Protection`,
    value: "DisableRealtimeMonitoring",
    type: "REG_DWORD",
    data: "1",
  },
  {
    id: "rtp",
    kind: "defender.config",
    key: `${MP}\\Real-Time Protection`,
    value: "DisableRealtimeMonitoring",
    data: "1",
  },
  {
    id: "exc",
    kind: "defender.config",
    key: `${MP}\\Exclusions\\Paths`,
    value: "C:\\ProgramData",
    data: "0",
  },
  {
    id: "tp",
    kind: "defender.config",
    key: `${MP}\\Real-Time Protection`,
    value: "DisableBehaviorMonitoring",
    data: "1",
    blocked: true,
  },
];

const byId = (events: readonly WinEvent[], id: number) =>
  events.filter(
    (e) =>
      e.template.channel === "Microsoft-Windows-Windows Defender/Operational" && e.template.eventId === id,
  );

/** Field order of 1116/1117 as current platforms write it (see the HTB/SharpHound and lab samples). */
const THREAT_FIELDS = [
  "Product Name",
  "Product Version",
  "Detection ID",
  "Detection Time",
  "Unused",
  "Unused2",
  "Threat ID",
  "Threat Name",
  "Severity ID",
  "Severity Name",
  "Category ID",
  "Category Name",
  "FWLink",
  "Status Code",
  "Status Description",
  "State",
  "Source ID",
  "Source Name",
  "Process Name",
  "Detection User",
  "Unused3",
  "Path",
  "Origin ID",
  "Origin Name",
  "Execution ID",
  "Execution Name",
  "Type ID",
  "Type Name",
  "Pre Execution Status",
  "Action ID",
  "Action Name",
  "Unused4",
  "Error Code",
  "Error Description",
  "Unused5",
  "Post Clean Status",
  "Additional Actions ID",
  "Additional Actions String",
  "Remediation User",
  "Unused6",
  "Security intelligence Version",
  "Engine Version",
];

describe.each([2, 9])("Defender Operational events (seed %i)", (seed) => {
  const r = generatePlan("T1562.001", plan, seed);
  const ps = eventDataRecord(eventsOfKey(r.events, "sysmon/1")[0]);
  // MsMpEng's own registry write tells its PID.
  const mpWrite = eventsOfKey(r.events, "sysmon/13")[0];
  const msmpengPid = eventDataRecord(mpWrite).ProcessId;

  it("runs cleanly and survives both evtx round trips", () => {
    expect(r.report.issues).toEqual([]);
    expect(validateEvents(r.events)).toEqual([]);
    for (const [written, rewritten] of evtxRoundTrips(r.events)) expect(rewritten).toBe(written);
  });

  it("writes every event as MsMpEng.exe, SYSTEM, from the Defender provider", () => {
    expect(eventDataRecord(mpWrite).Image).toMatch(/\\Platform\\[\d.-]+\\MsMpEng\.exe$/);
    const defender = r.events.filter(
      (e) => e.template.provider.name === "Microsoft-Windows-Windows Defender",
    );
    expect(defender.map((e) => e.template.eventId)).toEqual([1116, 1117, 5007, 5001, 5007, 5013]);
    for (const e of defender) {
      expect(e.template.provider.guid).toBe("11CD958A-C507-4EF3-B3F2-5FD9DFBD2C78");
      expect([e.processId, e.userId, e.template.version, e.template.task]).toEqual([
        msmpengPid,
        "S-1-5-18",
        0,
        0,
      ]);
      expect(e.template.keywords).toBe("0x8000000000000000");
      expect(e.template.level).toBe(e.template.eventId === 1116 ? 3 : 4);
    }
  });

  it("reports the detection (1116) and the quarantine (1117) of one file with one Detection ID", () => {
    const [det] = byId(r.events, 1116);
    const [act] = byId(r.events, 1117);
    expect(fieldNames(det)).toEqual(THREAT_FIELDS);
    expect(fieldNames(act)).toEqual(THREAT_FIELDS);
    const d = eventDataRecord(det);
    const a = eventDataRecord(act);
    expect(d["Detection ID"]).toMatch(/^\{[0-9A-F-]{36}\}$/);
    expect(a["Detection ID"]).toBe(d["Detection ID"]);
    expect(d["Threat ID"]).toBe(threatId("HackTool:Win32/Mimikatz.D"));
    expect(d.FWLink).toContain(`name=HackTool:Win32/Mimikatz.D&threatid=${d["Threat ID"]}`);
    expect([d["Category Name"], d["Severity Name"], d["Source Name"]]).toEqual([
      "Tool",
      "High",
      "Real-Time Protection",
    ]);
    expect(d.Path).toBe(`file:_${DROP}`);
    expect(d["Process Name"]).toBe(ps.Image);
    expect(d["Detection User"]).toBe(ps.User);
    expect([d["Status Code"], d["Action Name"], d["Remediation User"]]).toEqual(["1", "Not Applicable", ""]);
    expect([a["Status Code"], a["Action ID"], a["Action Name"]]).toEqual(["3", "2", "Quarantine"]);
    expect(a["Remediation User"]).toBe("NT AUTHORITY\\SYSTEM");
    expect(act.timeUs).toBeGreaterThan(det.timeUs);
  });

  it("logs configuration changes (5007), real-time protection off (5001) and a Tamper Protection block (5013)", () => {
    const changes = byId(r.events, 5007).map(eventDataRecord);
    expect(fieldNames(byId(r.events, 5007)[0])).toEqual([
      "Product Name",
      "Product Version",
      "Old Value",
      "New Value",
    ]);
    expect(changes[0]["Old Value"]).toBe("Default\\Real-Time Protection\\DisableRealtimeMonitoring = 0x0");
    expect(changes[0]["New Value"]).toBe(`${MP}\\Real-Time Protection\\DisableRealtimeMonitoring = 0x1`);
    expect(changes[1]["Old Value"]).toBe("");
    expect(changes[1]["New Value"]).toBe(`${MP}\\Exclusions\\Paths\\C:\\ProgramData = 0x0`);
    expect(fieldNames(byId(r.events, 5001)[0])).toEqual(["Product Name", "Product Version"]);
    const [blocked] = byId(r.events, 5013);
    expect(eventDataRecord(blocked).Value).toBe(
      `${MP}\\Real-Time Protection\\DisableBehaviorMonitoring = (Current)`,
    );
  });
});

describe("Defender events in the ECS and Sentinel formats", () => {
  const r = generatePlan("T1562.001", plan, 5);
  const [change] = byId(r.events, 5007);
  const [det] = byId(r.events, 1116);

  it("keeps the spaced EventData names under winlog.event_data and renders the message", () => {
    const doc = toEcs(change) as {
      message: string;
      winlog: { event_data: Record<string, string>; provider_guid: string };
    };
    expect(doc.winlog.event_data["New Value"]).toBe(
      `${MP}\\Real-Time Protection\\DisableRealtimeMonitoring = 0x1`,
    );
    expect(doc.winlog.provider_guid).toBe("{11cd958a-c507-4ef3-b3f2-5fd9dfbd2c78}");
    expect(doc.message).toContain(`New value: ${MP}\\Real-Time Protection\\DisableRealtimeMonitoring = 0x1`);
    const threat = toEcs(det) as { message: string };
    expect(threat.message).toMatch(/^Microsoft Defender Antivirus has detected malware/);
    expect(threat.message).toContain("Name: HackTool:Win32/Mimikatz.D");
  });

  it("goes to the Event table with the Defender log, a warning for detections", () => {
    const row = eventRow(det);
    expect([row.Type, row.EventLog, row.EventID, row.EventLevelName, row.UserName]).toEqual([
      "Event",
      "Microsoft-Windows-Windows Defender/Operational",
      1116,
      "Warning",
      "NT AUTHORITY\\SYSTEM",
    ]);
    expect(String(row.EventData)).toContain("Threat Name");
  });
});

describe("Defender's value text", () => {
  it("prints numbers as 0x-hex with uppercase digits and leaves text alone", () => {
    expect(defenderData("30")).toBe("0x1E");
    expect(defenderData("0x0001")).toBe("0x1");
    expect(defenderData("0")).toBe("0x0");
    expect(defenderData("C:\\Temp")).toBe("C:\\Temp");
  });
});
