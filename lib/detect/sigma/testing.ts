import { SYSMON_CHANNEL } from "../logsources/windows";
import { compileSources } from "./load";
import { SigmaEngine } from "./engine";

/** Test helper: an evtx-json event for a channel and ID with EventData fields. */
export function evtx(
  channel: string,
  eventId: number,
  data: Record<string, unknown>,
  time = "2025-01-01T00:00:00.000Z",
): Record<string, unknown> {
  return {
    Event: {
      "#attributes": { xmlns: "http://schemas.microsoft.com/win/2004/08/events/event" },
      System: {
        Provider: { "#attributes": { Name: channel.split("/")[0] } },
        EventID: eventId,
        Channel: channel,
        Computer: "ws01.corp.local",
        TimeCreated: { "#attributes": { SystemTime: time } },
      },
      EventData: data,
    },
  };
}

export const sysmon = (eventId: number, data: Record<string, unknown>, time?: string) =>
  evtx(SYSMON_CHANNEL, eventId, data, time);

/** Test helper: a process_creation rule around a detection block (YAML, indented under `detection:`). */
export function processRule(detection: string, extra = ""): string {
  return `title: test rule\nid: 00000000-0000-0000-0000-000000000001\n${extra}logsource:\n  product: windows\n  category: process_creation\ndetection:\n${detection}\n`;
}

/** Compiles YAML text (must load cleanly) and returns which event indexes fire. */
export function firing(yamlText: string, events: unknown[]): number[] {
  const loaded = compileSources([{ file: "test.yml", text: yamlText }]);
  if (loaded.failures.length) throw new Error(loaded.failures.map((f) => `${f.line}: ${f.error}`).join("; "));
  return new SigmaEngine(loaded.rules, loaded.correlations).run(events).matches.map((m) => m.event);
}

/** The load failure a rule produces (or undefined when it loads). */
export function loadError(yamlText: string): string | undefined {
  const f = compileSources([{ file: "bad.yml", text: yamlText }]).failures[0];
  return f ? `${f.file}:${f.line ?? "?"}: ${f.error}` : undefined;
}
