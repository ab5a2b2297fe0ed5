import type { EventTemplate, FieldType, FieldValue, WinEvent } from "../event";

/**
 * evtx-json serialization (see evtx-json.ts for the shape). The cost is string concatenation (each `+`
 * allocates a V8 cons-string node, which every consumer walks again when it flattens the line) and the
 * escape scan of values. So fragments are pre-built per template and flattened once, the System part
 * after the record ID is remembered per host, and runs of fields whose values repeat (images, users,
 * rule names, DLLs) are joined through a trie of their texts: a typical event is about ten
 * concatenations and scans only its few one-off values.
 */

const XMLNS = "http://schemas.microsoft.com/win/2004/08/events/event";
/** Characters JSON.stringify would escape (surrogates: lone ones are escaped, so let it decide). */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** JSON string literal; the native regex scan is cheaper than a charCodeAt loop on EventData strings. */
export function jsonString(s: string): string {
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : `"${s}"`;
}

/** Types whose text never needs JSON escaping (GUIDs, hex, SIDs, SystemTime; parsers check this). */
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

let _flatSink = 0;
/**
 * Flattens a cons string in place (any character read does), so that text reused in many lines is one
 * node to copy instead of a tree. The read goes to a module variable so the JIT cannot drop it.
 */
function flat(s: string): string {
  _flatSink ^= s.charCodeAt(0) | 0;
  return s;
}

/**
 * A run of fields joined into one text: a trie over field values, walked per event. Following the
 * latest child is a pointer compare, so a run of stable fields costs one concatenation in all.
 */
interface Node {
  text: string;
  lastValue: FieldValue | undefined;
  lastChild: Node | null;
  kids: Map<FieldValue, Node> | null;
  /** Emissions; a text used once is left as it is, one used twice is flattened. */
  uses: number;
  /** text + the end of the event, once this node has ended an event twice. */
  closed: string;
}

function node(text: string): Node {
  return { text, lastValue: undefined, lastChild: null, kids: null, uses: 0, closed: "" };
}

/** One EventData field of a template. */
interface Slot {
  /** Joined into runs (values repeat) or written alone through the caches below. */
  join: boolean;
  /** Run starting at this field (after a field written alone). */
  root: Node;
  /** Trie lookups past the latest child and new nodes this field caused; then events written alone. */
  walks: number;
  misses: number;
  /** `,"Name":` (no comma for the first field; `"Data":{"#text":[` / `,` for unnamed fields). */
  key: string;
  keyQuoted: string;
  plain: boolean;
  int: boolean;
  /** The latest value and its text. */
  last: FieldValue | typeof NONE;
  lastText: string;
  /** value → `,"Key":value` for the values seen lately. */
  texts: Map<FieldValue, string>;
  /** Map lookups and hits in the current window: slots whose values rarely repeat skip the map. */
  tries: number;
  hits: number;
}

/** The System text from `,"Correlation"` to the EventData opening, for the latest writer on a host. */
interface HostText {
  computer: string;
  activityId: string | null;
  processId: number;
  threadId: number;
  userId: string | null;
  text: string;
  root: Node;
}

interface Compiled {
  /** Up to and including `"SystemTime":"`. */
  head: string;
  /** `}},"Channel":…,"Computer":` */
  channelPart: string;
  /** The EventData opening, or the whole end of the event when there are no fields. */
  open: string;
  slots: Slot[];
  end: string;
  unnamed: boolean;
  /** Some unnamed <Data> plus named fields (Windows PowerShell 400/600/800 with <Binary>). */
  mixed: boolean;
  host: HostText | null;
  hosts: Map<string, HostText>;
  /** Trie nodes made since the last reset; the empty run after a last field written alone. */
  nodes: number;
  last: Node;
}

