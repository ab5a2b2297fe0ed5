import type { EventTemplate, FieldType, FieldValue, WinEvent } from "../event";
import { buildEvent, plainValuesSafe, type SystemPart, templateFor, typedValue } from "./known";
import type { EventFormat, ParseResult } from "./types";

/**
 * Event Viewer XML ("Save Selected Events… as XML"): an <Events> root, one <Event> per line, GUIDs in
 * lowercase braces, TimeCreated with 7 fractional digits, empty Data as <Data Name="X" />.
 */

const XMLNS = "http://schemas.microsoft.com/win/2004/08/events/event";

export function escapeXml(s: string): string {
  return /[&<>"]/.test(s)
    ? s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")
    : s;
}

function unescapeXml(s: string): string {
  return s.includes("&")
    ? s.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-fA-F]+|#\d+);/g, (_, e: string) =>
        e === "lt"
          ? "<"
          : e === "gt"
            ? ">"
            : e === "quot"
              ? '"'
              : e === "apos"
                ? "'"
                : e === "amp"
                  ? "&"
                  : String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : Number(e.slice(1))),
      )
    : s;
}

function braced(guid: string): string {
  return `{${guid.toLowerCase()}}`;
}

interface Compiled {
  head: string;
  channel: string;
  open: string;
  close: string;
  names: string[];
  types: FieldType[];
}

const cache = new WeakMap<EventTemplate, Compiled>();

function compile(t: EventTemplate): Compiled {
  const p = t.provider;
  let provider = `<Provider Name="${escapeXml(p.name)}"`;
  if (p.guid !== undefined) provider += ` Guid="${braced(p.guid)}"`;
  if (p.eventSourceName !== undefined) provider += ` EventSourceName="${escapeXml(p.eventSourceName)}"`;
  provider += " />";
  const eventId =
    t.qualifiers !== undefined
      ? `<EventID Qualifiers="${t.qualifiers}">${t.eventId}</EventID>`
      : `<EventID>${t.eventId}</EventID>`;
  return {
    head: `<Event xmlns="${XMLNS}"><System>${provider}${eventId}<Version>${t.version}</Version><Level>${t.level}</Level><Task>${t.task}</Task><Opcode>${t.opcode}</Opcode><Keywords>${t.keywords}</Keywords><TimeCreated SystemTime="`,
    channel: `<Channel>${escapeXml(t.channel)}</Channel>`,
    open:
      t.fields.length === 0
        ? t.eventDataName !== undefined
          ? `<EventData Name="${escapeXml(t.eventDataName)}" />`
          : "<EventData />"
        : t.userData
          ? `<UserData><${t.userData.element} xmlns="${escapeXml(t.userData.xmlns)}">`
          : t.eventDataName !== undefined
            ? `<EventData Name="${escapeXml(t.eventDataName)}">`
            : "<EventData>",
    close: t.fields.length === 0 ? "" : t.userData ? `</${t.userData.element}></UserData>` : "</EventData>",
    names: t.fields.map((f) => f.name ?? ""),
    types: t.fields.map((f) => f.type),
  };
}

function text(v: FieldValue, type: FieldType): string {
  if (v === null) return "";
  if (type === "guid" && typeof v === "string" && /^[0-9A-Fa-f-]{36}$/.test(v)) return braced(v);
  return escapeXml(String(v));
}

export function serializeEvtxXml(e: WinEvent): string {
  const t = e.template;
  let c = cache.get(t);
  if (!c) cache.set(t, (c = compile(t)));
  let s =
    c.head +
    e.timeCreated +
    `" /><EventRecordID>${e.recordId}</EventRecordID>` +
    (e.activityId === null ? "<Correlation />" : `<Correlation ActivityID="${braced(e.activityId)}" />`) +
    `<Execution ProcessID="${e.processId}" ThreadID="${e.threadId}" />` +
    c.channel +
    `<Computer>${escapeXml(e.computer)}</Computer>` +
    (e.userId === null ? "<Security />" : `<Security UserID="${e.userId}" />`) +
    "</System>" +
    c.open;
  for (let i = 0; i < e.data.length; i++) {
    const name = c.names[i];
    const v = text(e.data[i], c.types[i]);
    if (t.userData) s += `<${name}>${v}</${name}>`;
    else if (name === "Binary") s += `<Binary>${v}</Binary>`;
    else if (name === "") s += v === "" ? "<Data />" : `<Data>${v}</Data>`;
    else s += v === "" ? `<Data Name="${name}" />` : `<Data Name="${name}">${v}</Data>`;
  }
  return s + c.close + "</Event>";
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(tag);
  return m ? unescapeXml(m[1]) : undefined;
}

