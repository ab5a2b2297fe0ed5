import { describe, expect, it } from "vitest";
import { scenarioCreateSchema } from "@/lib/schemas/scenario";
import { builderStateOf, emptyStep, toCreateInput, toUpdateInput, type BuilderState } from "./types";

const state = (over: Partial<BuilderState> = {}): BuilderState => ({
  title: " Phish ",
  narrative: "",
  steps: [{ ...emptyStep("T1059.001", "PowerShell"), procedure: "t1059-001-cradle" }],
  domain: "",
  hosts: [],
  users: [],
  seed: "42",
  startTime: "",
  formats: ["evtx-json"],
  tags: "phishing, , persistence, phishing",
  visibility: "team",
  ...over,
});

describe("builder state ↔ server input", () => {
  it("sends what the server schema accepts, with visibility and de-duplicated tags", () => {
    const input = toCreateInput(state({ visibility: "public" }));
    expect(input).toMatchObject({
      title: "Phish",
      seed: 42,
      tags: ["phishing", "persistence"],
      visibility: "public",
    });
    expect(scenarioCreateSchema.safeParse(input).success).toBe(true);
  });

  it("clears narrative, environment and tags explicitly when editing", () => {
    const input = toUpdateInput(state({ tags: "" }));
    expect(input).toMatchObject({ narrative: "", environment: {}, tags: [] });
  });

  it("reads a saved scenario back, keeping its visibility", () => {
    const back = builderStateOf(
      {
        title: "T",
        narrative: "n",
        steps: [{ technique: "T1547.001", action: "reg add HKCU\\...\\Run /v x" }],
        environment: null,
        seed: 7,
        startTime: null,
        formats: [],
        tags: ["a", "b"],
        visibility: "private",
      },
      new Map([["T1547.001", "Registry Run Keys"]]),
    );
    expect(back).toMatchObject({ seed: "7", tags: "a, b", visibility: "private" });
    expect(back.steps[0]).toMatchObject({ mode: "text", techniqueName: "Registry Run Keys" });
  });
});
