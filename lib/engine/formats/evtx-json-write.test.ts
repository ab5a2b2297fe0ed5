import { describe, expect, it } from "vitest";
import { defineTemplate, type FieldValue, type WinEvent } from "../event";
import { serializeEvtxJson } from "./evtx-json";

// The writer caches texts per value, per run of values and per host, and changes strategy as hit rates
// move: a long stream mixing stable, drifting and one-off values must still write exactly each event.
const template = defineTemplate({
  key: "test/writer-caches",
  provider: { name: "Test-Provider", guid: "5770385F-C22A-43E0-BF4C-06F5698FFBD9" },
  eventId: 1,
  version: 1,
  level: 4,
  task: 1,
  opcode: 0,
  keywords: "0x8000000000000000",
  channel: "Test/Operational",
  fields: ["Rule", "Stamp", "Guid:guid", "Pid:int", "Image", "Odd:int", "Flag:bool", "Path", "User"],
});

function rng(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

function events(count: number): WinEvent[] {
  const r = rng(7);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const images = ["C:\\Windows\\System32\\svchost.exe", "C:\\Windows\\explorer.exe", 'say "hi"', "tab\there"];
  return Array.from({ length: count }, (_, i): WinEvent => {
    // Phases: values drift from repeating to one-off and back, so fields switch between strategies.
    const phase = Math.floor(i / 3000) % 3;
    const data: FieldValue[] = [
      "-",
      `2025-10-25 17:41:${String(i % 60).padStart(2, "0")}.${i}`,
      phase === 1 ? `GUID-${i}` : pick(["A-1", "B-2", "C-3"]),
      phase === 2 ? i : pick([4, 8, 15]),
      pick(images),
      pick([1, "n/a", null, 2.5]),
      pick([true, false]),
      phase === 0 ? `C:\\Temp\\${Math.floor(r() * 5000)}.tmp` : pick(images),
      pick(["NT AUTHORITY\\SYSTEM", "CORP\\alice", "\u00e9l\u00e8ve"]),
    ];
    return {
      template,
      timeCreated: `2025-10-25T17:41:46.${String(i % 10_000_000).padStart(7, "0")}Z`,
      timeUs: 0,
      recordId: i + 1,
      activityId: i % 7 === 0 ? "6E2C0D35-5D8A-4A3B-8C1D-0F1E2D3C4B5A" : null,
      processId: pick([4, 600]),
      threadId: pick([8, 900]),
      computer: pick(["WS1.corp.local", "DC1.corp.local", 'SRV "quoted"']),
      userId: pick([null, "S-1-5-18"]),
      data,
    };
  });
}

/** The same event built as an object: JSON.stringify is the reference text. */
function expected(e: WinEvent): string {
  const data: Record<string, FieldValue> = {};
  template.fields.forEach((f, i) => {
    const v = e.data[i];
    data[f.name!] = typeof v === "number" && f.type !== "int" ? String(v) : v;
  });
  return JSON.stringify({
    Event: {
      "#attributes": { xmlns: "http://schemas.microsoft.com/win/2004/08/events/event" },
      System: {
        Provider: { "#attributes": { Name: template.provider.name, Guid: template.provider.guid } },
        EventID: 1,
        Version: 1,
        Level: 4,
        Task: 1,
        Opcode: 0,
        Keywords: template.keywords,
        TimeCreated: { "#attributes": { SystemTime: `${e.timeCreated.slice(0, 26)}Z` } },
        EventRecordID: e.recordId,
        Correlation: e.activityId === null ? null : { "#attributes": { ActivityID: e.activityId } },
        Execution: { "#attributes": { ProcessID: e.processId, ThreadID: e.threadId } },
        Channel: template.channel,
        Computer: e.computer,
        Security: e.userId === null ? null : { "#attributes": { UserID: e.userId } },
      },
      EventData: data,
    },
  });
}

describe("evtx-json writer caches", () => {
  it("writes every event of a long, drifting stream as JSON.stringify would", () => {
    const all = events(20_000);
    let bad = 0;
    for (const e of all) if (serializeEvtxJson(e) !== expected(e)) bad++;
    expect(bad).toBe(0);
    // Again in another order: cached state from the first pass must not leak into other events.
    for (const e of all.slice().reverse().slice(0, 5000)) expect(serializeEvtxJson(e)).toBe(expected(e));
  });
});
