import { z } from "zod";
import type { EventLabel, FieldValue, WinEvent } from "../event";
import { findTemplate, recordTemplate, systemTimeToUs } from "./ecs-templates";
import { DefenderState } from "./sentinel-defender";
import { eventRow, securityEventRow } from "./sentinel-rows";
import { fromXmlText, parseEventDataXml } from "./sentinel-xml";
import type { EventFormat, ParseResult } from "./types";

/**
 * `sentinel`: NDJSON rows for Microsoft Sentinel / Defender XDR tables, each with its table in `Type` so a
 * file can be split per table. Security channel → SecurityEvent; every other channel (Sysmon included) →
 * Event; Sysmon 1/3/11/12/13/23/26 additionally → DeviceProcessEvents / DeviceNetworkEvents /
 * DeviceFileEvents / DeviceRegistryEvents. Ground truth labels stay out of the rows.
 */
export const sentinelTables = [
  "SecurityEvent",
  "Event",
  "DeviceProcessEvents",
  "DeviceNetworkEvents",
  "DeviceFileEvents",
  "DeviceRegistryEvents",
] as const;

/** Rows for one event, using (and feeding) the stream's Defender state. */
export function sentinelRows(event: WinEvent, state: DefenderState): Record<string, unknown>[] {
  state.learn(event);
  const rows = [event.template.channel === "Security" ? securityEventRow(event) : eventRow(event)];
  rows.push(...state.rows(event));
  return rows;
}

/** A serializer for one output stream: remembers processes so later Defender rows carry InitiatingProcess*. */
export function openSentinel(): (event: WinEvent, label?: EventLabel) => string {
  const state = new DefenderState();
  return (event) =>
    sentinelRows(event, state)
      .map((r) => JSON.stringify(r))
      .join("\n");
}

export const sentinelFormat: EventFormat & { open: typeof openSentinel } = {
  id: "sentinel",
  extension: "ndjson",
  mediaType: "application/x-ndjson",
  header: "",
  footer: "",
  /** Stateless: Defender rows carry only what this event itself says. Use `open()` for a whole stream. */
  serialize(event: WinEvent): string {
    return openSentinel()(event);
  },
  open: openSentinel,
  parse: parseSentinel,
};

const Row = z.looseObject({
  Type: z.string(),
  TimeGenerated: z.string(),
  Computer: z.string().optional(),
  EventID: z.number().optional(),
  EventLog: z.string().optional(),
  EventLevel: z.number().optional(),
  EventData: z.string().optional(),
});

/**
 * Rebuilds events from SecurityEvent and Event rows (their EventData XML holds every field); events the engine
 * has no template for get one from the row (string values). Defender rows are
 * derived views of Sysmon events and are skipped. Not carried by these tables, so not restored: EventRecordID,
 * Execution ProcessID/ThreadID, Correlation ActivityID; Event rows keep Security UserID only for well-known
 * accounts (UserName is a resolved name).
 */
export function parseSentinel(text: string): ParseResult {
  const events: WinEvent[] = [];
  const errors: { line: number; message: string }[] = [];
  text.split("\n").forEach((raw, i) => {
    const line = raw.trim();
    if (line === "") return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      errors.push({ line: i + 1, message: "not JSON" });
      return;
    }
    const parsed = Row.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      errors.push({ line: i + 1, message: `not a Sentinel row: ${issue.path.join(".")}: ${issue.message}` });
      return;
    }
    const row = parsed.data;
    if (row.Type !== "SecurityEvent" && row.Type !== "Event") return;
    const channel = row.Type === "SecurityEvent" ? "Security" : row.EventLog;
    if (!channel || row.EventID === undefined || !row.Computer || row.EventData === undefined) {
      errors.push({
        line: i + 1,
        message: `${row.Type} row without EventID, Computer, channel or EventData`,
      });
      return;
    }
    const timeUs = systemTimeToUs(row.TimeGenerated);
    if (Number.isNaN(timeUs)) {
      errors.push({ line: i + 1, message: `bad TimeGenerated "${row.TimeGenerated}"` });
      return;
    }
    const { values } = parseEventDataXml(row.EventData);
    const names = [...values.keys()];
    const userData = /^<UserData><([A-Za-z_][\w.-]*) xmlns="([^"]*)"/.exec(row.EventData);
    const template =
      findTemplate(channel, row.EventID, { level: row.EventLevel, names }) ??
      recordTemplate(
        {
          provider: { name: String(row.Source ?? row.EventSourceName ?? "") },
          eventId: row.EventID,
          version: 0,
          level: row.EventLevel ?? 0,
          task: Number(row.EventCategory ?? row.Task ?? 0),
          opcode: 0,
          keywords:
            row.Level === "16"
              ? "0x8010000000000000"
              : row.Type === "SecurityEvent"
                ? "0x8020000000000000"
                : "0x8000000000000000",
          channel,
        },
        names,
        userData ? { element: userData[1], xmlns: userData[2] } : undefined,
      );
    let unnamed = 0;
    const data: FieldValue[] = template.fields.map((f) => {
      const key = f.name ?? `param${++unnamed}`;
      return fromXmlText(values.get(key) ?? "", f.type);
    });
    const userName = typeof row.UserName === "string" ? row.UserName : undefined;
    events.push({
      template,
      timeCreated: row.TimeGenerated,
      timeUs,
      recordId: 0,
      activityId: null,
      processId: 0,
      threadId: 0,
      computer: row.Computer,
      userId:
        userName && /^S-1-/.test(userName)
          ? userName
          : userName === "NT AUTHORITY\\SYSTEM"
            ? "S-1-5-18"
            : null,
      data,
    });
  });
  return { events, errors };
}
