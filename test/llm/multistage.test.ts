import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config/schema";
import { procedures } from "@/lib/procedures/registry";
import { estateOf } from "@/lib/llm/engine-bridge";
import { runAgentLoop, type AgentLoopResult } from "@/lib/llm/run";
import { loadRecording, planReply, startFakeOpenAI, type FakeOpenAI } from "@/test/support/fake-openai";

/**
 * The multi-stage example from issue 7: "phishing document → PowerShell download cradle → scheduled-task
 * persistence → LSASS dump → lateral movement over SMB to the file server → staging and exfiltration over
 * HTTPS" must give, in both modes, a coherent bundle in which each step's own-technique rules fire.
 */
const rulesDir = process.env.SIGMA_RULES_DIR;
const steps = [
  { technique: "T1566.001", name: "Spearphishing Attachment" },
  { technique: "T1059.001", name: "PowerShell" },
  { technique: "T1053.005", name: "Scheduled Task" },
  { technique: "T1003.001", name: "LSASS Memory" },
  { technique: "T1021.002", name: "SMB/Windows Admin Shares" },
  { technique: "T1560.001", name: "Archive via Utility" },
  { technique: "T1567.002", name: "Exfiltration to Cloud Storage" },
];
const narrative =
  "Phishing document → PowerShell download cradle → scheduled-task persistence → LSASS dump → lateral movement over SMB " +
  "to the file server → staging and exfiltration over HTTPS.";
const scenario = {
  environment: {
    domain: { netbios: "ACME", dns: "corp.acme.local" },
    hosts: [
      { name: "WS01", role: "workstation" as const, ip: "10.10.20.31", os: "win11" as const },
      { name: "FS01", role: "server" as const, ip: "10.10.10.20", os: "server2022" as const },
      { name: "DC01", role: "dc" as const, ip: "10.10.10.5", os: "server2022" as const },
    ],
  },
  noise: { level: "low" as const },
};
const seed = 20260302;

function expectCoherentAndDetected(result: AgentLoopResult) {
  const last = result.trace.rounds.at(-1)!;
  expect(last.deterministic.violations).toBe(0);
  for (const step of last.deterministic.steps) {
    expect({ technique: step.technique, fired: step.rulesFired.length > 0 }).toEqual({
      technique: step.technique,
      fired: true,
    });
  }
  const stepsSeen = new Set(result.labels!.map((l) => l.step).filter((s) => s !== null));
  expect([...stepsSeen].sort()).toEqual(steps.map((_, i) => i));
}

describe.skipIf(!rulesDir)("the multi-stage example", () => {
  let server: FakeOpenAI;
  beforeAll(async () => {
    // The recorded plan names the estate's user and admin as a model does after reading them in the prompt.
    const estate = estateOf({ seed, ...scenario });
    const recorded = JSON.stringify(loadRecording("multistage-plan"))
      .replaceAll("{{user}}", estate.user)
      .replaceAll("{{admin}}", estate.admin)
      .replaceAll("{{domain}}", estate.domain.netbios);
    server = await startFakeOpenAI({
      replies: [
        { kind: "json", body: planReply(JSON.parse(recorded)) },
        { kind: "json", body: loadRecording("judge-pass") },
      ],
    });
  });
  afterAll(() => server.close());

  let modelRun: Promise<AgentLoopResult> | undefined;
  const runModelMode = () =>
    (modelRun ??= runAgentLoop({
      narrative:
        `${narrative} The invoice Invoice_Q1-2026.docm arrives by mail; the cradle pulls from cdn.officeupdate-sync.com; ` +
        "the finance share on FS01 is zipped and copied to MEGA with rclone.",
      steps,
      seed,
      config: parseConfig({
        OPENAI_BASE_URL: server.baseURL,
        MIMICRY_MODEL: "fake-planner",
        SIGMA_RULES_DIR: rulesDir,
      }),
      scenario,
    }));

  it("in model mode: a coherent bundle where every step's own rules fire", async () => {
    const result = await runModelMode();
    expect(result).toMatchObject({ mode: "model", status: "passed", fallback: false });
    expect(result.trace.rounds).toHaveLength(1);
    expect(result.trace.rounds[0].deterministic.artifactsMissing).toEqual([]);
    expectCoherentAndDetected(result);
  });

  it("in model mode: the plan's process tree survives across steps (no engine repairs)", async () => {
    const result = await runModelMode();
    expect(result.trace.rounds[0].deterministic.rejected).toEqual([]);
  });

  const missing = steps
    .filter((s) => !procedures.some((p) => p.technique === s.technique))
    .map((s) => s.technique);
  it.skipIf(missing.length > 0)(
    `in deterministic mode: the same${missing.length ? ` (pending procedures for ${missing.join(", ")})` : ""}`,
    async () => {
      const result = await runAgentLoop({
        narrative,
        steps,
        seed,
        config: parseConfig({ SIGMA_RULES_DIR: rulesDir }),
        scenario,
      });
      expect(result).toMatchObject({ mode: "deterministic", status: "passed" });
      expectCoherentAndDetected(result);
    },
  );
});
