import { describe, expect, it } from "vitest";
import { SigmaEngine } from "./engine";
import { compileSources } from "./load";
import { sysmon } from "./testing";

const base = `title: failed logon
id: 11111111-1111-1111-1111-111111111111
name: failed_logon
logsource:
  product: windows
  service: security
detection:
  sel:
    EventID: 4625
  condition: sel
---
title: whoami
id: 22222222-2222-2222-2222-222222222222
name: whoami
logsource:
  product: windows
  category: process_creation
detection:
  sel:
    Image|endswith: '\\whoami.exe'
  condition: sel
`;

const logon = (user: string, ip: string, second: number) => ({
  Event: {
    System: {
      EventID: 4625,
      Channel: "Security",
      TimeCreated: {
        "#attributes": { SystemTime: new Date(Date.UTC(2025, 0, 1, 0, 0, second)).toISOString() },
      },
    },
    EventData: { TargetUserName: user, IpAddress: ip },
  },
});
const whoami = (second: number, user = "alice") =>
  sysmon(
    1,
    { Image: "C:\\Windows\\System32\\whoami.exe", User: user },
    new Date(Date.UTC(2025, 0, 1, 0, 0, second)).toISOString(),
  );

function correlate(correlation: string, events: unknown[]) {
  const loaded = compileSources([{ file: "c.yml", text: `${base}---\n${correlation}` }]);
  expect(loaded.failures).toEqual([]);
  return new SigmaEngine(loaded.rules, loaded.correlations).run(events).correlations;
}

describe("correlation rules", () => {
  const burst = [
    logon("bob", "10.0.0.9", 0),
    logon("bob", "10.0.0.9", 10),
    logon("bob", "10.0.0.9", 20),
    logon("eve", "10.0.0.9", 25),
    logon("bob", "10.0.0.9", 200),
  ];

  it("event_count groups by field within the timespan", () => {
    const out = correlate(
      "title: brute force\ncorrelation:\n  type: event_count\n  rules: [failed_logon]\n  group-by: [TargetUserName]\n  timespan: 1m\n  condition:\n    gte: 3\nlevel: high\n",
      burst,
    );
    expect(out.map((c) => [c.group, c.events, c.value])).toEqual([[{ TargetUserName: "bob" }, [0, 1, 2], 3]]);
  });

  it("value_count counts distinct values of a field", () => {
    const out = correlate(
      "title: spray\ncorrelation:\n  type: value_count\n  rules: failed_logon\n  group-by: [IpAddress]\n  timespan: 1m\n  condition:\n    field: TargetUserName\n    gte: 2\n",
      burst,
    );
    expect(out).toHaveLength(1);
    expect(out[0].group).toEqual({ IpAddress: "10.0.0.9" });
    expect(out[0].value).toBe(2);
  });

  it("temporal needs every rule in the window; temporal_ordered also the order", () => {
    const events = [whoami(5), logon("alice", "10.0.0.1", 30), logon("alice", "10.0.0.1", 500)];
    const temporal = (type: string, rules: string) =>
      correlate(
        `title: t\ncorrelation:\n  type: ${type}\n  rules: [${rules}]\n  group-by: [user]\n  timespan: 1m\n  aliases:\n    user:\n      failed_logon: TargetUserName\n      whoami: User\n`,
        events,
      );
    expect(temporal("temporal", "failed_logon, whoami").map((c) => c.events)).toEqual([[0, 1]]);
    expect(temporal("temporal_ordered", "whoami, failed_logon").map((c) => c.events)).toEqual([[0, 1]]);
    expect(temporal("temporal_ordered", "failed_logon, whoami")).toEqual([]);
  });

  it("rejects references to rules that are not loaded", () => {
    const loaded = compileSources([
      {
        file: "c.yml",
        text: `${base}---\ntitle: x\ncorrelation:\n  type: event_count\n  rules: [nope]\n  timespan: 5m\n  condition:\n    gt: 1\n`,
      },
    ]);
    expect(loaded.rules).toHaveLength(2);
    expect(loaded.failures[0].error).toMatch(/refers to rule 'nope'/);
  });
});