const cache = new WeakMap<EventTemplate, Compiled>();
const NONE = Symbol("none");
/** Values remembered per slot (the map is cleared when full). */
const CAPACITY = 256;
/** Lookups counted before judging a slot's hit rate, and how often the judgement is revisited. */
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
  const open =
    t.fields.length === 0
      ? t.eventDataName !== undefined
        ? `"EventData":{"#attributes":{"Name":${jsonString(t.eventDataName)}}}}}`
        : `"EventData":null}}`
      : t.userData
        ? `"UserData":{${jsonString(t.userData.element)}:{"#attributes":{"xmlns":${jsonString(t.userData.xmlns)}},`
        : t.eventDataName !== undefined
          ? `"EventData":{"#attributes":{"Name":${jsonString(t.eventDataName)}},`
          : `"EventData":{`;
  const slots = t.fields.map((f, i): Slot => {
    const key = unnamed
      ? i === 0
        ? `"Data":{"#text":[`
        : ","
      : `${i === 0 ? "" : ","}${jsonString(f.name ?? `Data${i}`)}:`;
    return {
      join: true,
      root: node(""),
      walks: 0,
      misses: 0,
      key: flat(key),
      keyQuoted: flat(`${key}"`),
      plain: PLAIN[f.type],
      int: f.type === "int",
      last: NONE,
      lastText: "",
      texts: new Map(),
      tries: 0,
      hits: 0,
    };
  });
  return {
    head: flat(head),
    channelPart: `}},"Channel":${jsonString(t.channel)},"Computer":`,
    open,
    slots,
    end: unnamed ? (t.userData ? "]}}}}}" : "]}}}}") : t.userData ? "}}}}" : "}}}",
    unnamed,
    mixed: !unnamed && t.fields.some((f) => f.name === null),
    host: null,
    hosts: new Map(),
    nodes: 0,
    last: node(""),
  };
}

function hostText(c: Compiled, e: WinEvent): HostText {
  let h = c.hosts.get(e.computer);
  if (!h) {
    if (c.hosts.size >= 256) c.hosts.clear(); // parsed files can name any number of computers
    h = {
      computer: e.computer,
      activityId: null,
      processId: 0,
      threadId: 0,
      userId: null,
      text: "",
      root: node(""),
    };
    c.hosts.set(e.computer, h);
  }
  c.host = h;
  return h;
}

function systemTail(c: Compiled, e: WinEvent): string {
  const corr = e.activityId === null ? "null" : `{"#attributes":{"ActivityID":${jsonString(e.activityId)}}}`;
  const user = e.userId === null ? "null" : `{"#attributes":{"UserID":${jsonString(e.userId)}}}`;
  return flat(
    `,"Correlation":${corr},"Execution":{"#attributes":{"ProcessID":${e.processId},"ThreadID":${e.threadId}` +
      `${c.channelPart}${jsonString(e.computer)},"Security":${user}},${c.open}`,
  );
}

function fieldText(f: Slot, v: FieldValue): string {
  if (typeof v === "string")
    return f.plain || !NEEDS_ESCAPE.test(v) ? f.keyQuoted + v + '"' : f.key + JSON.stringify(v);
  if (typeof v === "number") return f.int ? f.key + v : f.keyQuoted + v + '"';
  return f.key + (v === null ? "null" : v ? "true" : "false");
}

/** The field's text when it differs from the slot's latest value. */
function slotText(f: Slot, v: FieldValue): string {
  const tried = ++f.tries;
  let text: string | undefined;
  if (tried > PROBE && f.hits * 8 < tried) text = fieldText(f, v);
  else {
    text = f.texts.get(v);
    if (text !== undefined) f.hits++;
    else {
      text = flat(fieldText(f, v));
      if (f.texts.size >= CAPACITY) f.texts.clear();
      f.texts.set(v, text);
    }
  }
  if (tried >= WINDOW) f.tries = f.hits = 0;
  f.last = v;
  f.lastText = text;
  return text;
}

