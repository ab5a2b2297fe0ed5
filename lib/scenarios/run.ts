import "server-only";
import { performance } from "node:perf_hooks";
import type { Actor } from "@/lib/db/actors";
import { insertRunEvents } from "@/lib/db/events";
import {
  completeRun,
  createRun,
  failRun,
  getRun,
  markRunRunning,
  updateRun,
  type RunRecord,
} from "@/lib/db/runs";
import { createScenario, getScenario } from "@/lib/db/scenarios";
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

/** Stores events, counts and report; the run is succeeded once its events are readable. */
async function store(
  actor: Actor,
  run: RunRecord,
  { rendered, provenance, llmTrace }: Planned,
  detection: "inline" | "deferred",
): Promise<{ run: RunRecord; detect: () => Promise<void> }> {
  const t0 = performance.now();
  await insertRunEvents(actor, run.id, rendered.rows, { fresh: run });
  const timings = {
    ...(rendered.timings.planMs === undefined ? {} : { plan: ms(rendered.timings.planMs) }),
    generate: ms(rendered.timings.generateMs),
    rows: ms(rendered.timings.rowsMs),
    validate: ms(rendered.timings.validateMs),
    store: ms(performance.now() - t0),
  };
  const done = await completeRun(actor, run.id, {
    counts: countsOf(rendered.rows),
    eventCount: rendered.rows.length,
    validation: rendered.report ?? null,
    timings,
    provenance,
    ...(llmTrace ? { llmTrace } : {}),
  });
  const detect = () => attachDetections(actor, done, rendered, timings);
  if (detection === "inline") await detect();
  return { run: done, detect };
}

/**
 * Builder "Generate": validates, renders, stores the scenario and its first run. With `deferDetection`
 * the Sigma matching (slow on a cold rule cache) is handed to the caller to run after the response.
 */
export async function generateScenario(
  actor: Actor,
  input: unknown,
  options: { deferDetection?: (job: () => Promise<void>) => void } = {},
): Promise<{ scenarioId: string; runId: string; status: RunRecord["status"] }> {
  const parsed = parseInput(scenarioCreateSchema, input);
  const seed = parsed.seed ?? randomSeed();
  const planned = await plan(definitionOf(parsed), seed);
  const scenario = await createScenario(actor, { ...parsed, seed });
  const run = await createRun(
    actor,
    scenario.id,
    {
      mode: planned.provenance.mode,
      engineVersion: ENGINE_VERSION,
      attackVersion: await currentAttackVersion(),
    },
    scenario,
  );
  try {
    // Rendered already: queued → succeeded directly (no "running" round trip for a run that is done).
    const stored = await store(actor, run, planned, options.deferDetection ? "deferred" : "inline");
    options.deferDetection?.(() =>
      stored.detect().catch((error) => console.error("[runs] detection failed", run.id, error)),
    );
    return { scenarioId: scenario.id, runId: stored.run.id, status: stored.run.status };
  } catch (error) {
    await failRun(actor, run.id, error instanceof Error ? error.message : String(error));
    throw error;
  }
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
    const stored = await store(actor, run, await plan(definitionOfRun(run), run.seed), "inline");
    return (await getRun(actor, stored.run.id)) ?? stored.run;
  } catch (error) {
    const message = error instanceof InputError || error instanceof Error ? error.message : String(error);
    if (!(error instanceof InputError)) console.error("[runs] run failed", runId, error);
    return failRun(actor, runId, message);
  }
}