function element(xml: string, name: string): string | undefined {
  const m = new RegExp(`<${name}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${name}>)`).exec(xml);
  return m ? (m[1] ?? "") : undefined;
}

function tag(xml: string, name: string): string {
  return new RegExp(`<${name}\\b[^>]*>`).exec(xml)?.[0] ?? "";
}

function unbrace(g: string | undefined): string | undefined {
  return g === undefined ? undefined : /^\{.*\}$/.test(g) ? g.slice(1, -1).toUpperCase() : g;
}

export function eventFromXml(xml: string): WinEvent {
  const system = element(xml, "System");
  if (system === undefined) throw new Error("missing <System>");
  const providerTag = tag(system, "Provider");
  const eventIdTag = tag(system, "EventID");
  const q = attr(eventIdTag, "Qualifiers");
  const guid = unbrace(attr(providerTag, "Guid"));
  const esn = attr(providerTag, "EventSourceName");
  const part: SystemPart = {
    provider: {
      name: attr(providerTag, "Name") ?? "",
      ...(guid !== undefined ? { guid } : {}),
      ...(esn !== undefined ? { eventSourceName: esn } : {}),
    },
    eventId: Number(element(system, "EventID")),
    ...(q !== undefined ? { qualifiers: Number(q) } : {}),
    version: Number(element(system, "Version") ?? 0),
    level: Number(element(system, "Level") ?? 0),
    task: Number(element(system, "Task") ?? 0),
    opcode: Number(element(system, "Opcode") ?? 0),
    keywords: element(system, "Keywords") ?? "0x0",
    channel: unescapeXml(element(system, "Channel") ?? ""),
  };
  if (!Number.isFinite(part.eventId)) throw new Error("missing EventID");
  const names: (string | null)[] = [];
  const texts: string[] = [];
  let userData: { element: string; xmlns: string } | undefined;
  let dataName: string | undefined;
  const ud = element(xml, "UserData");
  if (ud !== undefined && ud.trim() !== "") {
    const m = /^\s*<([A-Za-z0-9_]+)([^>]*)>([\s\S]*)<\/\1>\s*$/.exec(ud);
    if (!m) throw new Error("unreadable <UserData>");
    userData = { element: m[1], xmlns: attr(m[2], "xmlns") ?? "" };
    for (const f of m[3].matchAll(/<([A-Za-z0-9_]+)(?:\s*\/>|>([\s\S]*?)<\/\1>)/g)) {
      names.push(f[1]);
      texts.push(unescapeXml(f[2] ?? ""));
    }
  } else {
    dataName = attr(tag(xml, "EventData"), "Name");
    const ed = element(xml, "EventData") ?? "";
    for (const f of ed.matchAll(/<(Data|Binary)\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1>)/g)) {
      names.push(f[1] === "Binary" ? "Binary" : (attr(f[2], "Name") ?? null));
      texts.push(unescapeXml(f[3] ?? ""));
    }
  }
  const guessed: FieldType[] = names.map(() => "string");
  let template = templateFor(part, names, guessed, userData, false, dataName);
  let data = texts.map((t, i) => typedValue(template.fields[i].type, t));
  if (!plainValuesSafe(template, data)) {
    template = templateFor(part, names, guessed, userData, true, dataName);
    data = texts;
  }
  const exTag = tag(system, "Execution");
  const act = unbrace(attr(tag(system, "Correlation"), "ActivityID"));
  return buildEvent(
    template,
    {
      time: attr(tag(system, "TimeCreated"), "SystemTime") ?? "",
      recordId: Number(element(system, "EventRecordID") ?? 0),
      activityId: act ?? null,
      pid: Number(attr(exTag, "ProcessID") ?? 0),
      tid: Number(attr(exTag, "ThreadID") ?? 0),
      computer: unescapeXml(element(system, "Computer") ?? ""),
      userId: attr(tag(system, "Security"), "UserID") ?? null,
    },
    data,
  );
}

export function parseEvtxXml(xmlText: string): ParseResult {
  const events: WinEvent[] = [];
  const errors: { line: number; message: string }[] = [];
  let n = 0;
  for (const m of xmlText.matchAll(/<Event\b[\s\S]*?<\/Event>/g)) {
    n++;
    try {
      events.push(eventFromXml(m[0]));
    } catch (error) {
      errors.push({ line: n, message: error instanceof Error ? error.message : String(error) });
    }
  }
  if (n === 0 && xmlText.trim() !== "") errors.push({ line: 1, message: "no <Event> elements found" });
  return { events, errors };
}

export const evtxXmlFormat: EventFormat = {
  id: "evtx-xml",
  extension: "xml",
  mediaType: "application/xml",
  header: '<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n<Events>',
  footer: "</Events>",
  serialize: serializeEvtxXml,
  parse: parseEvtxXml,
};