export function serializeEvtxJson(e: WinEvent): string {
  const t = e.template;
  let c = cache.get(t);
  if (!c) cache.set(t, (c = compile(t)));
  let h = c.host;
  if (h === null || h.computer !== e.computer) h = hostText(c, e);
  if (
    h.text === "" ||
    h.activityId !== e.activityId ||
    h.processId !== e.processId ||
    h.threadId !== e.threadId ||
    h.userId !== e.userId
  ) {
    h.activityId = e.activityId;
    h.processId = e.processId;
    h.threadId = e.threadId;
    h.userId = e.userId;
    h.text = systemTail(c, e);
    h.root = node(h.text);
  }
  // evtx_dump prints microseconds: drop the 7th fractional digit.
  const time = e.timeCreated;
  let s =
    time.length === 28
      ? c.head + time.slice(0, 26) + 'Z"}},"EventRecordID":' + e.recordId
      : c.head + time + '"}},"EventRecordID":' + e.recordId;
  const slots = c.slots;
  const n = slots.length;
  if (n === 0) return s + h.text;
  const data = e.data;
  if (c.mixed) return s + h.text + mixedData(t, data);
  if (data.length !== n) return s + h.text + looseData(c, t, data);
  let at = h.root;
  let fresh = false;
  for (let i = 0; i < n; i++) {
    const v = data[i];
    const f = slots[i];
    if (f.join) {
      if (at.lastValue === v && at.lastChild !== null) at = at.lastChild;
      else {
        const made = c.nodes;
        at = descend(c, f, at, v, fresh);
        fresh = c.nodes !== made;
      }
    } else {
      if (at.text !== "") s += emit(at);
      s += v === f.last ? f.lastText : slotText(f, v);
      if (++f.walks >= REJOIN) {
        f.join = true;
        f.walks = f.misses = 0;
      }
      at = i + 1 < n ? slots[i + 1].root : c.last;
      fresh = false;
    }
  }
  if (at.closed !== "") return s + at.closed;
  if (++at.uses < 2) return s + at.text + c.end;
  return s + (at.closed = flat(at.text + c.end));
}

/** Trie nodes per template before it is dropped and rebuilt; and how long a field stays unjoined. */
const MAX_NODES = 1024;
const REJOIN = 4096;

function emit(at: Node): string {
  if (++at.uses === 2) flat(at.text);
  return at.text;
}

/** The child of `at` for value v; counts a miss against the field unless the parent is new itself. */
function descend(c: Compiled, f: Slot, at: Node, v: FieldValue, fresh: boolean): Node {
  let next = at.kids?.get(v);
  if (next === undefined) {
    next = node(at.text + fieldText(f, v));
    if (c.nodes++ >= MAX_NODES) reset(c);
    (at.kids ??= new Map()).set(v, next);
    if (!fresh) f.misses++;
  }
  at.lastValue = v;
  at.lastChild = next;
  if (++f.walks >= PROBE) {
    // Values that rarely repeat would grow the trie by a branch per event: write them alone.
    if (f.misses * 16 > f.walks) f.join = false;
    f.walks = f.misses = 0;
  }
  return next;
}

function reset(c: Compiled): void {
  c.nodes = 0;
  for (const h of c.hosts.values()) h.root = node(h.text);
  for (const f of c.slots) f.root = node("");
}

function value(v: FieldValue, type: FieldType | undefined): string {
  if (typeof v === "string") return type !== undefined && PLAIN[type] ? `"${v}"` : jsonString(v);
  if (v === null) return "null";
  if (typeof v === "number") return type === "int" ? String(v) : `"${v}"`;
  return v ? "true" : "false";
}

/** Data not aligned with the template's fields (malformed input): value by value, as written before. */
function looseData(c: Compiled, t: EventTemplate, data: readonly FieldValue[]): string {
  if (c.unnamed)
    return `"Data":{"#text":[${data.map((v, i) => value(v, t.fields[i]?.type)).join(",")}${c.end}`;
  let s = "";
  data.forEach((v, i) => {
    const f = c.slots[i] as Slot | undefined;
    if (f) s += fieldText(f, v);
    else if (typeof v !== "string") s += `undefined${value(v, undefined)}`;
    else s += NEEDS_ESCAPE.test(v) ? `undefined${JSON.stringify(v)}` : `undefined${v}"`;
  });
  return s + c.end;
}

/** Unnamed values are grouped under "Data": {"#text": […]} where the first one appears, as evtx_dump does. */
function mixedData(t: EventTemplate, data: readonly FieldValue[]): string {
  const parts: string[] = [];
  let texts: string[] | null = null;
  t.fields.forEach((f, i) => {
    if (f.name === null) {
      if (!texts) {
        texts = [];
        parts.push("");
      }
      texts.push(value(data[i], f.type));
    } else parts.push(`${jsonString(f.name)}:${value(data[i], f.type)}`);
  });
  const group = `"Data":{"#text":[${(texts ?? []).join(",")}]}`;
  return parts.map((p) => (p === "" ? group : p)).join(",") + (t.userData ? "}}}}" : "}}}");
}
