import type { EventTemplate } from "../event";
import { renderers } from "../renderers/registry";
import { templateFor, type SystemPart } from "./known";

/** Every template the engine can emit, indexed by "channel|eventId" (static data, built once). */
let index: Map<string, EventTemplate[]> | null = null;

function templateIndex(): Map<string, EventTemplate[]> {
  if (!index) {
    index = new Map();
    for (const t of renderers.flatMap((r) => r.templates)) {
      const key = `${t.channel.toLowerCase()}|${t.eventId}`;
      const list = index.get(key) ?? [];
      if (!list.includes(t)) list.push(t);
      index.set(key, list);
    }
  }
  return index;
}

export interface TemplateHint {
  readonly version?: number;
  readonly level?: number;
  /** Field names present in the record (EventData names; "param1"… for unnamed). */
  readonly names?: readonly string[];
}

/**
 * The template a parsed record was written from: same channel and event ID, then the closest by version,
 * level and field names (templates of one event ID differ in those).
 */
export function findTemplate(
  channel: string,
  eventId: number,
  hint: TemplateHint = {},
): EventTemplate | undefined {
  const candidates = templateIndex().get(`${channel.toLowerCase()}|${eventId}`);
  if (!candidates || candidates.length === 0) return undefined;
  if (candidates.length === 1) return candidates[0];
  let best = candidates[0];
  let bestScore = -Infinity;
  for (const t of candidates) {
    let score = 0;
    if (hint.version !== undefined && t.version === hint.version) score += 100;
    if (hint.level !== undefined && t.level === hint.level) score += 50;
    if (hint.names) {
      let unnamed = 0;
      const names = new Set(t.fields.map((f) => f.name ?? `param${++unnamed}`));
      for (const n of hint.names) score += names.has(n) ? 1 : -1;
    }
    if (score > bestScore) {
      best = t;
      bestScore = score;
    }
  }
  return best;
}

/**
 * For records of events the engine does not render (read from real logs): a template from what the record
 * says, field values typed as strings. System fields the format does not carry come in as given in `sys`.
 */
export function recordTemplate(
  sys: SystemPart,
  names: readonly string[],
  userData?: { element: string; xmlns: string },
): EventTemplate {
  const fieldNames = names.map((n) => (/^param\d+$/.test(n) ? null : n));
  return templateFor(
    sys,
    fieldNames,
    fieldNames.map(() => "string"),
    userData,
  );
}

/** "2025-10-25T17:41:46.7441190Z" → microseconds since the epoch (NaN when malformed). */
export function systemTimeToUs(text: string): number {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?Z$/.exec(text);
  if (!m) return NaN;
  const seconds = Date.parse(`${m[1]}Z`);
  const fraction = (m[2] ?? "").padEnd(6, "0").slice(0, 6);
  return seconds * 1000 + Number(fraction);
}
