import { afterEach, describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config/schema";
import { startFakeOpenAI, type FakeOpenAI } from "@/test/support/fake-openai";
import { testConnection } from "./connection";
import { llmSettings, publicLlmSettings } from "./settings";

let server: FakeOpenAI | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const env = (baseURL: string, extra: Record<string, string> = {}) => ({
  OPENAI_BASE_URL: baseURL,
  OPENAI_API_KEY: "sk-secret-value",
  MIMICRY_MODEL: "qwen2.5:14b",
  ...extra,
});

describe("llm settings", () => {
  it("is deterministic without a model, and never exposes the key", () => {
    const none = publicLlmSettings(parseConfig({}));
    expect(none).toMatchObject({ mode: "deterministic", apiKey: "not set", model: null, judgeModel: null });
    const set = publicLlmSettings(parseConfig(env("http://127.0.0.1:11434/v1")));
    expect(set).toMatchObject({
      mode: "model",
      apiKey: "set",
      model: "qwen2.5:14b",
      judgeModel: "qwen2.5:14b",
    });
    expect(set.judgeModelSource).toBe("MIMICRY_MODEL");
    expect(JSON.stringify(set)).not.toContain("sk-secret-value");
  });

  it("uses the judge model when given", () => {
    const settings = llmSettings(
      parseConfig(env("http://127.0.0.1:1/v1", { MIMICRY_JUDGE_MODEL: "judge-70b" })),
    );
    expect(settings.judgeModel).toBe("judge-70b");
  });
});

describe("testConnection", () => {
  it("lists models and says whether the configured ones are among them", async () => {
    server = await startFakeOpenAI({ models: ["qwen2.5:14b", "llama3.1:8b"] });
    const settings = llmSettings(parseConfig(env(server.baseURL, { MIMICRY_JUDGE_MODEL: "gpt-judge" })));
    const result = await testConnection(settings);
    expect(result).toMatchObject({
      ok: true,
      method: "models",
      modelListed: true,
      judgeModelListed: false,
      error: null,
    });
    expect(result.models).toEqual(["qwen2.5:14b", "llama3.1:8b"]);
  });

  it("falls back to a chat ping when the server has no /models", async () => {
    server = await startFakeOpenAI({ models: null, replies: [{ kind: "content", content: "pong" }] });
    const result = await testConnection(llmSettings(parseConfig(env(server.baseURL))));
    expect(result).toMatchObject({ ok: true, method: "chat", error: null });
    expect(server.chatRequests()[0].model).toBe("qwen2.5:14b");
  });

  it("reports an authentication failure as a clear error", async () => {
    server = await startFakeOpenAI({
      models: null,
      replies: [{ kind: "status", status: 401, message: "invalid api key" }],
    });
    const result = await testConnection(llmSettings(parseConfig(env(server.baseURL))));
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/HTTP 401/);
    expect(result.error).not.toContain("sk-secret-value");
  });

  it("reports an unreachable server", async () => {
    server = await startFakeOpenAI();
    const baseURL = server.baseURL;
    await server.close();
    server = undefined;
    const result = await testConnection(llmSettings(parseConfig(env(baseURL))), {
      retry: { retries: 0, baseDelayMs: 1, maxDelayMs: 1 },
    });
    expect(result).toMatchObject({ ok: false, method: null });
    expect(result.error).toMatch(/cannot reach/);
  });

  it("explains deterministic mode instead of calling anything", async () => {
    const result = await testConnection(llmSettings(parseConfig({})));
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/No model configured/);
  });
});
