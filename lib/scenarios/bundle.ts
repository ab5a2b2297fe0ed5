import "server-only";
import { writeBundle, type Chunk } from "@/lib/bundle";
import type { Actor } from "@/lib/db/actors";
import { recordBundle } from "@/lib/db/bundles";
import { iterateRunEvents } from "@/lib/db/events";
import type { RunRecord } from "@/lib/db/runs";
import { getOrCreateSigningKey } from "@/lib/db/signing-keys";
import { formatById } from "@/lib/engine/formats/registry";
import type { EventFormat } from "@/lib/engine/formats/types";
import { InputError } from "@/lib/schemas/errors";
import { BUILTIN_SET } from "./detection";
import { regeneratedEvents } from "./regenerate";
import { DEFAULT_FORMATS } from "./spec";
import type { RunDetections } from "./types";

/**
 * A run's signed bundle as a zip stream, read from the stored events page by page: evtx-json lines as
 * stored, other formats re-serialized from each parsed event, labels, validation report, query templates.
 */

const FILE_EXTENSIONS: Record<string, string> = {
  "evtx-json": "events/evtx.jsonl",
  "evtx-xml": "events/events.xml",
  ecs: "events/ecs.ndjson",
  sentinel: "events/sentinel.jsonl",
};

async function* evtxJsonLines(actor: Actor, runId: string): AsyncGenerator<Chunk> {
  for await (const e of iterateRunEvents(actor, runId)) yield `${JSON.stringify(e.raw)}\n`;
}

/** Other formats: from the engine again when it can (exact), else from each stored event parsed back. */
async function* formatLines(actor: Actor, run: RunRecord, format: EventFormat): AsyncGenerator<Chunk> {
  if (format.header) yield `${format.header}\n`;
  const again = regeneratedEvents(run);
  if (again) {
    let batch = "";
    let n = 0;
    for (const [i, event] of again.events.entries()) {
      const text = format.serialize(event, again.labels[i]);
      if (text !== "") batch += `${text}\n`;
      if (++n % 1000 === 0) {
        yield batch;
        batch = "";
      }
    }
    if (batch) yield batch;
    if (format.footer) yield `${format.footer}\n`;
    return;
  }
  const json = formatById("evtx-json");
  if (!json?.parse) throw new Error("the evtx-json format cannot be parsed back");
  for await (const e of iterateRunEvents(actor, run.id)) {
    const parsed = json.parse(JSON.stringify(e.raw)).events[0];
    if (!parsed) continue;
    const label = e.label as Parameters<EventFormat["serialize"]>[1];
    const text = format.serialize(parsed, label ?? undefined);
    if (text !== "") yield `${text}\n`;
  }
  if (format.footer) yield `${format.footer}\n`;
}

async function* labelLines(actor: Actor, runId: string): AsyncGenerator<Chunk> {
  for await (const e of iterateRunEvents(actor, runId))
    yield `${JSON.stringify({ seq: e.seq, ...(e.label as object) })}\n`;
}

function templateFiles(detections: unknown): Record<string, string> {
  const d = detections as RunDetections | null;
  const files: Record<string, string> = {};
  for (const [i, t] of (d?.templates ?? []).entries()) {
    const ext = t.language.startsWith("kql")
      ? "kql"
      : t.language === "spl"
        ? "spl"
        : t.language === "sigma"
          ? "yml"
          : "txt";
    const step = t.step === null ? "bundle" : `step${t.step + 1}`;
    files[`${step}-${t.language}-${i + 1}.${ext}`.replace(/[^A-Za-z0-9._-]/g, "_")] = `${t.query}\n`;
  }
  return files;
}

/** Which rule sets ran and which of their rules fired on which events (templates are files of their own). */
function detectionReport(detections: unknown): string | null {
  const d = detections as RunDetections | null;
  if (!d || !Array.isArray(d.fired)) return null;
  const report = {
    rules: d.rules,
    fired: d.fired.map((r) => ({ ...r, ruleSet: r.ruleSet ?? BUILTIN_SET.name })),
    steps: d.steps,
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

function proceduresOf(report: unknown): string[] {
  const steps = (report as { steps?: { procedure?: string | null }[] } | null)?.steps ?? [];
  return steps.map((s) => s.procedure).filter((p): p is string => Boolean(p));
}

export async function runBundle(actor: Actor, run: RunRecord, now = new Date()) {
  if (run.status !== "succeeded") {
    throw new InputError("conflict", `run ${run.id} is ${run.status}; a bundle needs a succeeded run`);
  }
  const formats = run.snapshot.formats?.length ? run.snapshot.formats : [...DEFAULT_FORMATS];
  const eventFiles: Record<string, AsyncIterable<Chunk>> = {};
  const written: string[] = [];
  for (const id of formats) {
    const format = formatById(id);
    if (!format) continue; // a format this server does not have (yet): listed in the manifest's formats only if written
    eventFiles[FILE_EXTENSIONS[id] ?? `events/${id}.${format.extension}`] =
      id === "evtx-json" ? evtxJsonLines(actor, run.id) : formatLines(actor, run, format);
    written.push(id);
  }
  const key = await getOrCreateSigningKey();
  const report = detectionReport(run.detections);
  const { stream, done } = writeBundle({
    createdAt: now,
    scenario: {
      id: run.scenarioId,
      title: run.snapshot.title,
      narrative: run.snapshot.narrative,
      steps: run.snapshot.steps.map((s) => ({
        technique: s.technique,
        procedure: s.procedure ?? null,
        action: s.action ?? null,
      })),
    },
    run: {
      id: run.id,
      seed: run.seed,
      mode: run.mode,
      engineVersion: run.engineVersion,
      attackVersion: run.attackVersion,
    },
    formats: written,
    // Which mode planned the run (and the agent loop's trace in model mode), hashed and signed like the events.
    eventFiles: {
      ...eventFiles,
      "provenance.json": `${JSON.stringify(run.provenance ?? { mode: run.mode }, null, 2)}\n`,
      ...(report ? { "detection-report.json": report } : {}),
      ...(run.llmTrace ? { "llm/trace.json": `${JSON.stringify(run.llmTrace, null, 2)}\n` } : {}),
    },
    labels: labelLines(actor, run.id),
    validationReport: run.validation,
    queryTemplates: templateFiles(run.detections),
    provenance: {
      procedures: proceduresOf(run.validation),
      model:
        run.provenance?.models.planner ?? (run.llmTrace as { model?: string | null } | null)?.model ?? null,
    },
    key: { privateKeyPem: key.privateKeyPem, publicKeyPem: key.publicKeyPem },
  });
  done
    .then((result) =>
      // Another team's public run is read, not recorded: the bundle log belongs to the owning team.
      actor.publicOnly
        ? undefined
        : recordBundle(actor, run.id, {
            formats,
            sha256: result.sha256,
            size: result.size,
            manifest: result.manifest,
          }),
    )
    .catch((error) => console.error("[bundle] not recorded", run.id, error));
  return stream;
}

export function bundleFileName(run: RunRecord): string {
  const slug = run.snapshot.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
  return `mimicry-${slug || "scenario"}-${run.seed}.zip`;
}
