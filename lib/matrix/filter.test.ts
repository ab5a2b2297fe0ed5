import { describe, expect, it } from "vitest";
import {
  buildSearchIndex,
  filterTechniques,
  highlightSegments,
  logSourceMatches,
  parseQuery,
} from "./filter";
import { testPayload } from "./test-payload";

const index = buildSearchIndex(testPayload());
const run = (query = "", platforms: string[] = [], logSource = "") =>
  filterTechniques(index, { query, platforms, logSource });

describe("parseQuery", () => {
  it("lower-cases, keeps quoted phrases and drops duplicates", () => {
    expect(parseQuery('  PowerShell "Process Access" powershell ')).toEqual(["powershell", "process access"]);
    expect(parseQuery("")).toEqual([]);
  });
});

describe("filterTechniques", () => {
  it("is inactive without filters and matches nothing in particular", () => {
    const result = run();
    expect(result.active).toBe(false);
    expect(result.matched.size).toBe(7);
  });

  it("searches id, name and description, all terms required", () => {
    expect([...run("powershell").matched].sort()).toEqual(["T1003.001", "T1059.001"]);
    expect([...run("powershell lsass").matched]).toEqual(["T1003.001"]);
    expect([...run("t1059.004").matched]).toEqual(["T1059.004"]);
    const counts = run("adversaries");
    expect([counts.techniqueCount, counts.subtechniqueCount]).toEqual([4, 3]);
  });

  it("reveals sub-techniques only for specific name or id hits", () => {
    expect([...run("powershell").reveal]).toEqual(["T1059.001"]); // LSASS Memory matched by description only
    expect(run("p").reveal.size).toBe(0);
    expect([...run("t1059.0").reveal].sort()).toEqual(["T1059.001", "T1059.004"]);
    expect(run("t10").reveal.size).toBe(0);
  });

  it("keeps techniques on any of the chosen platforms", () => {
    const linux = run("", ["Linux"]);
    expect(linux.matched.has("T1197")).toBe(false);
    expect(linux.matched.has("T1059.001")).toBe(false);
    expect(linux.matched.has("T1059.004")).toBe(true);
    expect(run("", ["Linux", "Windows"]).matched.has("T1197")).toBe(true);
  });

  it("filters by log source with event ids that do not run into longer ids", () => {
    expect([...run("", [], "Sysmon EventCode 10").matched]).toEqual(["T1003.001"]);
    expect([...run("", [], "sysmon eventcode 100").matched]).toEqual(["T1078"]);
    expect([...run("", [], "PowerShell/Operational").matched]).toEqual(["T1059.001"]);
    expect(run("", [], "Sysmon EventCode 10").reveal.has("T1003.001")).toBe(true);
  });
});

describe("logSourceMatches", () => {
  it("stops a trailing number at a digit boundary", () => {
    expect(logSourceMatches("winEventLog:sysmon eventcode 10", "sysmon eventcode 10")).toBe(true);
    expect(logSourceMatches("winEventLog:sysmon eventcode 100", "sysmon eventcode 10")).toBe(false);
    expect(logSourceMatches("winEventLog:sysmon eventcode 100", "sysmon eventcode")).toBe(true);
  });
});

describe("highlightSegments", () => {
  it("marks every occurrence, merging overlaps, case-insensitively", () => {
    expect(highlightSegments("PowerShell power", ["power", "owe"])).toEqual([
      { text: "Power", hit: true },
      { text: "Shell ", hit: false },
      { text: "power", hit: true },
    ]);
    expect(highlightSegments("BITS Jobs", ["lsass"])).toEqual([{ text: "BITS Jobs", hit: false }]);
  });
});
