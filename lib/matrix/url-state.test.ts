import { describe, expect, it } from "vitest";
import { testPayload } from "./test-payload";
import {
  compareTechniqueIds,
  parseIdList,
  rangeBetween,
  readUrlState,
  resolveLinkedIds,
  writeUrlState,
} from "./url-state";

describe("url state", () => {
  it("parses, normalises and sorts technique ids, reporting junk", () => {
    expect(parseIdList("t1059.001, T1003.001 T1059/004,,T1003.001,<script>")).toEqual({
      ids: ["T1003.001", "T1059.001", "T1059.004"],
      rejected: ["<script>"],
    });
    expect(["T1059", "T1003.001", "T1003", "T1059.001"].sort(compareTechniqueIds)).toEqual([
      "T1003",
      "T1003.001",
      "T1059",
      "T1059.001",
    ]);
  });

  it("round-trips a view through the query string", () => {
    const state = {
      selection: ["T1003.001", "T1059.001"],
      open: "T1003.001",
      query: "lsass dump",
      platforms: ["Windows", "Linux"],
      logSource: "Sysmon EventCode 10",
      mode: "hide" as const,
    };
    const search = writeUrlState(state);
    expect(search).toContain("sel=T1003.001,T1059.001");
    const params = Object.fromEntries(new URLSearchParams(search));
    expect(readUrlState(params)).toEqual(state);
  });

  it("leaves defaults out and ignores bad values", () => {
    expect(writeUrlState(readUrlState({}))).toBe("");
    expect(readUrlState({ mode: "explode", sel: ["T1059", "T1003"], open: " t9999 " })).toMatchObject({
      mode: "dim",
      selection: ["T1059"],
      open: "T9999",
    });
  });

  it("selects ranges in either direction", () => {
    const order = ["a", "b", "c", "d"];
    expect(rangeBetween(order, "b", "d")).toEqual(["b", "c", "d"]);
    expect(rangeBetween(order, "d", "b")).toEqual(["b", "c", "d"]);
    expect(rangeBetween(order, null, "c")).toEqual(["c"]);
    expect(rangeBetween(order, "a", "zz")).toEqual([]);
  });

  it("maps revoked ids from a link to their replacement and lists unknown ones", () => {
    expect(resolveLinkedIds(["T1086", "T1003", "T1064", "T9999"], testPayload())).toEqual({
      ids: ["T1003", "T1059.001"],
      remapped: [["T1086", "T1059.001"]],
      unknown: ["T1064", "T9999"],
    });
  });
});
