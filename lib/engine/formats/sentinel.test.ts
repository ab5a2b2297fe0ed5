import { describe, expect, it } from "vitest";
import { fieldValue, type WinEvent } from "../event";
import { serialize } from "../generate";
import { generateChannels } from "./ecs-fixture";
import { openSentinel, parseSentinel, sentinelFormat, sentinelTables } from "./sentinel";

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const { events, labels } = generateChannels(21, "low");
/** The whole stream, written once with one stateful serializer. */
const write = openSentinel();
const perEvent = events.map((e) =>
  write(e)
    .split("\n")
    .map((l) => JSON.parse(l) as Row),
);
const rows = perEvent.flat();

function scenario(channel: string, id: number): [WinEvent, Row[]] {
  const i = events.findIndex(
    (e, j) => labels[j].step === 0 && e.template.channel === channel && e.template.eventId === id,
  );
  expect(i, `${channel} ${id} generated`).toBeGreaterThanOrEqual(0);
  return [events[i], perEvent[i]];
}

/** null and "" are the same in XML text. */
const same = (v: unknown) => (v === null ? "" : v);

describe("sentinel format", () => {
  it("routes Security to SecurityEvent, other channels to Event, Sysmon activity also to Device* tables", () => {
    const types = new Set(rows.map((r) => r.Type));
    for (const t of sentinelTables) expect(types.has(t), t).toBe(true);
    events.forEach((e, i) => {
      expect(perEvent[i][0].Type).toBe(e.template.channel === "Security" ? "SecurityEvent" : "Event");
    });
  });

  it("round-trips SecurityEvent and Event rows back to the same events", () => {
    const text = events.map((e) => sentinelFormat.serialize(e)).join("\n");
    const parsed = parseSentinel(text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.events).toHaveLength(events.length);
    parsed.events.forEach((p, i) => {
      const e = events[i];
      expect(p.template).toBe(e.template);
      expect([p.timeCreated, p.timeUs, p.computer]).toEqual([e.timeCreated, e.timeUs, e.computer]);
      expect(p.data.map(same)).toEqual(e.data.map(same));
    });
  });

  it("is deterministic, and the registry's stateless serialize agrees with the stream on System columns", () => {
    const again = openSentinel();
    const text = generateChannels(21, "low")
      .events.map((e) => again(e))
      .join("\n");
    expect(text).toBe(rows.map((r) => JSON.stringify(r)).join("\n"));
    expect(serialize(events, "sentinel")).toBe(serialize(generateChannels(21, "low").events, "sentinel"));
  });

  it("fills SecurityEvent columns the way Sentinel does (Activity, Account, Level, Process, EventData XML)", () => {
    const [e, [row]] = scenario("Security", 4688);
    expect(row).toMatchObject({
      Type: "SecurityEvent",
      EventID: 4688,
      Activity: "4688 - A new process has been created.",
      Channel: "Security",
      EventSourceName: "Microsoft-Windows-Security-Auditing",
      Level: "8",
      Task: 13312,
      Account: `${fieldValue(e, "SubjectDomainName")}\\${fieldValue(e, "SubjectUserName")}`,
      AccountType: "User",
      NewProcessName: fieldValue(e, "NewProcessName"),
      CommandLine: fieldValue(e, "CommandLine"),
      ParentProcessName: fieldValue(e, "ParentProcessName"),
      Process: String(fieldValue(e, "NewProcessName")).split("\\").pop(),
    });
    expect(row.EventData).toMatch(
      /^<EventData xmlns="http:\/\/schemas\.microsoft\.com\/win\/2004\/08\/events\/event"><Data Name="SubjectUserSid">S-1-5-21-/,
    );
  });

  it("writes Event rows with RenderedDescription, ParameterXml and the TaskScheduler EventData name", () => {
    const [, [sysmon]] = scenario("Microsoft-Windows-Sysmon/Operational", 1);
    expect(sysmon).toMatchObject({
      Source: "Microsoft-Windows-Sysmon",
      EventLevelName: "Information",
      UserName: "NT AUTHORITY\\SYSTEM",
    });
    expect(sysmon.RenderedDescription).toMatch(/^Process Create:\r\nRuleName: -\r\nUtcTime: /);
    expect(sysmon.ParameterXml.startsWith("<Param>-</Param><Param>")).toBe(true);
    const [, [task]] = scenario("Microsoft-Windows-TaskScheduler/Operational", 106);
    expect(task.EventData).toContain('<EventData Name="TaskRegisteredEvent"');
    expect(task.RenderedDescription).toMatch(/^User ".+"  registered Task Scheduler task "\\Updater"$/);
    const [, [svc]] = scenario("System", 7036);
    expect(svc.EventData).toMatch(/<Data Name="param2">running<\/Data><Binary>[0-9A-F]+<\/Binary>/);
    const [, [wmi]] = scenario("Microsoft-Windows-WMI-Activity/Operational", 5861);
    expect(wmi.EventData).toMatch(
      /^<UserData><Operation_ESStoConsumerBinding xmlns="http:\/\/manifests\.microsoft\.com\/win\/2006\/windows\/WMI"><Namespace>/,
    );
  });

  it("derives DeviceProcessEvents with InitiatingProcess* from the parent's own Sysmon 1 in the stream", () => {
    const wordIndex = events.findIndex(
      (e, j) =>
        labels[j].step === 0 && /WINWORD/i.test(String(fieldValue(e, "Image"))) && e.template.eventId === 1,
    );
    const psIndex = events.findIndex(
      (e, j) =>
        labels[j].step === 0 &&
        /powershell\.exe$/i.test(String(fieldValue(e, "Image"))) &&
        e.template.eventId === 1,
    );
    const word = events[wordIndex];
    const ps = perEvent[psIndex].find((r) => r.Type === "DeviceProcessEvents")!;
    expect(ps).toMatchObject({
      ActionType: "ProcessCreated",
      FileName: "powershell.exe",
      ProcessCommandLine: fieldValue(events[psIndex], "CommandLine"),
      InitiatingProcessFileName: "WINWORD.EXE",
      InitiatingProcessCommandLine: fieldValue(word, "CommandLine"),
      InitiatingProcessCreationTime: word.timeCreated,
      InitiatingProcessParentFileName: "explorer.exe",
    });
    const wordSha256 = /SHA256=([0-9A-F]{64})/.exec(String(fieldValue(word, "Hashes")))![1].toLowerCase();
    expect(ps.InitiatingProcessSHA256).toBe(wordSha256);
    expect(ps.AccountSid).toMatch(/^S-1-5-21-\d+-\d+-\d+-\d+$/); // learned from the 4688 of the same process
    // Stateless serialize cannot know the parent's hashes.
    const alone = sentinelFormat
      .serialize(events[psIndex])
      .split("\n")
      .map((l) => JSON.parse(l) as Row);
    expect(alone.find((r) => r.Type === "DeviceProcessEvents")!.InitiatingProcessSHA256).toBeNull();
  });

  it("derives network, file and registry rows from Sysmon 3, 11 and 13", () => {
    const [net, netRows] = scenario("Microsoft-Windows-Sysmon/Operational", 3);
    expect(netRows[1]).toMatchObject({
      Type: "DeviceNetworkEvents",
      ActionType: "ConnectionSuccess",
      RemoteIP: fieldValue(net, "DestinationIp"),
      RemotePort: 443,
      RemoteUrl: "cdn.example.org",
      Protocol: "Tcp",
      LocalIPType: "Private",
      RemoteIPType: "Public",
      InitiatingProcessFileName: "powershell.exe",
    });
    expect(netRows[1].InitiatingProcessSHA1).toMatch(/^[0-9a-f]{40}$/);
    const [, fileRows] = scenario("Microsoft-Windows-Sysmon/Operational", 11);
    expect(fileRows[1]).toMatchObject({ Type: "DeviceFileEvents", ActionType: "FileCreated" });
    const reg = perEvent.find(
      (r, i) =>
        labels[i].step === 0 &&
        r[1]?.Type === "DeviceRegistryEvents" &&
        r[1].ActionType === "RegistryValueSet" &&
        r[1].RegistryValueName === "Updater",
    );
    expect(reg?.[1]).toMatchObject({
      RegistryKey: expect.stringMatching(
        /^HKEY_CURRENT_USER\\S-1-5-21-[\d-]+\\Software\\Microsoft\\Windows\\CurrentVersion\\Run$/,
      ),
      RegistryValueType: "String",
      RegistryValueData: "C:\\Users\\Public\\u.exe",
    });
  });

  it("reports malformed rows per line and skips derived Defender rows when parsing", () => {
    const text = [
      "{",
      JSON.stringify({ Type: "SecurityEvent", TimeGenerated: "2026-01-01T00:00:00.0000000Z" }),
      JSON.stringify(rows.find((r) => r.Type === "DeviceProcessEvents")),
      JSON.stringify({
        Type: "Event",
        TimeGenerated: "x",
        EventLog: "Nope",
        EventID: 1,
        Computer: "h",
        EventData: "<EventData></EventData>",
      }),
    ].join("\n");
    const r = parseSentinel(text);
    expect(r.events).toEqual([]);
    expect(r.errors.map((e) => e.line)).toEqual([1, 2, 4]);
    expect(r.errors[2].message).toContain('bad TimeGenerated "x"');
  });
});
