import "server-only";
import { performance } from "node:perf_hooks";
import type { Actor } from "@/lib/db/actors";
import { db } from "@/lib/db/client";
import { insertPreparedEvents } from "@/lib/db/events";
import { storeGeneratedScenario } from "@/lib/db/generated-run";
import {
  completeRun,
  createRun,
  failRun,
  getRun,
  markRunRunning,
  updateRun,
  type RunRecord,
} from "@/lib/db/runs";
import { getScenario } from "@/lib/db/scenarios";
import { InputError, notFound, parseInput } from "@/lib/schemas/errors";
import { runCreateSchema, scenarioCreateSchema, type RunCreateInput } from "@/lib/schemas/scenario";
import { hasModel } from "@/lib/config/schema";
import { serverConfig } from "@/lib/config/server";
import type { RunProvenance } from "@/lib/db/runs";
import { runAgentLoop } from "@/lib/llm";
import { detectRun } from "./detection";
import { renderScenario, renderSpec, type RenderedRun } from "./render";
import type { ScenarioDefinition } from "./spec";
import { definitionOfRun } from "./regenerate";
import { definitionOf, randomSeed, toEngineSpec } from "./spec";
import { ENGINE_VERSION, currentAttackVersion } from "./versions";

/**
 * Orchestration: scenario → run → engine → stored events, report and detection results.
 * The engine runs in memory first, so input it cannot generate is a 4xx and nothing half-made is stored.
 */

/** Counts per host, channel and channel|event ID, from the rows in memory (no GROUP BY round trip). */
function countsOf(rows: RenderedRun["rows"]) {
  const counts = {
    total: rows.length,
    byHost: {} as Record<string, number>,
    byChannel: {} as Record<string, number>,
    byEventId: {} as Record<string, number>,
  };
  for (const row of rows) {
    counts.byHost[row.host] = (counts.byHost[row.host] ?? 0) + 1;
    counts.byChannel[row.channel] = (counts.byChannel[row.channel] ?? 0) + 1;
    const key = `${row.channel}|${row.eventId}`;
    counts.byEventId[key] = (counts.byEventId[key] ?? 0) + 1;
  }
  return counts;
}

const ms = (x: number) => Math.round(x * 10) / 10;

interface Planned {
  rendered: RenderedRun;
  provenance: RunProvenance;
  llmTrace: unknown;
}

const DETERMINISTIC: RunProvenance = {
  mode: "deterministic",
  models: { planner: null, judge: null },
  status: null,
  fallback: false,
};

/** Whether generation goes through the model (an OpenAI-compatible endpoint is configured). */
export const modelConfigured = () => hasModel(serverConfig());

/**
 * Model mode: the agent loop plans (generate → evaluate → improve), the engine renders its final spec.
 * Without a model, the engine's procedures plan directly, as fast as the builder needs.
 */
async function plan(def: ScenarioDefinition, seed: number): Promise<Planned> {
  const config = serverConfig();
  if (!hasModel(config))
    return { rendered: renderScenario(def, seed), provenance: DETERMINISTIC, llmTrace: null };
  const spec = toEngineSpec(def, seed);
  const t0 = performance.now();
  const result = await runAgentLoop({
    narrative: def.narrative ?? "",
    steps: (spec.steps ?? []).map((s) => ({
      technique: s.technique,
      ...(s.text ? { text: s.text } : {}),
      ...(s.host ? { host: s.host } : {}),
      ...(s.user ? { user: s.user } : {}),
      ...(s.procedure ? { procedure: s.procedure } : {}),
      ...(s.variant ? { variant: s.variant } : {}),
    })),
    seed,
    config,
    scenario: { name: spec.name, start: spec.start, environment: spec.environment },
  });
  const planMs = performance.now() - t0;
  const rendered = renderSpec({ ...result.spec, formats: spec.formats });
  rendered.timings.planMs = planMs;
  return {
    rendered,
    provenance: {
      mode: result.mode,
      models: result.models,
      status: result.status,
      fallback: result.fallback,
    },
    llmTrace: result.trace,
  };
}

/** Runs the Sigma rules and builds query templates, then adds them (and the phase time) to the run. */
async function attachDetections(
  actor: Actor,
  run: RunRecord,
  rendered: RenderedRun,
  timings: Record<string, number>,
) {
  const t0 = performance.now();
  const detections = await detectRun(actor, run.snapshot.steps, rendered);
  await updateRun(actor, run.id, { detections, timings: { ...timings, detect: ms(performance.now() - t0) } });
}

