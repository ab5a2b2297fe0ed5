import type { EventTemplate } from "@/lib/engine/event";
import { renderers } from "@/lib/engine/renderers/registry";

/**
 * Puts an evtx-json event's keys back in the order evtx_dump writes them (Event, System, then EventData in
 * the renderer template's field order). JSONB storage sorts keys, so events read from the database need it.
 */

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => Boolean(v) && typeof v === "object" && !Array.isArray(v);

const EVENT_KEYS = ["#attributes", "System", "EventData", "UserData"];
const SYSTEM_KEYS = [
  "Provider",
  "EventID",
  "Version",
  "Level",
  "Task",
  "Opcode",
  "Keywords",
  "TimeCreated",
  "EventRecordID",
  "Correlation",
  "Execution",
  "Channel",
  "Computer",
  "Security",
];
const ATTRIBUTE_KEYS: Record<string, string[]> = {
  Provider: ["Name", "Guid", "EventSourceName"],
  Execution: ["ProcessID", "ThreadID"],
  EventID: ["#attributes", "#text"],
};

let fieldOrders: Map<string, string[]> | null = null;

function keyOf(provider: string, eventId: number, version: number): string {
  return `${provider}|${eventId}|${version}`;
}

function orders(): Map<string, string[]> {
  if (!fieldOrders) {
    fieldOrders = new Map();
    const add = (t: EventTemplate) => {
      // Unnamed <Data> values sit under one "Data": {"#text": […]} where the first of them appears.
      const names = [...new Set(t.fields.map((f) => f.name ?? "Data"))];
      const key = keyOf(t.provider.name, t.eventId, t.version);
      if (!fieldOrders!.has(key)) fieldOrders!.set(key, names);
    };
    for (const r of renderers) r.templates.forEach(add);
  }
  return fieldOrders;
}

/** Keys in `preferred` order first, then any others as they come. */
function ordered(obj: Dict, preferred: readonly string[]): Dict {
  const out: Dict = {};
  for (const k of preferred) if (k in obj) out[k] = obj[k];
  for (const [k, v] of Object.entries(obj)) if (!(k in out)) out[k] = v;
  return out;
}

function orderSystem(system: Dict): Dict {
  const out = ordered(system, SYSTEM_KEYS);
  for (const [name, keys] of Object.entries(ATTRIBUTE_KEYS)) {
    const node = out[name];
    if (!isDict(node)) continue;
    const next = name === "EventID" ? ordered(node, keys) : { ...node };
    if (isDict(next["#attributes"])) next["#attributes"] = ordered(next["#attributes"] as Dict, keys);
    out[name] = next;
  }
  return out;
}

export function orderEvtx(raw: unknown): unknown {
  if (!isDict(raw) || !isDict(raw.Event)) return raw;
  const event = ordered(raw.Event, EVENT_KEYS);
  const system = isDict(event.System) ? orderSystem(event.System) : event.System;
  event.System = system;
  if (isDict(event.EventData) && isDict(system)) {
    const provider =
      isDict(system.Provider) && isDict(system.Provider["#attributes"])
        ? system.Provider["#attributes"].Name
        : "";
    const id = isDict(system.EventID) ? Number(system.EventID["#text"]) : Number(system.EventID);
    const names = orders().get(keyOf(String(provider), id, Number(system.Version ?? 0)));
    const data = event.EventData;
    event.EventData = ordered(data, names ? ["#attributes", ...names] : ["#attributes"]);
  }
  return { ...raw, Event: event };
}
