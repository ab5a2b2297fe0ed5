import { performance } from "node:perf_hooks";
import type { EventLabel, WinEvent } from "@/lib/engine/event";
import { formatById } from "@/lib/engine/formats/registry";
import { generate } from "@/lib/engine/generate";
import type { ScenarioSpecInput } from "@/lib/engine/spec";
import { checks, validateEvents } from "@/lib/engine/validate";
import { procedures } from "@/lib/procedures/registry";
import { InputError } from "@/lib/schemas/errors";
import { renderedEventRow, type RenderedEventRow } from "./rendered-rows";
import { toEngineSpec, type ScenarioDefinition } from "./spec";

/** Runs the engine for a scenario in memory (nothing stored): events, labels, report and database rows. */

/** Stored as Run.validation: the coherence checks that ran, their violations, and the engine's own report. */
export interface ValidationReport {
  checks: { id: string; description: string }[];
  violations: { check: string; event: number; ref: string; message: string }[];
  /** Steps the engine could not plan, repairs and prunes (from the generator). */
  issues: { actionId: string; step: number | null; code: string; message: string }[];
  steps: unknown[];
  hosts: unknown[];
  domain: unknown;
  seed: number;
  start: string;
  end: string;
}

export interface RenderedRun {
  events: readonly WinEvent[];
  labels: readonly EventLabel[];
  report: ValidationReport;
  /** One per event, in order (seq = index), ready to store; `raw` parses the evtx-json text on first read. */
  rows: RenderedEventRow[];
  timings: { planMs?: number; generateMs: number; rowsMs: number; validateMs: number };
}

const evtxJson = () => {
  const format = formatById("evtx-json");
  if (!format) throw new Error("the evtx-json format is not registered");
  return format;
};

export function renderScenario(def: ScenarioDefinition, seed: number): RenderedRun {
  return renderSpec(toEngineSpec(def, seed));
}

/** Renders an engine spec (the builder's, or the agent loop's with a plan per step). */
export function renderSpec(spec: ScenarioSpecInput): RenderedRun {
  const t0 = performance.now();
  let out: ReturnType<typeof generate>;
  try {
    out = generate(spec, { procedures });
  } catch (error) {
    // The engine rejects specs it cannot plan (unknown procedure, unparseable action): the user's input.
    const message = error instanceof Error ? error.message : String(error);
    throw new InputError("generation_failed", `The scenario cannot be generated: ${message}`);
  }
  const t1 = performance.now();
  const format = evtxJson();
  const rows = out.events.map((event, i) => {
    const label = out.labels[i];
    return renderedEventRow(event, label, i, format.serialize(event, label));
  });
  const t2 = performance.now();
  const violations = validateEvents(out.events).map((i) => ({
    check: i.check,
    event: i.eventIndex,
    ref: i.ref,
    message: i.message,
  }));
  const t3 = performance.now();
  const r = out.report;
  return {
    events: out.events,
    labels: out.labels,
    report: {
      checks: checks.map((c) => ({ id: c.id, description: c.description })),
      violations,
      issues: r.issues.map((i) => ({ ...i })),
      steps: r.steps,
      hosts: r.hosts,
      domain: r.domain,
      seed: r.seed,
      start: r.start,
      end: r.end,
    },
    rows,
    timings: { generateMs: t1 - t0, rowsMs: t2 - t1, validateMs: t3 - t2 },
  };
}
