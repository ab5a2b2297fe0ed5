/** Small hand-made rule and events for the rule-set tests (real Sysmon field names and shapes). */

export const WHOAMI_RULE = `title: Whoami Execution
id: 0b6f3e55-6a4b-4c3b-9a7e-6c1d2f7e8a01
status: test
description: whoami run from a shell
tags:
  - attack.discovery
  - attack.t1033
logsource:
  category: process_creation
  product: windows
detection:
  selection_img:
    Image|endswith: '\\whoami.exe'
  selection_parent:
    ParentImage|endswith:
      - '\\cmd.exe'
      - '\\powershell.exe'
  condition: all of selection_*
level: medium
`;

/** Line 14 has a modifier the engine does not know. */
export const BROKEN_RULE = `title: Broken Rule
id: 9a4f7c2e-1111-4c3b-9a7e-6c1d2f7e8a02
status: test
tags:
  - attack.t1059
logsource:
  category: process_creation
  product: windows
detection:
  selection:
    Image|endswith: '\\cmd.exe'
  filter:
    CommandLine|contains: 'safe'
    User|startwith: 'SYSTEM'
  condition: selection and not filter
level: low
`;

function sysmon1(record: number, image: string, parent: string, commandLine: string): object {
  return {
    Event: {
      System: {
        Provider: { "#attributes": { Name: "Microsoft-Windows-Sysmon" } },
        EventID: 1,
        Channel: "Microsoft-Windows-Sysmon/Operational",
        Computer: "WS01.corp.local",
        EventRecordID: record,
        TimeCreated: { "#attributes": { SystemTime: "2026-03-01T10:00:00.000Z" } },
      },
      EventData: {
        Image: image,
        ParentImage: parent,
        CommandLine: commandLine,
        User: "CORP\\alice",
        IntegrityLevel: "Medium",
      },
    },
  };
}

export const EVENTS_NDJSON = [
  sysmon1(1, "C:\\Windows\\System32\\whoami.exe", "C:\\Windows\\System32\\cmd.exe", "whoami /all"),
  sysmon1(2, "C:\\Windows\\System32\\notepad.exe", "C:\\Windows\\explorer.exe", "notepad.exe"),
  sysmon1(
    3,
    "C:\\Windows\\System32\\whoami.exe",
    "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
    "whoami",
  ),
]
  .map((e) => JSON.stringify(e))
  .join("\n");
