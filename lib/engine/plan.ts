import type { Action } from "./actions";
import type { EstateNames, Procedure } from "./procedure";
import { Rng } from "./rng";
import { ScenarioSpec } from "./spec";
import { estateNames, planSteps, type StepReport, type TextParser } from "./steps";
import { bootHost } from "./world/boot";
import { World } from "./world/world";

export interface PlannedStep {
  readonly step: number;
  readonly technique: string;
  readonly procedure: string | null;
  readonly source: StepReport["source"];
  /** Checked actions, IDs namespaced per step (`s0:…`), `after` likewise. */
  readonly actions: Action[];
}

export interface PlanIssue {
  readonly step: number | null;
  readonly message: string;
}

export interface ScenarioPlan {
  readonly steps: PlannedStep[];
  readonly issues: PlanIssue[];
}

function parseSpec(spec: unknown): ScenarioSpec | { error: string } {
  const parsed = ScenarioSpec.safeParse(spec);
  if (parsed.success) return parsed.data;
  const i = parsed.error.issues[0];
  return { error: `spec ${i ? `${i.path.map(String).join(".") || "(root)"}: ${i.message}` : "invalid"}` };
}

/** The world exactly as runScenario builds it (same seed forks), booted at the spec's start. */
function worldFor(spec: ScenarioSpec): { world: World; rng: Rng; startUs: number } {
  const rng = new Rng(spec.seed);
  const world = new World(spec.environment, rng.fork("world"));
  const startUs = Date.parse(spec.start) * 1000;
  for (const h of world.hosts) bootHost(world, h, startUs, rng.fork(`boot:${h.name}`));
  return { world, rng, startUs };
}

/**
 * The expansion `generate` does before rendering: each step's procedure build, free-text or given plan,
 * checked against the world (repairs and prunes listed as issues). Nothing is rendered.
 */
export function planScenario(
  spec: unknown,
  options: { procedures: readonly Procedure[]; parseText?: TextParser },
): ScenarioPlan {
  const parsed = parseSpec(spec);
  if ("error" in parsed) return { steps: [], issues: [{ step: null, message: parsed.error }] };
  const { world, rng, startUs } = worldFor(parsed);
  const planned = planSteps(parsed, world, options.procedures, startUs, rng.fork("steps"), options.parseText);
  const byStep = new Map(planned.plans.map((p) => [p.step, p.actions]));
  const issues: PlanIssue[] = [];
  for (const s of planned.steps) {
    for (const r of s.repairs)
      issues.push({ step: s.index, message: `${r.actionId}: ${r.reason} (repaired)` });
    for (const r of s.pruned) issues.push({ step: s.index, message: `${r.actionId}: ${r.reason} (dropped)` });
  }
  for (const i of planned.issues) issues.push({ step: i.step, message: i.message });
  return {
    steps: planned.steps.map((s) => ({
      step: s.index,
      technique: s.technique,
      procedure: s.procedure,
      source: s.source,
      actions: byStep.get(s.index) ?? [],
    })),
    issues,
  };
}

/** Names the engine gives the estate of a spec (hosts, FQDNs, IPs, users): what a model should be told. */
export function estateFor(spec: unknown): EstateNames {
  const parsed = ScenarioSpec.parse(spec);
  return estateNames(new World(parsed.environment, new Rng(parsed.seed).fork("world")));
}
