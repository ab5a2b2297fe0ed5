import { describe, expect, it } from "vitest";
import { parseActionText } from "@/lib/procedures/freetext/parse";
import { procedures } from "@/lib/procedures/registry";
import { estateOf } from "./engine-bridge";
import { choicesFor, deterministicPlanner } from "./deterministic";
import type { DeterministicEvaluation } from "./evaluate";

function evaluation(
  steps: Array<{ technique: string; available: number; fired: string[] }>,
): DeterministicEvaluation {
  return {
    summary: {
      events: 10,
      violations: 0,
      steps: steps.map((s, step) => ({
        step,
        technique: s.technique,
        rulesAvailable: s.available,
        rulesFired: s.fired,
      })),
      artifactsMissing: [],
      rejected: [],
      findings: [],
      passed: false,
    },
    findings: [],
    rules: null,
    artifacts: [],
  };
}

describe("deterministicPlanner", () => {
  const planner = deterministicPlanner(procedures);
  const lsass = choicesFor("T1003.001", procedures);

  it("turns a step's free text into actions with the procedures' parser, using the estate's names", () => {
    const withParser = deterministicPlanner(procedures, parseActionText);
    const estate = estateOf({ seed: 9 });
    const text =
      'The attacker ran forfiles /p c:\\windows\\system32 /m notepad.exe /c "cmd /c echo 0x5d" and then `whoami /all`.';
    const plan = withParser.initial([{ technique: "T1202", text }], estate, 9);
    const [step] = plan.steps;
    expect(step.text).toBe(text);
    const images = (step.actions ?? []).flatMap((a) =>
      a.kind === "process.create" ? [a.image.toLowerCase()] : [],
    );
    expect(images.some((i) => i.endsWith("\\forfiles.exe"))).toBe(true);
    expect(images.some((i) => i.endsWith("\\whoami.exe"))).toBe(true);
  });

  it("starts from the steps as given, technique IDs upper-cased", () => {
    expect(
      planner.initial([{ technique: "t1003.001", text: "dump lsass", host: "@workstation" }], null, 1),
    ).toEqual({
      steps: [{ technique: "T1003.001", text: "dump lsass", host: "@workstation" }],
    });
  });

  it("moves a step whose own rules did not fire to the next variant, then gives up", () => {
    expect(lsass.length).toBeGreaterThanOrEqual(2);
    const first = planner.initial([{ technique: "T1003.001" }, { technique: "T1059.001" }], null, 1);
    const failing = evaluation([
      { technique: "T1003.001", available: 40, fired: [] },
      { technique: "T1059.001", available: 100, fired: ["Suspicious PowerShell Parameter Substring"] },
    ]);
    const second = planner.next(first, failing);
    expect(second?.steps[0]).toEqual({ technique: "T1003.001", ...lsass[1] });
    expect(second?.steps[1]).toEqual(first.steps[1]);
    let plan = second!;
    for (let i = 2; i < lsass.length; i++) plan = planner.next(plan, failing)!;
    expect(plan.steps[0]).toEqual({ technique: "T1003.001", ...lsass.at(-1) });
    expect(planner.next(plan, failing)).toBeNull();
  });

  it("leaves steps alone when their rules fired or no rule exists for them", () => {
    const plan = planner.initial([{ technique: "T1003.001" }, { technique: "T1202" }], null, 1);
    const result = evaluation([
      { technique: "T1003.001", available: 40, fired: ["Lsass Memory Dump via Comsvcs DLL"] },
      { technique: "T1202", available: 0, fired: [] },
    ]);
    expect(planner.next(plan, result)).toBeNull();
  });
});
