import type { ScenarioSpecInput } from "@/lib/engine/spec";
import type { EstateNames } from "@/lib/engine/procedure";
import { extractArtifacts, type Artifact } from "./artifacts";
import type { LlmCallRecord } from "./client";
import { systemClock, type LlmClock } from "./clock";
import { planDiff } from "./diff";
import type { LlmErrorCode } from "./errors";
import { evaluateDeterministic, type DeterministicEvaluation, type RenderedScenario } from "./evaluate";
import { rubric, type JudgeVerdict } from "./judge";
import type { AgentStepInput, LoopDeps, LoopInput } from "./loop";
import type { AgentPlan } from "./plan";
import type { PromptContext, TechniqueBrief } from "./prompts";
import type { LlmTraceRound, RunStatus } from "./trace";

/** A rendered, evaluated plan of one round. */
export interface Candidate {
  round: number;
  plan: AgentPlan;
  spec: ScenarioSpecInput;
  rendered: RenderedScenario;
  evaluation: DeterministicEvaluation;
  verdict: JudgeVerdict | null;
  passed: boolean;
}

/** Ranks candidates: passing first, then fewer violations and missing artifacts, more rules fired, judge scores. */
function merit(c: Candidate): number {
  const d = c.evaluation.summary;
  const fired = d.steps.filter((s) => s.rulesFired.length > 0).length;
  const judged = c.verdict ? rubric.reduce((sum, k) => sum + c.verdict!.scores[k], 0) : 0;
  return (d.passed ? 10_000 : 0) - 100 * d.violations - 20 * d.artifactsMissing.length + 50 * fired + judged;
}

export const better = (a: Candidate | null, b: Candidate) => (!a || merit(b) >= merit(a) ? b : a);

export function planToSpec(plan: AgentPlan, input: LoopInput): ScenarioSpecInput {
  return {
    ...input.scenario,
    seed: input.seed,
    steps: plan.steps.map((s) => {
      const step: NonNullable<ScenarioSpecInput["steps"]>[number] = { technique: s.technique };
      if (s.host) step.host = s.host;
      if (s.user) step.user = s.user;
      if (s.actions?.length) step.plan = s.actions;
      else {
        if (s.text) step.text = s.text;
        if (s.procedure) step.procedure = s.procedure;
        if (s.variant) step.variant = s.variant;
      }
      return step;
    }),
  };
}

export const STATUS_OF: Partial<Record<LlmErrorCode, RunStatus>> = {
  budget: "budget_exceeded",
  refusal: "refused",
  timeout: "timeout",
  aborted: "aborted",
};

/** Errors after which another round may help (the model's reply was unusable, not the connection). */
export const RETRY_NEXT_ROUND = new Set<LlmErrorCode>(["malformed", "schema", "truncated"]);

/** The state of one loop run: rounds so far, the best candidate, why it stopped. */
export class Run {
  readonly rounds: LlmTraceRound[] = [];
  readonly artifacts: Artifact[];
  readonly techniques: TechniqueBrief[];
  best: Candidate | null = null;
  status: RunStatus | null = null;
  stopReason = "";
  private previousPlan: AgentPlan | null = null;
  readonly clock: LlmClock;
  readonly context: PromptContext;

  constructor(
    readonly input: LoopInput,
    readonly deps: LoopDeps,
  ) {
    this.clock = deps.clock ?? systemClock;
    this.artifacts = extractArtifacts([input.narrative, ...input.steps.map((s) => s.text ?? "")].join("\n"));
    this.techniques = input.steps.map((s) => ({ id: s.technique.toUpperCase(), name: s.name, text: s.text }));
    let estate: EstateNames | null = null;
    try {
      estate = deps.engine.estate(planToSpec({ steps: [] }, input));
    } catch {
      estate = null;
    }
    this.context = { narrative: input.narrative, techniques: this.techniques, estate };
  }

  stop(status: RunStatus, reason: string) {
    this.status = status;
    this.stopReason = reason;
  }

  /** Renders and evaluates a plan; engine errors become findings, not crashes. */
  evaluate(
    plan: AgentPlan,
    rejected: string[],
  ): { spec: ScenarioSpecInput; rendered: RenderedScenario; evaluation: DeterministicEvaluation } {
    const spec = planToSpec(plan, this.input);
    let rendered: RenderedScenario;
    try {
      rendered = this.deps.engine.render(spec);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      rendered = {
        events: [],
        labels: [],
        raw: () => [],
        violations: [`the engine could not render the plan: ${message}`],
        notes: [],
      };
    }
    const evaluation = evaluateDeterministic({
      rendered,
      steps: plan.steps,
      artifacts: this.artifacts,
      rules: this.deps.rules,
      rejected,
    });
    return { spec, rendered, evaluation };
  }

  record(round: Omit<LlmTraceRound, "planDiff">, plan: AgentPlan | null): void {
    // Diffed in the engine's own shape (absent fields absent, not null), which is what the run stores.
    const plain = (p: AgentPlan) => JSON.parse(JSON.stringify(p)) as unknown;
    const diff = plan ? planDiff(this.previousPlan ? plain(this.previousPlan) : null, plain(plan)) : [];
    if (plan) this.previousPlan = plan;
    this.rounds.push({ ...round, planDiff: diff });
  }
}

export function emptySummary(steps: readonly AgentStepInput[]) {
  return {
    events: 0,
    violations: 0,
    steps: steps.map((s, step) => ({ step, technique: s.technique, rulesAvailable: 0, rulesFired: [] })),
    artifactsMissing: [],
    rejected: [],
    findings: [],
    passed: false,
  };
}

export function sumCalls(calls: readonly LlmCallRecord[]) {
  return {
    tokens: {
      prompt: calls.reduce((n, c) => n + c.tokens.prompt, 0),
      completion: calls.reduce((n, c) => n + c.tokens.completion, 0),
    },
  };
}