/** Phase timings of the render (the store phase is added once the events are written). */
function renderTimings(rendered: RenderedRun): Record<string, number> {
  return {
    ...(rendered.timings.planMs === undefined ? {} : { plan: ms(rendered.timings.planMs) }),
    generate: ms(rendered.timings.generateMs),
    rows: ms(rendered.timings.rowsMs),
    validate: ms(rendered.timings.validateMs),
  };
}

/** What a finished run records besides its events. */
const resultOf = ({ rendered, provenance, llmTrace }: Planned, timings: Record<string, number>) => ({
  counts: countsOf(rendered.rows),
  eventCount: rendered.rows.length,
  validation: rendered.report ?? null,
  timings,
  provenance,
  ...(llmTrace ? { llmTrace } : {}),
});

/** Stores a queued run's events (all or nothing), then its counts and report: succeeded once readable. */
async function store(actor: Actor, run: RunRecord, planned: Planned): Promise<RunRecord> {
  const t0 = performance.now();
  await db().$transaction((tx) => insertPreparedEvents(tx, run.id, planned.rendered.rows), {
    maxWait: 10_000,
    timeout: 120_000,
  });
  const timings = { ...renderTimings(planned.rendered), store: ms(performance.now() - t0) };
  const done = await completeRun(actor, run.id, resultOf(planned, timings));
  await attachDetections(actor, done, planned.rendered, timings);
  return done;
}

/**
 * Builder "Generate": validates, renders, then stores the scenario, its finished run and the events in one
 * transaction. With `deferDetection` the Sigma matching (slow on a cold rule cache) is handed to the caller
 * to run after the response; it also records the store phase's time.
 */
export async function generateScenario(
  actor: Actor,
  input: unknown,
  options: { deferDetection?: (job: () => Promise<void>) => void } = {},
): Promise<{ scenarioId: string; runId: string; status: RunRecord["status"] }> {
  const parsed = parseInput(scenarioCreateSchema, input);
  const seed = parsed.seed ?? randomSeed();
  const startedAt = new Date();
  const planned = await plan(definitionOf(parsed), seed);
  const timings = renderTimings(planned.rendered);
  const attackVersion = await currentAttackVersion();
  const t0 = performance.now();
  const { scenarioId, run } = await storeGeneratedScenario(actor, {
    scenario: { ...parsed, seed },
    run: {
      mode: planned.provenance.mode,
      engineVersion: ENGINE_VERSION,
      attackVersion,
      startedAt,
    },
    result: resultOf(planned, timings),
    rows: planned.rendered.rows,
  });
  const stored = { ...timings, store: ms(performance.now() - t0) };
  // The run and its events are committed: a detection failure is logged on the run's id, never thrown (a
  // retry would store the scenario twice).
  const detect = () =>
    attachDetections(actor, run, planned.rendered, stored).catch((error) =>
      console.error("[runs] detection failed", run.id, error),
    );
  if (options.deferDetection) options.deferDetection(detect);
  else await detect();
  return { scenarioId, runId: run.id, status: run.status };
}

/** Queues a run of a stored scenario (`seed`/`formats` override the scenario's). */
export async function queueRun(actor: Actor, scenarioId: string, input: RunCreateInput): Promise<RunRecord> {
  const parsed = parseInput(runCreateSchema, input);
  if (!(await getScenario(actor, scenarioId))) throw notFound("scenario", scenarioId);
  return createRun(actor, scenarioId, {
    ...parsed,
    mode: modelConfigured() ? "model" : "deterministic",
    engineVersion: ENGINE_VERSION,
    attackVersion: await currentAttackVersion(),
  });
}

/** Executes a queued run; failures are recorded on the run (status failed, error), never thrown. */
export async function executeRun(actor: Actor, runId: string): Promise<RunRecord> {
  const run = await getRun(actor, runId);
  if (!run) throw notFound("run", runId);
  await markRunRunning(actor, runId);
  try {
    const stored = await store(actor, run, await plan(definitionOfRun(run), run.seed));
    return (await getRun(actor, stored.id)) ?? stored;
  } catch (error) {
    const message = error instanceof InputError || error instanceof Error ? error.message : String(error);
    if (!(error instanceof InputError)) console.error("[runs] run failed", runId, error);
    return failRun(actor, runId, message);
  }
}
