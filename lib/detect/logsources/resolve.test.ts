import { describe, expect, it } from "vitest";
import { SigmaEngine } from "../sigma/engine";
import { compileSources } from "../sigma/load";
import { evtx, sysmon } from "../sigma/testing";
import { resolveLogsource } from "./resolve";

function fire(logsource: string, detection: string, events: unknown[]): number[] {
  const loaded = compileSources([
    { file: "r.yml", text: `title: t\nlogsource:\n${logsource}\ndetection:\n${detection}\n` },
  ]);
  expect(loaded.failures).toEqual([]);
  return new SigmaEngine(loaded.rules).run(events).matches.map((m) => m.event);
}

describe("log sources", () => {
  it("process_creation sees Sysmon 1 and Security 4688 with the field mapping", () => {
    const events = [
      sysmon(1, {
        Image: "C:\\Windows\\System32\\whoami.exe",
        ParentImage: "C:\\x\\cmd.exe",
        User: "CORP\\alice",
      }),
      evtx("Security", 4688, {
        NewProcessName: "C:\\Windows\\System32\\whoami.exe",
        ParentProcessName: "C:\\x\\cmd.exe",
        SubjectUserName: "alice",
      }),
      sysmon(11, { Image: "C:\\Windows\\System32\\whoami.exe" }),
      evtx("Security", 4624, { NewProcessName: "C:\\Windows\\System32\\whoami.exe" }),
    ];
    const ls = "  product: windows\n  category: process_creation";
    expect(
      fire(
        ls,
        "  sel:\n    Image|endswith: '\\whoami.exe'\n    ParentImage|endswith: '\\cmd.exe'\n  condition: sel",
        events,
      ),
    ).toEqual([0, 1]);
    expect(fire(ls, "  sel:\n    User|contains: alice\n  condition: sel", events)).toEqual([0, 1]);
  });
  it("ParentProcessId reads the 4688 creator ProcessId, ProcessId reads NewProcessId", () => {
    const events = [evtx("Security", 4688, { NewProcessId: "0x10", ProcessId: "0x20" })];
    const ls = "  product: windows\n  category: process_creation";
    expect(
      fire(ls, "  sel:\n    ParentProcessId: '0x20'\n    ProcessId: '0x10'\n  condition: sel", events),
    ).toEqual([0]);
  });
  it("registry_set sees Sysmon 13 and Security 4657; network_connection sees Sysmon 3 and 5156", () => {
    const reg = [
      sysmon(13, { TargetObject: "HKLM\\Software\\Run\\x", Details: "evil.exe" }),
      evtx("Security", 4657, { ObjectName: "\\REGISTRY\\MACHINE\\Software\\Run", NewValue: "evil.exe" }),
      sysmon(12, { TargetObject: "HKLM\\Software\\Run" }),
    ];
    expect(
      fire(
        "  product: windows\n  category: registry_set",
        "  sel:\n    TargetObject|contains: '\\Run'\n    Details|endswith: evil.exe\n  condition: sel",
        reg,
      ),
    ).toEqual([0, 1]);
    const net = [
      sysmon(3, { DestinationIp: "10.1.1.1", DestinationPort: 445, Image: "C:\\a.exe" }),
      evtx("Security", 5156, {
        DestAddress: "10.1.1.1",
        DestPort: "445",
        Application: "\\device\\harddiskvolume2\\a.exe",
      }),
    ];
    expect(
      fire(
        "  product: windows\n  category: network_connection",
        "  sel:\n    DestinationIp|cidr: 10.0.0.0/8\n    DestinationPort: 445\n    Image|endswith: '\\a.exe'\n  condition: sel",
        net,
      ),
    ).toEqual([0, 1]);
  });
  it("registry_add / registry_delete split Sysmon 12 by EventType", () => {
    const events = [
      sysmon(12, { EventType: "CreateKey", TargetObject: "HKLM\\x" }),
      sysmon(12, { EventType: "DeleteValue", TargetObject: "HKLM\\x" }),
    ];
    expect(
      fire(
        "  product: windows\n  category: registry_delete",
        "  sel:\n    TargetObject: 'HKLM\\x'\n  condition: sel",
        events,
      ),
    ).toEqual([1]);
    expect(
      fire(
        "  product: windows\n  category: registry_add",
        "  sel:\n    TargetObject: 'HKLM\\x'\n  condition: sel",
        events,
      ),
    ).toEqual([0]);
  });
  it("services select channels; PowerShell categories select channel and ID", () => {
    const events = [
      evtx("Microsoft-Windows-PowerShell/Operational", 4104, { ScriptBlockText: "Invoke-Mimikatz" }),
      evtx("Microsoft-Windows-PowerShell/Operational", 4103, { Payload: "Invoke-Mimikatz" }),
      evtx("Windows PowerShell", 400, { Data: "HostApplication=powershell -enc" }),
      evtx("System", 7045, { ImagePath: "Invoke-Mimikatz" }),
    ];
    expect(
      fire(
        "  product: windows\n  category: ps_script",
        "  sel:\n    ScriptBlockText|contains: mimikatz\n  condition: sel",
        events,
      ),
    ).toEqual([0]);
    expect(
      fire(
        "  product: windows\n  category: ps_module",
        "  sel:\n    Payload|contains: mimikatz\n  condition: sel",
        events,
      ),
    ).toEqual([1]);
    expect(
      fire(
        "  product: windows\n  category: ps_classic_start",
        "  sel:\n    Data|contains: 'HostApplication='\n  condition: sel",
        events,
      ),
    ).toEqual([2]);
    expect(
      fire("  product: windows\n  service: system", "  sel:\n    EventID: 7045\n  condition: sel", events),
    ).toEqual([3]);
    expect(
      fire(
        "  product: windows\n  service: powershell",
        "  keywords: [mimikatz]\n  condition: keywords",
        events,
      ),
    ).toEqual([0, 1]);
  });
  it("runs the same rule on ECS events", () => {
    const ecs = [
      {
        "@timestamp": "2025-01-01T00:00:00Z",
        winlog: {
          channel: "Microsoft-Windows-Sysmon/Operational",
          event_id: 1,
          event_data: { Image: "C:\\w\\whoami.exe" },
        },
      },
      {
        "@timestamp": "2025-01-01T00:00:00Z",
        event: { category: ["process"], type: ["start"] },
        process: { executable: "C:\\w\\whoami.exe", parent: { executable: "C:\\w\\cmd.exe" } },
      },
      {
        "@timestamp": "2025-01-01T00:00:00Z",
        event: { category: ["file"], type: ["creation"] },
        file: { path: "C:\\w\\whoami.exe" },
      },
    ];
    expect(
      fire(
        "  product: windows\n  category: process_creation",
        "  sel:\n    Image|endswith: '\\whoami.exe'\n  condition: sel",
        ecs,
      ),
    ).toEqual([0, 1]);
    expect(
      fire(
        "  product: windows\n  category: process_creation",
        "  sel:\n    ParentImage|endswith: '\\cmd.exe'\n  condition: sel",
        ecs,
      ),
    ).toEqual([1]);
  });
  it("names why non-Windows log sources see nothing", () => {
    expect(resolveLogsource({ product: "linux", category: "process_creation" })).toEqual({
      targets: [],
      outOfScope: "product 'linux' is not Windows event logs",
    });
    expect(resolveLogsource({ product: "windows", service: "no-such-service" }).outOfScope).toMatch(
      /no known Windows channel/,
    );
  });
});
