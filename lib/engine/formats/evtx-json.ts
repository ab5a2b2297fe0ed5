import type { EventTemplate, FieldType, FieldValue, WinEvent } from "../event";
import { microsecondTime } from "../time";
import { buildEvent, plainValuesSafe, type SystemPart, templateFor } from "./known";
import type { EventFormat, ParseResult } from "./types";

/**
 * NDJSON in the shape evtx_dump (omerbenamram/evtx) writes: XML attributes under "#attributes", typed
 * EventData values, TimeCreated with 6 fractional digits. Serialization uses string fragments pre-built
 * once per template, so the hot loop only concatenates values.
 */

const XMLNS = "http://schemas.microsoft.com/win/2004/08/events/event";
/** Characters JSON.stringify would escape (surrogates: lone ones are escaped, so let it decide). */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** JSON string literal; the native regex scan is cheaper than a charCodeAt loop on EventData strings. */
export function jsonString(s: string): string {
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : `"${s}"`;
}

interface Compiled {
  /** Up to and including `"SystemTime":"` */
  head: string;
  /** Per field: `,"Name":` (no comma before the first) and the same with the opening quote. */
  keys: string[];
  keysQuoted: string[];
  types: FieldType[];
  /** Per field: the type's text never needs escaping (see PLAIN). */
  plain: boolean[];
  channelPart: string;
  tail: string;
  unnamed: boolean;
  /** Some unnamed <Data> plus named fields (Windows PowerShell 400/600/800 with <Binary>). */
  mixed: boolean;
  /** RECENT slots per field (from field * RECENT): latest string values first, and their `"key":value`. */
  recentIn: (string | undefined)[];
  recentOut: string[];
  /** Per field: lookups and hits in the current window. */
  tries: number[];
  hits: number[];
  /** Same idea for the System part, per computer (a template's events alternate between hosts). */
  systems: Map<string, SystemText>;
}

interface SystemText {
  /** `"Correlation":…,"ProcessID":` for this ActivityID… */
  activityId: string | null;
  activityOut: string;
  /** …and `…"Computer":…,"Security":…},` + the data opening for this UserID. */
  userId: string | null;
  computerOut: string;
}

const cache = new WeakMap<EventTemplate, Compiled>();
/** Recent values remembered per field. */
const RECENT = 4;
/** Lookups per slot counted before judging its hit rate, and how often the judgement is revisited. */
const PROBE = 64;
const WINDOW = 1024;

function compile(t: EventTemplate): Compiled {
  const p = t.provider;
  const providerAttrs = [`"Name":${jsonString(p.name)}`];
  if (p.guid !== undefined) providerAttrs.push(`"Guid":${jsonString(p.guid)}`);
  if (p.eventSourceName !== undefined)
    providerAttrs.push(`"EventSourceName":${jsonString(p.eventSourceName)}`);
  const eventId =
    t.qualifiers !== undefined
      ? `{"#attributes":{"Qualifiers":${t.qualifiers}},"#text":${t.eventId}}`
      : String(t.eventId);
  const head =
    `{"Event":{"#attributes":{"xmlns":"${XMLNS}"},"System":{"Provider":{"#attributes":{${providerAttrs.join(",")}}},` +
    `"EventID":${eventId},"Version":${t.version},"Level":${t.level},"Task":${t.task},"Opcode":${t.opcode},` +
    `"Keywords":${jsonString(t.keywords)},"TimeCreated":{"#attributes":{"SystemTime":"`;
  const unnamed = t.fields.length > 0 && t.fields.every((f) => f.name === null);
  const mixed = !unnamed && t.fields.some((f) => f.name === null);
  const keys = t.fields.map((f, i) => `${i === 0 ? "" : ","}${jsonString(f.name ?? `Data${i}`)}:`);
  const open = t.userData
    ? `"UserData":{${jsonString(t.userData.element)}:{"#attributes":{"xmlns":${jsonString(t.userData.xmlns)}},`
    : t.eventDataName !== undefined
      ? `"EventData":{"#attributes":{"Name":${jsonString(t.eventDataName)}},`
      : `"EventData":{`;
  return {
    head,
    keys,
    keysQuoted: keys.map((k) => `${k}"`),
    types: t.fields.map((f) => f.type),
    plain: t.fields.map((f) => PLAIN[f.type]),
    channelPart: `}},"Channel":${jsonString(t.channel)},"Computer":`,
    tail:
      t.fields.length === 0
        ? t.eventDataName !== undefined
          ? `"EventData":{"#attributes":{"Name":${jsonString(t.eventDataName)}}}}}`
          : `"EventData":null}}`
        : open,
    unnamed,
    mixed,
    recentIn: new Array<string | undefined>(t.fields.length * RECENT).fill(undefined),
    recentOut: new Array<string>(t.fields.length * RECENT).fill(""),
    tries: t.fields.map(() => 0),
    hits: t.fields.map(() => 0),
    systems: new Map(),
  };
}

function computerText(c: Compiled, computer: string, userId: string | null): string {
  const user = userId === null ? "null" : `{"#attributes":{"UserID":${jsonString(userId)}}}`;
  return `${c.channelPart}${jsonString(computer)},"Security":${user}},${c.tail}`;
}

