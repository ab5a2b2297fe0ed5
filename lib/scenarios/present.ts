import "server-only";
import type { Actor } from "@/lib/db/actors";
import { listRuns, type RunRecord, type RunSummary } from "@/lib/db/runs";
import type { ScenarioRecord } from "@/lib/db/scenarios";

/** The API's shapes: records without team internals, with links a pipeline can follow. */

export async function publicScenario(actor: Actor, s: ScenarioRecord) {
  const runs = await listRuns(actor, s.id, { limit: 20 });
  return {
    id: s.id,
    title: s.title,
    narrative: s.narrative,
    steps: s.steps,
    environment: s.environment,
    seed: s.seed,
    startTime: s.startTime,
    formats: s.formats,
    techniques: s.techniques,
    tags: s.tags,
    visibility: s.visibility,
    team: s.teamName,
    author: s.authorName,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    runCount: s.runCount,
    runs: runs.items.map(publicRunSummary),
  };
}

export function publicRunSummary(r: RunSummary) {
  return {
    id: r.id,
    scenarioId: r.scenarioId,
    status: r.status,
    seed: r.seed,
    mode: r.mode,
    engineVersion: r.engineVersion,
    attackVersion: r.attackVersion,
    createdAt: r.createdAt,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
    durationMs: r.durationMs,
    eventCount: r.eventCount,
    error: r.error,
  };
}

export function publicRun(r: RunRecord) {
  return {
    ...publicRunSummary(r),
    snapshot: r.snapshot,
    counts: r.counts,
    validation: r.validation ?? null,
    detections: r.detections ?? null,
    llmTrace: r.llmTrace ?? null,
    timings: r.timings ?? null,
    links: {
      self: `/api/runs/${r.id}`,
      events: `/api/runs/${r.id}/events`,
      bundle: `/api/runs/${r.id}/bundle`,
      viewer: `/scenarios/${r.scenarioId}/runs/${r.id}`,
    },
  };
}

/** What the run header shows, for the owner's viewer and the read-only shared view alike. */
export function runHeaderRun(run: RunRecord) {
  return {
    id: run.id,
    status: run.status,
    seed: run.seed,
    engineVersion: run.engineVersion,
    attackVersion: run.attackVersion,
    mode: run.mode,
    model: run.provenance?.models.planner ?? null,
    fallback: run.provenance?.fallback ?? false,
    eventCount: run.eventCount,
    durationMs: run.durationMs,
    error: run.error,
    createdAt: run.createdAt,
    steps: run.snapshot.steps.map((s) => s.technique),
    formats: run.snapshot.formats,
    timings: run.timings,
  };
}
