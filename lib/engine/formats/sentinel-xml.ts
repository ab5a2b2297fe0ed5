import type { FieldType, FieldValue, WinEvent } from "../event";
import { stableHex } from "../rng";

/**
 * The XML fragments Sentinel keeps beside the parsed columns (SecurityEvent.EventData, Event.EventData,
 * Event.ParameterXml), built and read back here. Values are written as Event Viewer shows them.
 */

const eventNs = "http://schemas.microsoft.com/win/2004/08/events/event";

export function xmlEscape(text: string): string {
  if (!/[&<>"]/.test(text)) return text;
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export function xmlUnescape(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCharCode(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/&amp;/g, "&");
}

/** A value as text in Windows' XML rendering (GUIDs braced lowercase). */
export function xmlText(value: FieldValue | undefined, type: FieldType): string {
  if (value === null || value === undefined) return "";
  if (type === "guid" && typeof value === "string") return `{${value.toLowerCase()}}`;
  return String(value);
}

/** Back from XML text to the engine's typed value. */
export function fromXmlText(text: string, type: FieldType): FieldValue {
  switch (type) {
    case "int": {
      if (text === "") return null;
      const n = Number(text);
      return Number.isFinite(n) ? n : text;
    }
    case "bool":
      return text === "true" ? true : text === "false" ? false : text;
    case "guid":
      return text === "" ? null : text.replace(/^\{|\}$/g, "").toUpperCase();
    case "binary":
      return text === "" ? null : text;
    default:
      return text;
  }
}

/** `<EventData …>` (or `<UserData>`) of an event, compact, as the agents upload it. */
export function eventDataXml(event: WinEvent): string {
  const t = event.template;
  const parts: string[] = [];
  t.fields.forEach((f, i) => {
    const value = event.data[i];
    const text = xmlEscape(xmlText(value, f.type));
    if (t.userData) parts.push(`<${f.name}>${text}</${f.name}>`);
    else if (f.name === "Binary") {
      if (value !== null && value !== "") parts.push(`<Binary>${text}</Binary>`);
    } else if (f.name === null) parts.push(`<Data>${text}</Data>`);
    else parts.push(`<Data Name="${f.name}">${text}</Data>`);
  });
  if (t.userData) {
    const u = t.userData;
    return `<UserData><${u.element} xmlns="${u.xmlns}">${parts.join("")}</${u.element}></UserData>`;
  }
  const name = (t as { eventDataName?: string }).eventDataName;
  return `<EventData${name ? ` Name="${name}"` : ""} xmlns="${eventNs}">${parts.join("")}</EventData>`;
}

/** Event.ParameterXml: the insertion strings in order. */
export function parameterXml(event: WinEvent): string {
  return event.template.fields
    .map((f, i) => (f.name === "Binary" ? "" : `<Param>${xmlEscape(xmlText(event.data[i], f.type))}</Param>`))
    .join("");
}

export interface ParsedData {
  /** Named values in document order; unnamed <Data> as "param1"…; UserData children by tag. */
  readonly values: Map<string, string>;
}

/** Reads the EventData / UserData XML written by eventDataXml (tolerates self-closing elements). */
export function parseEventDataXml(xml: string): ParsedData {
  const values = new Map<string, string>();
  const user = /<UserData>\s*<([A-Za-z_][\w.-]*)[^>]*>([\s\S]*)<\/\1>\s*<\/UserData>/.exec(xml);
  if (user) {
    for (const m of user[2].matchAll(/<([A-Za-z_][\w.-]*)\s*(?:\/>|>([\s\S]*?)<\/\1>)/g))
      values.set(m[1], xmlUnescape(m[2] ?? ""));
    return { values };
  }
  let unnamed = 0;
  for (const m of xml.matchAll(/<(Data|Binary)(?:\s+Name="([^"]*)")?\s*(?:\/>|>([\s\S]*?)<\/\1>)/g)) {
    const key = m[1] === "Binary" ? "Binary" : (m[2] ?? `param${++unnamed}`);
    values.set(key, xmlUnescape(m[3] ?? ""));
  }
  return { values };
}

const guidCache = new Map<string, string>();

/** stableGuid for the few texts that repeat on every row (tenant per domain); cached, bounded. */
export function cachedGuid(text: string): string {
  let g = guidCache.get(text);
  if (g === undefined) {
    g = stableGuid(text);
    if (guidCache.size < 10_000) guidCache.set(text, g);
  }
  return g;
}

/** A GUID-shaped stable identifier derived from a text (tenant, event origin). */
export function stableGuid(text: string): string {
  const h = stableHex(text, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