function correlation(activityId: string | null): string {
  const attrs = activityId === null ? "null" : `{"#attributes":{"ActivityID":${jsonString(activityId)}}}`;
  return `"Correlation":${attrs},"Execution":{"#attributes":{"ProcessID":`;
}

/** Types whose text never needs JSON escaping (GUIDs, hex, SIDs, SystemTime). */
const PLAIN: Record<FieldType, boolean> = {
  string: false,
  int: false,
  bool: false,
  guid: true,
  hex: true,
  sid: true,
  time: true,
  binary: true,
};

function value(v: FieldValue, type: FieldType): string {
  if (typeof v === "string") return PLAIN[type] ? `"${v}"` : jsonString(v);
  if (v === null) return "null";
  if (typeof v === "number") return type === "int" ? String(v) : `"${v}"`;
  return v ? "true" : "false";
}

export function serializeEvtxJson(e: WinEvent): string {
  const t = e.template;
  let c = cache.get(t);
  if (!c) cache.set(t, (c = compile(t)));
  // The System part is built from a few pieces remembered per template: few concatenations per event.
  let sys = c.systems.get(e.computer);
  if (!sys) {
    if (c.systems.size >= 256) c.systems.clear(); // parsed files can name any number of computers
    sys = { activityId: null, activityOut: correlation(null), userId: null, computerOut: "" };
    sys.computerOut = computerText(c, e.computer, null);
    c.systems.set(e.computer, sys);
  }
  if (e.activityId !== sys.activityId) {
    sys.activityId = e.activityId;
    sys.activityOut = correlation(e.activityId);
  }
  if (e.userId !== sys.userId) {
    sys.userId = e.userId;
    sys.computerOut = computerText(c, e.computer, e.userId);
  }
  // evtx_dump prints microseconds: drop the 7th fractional digit.
  let s =
    c.head +
    microsecondTime(e.timeCreated) +
    `"}},"EventRecordID":${e.recordId},` +
    sys.activityOut +
    `${e.processId},"ThreadID":${e.threadId}` +
    sys.computerOut;
  if (t.fields.length === 0) return s;
  const data = e.data;
  if (c.unnamed) {
    s += `"Data":{"#text":[`;
    for (let i = 0; i < data.length; i++) s += (i ? "," : "") + value(data[i], c.types[i]);
    return s + (t.userData ? "]}}}}}" : "]}}}}");
  }
  if (c.mixed) {
    // Unnamed values are grouped under "Data": {"#text": […]} where the first one appears, as evtx_dump does.
    const parts: string[] = [];
    let texts: string[] | null = null;
    t.fields.forEach((f, i) => {
      if (f.name === null) {
        if (!texts) {
          texts = [];
          parts.push("");
        }
        texts.push(value(data[i], c.types[i]));
      } else parts.push(`${jsonString(f.name)}:${value(data[i], c.types[i])}`);
    });
    const group = `"Data":{"#text":[${(texts ?? []).join(",")}]}`;
    return s + parts.map((p) => (p === "" ? group : p)).join(",") + (t.userData ? "}}}}" : "}}}");
  }
  // Values repeat a lot per template slot (images, users, GUIDs of long-lived processes, the DLLs every
  // process loads in turn): keep the last few "key":value texts per slot and reuse them.
  // Slots whose values rarely repeat (times, ports, hashes) skip the lookup for a while: comparing a
  // freshly built string costs a copy of it, and a GUID or SID is written without ever being read.
  const { recentIn, recentOut, keys, keysQuoted, plain, types, tries, hits } = c;
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (typeof v !== "string") {
      s += keys[i] + value(v, types[i]);
      continue;
    }
    const tried = ++tries[i];
    if (tried > PROBE && hits[i] * 8 < PROBE) {
      if (tried >= WINDOW) tries[i] = hits[i] = 0;
      s += plain[i] || !NEEDS_ESCAPE.test(v) ? keysQuoted[i] + v + '"' : keys[i] + JSON.stringify(v);
      continue;
    }
    const b = i * RECENT;
    if (v === recentIn[b]) {
      hits[i]++;
      s += recentOut[b];
      continue;
    }
    let k = b + 1;
    while (k < b + RECENT && v !== recentIn[k]) k++;
    if (k < b + RECENT) hits[i]++;
    const out =
      k < b + RECENT
        ? recentOut[k]
        : plain[i] || !NEEDS_ESCAPE.test(v)
          ? keysQuoted[i] + v + '"'
          : keys[i] + JSON.stringify(v);
    // Move to the front (the oldest drops out on a miss).
    for (let j = Math.min(k, b + RECENT - 1); j > b; j--) {
      recentIn[j] = recentIn[j - 1];
      recentOut[j] = recentOut[j - 1];
    }
    recentIn[b] = v;
    recentOut[b] = out;
    s += out;
    if (tried >= WINDOW) tries[i] = hits[i] = 0;
  }
  return s + (t.userData ? "}}}}" : "}}}");
}

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
