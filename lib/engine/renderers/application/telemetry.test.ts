import { describe, expect, it } from "vitest";
import type { ActionInput } from "../../actions";
import { eventDataRecord } from "../../event";
import { serialize } from "../../generate";
import { validateEvents } from "../../validate";
import { elevatedPowerShell, eventsOfKey, evtxRoundTrips, fieldNames, generatePlan } from "../test-support";
import { filetimeHex } from "./index";

const DEFENDER = "C:\\ProgramData\\Microsoft\\Windows Defender";

/** Every action kind this engine slice added, plus the workstation / task-session options. */
const plan: ActionInput[] = [
  elevatedPowerShell("ps"),
  { id: "raw", kind: "disk.rawread", proc: "ps", device: "\\Device\\HarddiskVolume2" },
  {
    id: "crash",
    kind: "process.crash",
    proc: "@msmpeng",
    module: `${DEFENDER}\\Definition Updates\\{6F1C3AD2-5E0B-4D0A-9C1E-2B8F7A3D1C44}\\mpengine.dll`,
  },
  { id: "cve", kind: "cve.audit", proc: "ps", cve: "[CVE-2020-0601] cert validation", details: "CA: <x>" },
  {
    id: "srp",
    kind: "srp.block",
    proc: "@explorer",
    path: "C:\\Users\\Public\\a.exe",
    rulePath: "C:\\Users\\Public\\*",
  },
  { id: "usb", kind: "device.connect", device: "usb-storage" },
  { id: "kbd", kind: "device.connect", device: "usb-keyboard", blocked: true },
  {
    id: "ruler",
    kind: "logon",
    host: "@server",
    session: "ruler",
    user: "@user",
    logonType: 3,
    authPackage: "NTLM",
    workstation: "RULER",
  },
  { id: "bad", kind: "logon.failure", host: "@server", user: "@user", workstation: "RULER" },
  { id: "adm", kind: "logon", session: "adm", user: "@admin", logonType: 3, source: "@workstation2" },
  {
    id: "task",
    kind: "task.create",
    proc: "@svchost:Schedule",
    session: "adm",
    name: "\\AbCdEfGh",
    command: "cmd.exe",
    arguments: "/C whoami > C:\\Windows\\Temp\\x.tmp 2>&1",
  },
];

