import type { EventLabel, ViewerEvent } from "./types";

/** Stored run event (lib/db) → the viewer's flat row. Pure; the one place that reads evtx-json shapes. */

type Dict = Record<string, unknown>;
const dict = (v: unknown): Dict => (v && typeof v === "object" && !Array.isArray(v) ? (v as Dict) : {});

export interface StoredEvent {
  seq: number;
  time: string;
  channel: string;
  eventId: number;
  host: string;
  technique: string | null;
  malicious: boolean;
  raw: unknown;
  label: unknown;
}

function text(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") {
    const inner = (value as Dict)["#text"];
    if (Array.isArray(inner)) return inner.map(text).join(", ");
    return inner !== undefined ? text(inner) : JSON.stringify(value);
  }
  return String(value);
}

/** EventData (or UserData's element) as ordered name → text; unnamed Data become Data[0], Data[1] … */
export function eventData(raw: unknown): Record<string, string> {
  const event = dict(dict(raw).Event);
  const source = event.EventData ?? Object.values(dict(event.UserData))[0];
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(dict(source))) {
    if (name === "#attributes") continue;
    if (name === "Data" && Array.isArray(dict(value)["#text"])) {
      (dict(value)["#text"] as unknown[]).forEach((v, i) => (out[`Data[${i}]`] = text(v)));
      continue;
    }
    out[name] = text(value);
  }
  return out;
}

export function providerOf(raw: unknown): string {
  const provider = dict(dict(dict(dict(raw).Event).System).Provider);
  return text(dict(provider["#attributes"]).Name);
}

export function labelOf(stored: StoredEvent): EventLabel {
  const label = dict(stored.label);
  return {
    step: typeof label.step === "number" ? label.step : null,
    technique: stored.technique ?? (typeof label.technique === "string" ? label.technique : null),
    action: typeof label.actionKind === "string" ? label.actionKind : null,
    malicious: stored.malicious,
  };
}

/** TimeCreated with the 7-digit fraction when the raw event has it, else the stored instant. */
function timeOf(stored: StoredEvent): string {
  const created = dict(dict(dict(dict(stored.raw).Event).System).TimeCreated);
  const value = dict(created["#attributes"]).SystemTime;
  return typeof value === "string" ? value : stored.time;
}

export function toViewerEvent(stored: StoredEvent): ViewerEvent {
  return {
    seq: stored.seq,
    time: timeOf(stored),
    host: stored.host,
    channel: stored.channel,
    eventId: stored.eventId,
    provider: providerOf(stored.raw),
    data: eventData(stored.raw),
    label: labelOf(stored),
  };
}
