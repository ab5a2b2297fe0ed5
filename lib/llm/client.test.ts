import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { recordingClock, startFakeOpenAI, type FakeOpenAI } from "@/test/support/fake-openai";
import { LlmClient } from "./client";
import { seededRandom } from "./clock";
import { LlmError } from "./errors";
import { promptHash } from "./hash";
import { backoffDelay, DEFAULT_RETRY } from "./retry";
import type { LlmSettings } from "./settings";

const Answer = z.object({
  verdict: z.enum(["ok", "bad"]),
  reasons: z.array(z.string()),
  note: z.string().nullable(),
});
const good = { verdict: "ok", reasons: ["fine"], note: null };
const messages = [
  { role: "system" as const, content: "Answer as JSON." },
  { role: "user" as const, content: "Check this." },
];

let server: FakeOpenAI | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function settings(baseURL: string, overrides: Partial<LlmSettings> = {}): LlmSettings {
  return {
    mode: "model",
    baseURL,
    apiKey: "sk-test-secret",
    model: "fake-planner",
    judgeModel: "fake-judge",
    timeoutMs: 5_000,
    maxRounds: 3,
    tokenBudget: 60_000,
    ...overrides,
  };
}

function ask(client: LlmClient) {
  return client.structured({
    purpose: "judge",
    model: "fake-judge",
    messages,
    schema: Answer,
    schemaName: "answer",
  });
}

