import { zodResponseFormat } from "openai/helpers/zod";
import { describe, expect, it } from "vitest";
import { Action } from "@/lib/engine/actions";
import { checkModelPlan, ModelPlan, type ModelPlan as ModelPlanType } from "./plan";
import { fromStrictValue, toStrictSchema } from "./strict-schema";

/** A strict-form process.create (every field present, null when unused), as a model returns it. */
const proc = (
  id: string,
  procName: string,
  parent: string,
  image: string,
  commandLine: string,
  after: string[] | null = null,
) => ({
  id,
  after,
  host: null,
  verdict: null,
  delayMs: null,
  kind: "process.create",
  proc: procName,
  parent,
  image,
  commandLine,
  currentDirectory: null,
  user: null,
  integrity: null,
  elevated: null,
});

const lsassAccess = (id: string, procName: string, grantedAccess: string) => ({
  id,
  after: null,
  host: null,
  verdict: null,
  delayMs: null,
  kind: "process.access",
  proc: procName,
  target: "@lsass",
  grantedAccess,
  callTrace: ["ntdll.dll", "dbgcore.dll", "comsvcs.dll"],
});

describe("toStrictSchema", () => {
  it("makes every property required and nullable where the engine has optional or default", () => {
    const schema = zodResponseFormat(ModelPlan, "plan").json_schema.schema as Record<string, unknown>;
    const text = JSON.stringify(schema);
    // Every object lists all its properties as required (the strict-mode rule).
    const objects: Array<{
      properties: Record<string, unknown>;
      required: string[];
      additionalProperties: boolean;
    }> = [];
    const walk = (node: unknown) => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (!node || typeof node !== "object") return;
      const n = node as Record<string, unknown>;
      if (n.type === "object" && n.properties) objects.push(n as never);
      Object.values(n).forEach(walk);
    };
    walk(schema);
    expect(objects.length).toBeGreaterThan(45);
    for (const o of objects) {
      expect(o.required.sort()).toEqual(Object.keys(o.properties).sort());
      expect(o.additionalProperties).toBe(false);
    }
    expect(text).not.toMatch(/"default":/);
  });

  it("turns the engine's record into key/value pairs and back", () => {
    const strict = {
      id: "m1",
      after: null,
      host: null,
      verdict: null,
      delayMs: null,
      kind: "powershell.module",
      proc: "p1",
      command: "Invoke-WebRequest",
      parameters: [
        { key: "Uri", value: "https://cdn.example.net/a.ps1" },
        { key: "OutFile", value: "C:\\Users\\Public\\a.ps1" },
      ],
    };
    expect(toStrictSchema(Action).safeParse(strict).success).toBe(true);
    const input = fromStrictValue(Action, strict);
    expect(input).toEqual({
      id: "m1",
      kind: "powershell.module",
      proc: "p1",
      command: "Invoke-WebRequest",
      parameters: { Uri: "https://cdn.example.net/a.ps1", OutFile: "C:\\Users\\Public\\a.ps1" },
    });
    expect(Action.parse(input).kind).toBe("powershell.module");
  });
});

describe("checkModelPlan", () => {
  // Not parsed with ModelPlan: checkModelPlan must hold even for what a lax server lets through.
  const plan = (steps: unknown[]): ModelPlanType => ({ steps }) as ModelPlanType;

  it("keeps valid actions and converts them to the engine's input shape", () => {
    const checked = checkModelPlan(
      plan([
        {
          technique: "t1059.001",
          host: null,
          user: "@user",
          rationale: "Word macro starts PowerShell",
          actions: [
            proc(
              "a1",
              "ps",
              "@explorer",
              "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
              "powershell.exe -nop",
            ),
          ],
        },
      ]),
      ["T1059.001"],
    );
    expect(checked.rejected).toEqual([]);
    expect(checked.plan.steps).toEqual([
      {
        technique: "T1059.001",
        host: undefined,
        user: "@user",
        rationale: "Word macro starts PowerShell",
        actions: [
          {
            id: "a1",
            kind: "process.create",
            proc: "ps",
            parent: "@explorer",
            image: "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
            commandLine: "powershell.exe -nop",
          },
        ],
      },
    ]);
  });

  it("rejects steps for techniques that were not requested and actions the engine's schema refuses", () => {
    const checked = checkModelPlan(
      plan([
        {
          technique: "T1486",
          host: null,
          user: null,
          rationale: "encrypt everything",
          actions: [proc("x1", "r", "@explorer", "C:\\r.exe", "r.exe")],
        },
        {
          technique: "T1003.001",
          host: null,
          user: null,
          rationale: "dump lsass",
          actions: [
            proc(
              "d1",
              "rd",
              "@explorer",
              "C:\\Windows\\System32\\rundll32.exe",
              "rundll32.exe comsvcs.dll, MiniDump 640 C:\\t.dmp full",
            ),
            lsassAccess("d2", "rd", "ALL_ACCESS"),
            lsassAccess("d3", "ghost", "0x1fffff"),
            lsassAccess("d1", "rd", "0x1fffff"),
            lsassAccess("d4", "rd", "0x1fffff"),
          ],
        },
      ]),
      ["T1003.001"],
    );
    expect(checked.rejected.map((r) => [r.step, r.action, r.reason.split(":")[0]])).toEqual([
      [0, null, 'technique "T1486" was not requested'],
      [1, "d2", "not a valid engine action"],
      [
        1,
        "d3",
        'process "ghost" is neither created earlier in the plan nor a world process (@explorer, @services …)',
      ],
      [1, "d1", "duplicate action id d1"],
    ]);
    expect(checked.plan.steps).toHaveLength(1);
    expect(checked.plan.steps[0].actions?.map((a) => a.id)).toEqual(["d1", "d4"]);
  });

  it("rejects an 'after' that points forward and sessions never opened", () => {
    const checked = checkModelPlan(
      plan([
        {
          technique: "T1021.002",
          host: "@server",
          user: null,
          rationale: "SMB",
          actions: [
            proc("s1", "svc", "@services", "C:\\Windows\\x.exe", "x.exe", ["s9"]),
            {
              id: "s2",
              after: null,
              host: null,
              verdict: null,
              delayMs: null,
              kind: "share.access",
              session: "nope",
              share: "\\\\*\\ADMIN$",
              relativeTarget: null,
              accessMask: null,
            },
          ],
        },
      ]),
      ["T1021.002"],
    );
    expect(checked.rejected.map((r) => r.reason)).toEqual([
      '"after" names actions that do not come earlier: s9',
      'session "nope" is not opened by an earlier logon',
      "step T1021.002 has no valid action left",
      "no step carries out the requested technique T1021.002",
    ]);
    expect(checked.plan.steps).toEqual([]);
  });
});
