import { describe, expect, it } from "vitest";
import { type Action } from "./actions";
import { Rng } from "./rng";
import { type PlannedAction, schedulePlan } from "./schedule";

const planned = (actions: unknown[]): PlannedAction[] =>
  actions.map((a) => ({
    action: a as Action,
    step: 0,
    technique: "T0000",
    procedure: null,
    verdict: "malicious",
    host: "@workstation",
  }));

describe("schedulePlan", () => {
  const start = 1_000_000_000_000;

  it("puts children milliseconds after their parent and shell launches seconds apart", () => {
    const { timed } = schedulePlan(
      planned([
        {
          id: "a",
          kind: "process.create",
          proc: "cmd",
          parent: "@explorer",
          image: "C:\\x\\cmd.exe",
          commandLine: "cmd",
        },
        {
          id: "b",
          kind: "process.create",
          proc: "child",
          parent: "cmd",
          image: "C:\\x\\a.exe",
          commandLine: "a",
        },
        { id: "c", kind: "file.create", proc: "child", path: "C:\\x\\f" },
      ]),
      start,
      new Rng(1),
    );
    const [a, b, c] = timed.map((t) => t.timeUs);
    expect(a - start).toBeGreaterThanOrEqual(1_500_000);
    expect(b - a).toBeGreaterThanOrEqual(3_000);
    expect(b - a).toBeLessThanOrEqual(60_000);
    expect(c - b).toBeLessThanOrEqual(250_000);
  });

  it("orders by dependencies, honours delayMs, and drops cycles with a reason", () => {
    const { timed, issues } = schedulePlan(
      planned([
        { id: "x", kind: "file.create", proc: "@explorer", path: "C:\\1", after: ["z"] },
        { id: "y", kind: "file.create", proc: "@explorer", path: "C:\\2", after: ["x"] },
        { id: "z", kind: "file.create", proc: "@explorer", path: "C:\\3", after: ["y"] },
        { id: "w", kind: "file.create", proc: "@explorer", path: "C:\\4", after: [] },
        {
          id: "v",
          kind: "file.create",
          proc: "@explorer",
          path: "C:\\5",
          after: ["w", "ghost"],
          delayMs: 5000,
        },
      ]),
      start,
      new Rng(2),
    );
    expect(timed.map((t) => t.action.id)).toEqual(["w", "v"]);
    expect(timed[1].timeUs - timed[0].timeUs).toBeGreaterThanOrEqual(5_000_000);
    expect(issues.map((i) => i.actionId).sort()).toEqual(["v", "x", "y", "z"]);
  });

  it("is deterministic for a seed", () => {
    const plan = planned([
      {
        id: "a",
        kind: "process.create",
        proc: "p",
        parent: "@explorer",
        image: "C:\\x\\a.exe",
        commandLine: "a",
      },
      { id: "b", kind: "process.terminate", proc: "p" },
    ]);
    expect(schedulePlan(plan, start, new Rng(9)).timed).toEqual(schedulePlan(plan, start, new Rng(9)).timed);
    expect(schedulePlan(plan, start, new Rng(9)).timed).not.toEqual(
      schedulePlan(plan, start, new Rng(10)).timed,
    );
  });
});
