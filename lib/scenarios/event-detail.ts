import "server-only";
import type { Actor } from "@/lib/db/actors";
import { getRunEvent } from "@/lib/db/events";
import type { RunRecord } from "@/lib/db/runs";
import { formatById } from "@/lib/engine/formats/registry";
import { notFound } from "@/lib/schemas/errors";
import { regeneratedEvents } from "./regenerate";
import type { RunDetections, ViewerEvent } from "./types";
import { toViewerEvent } from "./viewer-data";

/** One event with everything the viewer's detail panel shows: raw JSON and XML, checks, rules fired. */
export interface EventDetailResult {
  event: ViewerEvent;
  json: unknown;
  xml: string | null;
  checks: { check: string; ok: boolean; message: string }[];
  rules: { ruleId: string; title: string; level: string; technique: string | null }[];
}

type Dict = Record<string, unknown>;
const dict = (v: unknown): Dict => (v && typeof v === "object" && !Array.isArray(v) ? (v as Dict) : {});

/** evtx-json → the engine's event → evtx-xml, as Event Viewer shows it. */
export function xmlOf(raw: unknown): string | null {
  const json = formatById("evtx-json");
  const xml = formatById("evtx-xml");
  if (!json?.parse || !xml) return null;
  const parsed = json.parse(JSON.stringify(raw));
  const event = parsed.events[0];
  return event ? xml.serialize(event) : null;
}

/** Every coherence check of the run, failed where a violation names this event (or its action). */
function checksFor(run: RunRecord, label: Dict, seq: number): EventDetailResult["checks"] {
  const report = dict(run.validation);
  const list = (v: unknown) => (Array.isArray(v) ? v.map(dict) : []);
  const violations = list(report.violations).filter((v) => v.event === seq);
  const actionId = typeof label.actionId === "string" ? label.actionId : null;
  const engineIssues = list(report.issues).filter((i) => actionId !== null && i.actionId === actionId);
  const out: EventDetailResult["checks"] = list(report.checks).map((c) => {
    const failed = violations.filter((v) => v.check === c.id);
    return {
      check: String(c.id),
      ok: failed.length === 0,
      message: failed.length ? failed.map((v) => String(v.message)).join("; ") : String(c.description ?? ""),
    };
  });
  for (const v of violations) {
    if (!out.some((c) => c.check === v.check))
      out.push({ check: String(v.check), ok: false, message: String(v.message) });
  }
  for (const i of engineIssues)
    out.push({ check: `plan: ${String(i.code)}`, ok: false, message: String(i.message) });
  return out;
}

function rulesFor(run: RunRecord, seq: number): EventDetailResult["rules"] {
  const detections = run.detections as RunDetections | null;
  if (!detections || !Array.isArray(detections.fired)) return [];
  return detections.fired
    .filter((r) => r.events.includes(seq))
    .map((r) => ({ ruleId: r.ruleId, title: r.title, level: r.level, technique: r.techniques[0] ?? null }));
}

export async function eventDetail(actor: Actor, run: RunRecord, seq: number): Promise<EventDetailResult> {
  const stored = await getRunEvent(actor, run.id, seq);
  if (!stored) throw notFound("event", `${run.id}#${seq}`);
  const raw = stored.raw;
  let xml: string | null = null;
  try {
    const again = regeneratedEvents(run)?.events[seq];
    const xmlFormat = formatById("evtx-xml");
    xml = again && xmlFormat ? xmlFormat.serialize(again) : xmlOf(raw);
  } catch {
    xml = null;
  }
  return {
    event: toViewerEvent(stored),
    json: raw,
    xml,
    checks: checksFor(run, dict(stored.label), seq),
    rules: rulesFor(run, seq),
  };
}