describe.each([3, 8])("added telemetry (seed %i)", (seed) => {
  const r = generatePlan("T1006", plan, seed);
  const [ps] = eventsOfKey(r.events, "sysmon/1");

  it("runs without issues and stays coherent through both evtx round trips", () => {
    expect(r.report.issues).toEqual([]);
    expect(validateEvents(r.events)).toEqual([]);
    for (const [written, rewritten] of evtxRoundTrips(r.events)) expect(rewritten).toBe(written);
  });

  it("writes Sysmon 9 with the v15 field order for the reading process", () => {
    const [e] = eventsOfKey(r.events, "sysmon/9");
    expect(fieldNames(e)).toEqual([
      "RuleName",
      "UtcTime",
      "ProcessGuid",
      "ProcessId",
      "Image",
      "Device",
      "User",
    ]);
    const d = eventDataRecord(e);
    expect(d.ProcessGuid).toBe(eventDataRecord(ps).ProcessGuid);
    expect(d.Device).toBe("\\Device\\HarddiskVolume2");
  });

  it("writes Application Error 1000 in the form of the host's Windows build", () => {
    const crash = r.events.filter((e) => e.template.eventId === 1000);
    expect(crash).toHaveLength(1);
    const e = crash[0];
    const v = e.data;
    expect(v[0]).toBe("MsMpEng.exe");
    expect(v[3]).toBe("mpengine.dll");
    expect(v[6]).toBe("c0000005");
    expect(v[7]).toMatch(/^[0-9a-f]{16}$/);
    if (e.template.key === "application/1000") {
      expect(e.template.qualifiers).toBe(0);
      expect(fieldNames(e).every((n) => n === null)).toBe(true);
      expect(v[8]).toMatch(/^[0-9a-f]+$/);
      expect(v[9]).toMatch(/^01d[0-9a-f]{13}$/);
      expect([e.processId, e.userId]).toEqual([0, null]);
    } else {
      expect(fieldNames(e)).toEqual([
        "AppName",
        "AppVersion",
        "AppTimeStamp",
        "ModuleName",
        "ModuleVersion",
        "ModuleTimeStamp",
        "ExceptionCode",
        "FaultingOffset",
        "ProcessId",
        "ProcessCreationTime",
        "AppPath",
        "ModulePath",
        "IntegratorReportId",
        "PackageFullName",
        "PackageRelativeAppId",
      ]);
      expect(v[8]).toMatch(/^0x[0-9a-f]+$/);
      expect(e.userId).toBe("S-1-5-18");
    }
  });

  it("writes Audit-CVE 1 and SRP 866 from the calling process", () => {
    const [cve] = eventsOfKey(r.events, "application/audit-cve-1");
    expect(eventDataRecord(cve)).toEqual({
      CVEID: "[CVE-2020-0601] cert validation",
      AdditionalDetails: "CA: <x>",
    });
    expect(cve.processId).toBe(eventDataRecord(ps).ProcessId);
    const [srp] = eventsOfKey(r.events, "application/srp-866");
    expect(fieldNames(srp)).toEqual(["AttemptedPath", "SrpRuleGuid", "RulePath"]);
    expect(eventDataRecord(srp).RulePath).toBe("C:\\Users\\Public\\*");
  });

  it("recognises each USB device node (6416) and refuses a blocked one (6423)", () => {
    const recognised = eventsOfKey(r.events, "security/6416").map(eventDataRecord);
    expect(fieldNames(eventsOfKey(r.events, "security/6416")[0])).toEqual([
      "SubjectUserSid",
      "SubjectUserName",
      "SubjectDomainName",
      "SubjectLogonId",
      "DeviceId",
      "DeviceDescription",
      "ClassId",
      "ClassName",
      "VendorIds",
      "CompatibleIds",
      "LocationInformation",
    ]);
    expect(recognised.map((d) => d.ClassName)).toEqual(["USB", "DiskDrive", "Volume", "HIDClass"]);
    expect(recognised[0].DeviceDescription).toBe("USB Mass Storage Device");
    const serial = String(recognised[0].DeviceId).split("\\")[2];
    expect(recognised[1].DeviceId).toContain(`\\${serial}&0`);
    const [blocked] = eventsOfKey(r.events, "security/6423").map(eventDataRecord);
    expect(blocked.DeviceId).toBe(recognised[3].DeviceId);
    const [umdf] = eventsOfKey(r.events, "driverframeworks/2003").map(eventDataRecord);
    expect(umdf.InstanceId).toContain(serial);
  });

  it("carries the client's workstation name into 4624, 4625 and the DC's 4776", () => {
    const ws = (key: string, field: string) =>
      eventsOfKey(r.events, key).map((e) => eventDataRecord(e)[field]);
    expect(ws("security/4624", "WorkstationName")).toContain("RULER");
    expect(ws("security/4625", "WorkstationName")).toEqual(["RULER"]);
    expect(ws("security/4776", "Workstation")).toContain("RULER");
  });

  it("names the remote admin, not SYSTEM, as the subject of a task registered over RPC", () => {
    const [created] = eventsOfKey(r.events, "security/4698").map(eventDataRecord);
    const adminLogon = eventsOfKey(r.events, "security/4624")
      .map(eventDataRecord)
      .find((d) => d.TargetUserName !== "SYSTEM" && d.LogonType === 3 && d.WorkstationName !== "RULER")!;
    expect(created.SubjectUserName).toBe(adminLogon.TargetUserName);
    expect(created.SubjectLogonId).toBe(adminLogon.TargetLogonId);
    const [registered] = eventsOfKey(r.events, "taskscheduler/106").map(eventDataRecord);
    expect(String(registered.UserContext ?? Object.values(registered)[1])).toContain(
      String(adminLogon.TargetUserName),
    );
  });
});

describe("formats and coherence of the added events", () => {
  const r = generatePlan("T1006", plan, 5);
  const added = r.events.filter(
    (e) =>
      ["sysmon/9", "security/6416", "security/6423", "driverframeworks/2003"].includes(e.template.key) ||
      e.template.channel === "Application",
  );

  it("writes the crash message and the PnP activity names in ECS and Sentinel rows", () => {
    const ecs = serialize(added, "ecs");
    expect(ecs).toContain("Faulting application name: MsMpEng.exe");
    expect(ecs).toContain("Plug and Play Events");
    const sentinel = serialize(added, "sentinel");
    expect(sentinel).toContain("6416 - A new external device was recognized by the system.");
  });

  it("flags a crash report whose AppPath is not the process Sysmon knows under that PID", () => {
    const crash = r.events.find((e) => e.template.eventId === 1000)!;
    const pid = String(crash.data[8]).replace(/^0x/, "");
    const sysmon = r.events.find((e) => e.template.key === "sysmon/1")!;
    const sysmonPid = Number(eventDataRecord(sysmon).ProcessId);
    const forged = r.events.map((e) =>
      e === crash
        ? { ...e, data: e.data.map((v, i) => (i === 8 ? String(v).replace(pid, sysmonPid.toString(16)) : v)) }
        : e,
    );
    expect(validateEvents(forged, ["host-events"]).map((i) => i.message)).toEqual([
      expect.stringContaining(`PID ${sysmonPid} is`),
    ]);
  });

  it("flags a 6423 for a device never recognized", () => {
    const blocked = r.events.find((e) => e.template.key === "security/6423")!;
    const forged = r.events.map((e) =>
      e === blocked ? { ...e, data: e.data.map((v, i) => (i === 4 ? "USB\\VID_FFFF&PID_0001\\X" : v)) } : e,
    );
    expect(validateEvents(forged, ["host-events"])).toHaveLength(1);
  });
});

describe("filetimeHex", () => {
  it("converts Unix microseconds to FILETIME hex", () => {
    expect(filetimeHex(0)).toBe(116_444_736_000_000_000n.toString(16));
    expect(filetimeHex(1_700_000_000_000_000)).toBe("1da1747c66d0000");
  });
});
