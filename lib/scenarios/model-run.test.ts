import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readZipEntries, verifyBundle } from "@/lib/bundle";
import { readEntry } from "@/lib/bundle/zip-read";
import { ensureLocalActor, type Actor } from "@/lib/db/actors";
import { queryRunEvents } from "@/lib/db/events";
import { getRun } from "@/lib/db/runs";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing/database";
import { autoReply, startFakeOpenAI, type FakeOpenAI } from "@/test/support/fake-openai";
import { runBundle } from "./bundle";
import { generateScenario } from "./run";

// Model mode end to end: the server configuration names a model (a local Chat Completions server answering
// from recorded plans), so Generate goes through the agent loop and the run and bundle say so.

const SYSMON = "Microsoft-Windows-Sysmon/Operational";

describe("generation in model mode", () => {
  let database: TestDatabase;
  let actor: Actor;
  let fake: FakeOpenAI;

  beforeAll(async () => {
    fake = await startFakeOpenAI({ fallback: autoReply, models: ["fake-planner", "fake-judge"] });
    // serverConfig() is parsed once per module graph, on first use: this file's graph sees the model.
    process.env.OPENAI_BASE_URL = fake.baseURL;
    process.env.MIMICRY_MODEL = "fake-planner";
    process.env.MIMICRY_JUDGE_MODEL = "fake-judge";
    database = await createTestDatabase("pglite");
    actor = await ensureLocalActor();
  });
  afterAll(async () => {
    delete process.env.OPENAI_BASE_URL;
    delete process.env.MIMICRY_MODEL;
    delete process.env.MIMICRY_JUDGE_MODEL;
    await fake?.close();
    await database?.drop();
  });

  it("plans with the model, stores the trace and provenance, and signs them into the bundle", async () => {
    const { runId, status } = await generateScenario(actor, {
      title: "Cradle",
      narrative: "A phishing document starts a PowerShell download cradle.",
      steps: [{ technique: "T1059.001" }],
      seed: 11,
    });
    expect(status).toBe("succeeded");
    expect(fake.chatRequests().length).toBeGreaterThan(0);
    const run = (await getRun(actor, runId))!;
    expect(run.mode).toBe("model");
    expect(run.provenance).toMatchObject({ mode: "model", models: { planner: "fake-planner" } });
    const trace = run.llmTrace as { mode: string; model: string; rounds: { promptHash: string | null }[] };
    expect(trace.mode).toBe("model");
    expect(trace.model).toBe("fake-planner");
    expect(trace.rounds.length).toBeGreaterThan(0);
    expect(run.timings?.plan).toBeGreaterThan(0);
    const ps = await queryRunEvents(actor, runId, { channel: SYSMON, eventId: 1, label: "malicious" });
    expect(ps.events.some((e) => /powershell\.exe$/i.test(e.image ?? ""))).toBe(true);

    const bytes = new Uint8Array(await new Response(await runBundle(actor, run)).arrayBuffer());
    const check = verifyBundle(bytes);
    expect(check.problems).toEqual([]);
    expect(check.manifest?.run.mode).toBe("model");
    expect(check.manifest?.provenance.model).toBe("fake-planner");
    const entries = readZipEntries(bytes);
    const read = (name: string) =>
      JSON.parse(
        Buffer.from(
          readEntry(
            bytes,
            entries.find((e) => e.name === name)!,
            1e8,
          ),
        ).toString(),
      );
    expect(read("provenance.json")).toEqual(run.provenance);
    expect(read("llm/trace.json").model).toBe("fake-planner");
  });
});
