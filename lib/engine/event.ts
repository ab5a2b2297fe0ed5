/**
 * The rendered Windows event. One static `EventTemplate` per (provider, event ID, version) holds the
 * System constants and the ordered field list; a `WinEvent` holds only what varies: time, record ID,
 * writer, host, and the EventData values aligned with `template.fields`. Formats write from the
 * template, so a serializer can pre-build its string fragments once per template.
 */

/**
 * How a value is typed in the event manifest, which decides how each format writes it:
 * - "string": text (UnicodeString, also pre-formatted things like "DWORD (0x00000001)", "High").
 * - "int": integer (UInt8…UInt64 / Int32); evtx-json writes a JSON number.
 * - "bool": evtx-json writes true/false, evtx-xml "true"/"false".
 * - "guid": stored uppercase without braces ("5AA13A44-0BDA-68FD-7836-000000004002"). evtx-json writes it
 *   as stored (evtx_dump style); evtx-xml writes "{5aa13a44-…}" as Event Viewer shows it.
 * - "hex": stored pre-formatted lowercase "0x529ae3" (HexInt32/HexInt64/Pointer); written as is.
 * - "sid": stored "S-1-5-18"; written as is.
 * - "time": stored as a Windows SystemTime string with 7 fractional digits ("2025-10-25T17:41:46.7441190Z");
 *   evtx-json writes evtx_dump's 6-digit form, evtx-xml the 7-digit form.
 * - "binary": hex string of bytes; evtx-xml writes it as `<Binary>` when the field is named "Binary".
 */
export type FieldType = "string" | "int" | "bool" | "guid" | "hex" | "sid" | "time" | "binary";

/** A field of EventData (or of the UserData element). `name: null` is an unnamed `<Data>` element. */
export interface FieldDef {
  readonly name: string | null;
  readonly type: FieldType;
}

export interface ProviderInfo {
  readonly name: string;
  /** Uppercase, no braces ("5770385F-C22A-43E0-BF4C-06F5698FFBD9"); absent for classic providers. */
  readonly guid?: string;
  /** Classic providers (Service Control Manager) carry EventSourceName. */
  readonly eventSourceName?: string;
}

export interface EventTemplate {
  /** Stable key, e.g. "sysmon/1", "security/4624": unique across the registry. */
  readonly key: string;
  readonly provider: ProviderInfo;
  readonly eventId: number;
  /** EventID Qualifiers attribute (classic providers, e.g. 16384 for System 7045). */
  readonly qualifiers?: number;
  readonly version: number;
  readonly level: number;
  readonly task: number;
  readonly opcode: number;
  /** "0x8000000000000000" form. */
  readonly keywords: string;
  readonly channel: string;
  readonly fields: readonly FieldDef[];
  /** When set, the fields are written under `<UserData><element xmlns=…>` instead of `<EventData>`. */
  readonly userData?: { readonly element: string; readonly xmlns: string };
  /** `<EventData Name="…">` attribute some providers write (TaskScheduler "ActionStart"). */
  readonly eventDataName?: string;
}

export type FieldValue = string | number | boolean | null;

export interface WinEvent {
  readonly template: EventTemplate;
  /** SystemTime with 7 fractional digits and Z. */
  readonly timeCreated: string;
  /** Microseconds since the Unix epoch: the sort key (same instant as timeCreated, truncated). */
  readonly timeUs: number;
  readonly recordId: number;
  /** Correlation ActivityID (GUID, uppercase, no braces) or null for an empty `<Correlation />`. */
  readonly activityId: string | null;
  readonly processId: number;
  readonly threadId: number;
  /** FQDN for domain members, NetBIOS name otherwise. */
  readonly computer: string;
  /** Security UserID, or null for an empty `<Security />`. */
  readonly userId: string | null;
  /** Aligned with template.fields. */
  readonly data: readonly FieldValue[];
}

export type Verdict = "malicious" | "benign";

/** Ground truth, kept beside the raw event (same index in `events` and `labels`), never inside it. */
export interface EventLabel {
  /** Index of the scenario step (0-based), null for background noise. */
  readonly step: number | null;
  readonly technique: string | null;
  readonly procedure: string | null;
  readonly actionId: string;
  readonly actionKind: string;
  readonly verdict: Verdict;
  /** Host name (NetBIOS) the event was written on. */
  readonly host: string;
}

export interface LabelledEvent {
  readonly event: WinEvent;
  readonly label: EventLabel;
}

/** Field value by name (linear over a short list; formats and checks use templates' index maps instead). */
export function fieldValue(event: WinEvent, name: string): FieldValue | undefined {
  const index = fieldIndex(event.template).get(name);
  return index === undefined ? undefined : event.data[index];
}

const indexCache = new WeakMap<EventTemplate, Map<string, number>>();

/** name → position, computed once per template. */
export function fieldIndex(template: EventTemplate): Map<string, number> {
  let map = indexCache.get(template);
  if (!map) {
    map = new Map();
    template.fields.forEach((f, i) => {
      if (f.name !== null && !map!.has(f.name)) map!.set(f.name, i);
    });
    indexCache.set(template, map);
  }
  return map;
}

/** Declares a template; `fields` given as "Name:type" shorthand ("ProcessId:int"), type defaults to string. */
export function defineTemplate(
  base: Omit<EventTemplate, "fields" | "key"> & { key: string; fields: readonly string[] },
): EventTemplate {
  const fields = base.fields.map((spec): FieldDef => {
    const colon = spec.lastIndexOf(":");
    if (colon < 0) return { name: spec === "" ? null : spec, type: "string" };
    const name = spec.slice(0, colon);
    return { name: name === "" ? null : name, type: spec.slice(colon + 1) as FieldType };
  });
  return Object.freeze({ ...base, fields: Object.freeze(fields) });
}

/** The event as a name → value record (unnamed Data fields under "Data[i]"). */
export function eventDataRecord(event: WinEvent): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  event.template.fields.forEach((f, i) => {
    out[f.name ?? `Data[${i}]`] = event.data[i];
  });
  return out;
}
