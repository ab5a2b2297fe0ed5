import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { autoReply, startFakeOpenAI, type FakeOpenAI } from "@/test/support/fake-openai";
import { main } from "../main";

const dir = mkdtempSync(join(tmpdir(), "agent-cli-"));
const saved = { ...process.env };
let server: FakeOpenAI | undefined;
afterEach(async () => {
  process.env = { ...saved };
  await server?.close();
  server = undefined;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[], env: Record<string, string | undefined>) {
  process.env = {
    ...saved,
    OPENAI_BASE_URL: undefined,
    OPENAI_API_KEY: undefined,
    MIMICRY_MODEL: undefined,
    ...env,
  };
  const out: string[] = [];
  const err: string[] = [];
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((c) => (out.push(String(c)), true));
  const espy = vi.spyOn(process.stderr, "write").mockImplementation((c) => (err.push(String(c)), true));
  try {
    const code = await main(args);
    return { code, stdout: out.join(""), stderr: err.join("") };
  } finally {
    spy.mockRestore();
    espy.mockRestore();
  }
}

describe.skipIf(!process.env.SIGMA_RULES_DIR)("mimicry agent", () => {
  it("runs the model loop against an OpenAI-compatible server and writes events, trace and spec", async () => {
    server = await startFakeOpenAI({ fallback: autoReply });
    const trace = join(dir, "trace.json");
    const spec = join(dir, "spec.json");
    const r = await run(
      [
        "agent",
        "-t",
        "T1059.001",
        "-t",
        "T1003.001",
        "-n",
        "Word macro cradle, then an LSASS dump",
        "--trace",
        trace,
        "--spec",
        spec,
      ],
      { OPENAI_BASE_URL: server.baseURL, MIMICRY_MODEL: "fake-planner" },
    );
    expect(r.stderr).toMatch(/^model fake-planner: passed after 1 round, \d+ tokens\n/);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines.length).toBeGreaterThan(20);
    expect(JSON.parse(lines[0])).toHaveProperty("Event.System.EventID");
    const written = JSON.parse(readFileSync(trace, "utf8")) as {
      mode: string;
      rounds: Array<{ promptHash: string }>;
    };
    expect(written.mode).toBe("model");
    expect(written.rounds[0].promptHash).toMatch(/^[0-9a-f]{64}$/);
    const savedSpec = JSON.parse(readFileSync(spec, "utf8")) as {
      steps: Array<{ technique: string; plan: unknown[] }>;
    };
    expect(savedSpec.steps.map((s) => s.technique)).toEqual(["T1059.001", "T1003.001"]);
    expect(savedSpec.steps[0].plan.length).toBeGreaterThan(0);
  });

  it("runs deterministically without a model", async () => {
    const r = await run(["agent", "-t", "T1059.001", "--noise", "none"], {});
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^deterministic: passed after 1 round\n/);
  });

  it("rejects bad usage with exit 2", async () => {
    expect((await run(["agent"], {})).code).toBe(2);
    expect((await run(["agent", "-t", "1059"], {})).code).toBe(2);
    expect((await run(["agent", "-t", "T1059.001", "--seed", "-3"], {})).code).toBe(2);
  });

  it("exits 1 when the loop does not pass", async () => {
    server = await startFakeOpenAI({ fallback: { kind: "refusal", refusal: "No." } });
    const r = await run(["agent", "-t", "T1059.001", "--noise", "none"], {
      OPENAI_BASE_URL: server.baseURL,
      MIMICRY_MODEL: "m",
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("refused");
    expect(r.stderr).toContain("(deterministic fallback)");
  });
});
