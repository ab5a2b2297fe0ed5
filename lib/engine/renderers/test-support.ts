// Shared by the renderer tests: run an explicit plan, find events by template, check the evtx round trips.
import { procedures } from "@/lib/procedures/registry";
import type { ActionInput } from "../actions";
import type { WinEvent } from "../event";
import { parseEvtxJson } from "../formats/evtx-json";
import { parseEvtxXml } from "../formats/evtx-xml";
import { generate, serialize } from "../generate";

/** One noise-free step of `technique` carried out by an explicit plan. */
export function generatePlan(technique: string, plan: ActionInput[], seed: number) {
  return generate({ seed, noise: { level: "none" }, steps: [{ technique, plan }] }, { procedures });
}

/** An elevated powershell.exe started from the user's shell, named `id` for later actions. */
export function elevatedPowerShell(id: string): ActionInput {
  return {
    id,
    kind: "process.create",
    proc: id,
    parent: "@explorer",
    image: "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
    commandLine: "powershell.exe",
    elevated: true,
  };
}

/** The events of one template key ("sysmon/1", "security/4624"). */
export function eventsOfKey(events: readonly WinEvent[], key: string): WinEvent[] {
  return events.filter((e) => e.template.key === key);
}

/** The EventData names of an event's template, in order. */
export function fieldNames(e: WinEvent): (string | null)[] {
  return e.template.fields.map((f) => f.name);
}

/** Each evtx text of the events and that text read back and written again: equal when nothing is lost. */
export function evtxRoundTrips(events: readonly WinEvent[]): [written: string, rewritten: string][] {
  const json = serialize(events, "evtx-json");
  const xml = serialize(events, "evtx-xml");
  return [
    [json, serialize(parseEvtxJson(json).events, "evtx-json")],
    [xml, serialize(parseEvtxXml(xml).events, "evtx-xml")],
  ];
}