describe("LlmClient.structured", () => {
  it("parses a good reply and records hash, tokens and attempts", async () => {
    server = await startFakeOpenAI({
      replies: [{ kind: "json", body: good, usage: { prompt_tokens: 321, completion_tokens: 45 } }],
    });
    const client = new LlmClient(settings(server.baseURL));
    const { value, record } = await ask(client);
    expect(value).toEqual(good);
    expect(record).toMatchObject({
      purpose: "judge",
      model: "fake-judge",
      attempts: 1,
      repaired: false,
      outcome: "ok",
    });
    expect(record.tokens).toEqual({ prompt: 321, completion: 45 });
    expect(record.promptHash).toBe(promptHash(messages));
    expect(client.meter.total).toBe(366);
    const sent = server.chatRequests()[0];
    expect(sent.model).toBe("fake-judge");
    expect(sent.messages).toEqual(messages);
    expect(sent.response_format?.type).toBe("json_schema");
    expect(sent.response_format?.json_schema?.strict).toBe(true);
    expect(server.requests[0].headers.authorization).toBe("Bearer sk-test-secret");
  });

  it("reads the same reply over SSE streaming", async () => {
    server = await startFakeOpenAI({
      replies: [{ kind: "json", body: good, usage: { prompt_tokens: 10, completion_tokens: 7 } }],
    });
    const client = new LlmClient(settings(server.baseURL), { stream: true });
    const { value, record } = await ask(client);
    expect(value).toEqual(good);
    expect(record.tokens).toEqual({ prompt: 10, completion: 7 });
    expect(server.chatRequests()[0].stream).toBe(true);
  });

  it("repairs a malformed reply once, showing the model its reply and the problem", async () => {
    server = await startFakeOpenAI({
      replies: [
        { kind: "content", content: '{"verdict": "ok", "reasons": [' },
        { kind: "json", body: good },
      ],
    });
    const { value, record } = await ask(new LlmClient(settings(server.baseURL)));
    expect(value).toEqual(good);
    expect(record.repaired).toBe(true);
    const repair = server.chatRequests()[1].messages;
    expect(repair.slice(0, 2)).toEqual(messages);
    expect(repair[2]).toEqual({ role: "assistant", content: '{"verdict": "ok", "reasons": [' });
    expect(repair[3].content).toMatch(/not valid JSON/);
  });

  it("sends the zod issues back for a schema-violating reply, then rejects a second bad one", async () => {
    const bad = { verdict: "maybe", reasons: "none", note: null };
    server = await startFakeOpenAI({
      replies: [
        { kind: "json", body: bad },
        { kind: "json", body: bad },
      ],
    });
    const error = await ask(new LlmClient(settings(server.baseURL))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlmError);
    expect((error as LlmError).code).toBe("schema");
    expect((error as LlmError).details.issues?.join("\n")).toMatch(/verdict/);
    expect(server.chatRequests()).toHaveLength(2);
    expect(server.chatRequests()[1].messages[3].content).toMatch(/verdict: /);
    expect(server.chatRequests()[1].messages[3].content).toMatch(/reasons: /);
  });

  it("surfaces a refusal without retrying", async () => {
    server = await startFakeOpenAI({ replies: [{ kind: "refusal", refusal: "I can't help with that." }] });
    const client = new LlmClient(settings(server.baseURL));
    const error = (await ask(client).catch((e: unknown) => e)) as LlmError;
    expect(error.code).toBe("refusal");
    expect(error.details.refusal).toBe("I can't help with that.");
    expect(client.calls[0].outcome).toBe("refusal");
    expect(server.chatRequests()).toHaveLength(1);
  });

  it("surfaces a refusal sent over streaming", async () => {
    server = await startFakeOpenAI({ replies: [{ kind: "refusal", refusal: "No." }] });
    const error = (await ask(new LlmClient(settings(server.baseURL), { stream: true })).catch(
      (e: unknown) => e,
    )) as LlmError;
    expect(error.code).toBe("refusal");
  });

  it("rejects a reply cut off at the length limit", async () => {
    server = await startFakeOpenAI({
      replies: [{ kind: "content", content: '{"verdict":"ok"', finishReason: "length" }],
    });
    const error = (await ask(new LlmClient(settings(server.baseURL))).catch((e: unknown) => e)) as LlmError;
    expect(error.code).toBe("truncated");
  });

  it("times out a slow reply", async () => {
    server = await startFakeOpenAI({
      replies: [{ kind: "slow", delayMs: 3_000, then: { kind: "json", body: good } }],
    });
    const started = Date.now();
    const error = (await ask(new LlmClient(settings(server.baseURL, { timeoutMs: 200 }))).catch(
      (e: unknown) => e,
    )) as LlmError;
    expect(error.code).toBe("timeout");
    expect(error.message).toMatch(/200 ms/);
    expect(Date.now() - started).toBeLessThan(2_500);
  });

  it("waits as long as Retry-After says on 429, then succeeds", async () => {
    server = await startFakeOpenAI({
      replies: [
        { kind: "status", status: 429, headers: { "retry-after": "7" } },
        { kind: "json", body: good },
      ],
    });
    const clock = recordingClock();
    const { record } = await ask(new LlmClient(settings(server.baseURL), { clock, random: seededRandom(1) }));
    expect(record.attempts).toBe(2);
    expect(clock.sleeps).toEqual([7_000]);
  });

  it("backs off exponentially with seeded jitter on 5xx", async () => {
    server = await startFakeOpenAI({
      replies: [
        { kind: "status", status: 500 },
        { kind: "status", status: 503 },
        { kind: "json", body: good },
      ],
    });
    const clock = recordingClock();
    const { record } = await ask(
      new LlmClient(settings(server.baseURL), { clock, random: seededRandom(42) }),
    );
    expect(record.attempts).toBe(3);
    const jitter = seededRandom(42);
    expect(clock.sleeps).toEqual([
      backoffDelay(0, DEFAULT_RETRY, jitter),
      backoffDelay(1, DEFAULT_RETRY, jitter),
    ]);
    expect(clock.sleeps[0]).toBeGreaterThanOrEqual(250);
    expect(clock.sleeps[1]).toBeGreaterThanOrEqual(500);
  });

  it("gives up after the retries with a server error", async () => {
    server = await startFakeOpenAI({ fallback: { kind: "status", status: 502 } });
    const clock = recordingClock();
    const retry = { retries: 2, baseDelayMs: 100, maxDelayMs: 1_000 };
    const error = (await ask(new LlmClient(settings(server.baseURL), { clock, retry })).catch(
      (e: unknown) => e,
    )) as LlmError;
    expect(error.code).toBe("server");
    expect(error.details.status).toBe(502);
    expect(server.chatRequests()).toHaveLength(3);
    expect(clock.sleeps).toHaveLength(2);
  });

  it("does not retry a 400", async () => {
    server = await startFakeOpenAI({ replies: [{ kind: "status", status: 400, message: "bad model" }] });
    const error = (await ask(new LlmClient(settings(server.baseURL))).catch((e: unknown) => e)) as LlmError;
    expect(error.code).toBe("http");
    expect(error.message).toMatch(/400/);
    expect(server.chatRequests()).toHaveLength(1);
  });

  it("stops when the token budget is spent", async () => {
    server = await startFakeOpenAI({
      fallback: { kind: "json", body: good, usage: { prompt_tokens: 150, completion_tokens: 50 } },
    });
    const client = new LlmClient(settings(server.baseURL, { tokenBudget: 300 }));
    await ask(client);
    await ask(client);
    const error = (await ask(client).catch((e: unknown) => e)) as LlmError;
    expect(error.code).toBe("budget");
    expect(error.message).toMatch(/400 of 300/);
    expect(server.chatRequests()).toHaveLength(2);
  });

  it("estimates tokens when the server sends no usage", async () => {
    server = await startFakeOpenAI({ replies: [{ kind: "json", body: good, usage: null }] });
    const client = new LlmClient(settings(server.baseURL));
    const { record } = await ask(client);
    const promptChars = JSON.stringify(messages).length;
    expect(record.tokens).toEqual({
      prompt: Math.ceil(promptChars / 4),
      completion: Math.ceil(JSON.stringify(good).length / 4),
    });
    expect(client.meter.estimated).toBe(true);
  });

  it("is cancelled by the caller's signal", async () => {
    server = await startFakeOpenAI({
      replies: [{ kind: "slow", delayMs: 2_000, then: { kind: "json", body: good } }],
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = (await new LlmClient(settings(server.baseURL))
      .structured({
        purpose: "judge",
        model: "m",
        messages,
        schema: Answer,
        schemaName: "answer",
        signal: controller.signal,
      })
      .catch((e: unknown) => e)) as LlmError;
    expect(error.code).toBe("aborted");
  });
});

describe("LlmClient connection checks", () => {
  it("lists the server's models", async () => {
    server = await startFakeOpenAI({ models: ["llama3.1:8b", "qwen2.5:14b"] });
    expect(await new LlmClient(settings(server.baseURL)).listModels()).toEqual([
      "llama3.1:8b",
      "qwen2.5:14b",
    ]);
  });

  it("reports an unreachable server as a connection error", async () => {
    server = await startFakeOpenAI();
    const baseURL = server.baseURL;
    await server.close();
    server = undefined;
    const retry = { retries: 0, baseDelayMs: 1, maxDelayMs: 1 };
    const error = (await new LlmClient(settings(baseURL), { retry })
      .listModels()
      .catch((e: unknown) => e)) as LlmError;
    expect(error.code).toBe("connection");
  });
});

describe("servers without structured outputs", () => {
  it("falls back to JSON mode with the schema in the system prompt, and stays there", async () => {
    server = await startFakeOpenAI({
      replies: [
        {
          kind: "status",
          status: 400,
          message: "response_format type json_schema is not supported by this model",
        },
        { kind: "json", body: good },
        { kind: "json", body: good },
      ],
    });
    const client = new LlmClient(settings(server.baseURL));
    const { value, record } = await ask(client);
    expect(value).toEqual(good);
    expect(record.attempts).toBe(2);
    const [first, second] = server.chatRequests();
    expect(first.response_format?.type).toBe("json_schema");
    expect(second.response_format).toEqual({ type: "json_object" });
    expect(second.messages).toHaveLength(2);
    expect(second.messages[0].content).toMatch(/^Answer as JSON\.\n\nReply with one JSON object/);
    expect(second.messages[0].content).toContain('"verdict"');
    await ask(client);
    expect(server.chatRequests()[2].response_format).toEqual({ type: "json_object" });
  });

  it("still checks a JSON-mode reply against the schema", async () => {
    server = await startFakeOpenAI({
      replies: [
        { kind: "status", status: 400, message: "Unsupported parameter: response_format.json_schema" },
        { kind: "json", body: { verdict: "perhaps" } },
        { kind: "json", body: { verdict: "perhaps" } },
      ],
    });
    const error = (await ask(new LlmClient(settings(server.baseURL))).catch((e: unknown) => e)) as LlmError;
    expect(error.code).toBe("schema");
  });
});
