import { describe, expect, it } from "vitest";
import { planDiff } from "./diff";

const step = (id: string, commandLine: string) => ({ id, kind: "process.create", commandLine });

describe("planDiff", () => {
  it("records a first plan as one add at the root", () => {
    expect(planDiff(null, { steps: [] })).toEqual([{ op: "add", path: "", value: { steps: [] } }]);
  });

  it("is empty for equal plans whatever the key order", () => {
    expect(planDiff({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toEqual([]);
  });

  it("names the changed field with a JSON pointer", () => {
    const before = { steps: [{ actions: [step("a1", "whoami"), step("a2", "net user")] }] };
    const after = { steps: [{ actions: [step("a1", "whoami /all"), step("a2", "net user")] }] };
    expect(planDiff(before, after)).toEqual([
      { op: "replace", path: "/steps/0/actions/0/commandLine", old: "whoami", value: "whoami /all" },
    ]);
  });

  it("sees an inserted action as one add, not a cascade of replaces", () => {
    const a = step("a1", "x");
    const b = step("a2", "y");
    const c = step("a3", "z");
    const inserted = step("n1", "new");
    expect(planDiff({ actions: [a, b, c] }, { actions: [a, inserted, b, c] })).toEqual([
      { op: "add", path: "/actions/1", value: inserted },
    ]);
    expect(planDiff({ actions: [a, b, c] }, { actions: [a, c] })).toEqual([
      { op: "remove", path: "/actions/1", old: b },
    ]);
  });

  it("reports added and removed keys and escapes them", () => {
    expect(planDiff({ "a/b": 1, keep: true }, { keep: true, "c~d": 2 })).toEqual([
      { op: "remove", path: "/a~1b", old: 1 },
      { op: "add", path: "/c~0d", value: 2 },
    ]);
  });
});
