import type { LlmCallRecord, LlmClient } from "./client";
import { ModelPlan } from "./plan";
import { generatorMessages, improverMessages, type PromptContext } from "./prompts";

/** Generator: narrative + techniques (+ what was wrong last time) → a plan in the engine's vocabulary. */
export async function proposePlan(
  client: LlmClient,
  model: string,
  input: { context: PromptContext; feedback: string[] },
  signal?: AbortSignal,
): Promise<{ reply: ModelPlan; record: LlmCallRecord }> {
  const { value, record } = await client.structured({
    purpose: "generate",
    model,
    messages: generatorMessages(input.context, input.feedback),
    schema: ModelPlan,
    schemaName: "mimicry_action_plan",
    signal,
  });
  return { reply: value, record };
}

/** Improver: the current plan + findings + critiques → the whole revised plan. */
export async function revisePlan(
  client: LlmClient,
  model: string,
  input: {
    context: PromptContext;
    plan: unknown;
    findings: string[];
    critiques: string[];
  },
  signal?: AbortSignal,
): Promise<{ reply: ModelPlan; record: LlmCallRecord }> {
  const { value, record } = await client.structured({
    purpose: "improve",
    model,
    messages: improverMessages(input.context, input.plan, input.findings, input.critiques),
    schema: ModelPlan,
    schemaName: "mimicry_action_plan",
    signal,
  });
  return { reply: value, record };
}
