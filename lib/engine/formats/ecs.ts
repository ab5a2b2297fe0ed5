import { z } from "zod";
import type { FieldValue, WinEvent } from "../event";
import { eventDataStrings, fromWinlogbeatString, nest, type Flat } from "./ecs-fields";
import { renderMessage } from "./ecs-message";
import {
  keywordNames,
  levelName,
  opcodeName,
  providerGuidText,
  securityProvider,
  sysmonProvider,
  taskName,
  wellKnownSids,
} from "./ecs-names";
import { powershellFields } from "./ecs-powershell";
import { securityFields } from "./ecs-security";
import { sysmonFields } from "./ecs-sysmon";
import { findTemplate, recordTemplate, systemTimeToUs } from "./ecs-templates";
import type { EventFormat, ParseResult } from "./types";

/**
 * `ecs`: one JSON document per line as Winlogbeat 8 / Elastic Agent ship a Windows event after the module
 * ingest pipelines (sysmon, security, powershell): @timestamp, event.*, host.name, log.level, message,
 * winlog.* (all EventData as strings under winlog.event_data, UserData under winlog.user_data) and the ECS
 * fields the pipelines derive. Differences from a real pipeline, on purpose: winlog.event_data stays complete
 * (Sigma rules and the Sigma engine match on the original names), and there is no agent.* block.
 */
export const ecsVersion = "8.17.0";

/** host.name as the agent reports it: the machine's short name, lowercase. */
export function hostName(computer: string): string {
  return computer.split(".")[0].toLowerCase();
}

export function toEcs(event: WinEvent): Record<string, unknown> {
  const t = event.template;
  const provider = t.provider.name;
  const d = eventDataStrings(event);
  const task = taskName(provider, t.task);
  const f: Flat = {
    "@timestamp": event.timeCreated,
    "ecs.version": ecsVersion,
    "event.action": task,
    "event.code": String(t.eventId),
    "event.created": event.timeCreated,
    "event.kind": "event",
    "event.provider": provider,
    "host.name": hostName(event.computer),
    "log.level": levelName(t.level),
  };
  const message = renderMessage(event);
  if (message !== null) f.message = message.replace(/\r\n?/g, "\n").replace(/\s+$/, "");

  if (provider === sysmonProvider) Object.assign(f, sysmonFields(t.eventId, d, event.userId ?? undefined));
  else if (provider === securityProvider) Object.assign(f, securityFields(t.eventId, t.keywords, d));
  else if (provider === "Microsoft-Windows-PowerShell" || provider === "PowerShell")
    Object.assign(f, powershellFields(t.eventId, d));

  if (event.activityId) f["winlog.activity_id"] = `{${event.activityId.toLowerCase()}}`;
  f["winlog.api"] = "wineventlog";
  f["winlog.channel"] = t.channel;
  f["winlog.computer_name"] = event.computer;
  if (t.userData) f["winlog.user_data"] = { ...d, xml_name: t.userData.element };
  else if (Object.keys(d).length) f["winlog.event_data"] = d;
  f["winlog.event_id"] = String(t.eventId);
  const keywords = keywordNames(t.keywords);
  if (keywords.length) f["winlog.keywords"] = keywords;
  f["winlog.opcode"] = opcodeName(provider, t.opcode);
  f["winlog.process.pid"] = event.processId;
  f["winlog.process.thread.id"] = event.threadId;
  if (t.provider.guid) f["winlog.provider_guid"] = providerGuidText(provider, t.provider.guid);
  f["winlog.provider_name"] = provider;
  f["winlog.record_id"] = String(event.recordId);
  f["winlog.task"] = task;
  if (event.userId) {
    f["winlog.user.identifier"] = event.userId;
    const known = wellKnownSids[event.userId];
    if (known) {
      f["winlog.user.domain"] = known[0];
      f["winlog.user.name"] = known[1];
      f["winlog.user.type"] = "Well Known Group";
    }
  }
  f["winlog.version"] = t.version;
  return nest(f);
}

export const ecsFormat: EventFormat = {
  id: "ecs",
  extension: "ndjson",
  mediaType: "application/x-ndjson",
  header: "",
  footer: "",
  serialize(event: WinEvent): string {
    return JSON.stringify(toEcs(event));
  },
  parse: parseEcs,
};

const levels: Record<string, number> = { critical: 1, error: 2, warning: 3, information: 4, verbose: 5 };

const EcsLine = z.looseObject({
  "@timestamp": z.string(),
  event: z.looseObject({ created: z.string().optional(), provider: z.string() }),
  log: z.looseObject({ level: z.string() }).optional(),
  winlog: z.looseObject({
    channel: z.string(),
    computer_name: z.string(),
    event_id: z.union([z.string(), z.number()]),
    record_id: z.union([z.string(), z.number()]).optional(),
    version: z.number().optional(),
    activity_id: z.string().optional(),
    provider_guid: z.string().optional(),
    process: z.object({ pid: z.number(), thread: z.object({ id: z.number() }) }).optional(),
    user: z.looseObject({ identifier: z.string() }).optional(),
    event_data: z.record(z.string(), z.string()).optional(),
    user_data: z.record(z.string(), z.string()).optional(),
  }),
});

/**
 * Rebuilds events from `ecs` NDJSON (values as Winlogbeat normalised them: LF line ends, no trailing breaks).
 * Events the engine has no template for get one from the record (string values; task/opcode/keywords unknown).
 */
export function parseEcs(text: string): ParseResult {
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
    const parsed = EcsLine.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      errors.push({
        line: i + 1,
        message: `not an ECS Windows event: ${issue.path.join(".")}: ${issue.message}`,
      });
      return;
    }
    const doc = parsed.data;
    const w = doc.winlog;
    const timeCreated = doc.event.created ?? doc["@timestamp"];
    const timeUs = systemTimeToUs(timeCreated);
    if (Number.isNaN(timeUs)) {
      errors.push({
        line: i + 1,
        message: `bad time "${timeCreated}" (expected 2025-10-25T17:41:46.7441190Z)`,
      });
      return;
    }
    const data = w.user_data ?? w.event_data ?? {};
    const eventId = Number(w.event_id);
    const known = findTemplate(w.channel, eventId, {
      version: w.version,
      level: doc.log ? levels[doc.log.level] : undefined,
      names: Object.keys(data).filter((k) => k !== "xml_name"),
    });
    const names = Object.keys(data).filter((k) => k !== "xml_name");
    const level = doc.log ? (levels[doc.log.level] ?? 4) : 4;
    const template =
      known ??
      recordTemplate(
        {
          provider: {
            name: doc.event.provider,
            guid: w.provider_guid?.replace(/^\{|\}$/g, "").toUpperCase(),
          },
          eventId,
          version: w.version ?? 0,
          level,
          task: 0,
          opcode: 0,
          keywords: "0x8000000000000000",
          channel: w.channel,
        },
        names,
        w.user_data ? { element: String(w.user_data.xml_name ?? "UserData"), xmlns: "" } : undefined,
      );
    let unnamed = 0;
    const values: FieldValue[] = template.fields.map((field) =>
      fromWinlogbeatString(data[field.name ?? `param${++unnamed}`], field.type),
    );
    events.push({
      template,
      timeCreated,
      timeUs,
      recordId: Number(w.record_id ?? 0),
      activityId: w.activity_id ? w.activity_id.replace(/^\{|\}$/g, "").toUpperCase() : null,
      processId: w.process?.pid ?? 0,
      threadId: w.process?.thread.id ?? 0,
      computer: w.computer_name,
      userId: w.user?.identifier ?? null,
      data: values,
    });
  });
  return { events, errors };
}
