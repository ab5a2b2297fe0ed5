import { describe, expect, it } from "vitest";
import { checkModelPlan } from "@/lib/llm/plan";
import { autoReply, type ChatRequestBody } from "@/test/support/fake-openai";

const request = (schema: string, user: string): ChatRequestBody => ({
  model: "m",
  messages: [
    { role: "system", content: "planner" },
    { role: "user", content: user },
  ],
  response_format: { type: "json_schema", json_schema: { name: schema, strict: true, schema: {} } },
});

describe("autoReply (the e2e fake model)", () => {
  it("answers plan requests with the recorded steps for the requested techniques, in the prompt's estate", () => {
    const reply = autoReply(
      request(
        "mimicry_action_plan",
        "Requested techniques, in order:\n0. T1059.001 — PowerShell\n1. T1003.001 — LSASS Memory\n\n" +
          "Estate (use these names in command lines and paths): domain CONTOSO (contoso.local); hosts: …; " +
          "interactive user alice.kim (profile C:\\\\Users\\\\alice.kim); domain admin adm-bob.",
      ),
    );
    expect(reply.kind).toBe("json");
    const body = (
      reply as { body: { steps: Array<{ technique: string; actions: Array<Record<string, unknown>> }> } }
    ).body;
    expect(body.steps.map((s) => s.technique)).toEqual(["T1059.001", "T1003.001"]);
    const text = JSON.stringify(body);
    expect(text).not.toContain("{{");
    expect(text).toContain("C:\\\\Users\\\\alice.kim\\\\AppData");
  });

  it("answers judge requests with the recorded verdict", () => {
    const reply = autoReply(request("mimicry_judge_verdict", "Score this"));
    expect(reply).toMatchObject({ kind: "json", body: { scores: { techniqueFidelity: 9 } } });
  });
});

describe("autoReply with steps left out", () => {
  it("starts processes whose parent step is missing from the host's usual parent, so the plan stays valid", () => {
    const reply = autoReply(
      request(
        "mimicry_action_plan",
        "Requested techniques, in order:\n0. T1059.001\n1. T1560.001\n\ninteractive user u; domain admin a.",
      ),
    );
    if (reply.kind !== "json") throw new Error(`expected a JSON reply, got ${reply.kind}`);
    const checked = checkModelPlan(reply.body as never, ["T1059.001", "T1560.001"]);
    expect(checked.rejected).toEqual([]);
    expect(checked.plan.steps[0].actions?.[0]).toMatchObject({ kind: "process.create", parent: "@explorer" });
    expect(checked.plan.steps[1].actions?.[0]).toMatchObject({ kind: "process.create", parent: "@services" });
  });
});
