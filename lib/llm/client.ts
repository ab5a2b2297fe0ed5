import OpenAI from "openai";
import { ContentFilterFinishReasonError, LengthFinishReasonError } from "openai/core/error";
import type {
  ChatCompletionCreateParamsNonStreaming,
  ParsedChatCompletion,
} from "openai/resources/chat/completions";
import type { z } from "zod";
import { systemClock, type LlmClock } from "./clock";
import { LlmError, type LlmErrorCode, type TokenUsage } from "./errors";
import { promptHash } from "./hash";
import type { AutoParseableResponseFormat } from "openai/lib/parser";
import { checkedResponseFormat, checkReply, type ReplyCheck } from "./reply";
import { DEFAULT_RETRY, isRetryableStatus, retryDelay, type RetryPolicy } from "./retry";
import { DEFAULT_BASE_URL, type LlmSettings } from "./settings";
import { TokenMeter } from "./tokens";

export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

export type CallPurpose = "generate" | "improve" | "judge" | "ping";

/** One model call as the trace records it (a repair counts within the same call). */
export interface LlmCallRecord {
  purpose: CallPurpose;
  model: string;
  promptHash: string;
  tokens: TokenUsage;
  latencyMs: number;
  /** HTTP attempts, retries included. */
  attempts: number;
  repaired: boolean;
  outcome: "ok" | LlmErrorCode;
  error?: string;
}

export interface StructuredRequest<T> {
  purpose: CallPurpose;
  model: string;
  messages: ChatMessage[];
  schema: z.ZodType<T>;
  schemaName: string;
  signal?: AbortSignal;
}

export interface StructuredResult<T> {
  value: T;
  record: LlmCallRecord;
}

export interface LlmClientOptions {
  clock?: LlmClock;
  /** In [0, 1): jitter for backoff; pass a seeded one in tests. */
  random?: () => number;
  retry?: RetryPolicy;
  /** Ask for SSE streaming (some gateways only stream); the result is the same. */
  stream?: boolean;
  /** Shared between the calls of one run. */
  meter?: TokenMeter;
}

const TIMEOUT = Symbol("timeout");

function isSchemaUnsupported(error: unknown): boolean {
  return (
    error instanceof LlmError &&
    error.details.status === 400 &&
    /response_format|json_schema|structured output/i.test(error.message)
  );
}

/** The same request in JSON mode: the schema travels in a system message, the reply parser is unchanged. */
function asJsonObjectRequest<P>(
  params: ChatCompletionCreateParamsNonStreaming & { response_format: AutoParseableResponseFormat<P> },
) {
  const format = params.response_format;
  const jsonObject = Object.defineProperties(
    { type: "json_object" },
    {
      $brand: { value: "auto-parseable-response-format" },
      $parseRaw: { value: format.$parseRaw },
    },
  ) as unknown as AutoParseableResponseFormat<P>;
  const instruction = `Reply with one JSON object, nothing else, that validates against this JSON Schema:\n${JSON.stringify(format.json_schema.schema)}`;
  // Merged into the first system message: some chat templates accept a system message only at the start.
  const [first, ...rest] = params.messages;
  const messages =
    first?.role === "system" && typeof first.content === "string"
      ? [{ ...first, content: `${first.content}\n\n${instruction}` }, ...rest]
      : [{ role: "system" as const, content: instruction }, ...params.messages];
  return { ...params, messages, response_format: jsonObject };
}

/** The Chat Completions client: timeouts, retries with backoff, one repair, refusals, a token budget. */
export class LlmClient {
  readonly meter: TokenMeter;
  readonly calls: LlmCallRecord[] = [];
  private readonly sdk: OpenAI;
  private readonly clock: LlmClock;
  private readonly random: () => number;
  private readonly retry: RetryPolicy;
  private readonly stream: boolean;
  /** Set once the server refused json_schema: later calls ask for json_object. */
  jsonObjectMode = false;

  constructor(
    private readonly settings: LlmSettings,
    options: LlmClientOptions = {},
  ) {
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.stream = options.stream ?? false;
    this.meter = options.meter ?? new TokenMeter(settings.tokenBudget);
    this.sdk = new OpenAI({
      // Local servers (Ollama, vLLM, LM Studio) take any key; the SDK insists on one.
      apiKey: settings.apiKey ?? "not-set",
      baseURL: settings.baseURL ?? DEFAULT_BASE_URL,
      maxRetries: 0,
      timeout: settings.timeoutMs + 1_000,
    });
  }

