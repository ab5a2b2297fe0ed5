import { describe, expect, it } from "vitest";
import { logSourceKeys, parseEventIds, toLogSource } from "./log-sources";

describe("parseEventIds", () => {
  it.each([
    ["EventCode=10", [10]],
    ["EventCode=13, 14", [13, 14]],
    ["EventCode=4103, 4104, 4105, 4106", [4103, 4104, 4105, 4106]],
    ["EventCode=4778, EventCode=4779", [4778, 4779]],
    ["EventCode=5005 (WLAN), EventCode=302 (Bluetooth)", [5005, 302]],
    [" eventcode = 1 ", [1]],
    ["EventID=4688", [4688]],
    ["EventCode=1, 1", [1]],
  ])("parses %j", (channel, ids) => {
    expect(parseEventIds(channel)).toEqual(ids);
  });

  it.each([
    "System shutdowns due to bugcheck (Event ID 1001) or watchdog timer expirations",
    "EventCode=1 and a parent of explorer.exe",
    "socket/connect",
    "port 5900 inbound",
    "",
  ])("keeps free text %j as text (no ids)", (channel) => {
    expect(parseEventIds(channel)).toEqual([]);
  });
});

describe("logSourceKeys", () => {
  it("gives the source name and one key per event id", () => {
    expect(logSourceKeys(toLogSource("WinEventLog:Sysmon", "EventCode=13, 14", null))).toEqual([
      "WinEventLog:Sysmon",
      "WinEventLog:Sysmon EventCode 13",
      "WinEventLog:Sysmon EventCode 14",
    ]);
    expect(
      logSourceKeys(toLogSource(" auditd:SYSCALL ", "socket/connect", "Network Connection Creation")),
    ).toEqual(["auditd:SYSCALL"]);
  });
});
