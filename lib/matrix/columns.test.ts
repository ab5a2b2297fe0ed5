import { describe, expect, it } from "vitest";
import { buildColumns, expandableIds, moveCell, readingOrder } from "./columns";
import { buildSearchIndex, filterTechniques } from "./filter";
import { testPayload } from "./test-payload";

const payload = testPayload();
const index = buildSearchIndex(payload);
const result = (query = "", platforms: string[] = []) =>
  filterTechniques(index, { query, platforms, logSource: "" });
const ids = (columns: ReturnType<typeof buildColumns>) => columns.map((c) => c.cells.map((cell) => cell.id));

describe("buildColumns", () => {
  it("lays out tactics in order with counts, sub-techniques collapsed", () => {
    const columns = buildColumns(payload, { result: result(), mode: "dim", expanded: new Set() });
    expect(columns.map((c) => c.tactic.shortname)).toEqual([
      "execution",
      "persistence",
      "defense-evasion",
      "credential-access",
    ]);
    expect(ids(columns)).toEqual([["T1059"], ["T1197", "T1078"], ["T1197", "T1078"], ["T1003"]]);
    expect(columns[0]).toMatchObject({ techniqueTotal: 1, subtechniqueTotal: 2, matchCount: 3 });
    expect(columns[0].cells[0]).toMatchObject({ childCount: 2, expanded: false, state: "plain" });
  });

  it("expands chosen parents and all of them", () => {
    const one = buildColumns(payload, { result: result(), mode: "dim", expanded: new Set(["T1003"]) });
    expect(ids(one)[3]).toEqual(["T1003", "T1003.001"]);
    const all = buildColumns(payload, {
      result: result(),
      mode: "dim",
      expanded: new Set(expandableIds(payload)),
    });
    expect(ids(all)[0]).toEqual(["T1059", "T1059.001", "T1059.004"]);
  });

  it("dims or hides what does not match, keeping parents of matching sub-techniques as context", () => {
    const dim = buildColumns(payload, { result: result("powershell"), mode: "dim", expanded: new Set() });
    expect(dim[0].cells.map((c) => [c.id, c.state])).toEqual([
      ["T1059", "context"],
      ["T1059.001", "match"],
      ["T1059.004", "miss"],
    ]);
    expect(dim[1].cells.map((c) => c.state)).toEqual(["miss", "miss"]);
    const hide = buildColumns(payload, { result: result("powershell"), mode: "hide", expanded: new Set() });
    // LSASS Memory matches by description only: its parent stays collapsed and flags one matching child.
    expect(ids(hide)).toEqual([["T1059", "T1059.001"], [], [], ["T1003"]]);
    expect(hide[3].cells[0]).toMatchObject({ state: "context", childMatches: 1, expanded: false });
    expect(hide.map((c) => c.matchCount)).toEqual([1, 0, 0, 1]);
  });

  it("hides Windows-only techniques under a Linux filter", () => {
    const hide = buildColumns(payload, {
      result: result("", ["Linux"]),
      mode: "hide",
      expanded: new Set(["T1059"]),
    });
    expect(ids(hide)).toEqual([["T1059", "T1059.004"], ["T1078"], ["T1078"], ["T1003"]]);
  });
});

describe("keyboard moves", () => {
  const columns = buildColumns(payload, { result: result(), mode: "dim", expanded: new Set(["T1059"]) });

  it("moves within a column and across columns, clamping the row", () => {
    expect(moveCell(columns, null, "down")).toBe("execution:T1059");
    expect(moveCell(columns, "execution:T1059", "down")).toBe("execution:T1059.001");
    expect(moveCell(columns, "execution:T1059.004", "down")).toBe("execution:T1059.004");
    expect(moveCell(columns, "execution:T1059.004", "right")).toBe("persistence:T1078");
    expect(moveCell(columns, "persistence:T1078", "left")).toBe("execution:T1059.001");
    expect(moveCell(columns, "execution:T1059", "left")).toBe("execution:T1059");
    expect(moveCell(columns, "execution:T1059.001", "home")).toBe("execution:T1059");
    expect(moveCell(columns, "execution:T1059", "last")).toBe("credential-access:T1003");
  });

  it("skips empty columns", () => {
    const hide = buildColumns(payload, { result: result("lsass"), mode: "hide", expanded: new Set() });
    expect(moveCell(hide, "credential-access:T1003", "left")).toBe("credential-access:T1003");
    expect(readingOrder(hide).map((c) => c.key)).toEqual([
      "credential-access:T1003",
      "credential-access:T1003.001",
    ]);
  });
});

describe("layer-driven order and omissions", () => {
  const scores: Record<string, number> = { "persistence:T1078": 10, "persistence:T1197": 90 };
  const scoreOf = (key: string) => scores[key] ?? null;
  const base = { result: result(), mode: "dim" as const, expanded: new Set<string>() };

  it("sorts by name either way and by layer score, unscored last", () => {
    expect(ids(buildColumns(payload, { ...base, sort: "name-desc" }))[1]).toEqual(["T1078", "T1197"]);
    expect(ids(buildColumns(payload, { ...base, sort: "score", scoreOf }))[1]).toEqual(["T1078", "T1197"]);
    expect(ids(buildColumns(payload, { ...base, sort: "score" }))[1]).toEqual(["T1197", "T1078"]);
    expect(ids(buildColumns(payload, { ...base, sort: "score-desc", scoreOf }))[1]).toEqual([
      "T1197",
      "T1078",
    ]);
    // Defense Evasion has no scores: name order is kept.
    expect(ids(buildColumns(payload, { ...base, sort: "score-desc", scoreOf }))[2]).toEqual([
      "T1197",
      "T1078",
    ]);
  });

  it("omits cells a hideDisabled layer disables, with their sub-techniques", () => {
    const omit = new Set(["execution:T1059", "credential-access:T1003.001"]);
    const columns = buildColumns(payload, { ...base, expanded: new Set(["T1003", "T1059"]), omit });
    expect(ids(columns)[0]).toEqual([]);
    expect(ids(columns)[3]).toEqual(["T1003"]);
  });
});
