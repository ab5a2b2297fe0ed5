import type { FieldType, FieldValue, WinEvent } from "../event";
import { serializeEvtxJson } from "./evtx-json-write";
import { buildEvent, plainValuesSafe, type SystemPart, templateFor } from "./known";
import type { EventFormat, ParseResult } from "./types";

/**
 * NDJSON in the shape evtx_dump (omerbenamram/evtx) writes: XML attributes under "#attributes", typed
 * EventData values, TimeCreated with 6 fractional digits. The writer is in evtx-json-write.ts.
 */

export { jsonString, serializeEvtxJson } from "./evtx-json-write";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

function attrs(node: Json | undefined): Obj {
  return node && typeof node === "object" && !Array.isArray(node) ? ((node["#attributes"] as Obj) ?? {}) : {};
}

function typeOf(v: Json): FieldType {
  return typeof v === "number" ? "int" : typeof v === "boolean" ? "bool" : "string";
}

/** One evtx_dump JSON object → WinEvent (throws with a message when the shape is wrong). */
export function eventFromJson(root: Json): WinEvent {
  if (
    !root ||
    typeof root !== "object" ||
    Array.isArray(root) ||
    !root.Event ||
    typeof root.Event !== "object"
  )
    throw new Error('expected {"Event": {…}}');
  const ev = root.Event as Obj;
  const sys = ev.System as Obj;
  if (!sys || typeof sys !== "object") throw new Error("missing Event.System");
  const pa = attrs(sys.Provider);
  const eid = sys.EventID;
  const eventId = typeof eid === "object" && eid !== null ? Number((eid as Obj)["#text"]) : Number(eid);
  if (!Number.isFinite(eventId)) throw new Error("missing EventID");
  const part: SystemPart = {
    provider: {
      name: String(pa.Name ?? ""),
      ...(pa.Guid !== undefined ? { guid: String(pa.Guid) } : {}),
      ...(pa.EventSourceName !== undefined ? { eventSourceName: String(pa.EventSourceName) } : {}),
    },
    eventId,
    ...(typeof eid === "object" && eid !== null ? { qualifiers: Number(attrs(eid).Qualifiers) } : {}),
    version: Number(sys.Version ?? 0),
    level: Number(sys.Level ?? 0),
    task: Number(sys.Task ?? 0),
    opcode: Number(sys.Opcode ?? 0),
    keywords: String(sys.Keywords ?? "0x0"),
    channel: String(sys.Channel ?? ""),
  };
  const names: (string | null)[] = [];
  const values: Json[] = [];
  const add = (name: string | null, value: Json) => {
    names.push(name);
    values.push(value);
  };
  let userData: { element: string; xmlns: string } | undefined;
  const ed = ev.EventData as Obj | null | undefined;
  const edName = ed && typeof ed === "object" ? attrs(ed).Name : undefined;
  if (ev.UserData && typeof ev.UserData === "object") {
    const [element, body] = Object.entries(ev.UserData as Obj)[0] ?? ["", {}];
    userData = { element, xmlns: String(attrs(body).xmlns ?? "") };
    for (const [k, v] of Object.entries((body as Obj) ?? {})) if (k !== "#attributes") add(k, v);
  } else if (ed && typeof ed === "object") {
    for (const [k, v] of Object.entries(ed)) {
      if (k === "#attributes") continue;
      if (k === "Data" && v && typeof v === "object" && !Array.isArray(v) && Array.isArray(v["#text"])) {
        for (const item of v["#text"] as Json[]) add(null, item);
      } else add(k, v);
    }
  }
  const dataName = edName === undefined ? undefined : String(edName);
  let template = templateFor(part, names, values.map(typeOf), userData, false, dataName);
  if (!plainValuesSafe(template, values as FieldValue[]))
    template = templateFor(part, names, values.map(typeOf), userData, true, dataName);
  const ex = attrs(sys.Execution);
  const corr = attrs(sys.Correlation);
  const secAttrs = attrs(sys.Security);
  return buildEvent(
    template,
    {
      time: String(attrs(sys.TimeCreated).SystemTime ?? ""),
      recordId: Number(sys.EventRecordID ?? 0),
      activityId: corr.ActivityID !== undefined ? String(corr.ActivityID) : null,
      pid: Number(ex.ProcessID ?? 0),
      tid: Number(ex.ThreadID ?? 0),
      computer: String(sys.Computer ?? ""),
      userId: secAttrs.UserID !== undefined ? String(secAttrs.UserID) : null,
    },
    values.map((v) => (v === null || typeof v !== "object" ? v : JSON.stringify(v))) as FieldValue[],
  );
}

/** NDJSON, or concatenated pretty-printed objects as in the Sigma regression files. */
export function parseEvtxJson(text: string): ParseResult {
  const events: WinEvent[] = [];
  const errors: { line: number; message: string }[] = [];
  const trimmed = text.trim();
  if (trimmed === "") return { events, errors };
  const lines =
    trimmed.startsWith("{\n") || trimmed.startsWith("{\r\n")
      ? splitObjects(trimmed)
      : trimmed.split(/\r?\n/).map((t, i) => ({ text: t, line: i + 1 }));
  for (const { text: line, line: n } of lines) {
    if (line.trim() === "") continue;
    try {
      events.push(eventFromJson(JSON.parse(line) as Json));
    } catch (error) {
      errors.push({ line: n, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return { events, errors };
}

/** Splits concatenated JSON objects by brace depth (strings respected). */
function splitObjects(text: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  let depth = 0;
  let start = 0;
  let inString = false;
  let line = 1;
  let startLine = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "\n") line++;
    if (inString) {
      if (ch === "\\") i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === "{") {
      if (depth++ === 0) {
        start = i;
        startLine = line;
      }
    } else if (ch === "}" && --depth === 0) out.push({ text: text.slice(start, i + 1), line: startLine });
  }
  return out;
}

export const evtxJsonFormat: EventFormat = {
  id: "evtx-json",
  extension: "ndjson",
  mediaType: "application/x-ndjson",
  header: "",
  footer: "",
  serialize: serializeEvtxJson,
  parse: parseEvtxJson,
};
