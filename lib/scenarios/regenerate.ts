import type { RunRecord } from "@/lib/db/runs";
import type { EventLabel, WinEvent } from "@/lib/engine/event";
import { generate } from "@/lib/engine/generate";
import { procedures } from "@/lib/procedures/registry";
import { toEngineSpec, type ScenarioDefinition } from "./spec";
import { ENGINE_VERSION } from "@/lib/engine/version";

/**
 * The engine is deterministic, so a run's events can be produced again from its snapshot and seed. Formats
 * that carry more than evtx-json keeps (evtx-xml's 7-digit TimeCreated) are written from these events.
 * Only valid while the engine version is the one that made the run.
 */

export function definitionOfRun(run: RunRecord): ScenarioDefinition {
  return {
    title: run.snapshot.title,
    narrative: run.snapshot.narrative,
    steps: run.snapshot.steps,
    environment: run.snapshot.environment,
    startTime: run.snapshot.startTime ?? undefined,
    formats: run.snapshot.formats,
  };
}

export function canRegenerate(run: RunRecord): boolean {
  return run.engineVersion === ENGINE_VERSION && run.mode === "deterministic" && run.status === "succeeded";
}

const cache = new Map<string, { events: WinEvent[]; labels: EventLabel[] }>();
const CACHE_RUNS = 4;
const CACHE_MAX_EVENTS = 200_000;

/** All events of a run (small LRU cache: the viewer's detail panel asks for one event at a time). */
export function regeneratedEvents(run: RunRecord): { events: WinEvent[]; labels: EventLabel[] } | null {
  if (!canRegenerate(run) || run.eventCount > CACHE_MAX_EVENTS) return null;
  const hit = cache.get(run.id);
  if (hit) {
    cache.delete(run.id);
    cache.set(run.id, hit);
    return hit;
  }
  const out = generate(toEngineSpec(definitionOfRun(run), run.seed), { procedures });
  if (out.events.length !== run.eventCount) return null;
  const value = { events: out.events, labels: out.labels };
  cache.set(run.id, value);
  while (cache.size > CACHE_RUNS) cache.delete(cache.keys().next().value!);
  return value;
}
