import { z } from "zod";
import type { LlmClient, LlmCallRecord } from "./client";
import { judgeMessages, type PromptContext } from "./prompts";

const score = z.number().int().min(0).max(10);

export const rubric = ["techniqueFidelity", "completeness", "realism", "ordering"] as const;
export type RubricCriterion = (typeof rubric)[number];

export const JudgeVerdict = z.object({
  scores: z.object({ techniqueFidelity: score, completeness: score, realism: score, ordering: score }),
  critiques: z
    .array(
      z.object({
        step: z.number().int().min(0).nullable().describe("0-based step index, null for the whole scenario"),
        criterion: z.enum(rubric),
        problem: z.string(),
        fix: z.string(),
      }),
    )
    .max(30),
  summary: z.string(),
});
export type JudgeVerdict = z.infer<typeof JudgeVerdict>;
export type JudgeScores = JudgeVerdict["scores"];
export type Critique = JudgeVerdict["critiques"][number];

/** Passing marks: every criterion at least `min`. */
export interface Thresholds {
  min: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { min: 7 };

export function scoresPass(scores: JudgeScores, thresholds: Thresholds): boolean {
  return rubric.every((criterion) => scores[criterion] >= thresholds.min);
}

export function critiqueText(critique: Critique): string {
  const where = critique.step === null ? "scenario" : `step ${critique.step}`;
  return `[${critique.criterion}, ${where}] ${critique.problem} — fix: ${critique.fix}`;
}

export async function judgePlan(
  client: LlmClient,
  model: string,
  input: {
    context: PromptContext;
    plan: unknown;
    eventDigest: string;
    findings: string[];
  },
  signal?: AbortSignal,
): Promise<{ verdict: JudgeVerdict; record: LlmCallRecord }> {
  const { value, record } = await client.structured({
    purpose: "judge",
    model,
    messages: judgeMessages(input.context, input.plan, input.eventDigest, input.findings),
    schema: JudgeVerdict,
    schemaName: "mimicry_judge_verdict",
    signal,
  });
  return { verdict: value, record };
}
