import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startFakeOpenAI, type FakeOpenAI } from "@/test/support/fake-openai";

// The route reads the server configuration once per process: set the environment, then import it fresh.
describe("POST /api/llm/test", () => {
  let server: FakeOpenAI;
  const saved = { ...process.env };

  beforeAll(async () => {
    server = await startFakeOpenAI({ models: ["fake-planner"] });
  });
  afterAll(async () => {
    process.env = saved;
    await server.close();
  });

  async function post(env: Record<string, string | undefined>) {
    process.env = {
      ...saved,
      OPENAI_API_KEY: undefined,
      OPENAI_BASE_URL: undefined,
      MIMICRY_MODEL: undefined,
      ...env,
    };
    vi.resetModules();
    const { POST } = await import("@/app/api/llm/test/route");
    const response = await POST(new Request("http://127.0.0.1/api/llm/test", { method: "POST" }));
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it("lists the fake server's models", async () => {
    const { status, body } = await post({
      OPENAI_BASE_URL: server.baseURL,
      OPENAI_API_KEY: "sk-route-secret",
      MIMICRY_MODEL: "fake-planner",
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true, method: "models", models: ["fake-planner"], modelListed: true });
    expect(JSON.stringify(body)).not.toContain("sk-route-secret");
  });

  it("answers 200 with an error, not a 500, when the configuration is bad", async () => {
    const { status, body } = await post({ OPENAI_BASE_URL: "not a url", MIMICRY_MODEL: "m" });
    expect(status).toBe(200);
    expect(body.ok).toBe(false);
    expect(String(body.error)).toMatch(/OPENAI_BASE_URL/);
  });

  it("says no model is configured in deterministic mode", async () => {
    const { body } = await post({});
    expect(body).toMatchObject({ ok: false });
    expect(String(body.error)).toMatch(/No model configured/);
  });
});
