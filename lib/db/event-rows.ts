// Turns an evtx-json event (`{"Event":{"System":…,"EventData":…}}`) into the columns the viewer filters on.
// Pure: no database here, so the engine and tests can use it directly.
import { z } from "zod";

export interface RunEventInput {
  /** Position in the run; assigned in arrival order after the run's last event when omitted. */
  seq?: number;
  time: Date | string;
  channel: string;
  eventId: number;
  host: string;
  processGuid?: string | null;
  parentProcessGuid?: string | null;
  logonId?: string | null;
  image?: string | null;
  technique?: string | null;
  malicious?: boolean;
  /** The evtx-json object. */
  raw: unknown;
  label?: unknown;
  /** Lower-cased text for full-text search; built from `raw` when omitted. */
  search?: string;
}

/**
 * A row the engine rendered in this process (trusted: not re-validated): its columns, the evtx-json text as
 * serialised (stored as-is) and the search text already built.
 */
export interface PreparedEventRow {
  seq: number;
  /** ISO 8601 with microseconds. */
  time: string;
  channel: string;
  eventId: number;
  host: string;
  processGuid: string | null;
  parentProcessGuid: string | null;
  logonId: string | null;
  image: string | null;
  technique: string | null;
  malicious: boolean;
  /** The evtx-json object as JSON text. */
  rawJson: string;
  label: unknown;
  search: string;
}

const optionalText = (max: number) => z.string().max(max).nullish();
export const runEventInputSchema = z.object({
  seq: z.number().int().min(0).max(2_147_483_647).optional(),
  time: z.union([z.date(), z.string().min(1).max(40)]),
  channel: z.string().min(1).max(255),
  eventId: z.number().int().min(0).max(65_535),
  host: z.string().min(1).max(255),
  processGuid: optionalText(64),
  parentProcessGuid: optionalText(64),
  logonId: optionalText(32),
  image: optionalText(1024),
  technique: optionalText(20),
  malicious: z.boolean().optional(),
  raw: z.unknown().refine((v) => v !== undefined && v !== null, "the raw event"),
  label: z.unknown().optional(),
  search: z.string().optional(),
});

export const SEARCH_MAX = 16_384;

/** Every value of the event (not the keys), lower-cased, space-separated: what full-text search matches. */
export function searchText(raw: unknown): string {
  const parts: string[] = [];
  let size = 0;
  const walk = (value: unknown) => {
    if (size > SEARCH_MAX || value === null || value === undefined) return;
    if (typeof value === "object") {
      for (const v of Array.isArray(value) ? value : Object.values(value)) walk(v);
      return;
    }
    const text = String(value);
    parts.push(text);
    size += text.length + 1;
  };
  walk(raw);
  return parts.join(" ").toLowerCase().slice(0, SEARCH_MAX);
}

type Dict = Record<string, unknown>;
const dict = (v: unknown): Dict => (v && typeof v === "object" && !Array.isArray(v) ? (v as Dict) : {});
const text = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);
const attr = (v: unknown, name: string) => dict(dict(v)["#attributes"])[name];

/** A label as the engine writes it: `{ technique, verdict: "malicious" | "benign", … }`. */
export interface LabelLike {
  technique?: string | null;
  verdict?: string;
}

/**
 * Row columns from an evtx-json event and its label. Logon ID: TargetLogonId (4624), else LogonId (Sysmon),
 * else SubjectLogonId. Image: Image (Sysmon), else NewProcessName (4688), else ProcessName.
 */
export function eventRowFromEvtx(raw: unknown, label?: LabelLike | null, seq?: number): RunEventInput {
  const event = dict(dict(raw).Event);
  const system = dict(event.System);
  const data = { ...dict(event.EventData), ...dict(Object.values(dict(event.UserData))[0]) };
  // Classic providers write `{"#attributes":{"Qualifiers":…},"#text":7045}`.
  const eventId = typeof system.EventID === "object" ? Number(dict(system.EventID)["#text"]) : system.EventID;
  const time = text(attr(system.TimeCreated, "SystemTime"));
  const channel = text(system.Channel);
  const host = text(system.Computer);
  if (!time || !channel || !host || typeof eventId !== "number" || !Number.isInteger(eventId)) {
    throw new Error("not an evtx-json event: System.TimeCreated, Channel, Computer or EventID is missing");
  }
  const logonId = text(data.TargetLogonId) ?? text(data.LogonId) ?? text(data.SubjectLogonId);
  return {
    ...(seq === undefined ? {} : { seq }),
    time,
    channel,
    eventId,
    host,
    processGuid: text(data.ProcessGuid) ?? text(data.SourceProcessGuid),
    parentProcessGuid: text(data.ParentProcessGuid),
    logonId: logonId === "0x0" ? null : logonId,
    image: text(data.Image) ?? text(data.NewProcessName) ?? text(data.ProcessName) ?? text(data.SourceImage),
    technique: label?.technique ?? null,
    malicious: label?.verdict === "malicious",
    raw,
    label: label ?? null,
  };
}
