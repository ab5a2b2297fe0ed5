import { defineTemplate, type EventTemplate, type FieldType, type FieldValue, type WinEvent } from "../event";
import { renderers } from "../renderers/registry";
import { parseSystemTime } from "../time";

/** Templates the renderers know, to re-type values read back from text. */
let known: Map<string, EventTemplate> | null = null;

function knownTemplates(): Map<string, EventTemplate> {
  if (!known) {
    known = new Map();
    for (const r of renderers)
      for (const t of r.templates)
        known.set(
          signature(
            t,
            t.fields.map((f) => f.name),
          ),
          t,
        );
  }
  return known;
}

const adHoc = new Map<string, EventTemplate>();

export interface SystemPart {
  provider: { name: string; guid?: string; eventSourceName?: string };
  eventId: number;
  qualifiers?: number;
  version: number;
  level: number;
  task: number;
  opcode: number;
  keywords: string;
  channel: string;
}

function signature(t: SystemPart, names: readonly (string | null)[]): string {
  return [
    t.provider.name,
    t.eventId,
    t.version,
    t.level,
    t.task,
    t.opcode,
    t.keywords,
    t.channel,
    names.join(","),
  ].join("|");
}

/** The renderer's template when the System constants and field names match; else a template built from the text. */
export function templateFor(
  sys: SystemPart,
  names: (string | null)[],
  types: FieldType[],
  userData?: { element: string; xmlns: string },
  adHocOnly = false,
  eventDataName?: string,
): EventTemplate {
  const sig = signature(sys, names);
  const k = adHocOnly ? undefined : knownTemplates().get(sig);
  if (
    k &&
    (k.qualifiers ?? null) === (sys.qualifiers ?? null) &&
    !!k.userData === !!userData &&
    k.eventDataName === eventDataName
  )
    return k;
  const full = `${sig}|${types.join(",")}|${JSON.stringify(sys)}|${userData?.element ?? ""}|${eventDataName ?? ""}`;
  let t = adHoc.get(full);
  if (!t) {
    t = defineTemplate({
      key: `parsed/${sys.provider.name}/${sys.eventId}`,
      provider: sys.provider,
      eventId: sys.eventId,
      qualifiers: sys.qualifiers,
      version: sys.version,
      level: sys.level,
      task: sys.task,
      opcode: sys.opcode,
      keywords: sys.keywords,
      channel: sys.channel,
      fields: names.map((n, i) => `${n ?? ""}:${types[i]}`),
      userData,
      ...(eventDataName !== undefined ? { eventDataName } : {}),
    });
    adHoc.set(full, t);
  }
  return t;
}

const PLAIN_TYPES = new Set<FieldType>(["guid", "hex", "sid", "time", "binary"]);

/** Serializers write guid/hex/sid/time values without escaping: outside values must fit that. */
export function plainValuesSafe(template: EventTemplate, data: readonly FieldValue[]): boolean {
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (typeof v === "string" && PLAIN_TYPES.has(template.fields[i]?.type) && !/^[A-Za-z0-9{}:.\-]*$/.test(v))
      return false;
  }
  return true;
}

/** Converts text values to the template's types (XML carries only text). */
export function typedValue(type: FieldType, text: string): FieldValue {
  switch (type) {
    case "int": {
      const n = Number(text);
      return Number.isFinite(n) && text.trim() !== "" ? n : text;
    }
    case "bool":
      return text === "true" ? true : text === "false" ? false : text;
    case "guid":
      return /^\{[0-9a-fA-F-]{36}\}$/.test(text) ? text.slice(1, -1).toUpperCase() : text;
    default:
      return text;
  }
}

export function buildEvent(
  template: EventTemplate,
  parts: {
    time: string;
    recordId: number;
    activityId: string | null;
    pid: number;
    tid: number;
    computer: string;
    userId: string | null;
  },
  data: FieldValue[],
): WinEvent {
  const us = parseSystemTime(parts.time);
  const m = /\.(\d+)Z$/.exec(parts.time);
  const seventh = m && m[1].length >= 7 ? m[1].slice(0, 7) : `${(m?.[1] ?? "").padEnd(6, "0").slice(0, 6)}0`;
  return {
    template,
    timeCreated: `${parts.time.replace(/\.\d+Z$|Z$/, "")}.${seventh}Z`,
    timeUs: us,
    recordId: parts.recordId,
    activityId: parts.activityId,
    processId: parts.pid,
    threadId: parts.tid,
    computer: parts.computer,
    userId: parts.userId,
    data,
  };
}
