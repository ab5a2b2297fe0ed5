import type { LlmClient } from "./client";
import { isLlmError, LlmError } from "./errors";
import { eventDigest } from "./evaluate";
import { critiqueText, DEFAULT_THRESHOLDS, judgePlan, scoresPass, type JudgeVerdict } from "./judge";
import type { LlmTraceRound } from "./trace";
import { checkModelPlan, planForPrompt, type AgentPlan } from "./plan";
import { proposePlan, revisePlan } from "./planner";
import {
  better,
  emptySummary,
  RETRY_NEXT_ROUND,
  STATUS_OF,
  sumCalls,
  type Candidate,
  type Run,
} from "./round-state";

/** Model mode: generate, then improve from findings and critiques, judging every round. */
export async function runModelRounds(run: Run, client: LlmClient): Promise<void> {
  const { settings } = run.deps;
  const model = settings.model!;
  const judgeModel = settings.judgeModel ?? model;
  const { signal } = run.input;
  const context = run.context;
  const thresholds = run.input.thresholds ?? DEFAULT_THRESHOLDS;
  let feedback: string[] = [];
  for (let round = 1; round <= settings.maxRounds; round++) {
    const started = run.clock.now();
    const firstCall = client.calls.length;
    const current = run.best;
    const phase = current ? "improve" : "generate";
    const finish = (
      fields: Partial<Omit<LlmTraceRound, "round" | "phase" | "planDiff">>,
      plan: AgentPlan | null,
    ) => {
      const calls = client.calls.slice(firstCall);
      run.record(
        {
          round,
          phase,
          promptHash: calls[0]?.promptHash ?? null,
          deterministic: emptySummary(run.input.steps),
          scores: null,
          critiques: [],
          calls,
          ...sumCalls(calls),
          latencyMs: run.clock.now() - started,
          passed: false,
          error: null,
          ...fields,
        },
        plan,
      );
    };
    let reply;
    try {
      reply =
        phase === "generate"
          ? (await proposePlan(client, model, { context, feedback }, signal)).reply
          : (
              await revisePlan(
                client,
                model,
                {
                  context,
                  plan: planForPrompt(current!.plan),
                  findings: current!.evaluation.findings,
                  critiques: current!.verdict?.critiques.map(critiqueText) ?? [],
                },
                signal,
              )
            ).reply;
    } catch (error) {
      const failure = isLlmError(error) ? error : new LlmError("http", String(error));
      finish({ error: failure.message }, null);
      if (RETRY_NEXT_ROUND.has(failure.code)) {
        feedback = [`your previous reply was unusable: ${failure.message}`];
        continue;
      }
      return run.stop(STATUS_OF[failure.code] ?? "failed", failure.message);
    }
    const checked = checkModelPlan(
      reply,
      run.techniques.map((t) => t.id),
    );
    const rejected = checked.rejected.map(
      (p) =>
        `${p.step === null ? "" : `step ${p.step} `}${p.action ? `action ${p.action}: ` : ""}${p.reason}`,
    );
    if (checked.plan.steps.length === 0) {
      finish(
        {
          error: "the plan had no valid step",
          deterministic: { ...emptySummary(run.input.steps), rejected },
        },
        null,
      );
      feedback = rejected;
      continue;
    }
    const { spec, rendered, evaluation } = run.evaluate(checked.plan, rejected);
    let verdict: JudgeVerdict | null = null;
    let judgeError: LlmError | null = null;
    try {
      verdict = (
        await judgePlan(
          client,
          judgeModel,
          {
            context,
            plan: planForPrompt(checked.plan),
            eventDigest: eventDigest(rendered),
            findings: evaluation.findings,
          },
          signal,
        )
      ).verdict;
    } catch (error) {
      judgeError = isLlmError(error) ? error : new LlmError("http", String(error));
    }
    const passed = evaluation.summary.passed && verdict !== null && scoresPass(verdict.scores, thresholds);
    const candidate: Candidate = { round, plan: checked.plan, spec, rendered, evaluation, verdict, passed };
    run.best = better(run.best, candidate);
    finish(
      {
        deterministic: evaluation.summary,
        scores: verdict?.scores ?? null,
        critiques: verdict?.critiques.map(critiqueText) ?? [],
        passed,
        error: judgeError ? `judge: ${judgeError.message}` : null,
      },
      checked.plan,
    );
    if (passed)
      return run.stop(
        "passed",
        `round ${round} passed every check and scored at least ${thresholds.min} on every criterion`,
      );
    if (judgeError && !RETRY_NEXT_ROUND.has(judgeError.code)) {
      return run.stop(STATUS_OF[judgeError.code] ?? "failed", `judge: ${judgeError.message}`);
    }
    feedback = evaluation.findings;
  }
  run.stop(
    "max_rounds",
    `stopped after ${settings.maxRounds} rounds (MIMICRY_LLM_MAX_ROUNDS) without passing every threshold`,
  );
}
