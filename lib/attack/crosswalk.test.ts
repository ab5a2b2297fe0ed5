import { describe, expect, it } from "vitest";
import { coversTechnique } from "@/lib/detect/report";
import { relevantTag } from "@/lib/procedures/fidelity";
import { techniqueEquivalents } from "./crosswalk";

describe("ATT&CK v19 → v18.1 crosswalk for rule tags", () => {
  it("keeps the tag and adds the v18.1 technique it came from", () => {
    expect(techniqueEquivalents("t1685.005")).toEqual(["T1685.005", "T1070.001"]);
    expect(techniqueEquivalents("T1686.003")).toEqual(["T1686.003", "T1562.004"]);
  });

  it("leaves v18.1 IDs and ambiguous v19 IDs alone", () => {
    expect(techniqueEquivalents("T1059.001")).toEqual(["T1059.001"]);
    expect(techniqueEquivalents("T1689")).toEqual(["T1689"]);
  });

  it("is used when a rule's tags are matched to a technique", () => {
    expect(coversTechnique("T1562", "t1685")).toBe(true);
    expect(coversTechnique("T1070.001", "t1685.005")).toBe(true);
    expect(coversTechnique("T1059", "t1685")).toBe(false);
    expect(relevantTag("T1562.002", "T1562", "t1685.001")).toBe(true);
    expect(relevantTag("T1562.002", "T1562", "t1686")).toBe(false);
  });
});
