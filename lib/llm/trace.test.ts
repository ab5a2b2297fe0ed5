import { describe, expect, it } from "vitest";
import { summarizeTrace, type LlmTrace, type LlmTraceRound } from "./trace";

const round = (n: number, overrides: Partial<LlmTraceRound> = {}): LlmTraceRound => ({
  round: n,
  phase: n === 1 ? "generate" : "improve",
  promptHash: "ab".repeat(32),
  planDiff: [{ op: "replace", path: "/steps/0/actions/0/commandLine", old: "a", value: "b" }],
  deterministic: {
    events: 42,
    violations: 0,
    steps: [
      {
        step: 0,
        technique: "T1059.001",
        rulesAvailable: 133,
        rulesFired: ["Suspicious PowerShell Parameter Substring"],
      },
      { step: 1, technique: "T1003.001", rulesAvailable: 43, rulesFired: [] },
    ],
    artifactsMissing: ["file Invoice.docm"],
    rejected: [],
    findings: [],
    passed: false,
  },
  scores: { techniqueFidelity: 6, completeness: 7, realism: 5, ordering: 9 },
  critiques: ["[realism, step 1] …"],
  tokens: { prompt: 1500, completion: 700 },
  latencyMs: 2300,
  calls: [],
  passed: false,
  error: null,
  ...overrides,
});

const trace: LlmTrace = {
  mode: "model",
  model: "qwen2.5:14b",
  judgeModel: "llama3.1:70b",
  status: "max_rounds",
  stopReason: "stopped after 2 rounds",
  thresholds: { min: 7 },
  tokenBudget: 60_000,
  rounds: [
    round(1),
    round(2, { scores: { techniqueFidelity: 8, completeness: 8, realism: 6, ordering: 9 } }),
  ],
  totals: { tokens: { prompt: 3000, completion: 1400 }, latencyMs: 4600, calls: 4, estimatedTokens: false },
};

describe("summarizeTrace", () => {
  it("gives a headline, the last scores and one line per round", () => {
    const summary = summarizeTrace(trace);
    expect(summary.headline).toBe(
      "model qwen2.5:14b, judge llama3.1:70b: max rounds after 2 rounds, 4400 tokens",
    );
    expect(summary.finalScores).toEqual({ techniqueFidelity: 8, completeness: 8, realism: 6, ordering: 9 });
    expect(summary.totalTokens).toBe(4400);
    expect(summary.lines[0]).toBe(
      "round 1 (generate) · 42 events · 0 violations · rules fired in 1/2 steps · 1 artifacts missing · " +
        "fidelity 6, completeness 7, realism 5, ordering 9 · 1 plan changes · 2200 tokens, 2300 ms",
    );
  });

  it("leaves tokens out in deterministic mode", () => {
    const summary = summarizeTrace({
      ...trace,
      mode: "deterministic",
      model: null,
      judgeModel: null,
      status: "passed",
      rounds: [round(1, { scores: null, tokens: { prompt: 0, completion: 0 }, passed: true })],
    });
    expect(summary.headline).toBe("deterministic: passed after 1 round");
    expect(summary.finalScores).toBeNull();
    expect(summary.lines[0]).not.toMatch(/tokens/);
    expect(summary.lines[0]).toMatch(/passed$/);
  });
});
