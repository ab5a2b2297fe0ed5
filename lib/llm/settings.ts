import type { MimicryConfig } from "@/lib/config/schema";
import { hasModel } from "@/lib/config/schema";

export type LlmMode = "deterministic" | "model";

/** What the LLM layer needs from the configuration. The key travels only to the client, never to the UI. */
export interface LlmSettings {
  mode: LlmMode;
  baseURL: string | null;
  apiKey: string | null;
  model: string | null;
  /** The judge's model: MIMICRY_JUDGE_MODEL, else MIMICRY_MODEL. */
  judgeModel: string | null;
  timeoutMs: number;
  maxRounds: number;
  tokenBudget: number;
}

/** The same settings as the settings page may show them: the key reduced to "set" / "not set". */
export interface PublicLlmSettings {
  mode: LlmMode;
  baseURL: string;
  apiKey: "set" | "not set";
  model: string | null;
  judgeModel: string | null;
  judgeModelSource: "MIMICRY_JUDGE_MODEL" | "MIMICRY_MODEL" | null;
  timeoutMs: number;
  maxRounds: number;
  tokenBudget: number;
}

export const DEFAULT_BASE_URL = "https://api.openai.com/v1";

export function llmSettings(config: MimicryConfig): LlmSettings {
  const model = config.MIMICRY_MODEL ?? null;
  return {
    mode: hasModel(config) ? "model" : "deterministic",
    baseURL: config.OPENAI_BASE_URL ?? null,
    apiKey: config.OPENAI_API_KEY ?? null,
    model,
    judgeModel: config.MIMICRY_JUDGE_MODEL ?? model,
    timeoutMs: config.MIMICRY_LLM_TIMEOUT_MS,
    maxRounds: config.MIMICRY_LLM_MAX_ROUNDS,
    tokenBudget: config.MIMICRY_LLM_TOKEN_BUDGET,
  };
}

export function publicLlmSettings(config: MimicryConfig): PublicLlmSettings {
  const settings = llmSettings(config);
  return {
    mode: settings.mode,
    baseURL: settings.baseURL ?? `${DEFAULT_BASE_URL} (default)`,
    apiKey: settings.apiKey ? "set" : "not set",
    model: settings.model,
    judgeModel: settings.judgeModel,
    judgeModelSource: config.MIMICRY_JUDGE_MODEL
      ? "MIMICRY_JUDGE_MODEL"
      : settings.model
        ? "MIMICRY_MODEL"
        : null,
    timeoutMs: settings.timeoutMs,
    maxRounds: settings.maxRounds,
    tokenBudget: settings.tokenBudget,
  };
}
