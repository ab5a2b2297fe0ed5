// Database rows straight from the engine's events: the columns and the search text come from the WinEvent
// itself, and the evtx-json text is kept as serialised (stored as-is), so the Generate path never parses
// its own output back. `raw` is parsed lazily, for the Sigma matching that runs after the response.
import { SEARCH_MAX, type PreparedEventRow } from "@/lib/db/event-rows";
import type { EventLabel, EventTemplate, WinEvent } from "@/lib/engine/event";
import { microsecondTime } from "@/lib/engine/time";

/** A rendered event as a RunEvent row; satisfies RunEventInput too (`raw` parses on first read). */
export class RenderedEventRow implements PreparedEventRow {
  #raw: unknown;
  constructor(
    readonly seq: number,
    readonly time: string,
    readonly channel: string,
    readonly eventId: number,
    readonly host: string,
    readonly processGuid: string | null,
    readonly parentProcessGuid: string | null,
    readonly logonId: string | null,
    readonly image: string | null,
    readonly technique: string | null,
    readonly malicious: boolean,
    readonly label: EventLabel,
    readonly rawJson: string,
    readonly search: string,
  ) {}

  get raw(): unknown {
    return (this.#raw ??= JSON.parse(this.rawJson));
  }
}

// The evtx-json root namespace (every event carries it, so it is part of the searched values).
const XMLNS = "http://schemas.microsoft.com/win/2004/08/events/event";

interface TemplateShape {
  /** Field name → its last index (a parsed JSON object keeps the last of duplicate keys). */
  lastIndex: Map<string, number>;
  /** Data indexes in the order their values appear in the evtx-json document. */
  order: number[];
}

const shapes = new WeakMap<EventTemplate, TemplateShape>();
function shapeOf(t: EventTemplate): TemplateShape {
  let shape = shapes.get(t);
  if (shape) return shape;
  const lastIndex = new Map<string, number>();
  t.fields.forEach((f, i) => f.name !== null && lastIndex.set(f.name, i));
  const unnamed = t.fields.flatMap((f, i) => (f.name === null ? [i] : []));
  const order: number[] = [];
  const seen = new Set<string>();
  t.fields.forEach((f, i) => {
    if (f.name === null) {
      // Unnamed values are one "#text" array, where the first of them appears.
      if (i === unnamed[0]) order.push(...unnamed);
    } else if (!seen.has(f.name)) {
      // A duplicate key keeps the first key's position with the last value.
      seen.add(f.name);
      order.push(lastIndex.get(f.name)!);
    }
  });
  shape = { lastIndex, order };
  shapes.set(t, shape);
  return shape;
}

/** A named field as the parsed evtx-json gives it to eventRowFromEvtx: non-empty text, else null. */
function textField(event: WinEvent, index: Map<string, number>, name: string): string | null {
  const i = index.get(name);
  if (i === undefined) return null;
  const v = event.data[i];
  if (typeof v === "string") return v === "" ? null : v;
  // evtx-json writes numbers of non-int fields as strings.
  return typeof v === "number" && event.template.fields[i].type !== "int" ? String(v) : null;
}

/**
 * The same text searchText(JSON.parse(evtx-json)) gives — every value in document order, lower-cased —
 * built from the event without the round trip (rendered-rows.test.ts checks the two agree).
 */
export function eventSearchText(event: WinEvent, time: string): string {
  const t = event.template;
  const p = t.provider;
  const parts: string[] = [XMLNS, p.name];
  if (p.guid !== undefined) parts.push(p.guid);
  if (p.eventSourceName !== undefined) parts.push(p.eventSourceName);
  if (t.qualifiers !== undefined) parts.push(String(t.qualifiers));
  parts.push(
    String(t.eventId),
    String(t.version),
    String(t.level),
    String(t.task),
    String(t.opcode),
    t.keywords,
    time,
    String(event.recordId),
  );
  if (event.activityId !== null) parts.push(event.activityId);
  parts.push(String(event.processId), String(event.threadId), t.channel, event.computer);
  if (event.userId !== null) parts.push(event.userId);
  if (t.fields.length === 0) {
    if (t.eventDataName !== undefined) parts.push(t.eventDataName);
  } else if (t.userData) parts.push(t.userData.xmlns);
  else if (t.eventDataName !== undefined) parts.push(t.eventDataName);
  const data = event.data;
  for (const i of shapeOf(t).order) if (data[i] !== null) parts.push(String(data[i]));
  // searchText stops collecting past SEARCH_MAX and cuts the joined text there: the same prefix.
  return parts.join(" ").toLowerCase().slice(0, SEARCH_MAX);
}

/** The row for one event: columns as eventRowFromEvtx reads them from the evtx-json object. */
export function renderedEventRow(
  event: WinEvent,
  label: EventLabel,
  seq: number,
  rawJson: string,
): RenderedEventRow {
  const index = shapeOf(event.template).lastIndex;
  const text = (name: string) => textField(event, index, name);
  const logonId = text("TargetLogonId") ?? text("LogonId") ?? text("SubjectLogonId");
  const time = microsecondTime(event.timeCreated);
  return new RenderedEventRow(
    seq,
    time,
    event.template.channel,
    event.template.eventId,
    event.computer,
    text("ProcessGuid") ?? text("SourceProcessGuid"),
    text("ParentProcessGuid"),
    logonId === "0x0" ? null : logonId,
    text("Image") ?? text("NewProcessName") ?? text("ProcessName") ?? text("SourceImage"),
    label.technique ?? null,
    label.verdict === "malicious",
    label,
    rawJson,
    eventSearchText(event, time),
  );
}