  /** One structured call: the reply must parse against `schema`; a bad reply gets one repair round. */
  async structured<T>(request: StructuredRequest<T>): Promise<StructuredResult<T>> {
    const started = this.clock.now();
    const record: LlmCallRecord = {
      purpose: request.purpose,
      model: request.model,
      promptHash: promptHash(request.messages),
      tokens: { prompt: 0, completion: 0 },
      latencyMs: 0,
      attempts: 0,
      repaired: false,
      outcome: "ok",
    };
    this.calls.push(record);
    const format = checkedResponseFormat(request.schema, request.schemaName);
    let messages = request.messages;
    try {
      for (let round = 0; round < 2; round++) {
        const completion = await this.send(
          { model: request.model, messages, response_format: format },
          record,
          request.signal,
        );
        const choice = completion.choices[0];
        if (!choice) throw new LlmError("malformed", "the reply has no choices");
        const refusal = choice.message.refusal;
        if (refusal) throw new LlmError("refusal", `the model refused: ${refusal}`, { refusal });
        if (choice.finish_reason === "length") {
          throw new LlmError("truncated", "the reply was cut off at the model's length limit");
        }
        // The SDK parses json_schema replies only; JSON-mode replies are checked here the same way.
        const content = choice.message.content;
        const check: ReplyCheck<T> =
          (choice.message.parsed as ReplyCheck<T> | null) ??
          (content
            ? checkReply(request.schema, content)
            : { ok: false, kind: "malformed", issues: ["empty reply"], content: "" });
        if (check.ok) return { value: check.value, record };
        if (round === 1) {
          throw new LlmError(
            check.kind,
            `the reply was rejected after one repair: ${check.issues.join("; ")}`,
            {
              issues: check.issues,
            },
          );
        }
        record.repaired = true;
        messages = [
          ...request.messages,
          { role: "assistant", content: check.content },
          {
            role: "user",
            content:
              `Your reply was rejected (${check.kind === "malformed" ? "not valid JSON" : "it does not match the schema"}):\n` +
              check.issues.map((issue) => `- ${issue}`).join("\n") +
              "\nReply again with only the JSON object that matches the response schema.",
          },
        ];
      }
      throw new LlmError("malformed", "unreachable");
    } catch (error) {
      const failure = error instanceof LlmError ? error : new LlmError("http", (error as Error).message);
      record.outcome = failure.code;
      record.error = failure.message;
      throw failure;
    } finally {
      record.latencyMs = this.clock.now() - started;
    }
  }

  /** Model ids the server lists (GET /models). */
  async listModels(signal?: AbortSignal): Promise<string[]> {
    return this.withRetries(async (innerSignal) => {
      const ids: string[] = [];
      for await (const model of this.sdk.models.list({ signal: innerSignal })) ids.push(model.id);
      return ids;
    }, signal).then((r) => r.value);
  }

  /** A one-word chat call, for servers without /models. Returns the reply text. */
  async ping(model: string, signal?: AbortSignal): Promise<string> {
    const { value } = await this.withRetries(
      (innerSignal) =>
        this.sdk.chat.completions.create(
          { model, messages: [{ role: "user", content: "Reply with the word: pong" }], max_tokens: 5 },
          { signal: innerSignal },
        ),
      signal,
    );
    this.meter.charge(
      value.usage ? { prompt: value.usage.prompt_tokens, completion: value.usage.completion_tokens } : null,
      "",
      "",
    );
    return value.choices[0]?.message.content ?? "";
  }

