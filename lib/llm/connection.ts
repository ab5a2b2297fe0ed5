import { LlmClient, type LlmClientOptions } from "./client";
import { isLlmError } from "./errors";
import type { LlmSettings } from "./settings";

export interface ConnectionResult {
  ok: boolean;
  /** How the server was reached: its model list, or (servers without /models) a one-word chat. */
  method: "models" | "chat" | null;
  models: string[];
  /** Whether the configured models appear in the server's list (null when it has no list). */
  modelListed: boolean | null;
  judgeModelListed: boolean | null;
  latencyMs: number;
  error: string | null;
}

const NO_MODEL =
  "No model configured: set MIMICRY_MODEL and OPENAI_BASE_URL (or OPENAI_API_KEY for api.openai.com). " +
  "Generation runs in deterministic mode meanwhile.";

/** Lists the server's models, falling back to a chat ping; failures come back as `error`, never thrown. */
export async function testConnection(
  settings: LlmSettings,
  options: LlmClientOptions & { signal?: AbortSignal } = {},
): Promise<ConnectionResult> {
  const started = Date.now();
  const result = (partial: Partial<ConnectionResult>): ConnectionResult => ({
    ok: false,
    method: null,
    models: [],
    modelListed: null,
    judgeModelListed: null,
    error: null,
    ...partial,
    latencyMs: Date.now() - started,
  });
  if (settings.mode !== "model" || !settings.model) return result({ error: NO_MODEL });
  const quick: LlmSettings = { ...settings, timeoutMs: Math.min(settings.timeoutMs, 15_000) };
  const client = new LlmClient(quick, {
    retry: { retries: 1, baseDelayMs: 250, maxDelayMs: 2_000 },
    ...options,
  });
  try {
    const models = await client.listModels(options.signal);
    return result({
      ok: true,
      method: "models",
      models,
      modelListed: models.includes(settings.model),
      judgeModelListed: settings.judgeModel ? models.includes(settings.judgeModel) : null,
    });
  } catch (listError) {
    // Some gateways have no /models: a one-word chat proves the endpoint and the model instead.
    const status = isLlmError(listError) ? listError.details.status : undefined;
    if (status !== 404 && status !== 405 && status !== 501) {
      return result({ error: isLlmError(listError) ? listError.message : String(listError) });
    }
    try {
      await client.ping(settings.model, options.signal);
      return result({ ok: true, method: "chat" });
    } catch (pingError) {
      return result({ method: "chat", error: isLlmError(pingError) ? pingError.message : String(pingError) });
    }
  }
}
