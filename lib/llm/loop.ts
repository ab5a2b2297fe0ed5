import type { EventLabel, WinEvent } from "@/lib/engine/event";
import type { EstateNames } from "@/lib/engine/procedure";
import type { ScenarioSpecInput } from "@/lib/engine/spec";
import { LlmClient, type LlmClientOptions } from "./client";
import type { LlmClock } from "./clock";
import type { DeterministicEvaluation, RenderedScenario } from "./evaluate";
import { DEFAULT_THRESHOLDS, type Thresholds } from "./judge";
import { runModelRounds } from "./model-rounds";
import type { AgentPlan } from "./plan";
import { better, Run, sumCalls } from "./round-state";
import type { LlmSettings } from "./settings";
import type { SelfCheckRules } from "./sigma-check";
import type { LlmTrace, RunStatus } from "./trace";

export { planToSpec } from "./round-state";

export interface ScenarioEngine {
  render(spec: ScenarioSpecInput): RenderedScenario;
  /** The estate's names for a spec (hosts, users), so the model can write real paths; null if unknown. */
  estate(spec: ScenarioSpecInput): EstateNames | null;
}

/** Deterministic planning: the parser/procedures' plan, and a next plan after a failed evaluation. */
export interface DeterministicPlanner {
  initial(steps: readonly AgentStepInput[], estate: EstateNames | null, seed: number): AgentPlan;
  /** A changed plan that may fix the findings (another variant or procedure), or null when nothing is left to try. */
  next(plan: AgentPlan, evaluation: DeterministicEvaluation): AgentPlan | null;
}

export interface AgentStepInput {
  technique: string;
  name?: string;
  text?: string;
  host?: string;
  user?: string;
  procedure?: string;
  variant?: string;
}

export interface LoopInput {
  narrative: string;
  steps: AgentStepInput[];
  seed: number;
  /** Passed through to the spec. */
  scenario?: Pick<ScenarioSpecInput, "name" | "start" | "environment" | "noise">;
  signal?: AbortSignal;
  thresholds?: Thresholds;
}

export interface LoopDeps {
  settings: LlmSettings;
  engine: ScenarioEngine;
  planner: DeterministicPlanner;
  rules: SelfCheckRules | null;
  client?: LlmClientOptions;
  clock?: LlmClock;
}

export interface AgentLoopResult {
  plan: AgentPlan;
  spec: ScenarioSpecInput;
  events?: WinEvent[];
  labels?: EventLabel[];
  trace: LlmTrace;
  mode: LlmSettings["mode"];
  models: { planner: string | null; judge: string | null };
  status: RunStatus;
  /** Model mode produced no usable plan, so the deterministic plan was used. */
  fallback: boolean;
}

function runDeterministicRounds(run: Run): void {
  const { settings, planner } = run.deps;
  let plan: AgentPlan | null = planner.initial(run.input.steps, run.context.estate, run.input.seed);
  for (let round = 1; round <= settings.maxRounds && plan; round++) {
    if (run.input.signal?.aborted) return run.stop("aborted", "the run was cancelled");
    const started = run.clock.now();
    const { spec, rendered, evaluation } = run.evaluate(plan, []);
    const passed = evaluation.summary.passed;
    run.best = better(run.best, { round, plan, spec, rendered, evaluation, verdict: null, passed });
    run.record(
      {
        round,
        phase: round === 1 ? "generate" : "improve",
        promptHash: null,
        deterministic: evaluation.summary,
        scores: null,
        critiques: evaluation.findings,
        tokens: { prompt: 0, completion: 0 },
        latencyMs: run.clock.now() - started,
        calls: [],
        passed,
        error: null,
      },
      plan,
    );
    if (passed) return run.stop("passed", `round ${round} passed the coherence, Sigma and artifact checks`);
    plan = planner.next(plan, evaluation);
    if (!plan)
      return run.stop("max_rounds", `round ${round} failed and no other procedure or variant is left to try`);
  }
  run.stop(
    "max_rounds",
    `stopped after ${settings.maxRounds} rounds (MIMICRY_LLM_MAX_ROUNDS) without passing every check`,
  );
}

/** generate → evaluate → improve, with a model or deterministically; see run.ts for the app's entry point. */
export async function runLoop(input: LoopInput, deps: LoopDeps): Promise<AgentLoopResult> {
  const { settings } = deps;
  const thresholds = input.thresholds ?? DEFAULT_THRESHOLDS;
  let fallback = false;
  const run = new Run(input, deps);
  const client = settings.mode === "model" ? new LlmClient(settings, deps.client) : null;
  if (client) {
    await runModelRounds(run, client);
    if (!run.best) {
      // No usable plan from the model: keep the trace, render the deterministic plan so the run still has events.
      fallback = true;
      const plan = deps.planner.initial(input.steps, run.context.estate, input.seed);
      const { spec, rendered, evaluation } = run.evaluate(plan, []);
      run.best = { round: 0, plan, spec, rendered, evaluation, verdict: null, passed: false };
      run.stopReason += " — used the deterministic plan instead";
    }
  } else {
    runDeterministicRounds(run);
  }
  const best = run.best!;
  const calls = run.rounds.flatMap((r) => r.calls);
  const trace: LlmTrace = {
    mode: settings.mode,
    model: client ? settings.model : null,
    judgeModel: client ? (settings.judgeModel ?? settings.model) : null,
    status: run.status ?? "failed",
    stopReason: run.stopReason,
    thresholds,
    tokenBudget: settings.tokenBudget,
    rounds: run.rounds,
    totals: {
      ...sumCalls(calls),
      latencyMs: run.rounds.reduce((n, r) => n + r.latencyMs, 0),
      calls: calls.length,
      estimatedTokens: client?.meter.estimated ?? false,
    },
  };
  return {
    plan: best.plan,
    spec: best.spec,
    events: best.rendered.events,
    labels: best.rendered.labels,
    trace,
    mode: settings.mode,
    models: { planner: trace.model, judge: trace.judgeModel },
    status: trace.status,
    fallback,
  };
}
