import type { LlmCallRecord } from "./client";
import type { TokenUsage } from "./errors";
import type { PlanDiffOp } from "./diff";
import type { JudgeScores } from "./judge";
import type { LlmMode } from "./settings";

export type RunStatus =
  "passed" | "max_rounds" | "budget_exceeded" | "refused" | "timeout" | "failed" | "aborted";

/** What the deterministic half found in one round. */
export interface DeterministicSummary {
  events: number;
  violations: number;
  /** Per step: own-technique rules available in the rule set and the ones that fired. */
  steps: Array<{ step: number; technique: string; rulesAvailable: number; rulesFired: string[] }>;
  artifactsMissing: string[];
  /** Engine repairs/prunes and plan rejections. */
  rejected: string[];
  /** Everything the deterministic half found, as fed back to the model (at most ~50 lines). */
  findings: string[];
  passed: boolean;
}

export interface LlmTraceRound {
  round: number;
  phase: "generate" | "improve";
  /** sha256 of the messages of the call that produced this round's plan (null in deterministic mode). */
  promptHash: string | null;
  planDiff: PlanDiffOp[];
  deterministic: DeterministicSummary;
  scores: JudgeScores | null;
  critiques: string[];
  tokens: TokenUsage;
  latencyMs: number;
  calls: LlmCallRecord[];
  passed: boolean;
  /** Why this round failed to produce a plan (model error), if it did. */
  error: string | null;
}

/** Everything the run stores about how its plan came about. Plain JSON. */
export interface LlmTrace {
  mode: LlmMode;
  model: string | null;
  judgeModel: string | null;
  status: RunStatus;
  /** One line saying why the loop stopped. */
  stopReason: string;
  thresholds: { min: number };
  tokenBudget: number;
  rounds: LlmTraceRound[];
  totals: { tokens: TokenUsage; latencyMs: number; calls: number; estimatedTokens: boolean };
}

export interface TraceSummary {
  mode: LlmMode;
  status: RunStatus;
  headline: string;
  rounds: number;
  finalScores: JudgeScores | null;
  totalTokens: number;
  latencyMs: number;
  /** One line per round for compact display. */
  lines: string[];
}

const fmtScores = (s: JudgeScores) =>
  `fidelity ${s.techniqueFidelity}, completeness ${s.completeness}, realism ${s.realism}, ordering ${s.ordering}`;

/** A display summary of a trace: pure, for the viewer and the CLI. */
export function summarizeTrace(trace: LlmTrace): TraceSummary {
  const last = trace.rounds.at(-1);
  const finalScores = [...trace.rounds].reverse().find((r) => r.scores)?.scores ?? null;
  const totalTokens = trace.totals.tokens.prompt + trace.totals.tokens.completion;
  const who =
    trace.mode === "model"
      ? `model ${trace.model}${trace.judgeModel && trace.judgeModel !== trace.model ? `, judge ${trace.judgeModel}` : ""}`
      : "deterministic";
  const headline =
    `${who}: ${trace.status.replace("_", " ")} after ${trace.rounds.length} round${trace.rounds.length === 1 ? "" : "s"}` +
    (trace.mode === "model" ? `, ${totalTokens} tokens` : "");
  const lines = trace.rounds.map((r) => {
    const d = r.deterministic;
    const fired = d.steps.filter((s) => s.rulesFired.length > 0).length;
    const checkable = d.steps.filter((s) => s.rulesAvailable > 0).length;
    const parts = [
      `round ${r.round} (${r.phase})`,
      `${d.events} events`,
      `${d.violations} violations`,
      `rules fired in ${fired}/${checkable} steps`,
      d.artifactsMissing.length ? `${d.artifactsMissing.length} artifacts missing` : "artifacts present",
      r.scores ? fmtScores(r.scores) : null,
      `${r.planDiff.length} plan changes`,
      trace.mode === "model" ? `${r.tokens.prompt + r.tokens.completion} tokens, ${r.latencyMs} ms` : null,
      r.error ? `error: ${r.error}` : null,
      r.passed ? "passed" : null,
    ];
    return parts.filter(Boolean).join(" · ");
  });
  return {
    mode: trace.mode,
    status: trace.status,
    headline,
    rounds: trace.rounds.length,
    finalScores: finalScores ?? last?.scores ?? null,
    totalTokens,
    latencyMs: trace.totals.latencyMs,
    lines,
  };
}