  private async send<P>(
    params: ChatCompletionCreateParamsNonStreaming & {
      response_format: ReturnType<typeof checkedResponseFormat<P>>;
    },
    record: LlmCallRecord,
    signal?: AbortSignal,
  ): Promise<ParsedChatCompletion<ReplyCheck<P>>> {
    this.meter.ensureRemaining();
    let sent = this.jsonObjectMode ? asJsonObjectRequest(params) : params;
    let result;
    try {
      result = await this.withRetries((innerSignal) => this.complete(sent, innerSignal), signal);
    } catch (error) {
      // Servers without structured outputs (older vLLM, some gateways) reject json_schema with a 400: ask for a
      // plain JSON object with the schema in the prompt instead; the reply is still checked against the schema.
      if (this.jsonObjectMode || !isSchemaUnsupported(error)) throw error;
      this.jsonObjectMode = true;
      record.attempts += 1;
      sent = asJsonObjectRequest(params);
      result = await this.withRetries((innerSignal) => this.complete(sent, innerSignal), signal);
    }
    const { value, attempts } = result;
    record.attempts += attempts;
    const usage = this.meter.charge(
      value.usage ? { prompt: value.usage.prompt_tokens, completion: value.usage.completion_tokens } : null,
      JSON.stringify(sent.messages),
      value.choices[0]?.message.content ?? "",
    );
    record.tokens.prompt += usage.prompt;
    record.tokens.completion += usage.completion;
    return value;
  }

  private complete<P>(
    params: ChatCompletionCreateParamsNonStreaming & { response_format: AutoParseableResponseFormat<P> },
    signal: AbortSignal,
  ): Promise<ParsedChatCompletion<P>> {
    if (!this.stream) return this.sdk.chat.completions.parse(params, { signal });
    return this.sdk.chat.completions
      .stream({ ...params, stream: true, stream_options: { include_usage: true } }, { signal })
      .finalChatCompletion();
  }

  /** Runs `attempt` with a per-attempt timeout, retrying 429/5xx/connection errors with backoff. */
  private async withRetries<R>(
    attempt: (signal: AbortSignal) => Promise<R>,
    signal?: AbortSignal,
  ): Promise<{ value: R; attempts: number }> {
    for (let n = 0; ; n++) {
      if (signal?.aborted) throw new LlmError("aborted", "the run was cancelled");
      const controller = new AbortController();
      const onAbort = () => controller.abort(signal?.reason);
      signal?.addEventListener("abort", onAbort, { once: true });
      const timer = setTimeout(() => controller.abort(TIMEOUT), this.settings.timeoutMs);
      try {
        return { value: await attempt(controller.signal), attempts: n + 1 };
      } catch (error) {
        const failure = this.classify(error, controller.signal.reason === TIMEOUT, signal?.aborted ?? false);
        const retryable =
          failure.code === "rate_limited" || failure.code === "server" || failure.code === "connection";
        if (!retryable || n >= this.retry.retries) throw failure;
        const headers = error instanceof OpenAI.APIError ? error.headers : undefined;
        try {
          await this.clock.sleep(retryDelay(n, this.retry, this.random, headers, this.clock.now()), signal);
        } catch {
          throw new LlmError("aborted", "the run was cancelled");
        }
      } finally {
        clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
      }
    }
  }

  private classify(error: unknown, timedOut: boolean, aborted: boolean): LlmError {
    if (error instanceof LlmError) return error;
    if (timedOut || error instanceof OpenAI.APIConnectionTimeoutError) {
      return new LlmError(
        "timeout",
        `no reply within ${this.settings.timeoutMs} ms (MIMICRY_LLM_TIMEOUT_MS)`,
      );
    }
    if (error instanceof LengthFinishReasonError) {
      return new LlmError("truncated", "the reply was cut off at the model's length limit");
    }
    if (error instanceof ContentFilterFinishReasonError) {
      return new LlmError("refusal", "the server's content filter stopped the reply", {
        refusal: "content filter",
      });
    }
    if (aborted || error instanceof OpenAI.APIUserAbortError)
      return new LlmError("aborted", "the run was cancelled");
    if (error instanceof OpenAI.APIError && typeof error.status === "number") {
      const status = error.status;
      const code: LlmErrorCode =
        status === 429 ? "rate_limited" : isRetryableStatus(status) ? "server" : "http";
      return new LlmError(code, `HTTP ${status} from the model server: ${error.message}`, { status });
    }
    if (error instanceof OpenAI.APIConnectionError) {
      return new LlmError("connection", `cannot reach the model server: ${error.message}`);
    }
    return new LlmError("http", error instanceof Error ? error.message : String(error));
  }
}
