import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildIndex } from "./build-index";
import {
  filterTechniques,
  findTechnique,
  normaliseTechniqueId,
  platformsOf,
  resolvePlatform,
  resolveTactic,
  searchTechniques,
} from "./query";
import { parseStixBundle } from "./stix";

const index = buildIndex(
  parseStixBundle(readFileSync(new URL("./fixtures/small-bundle.json", import.meta.url), "utf8")),
  "f".repeat(64),
);

describe("findTechnique", () => {
  it("finds live techniques, tolerating case, spaces and the URL form", () => {
    for (const raw of ["T1059.001", "t1059.001", " T1059/001 "]) {
      const found = findTechnique(index, raw);
      expect(found.kind).toBe("live");
      if (found.kind === "live") expect(found.technique.name).toBe("PowerShell");
    }
    expect(normaliseTechniqueId("T59")).toBeNull();
  });

  it("resolves a revoked id to its replacement", () => {
    const found = findTechnique(index, "T1086");
    expect(found).toMatchObject({ kind: "retired", retired: { reason: "revoked", replacedBy: "T1059.001" } });
    if (found.kind === "retired") expect(found.replacement?.id).toBe("T1059.001");
  });

  it("reports a deprecated id with no replacement, and unknown ids", () => {
    expect(findTechnique(index, "T1064")).toMatchObject({ kind: "retired", replacement: null });
    expect(findTechnique(index, "T1688")).toEqual({ kind: "unknown", id: "T1688" });
    expect(findTechnique(index, "mimikatz")).toEqual({ kind: "unknown", id: "mimikatz" });
  });
});

describe("searchTechniques", () => {
  it("ranks a name match above description-only matches", () => {
    const hits = searchTechniques(index, "powershell");
    expect(hits.map((h) => h.id)).toEqual(["T1059.001"]);
    expect(hits[0].matchedIn).toEqual(["name", "description"]);
    expect(hits[0].snippet).toContain("PowerShell commands");
    expect(hits[0].snippet).not.toContain("Citation");
  });

  it("ranks an exact id first, then techniques whose id starts with it", () => {
    expect(searchTechniques(index, "t1059").map((h) => h.id)).toEqual(["T1059", "T1059.001", "T1059.004"]);
    expect(searchTechniques(index, "T1059.004")[0]).toMatchObject({ id: "T1059.004", matchedIn: ["id"] });
  });

  it("requires every word to match and returns nothing for blank queries", () => {
    expect(searchTechniques(index, "credential dumping").map((h) => h.id)).toEqual(["T1003"]);
    expect(searchTechniques(index, "credential powershell")).toEqual([]);
    expect(searchTechniques(index, "   ")).toEqual([]);
  });

  it("matches descriptions and honours the limit", () => {
    const all = searchTechniques(index, "adversaries");
    expect(all).toHaveLength(7);
    expect(all.every((h) => h.matchedIn.includes("description"))).toBe(true);
    expect(searchTechniques(index, "adversaries", 2)).toEqual(all.slice(0, 2));
  });

  it("treats regular-expression characters literally", () => {
    expect(searchTechniques(index, "task/job").map((h) => h.id)).toEqual(["T1053"]);
    expect(searchTechniques(index, "(.*")).toEqual([]);
  });
});

describe("filters", () => {
  it("resolves platforms and tactics case-insensitively, by id or name", () => {
    expect(platformsOf(index)).toEqual(["Linux", "Windows", "macOS"]);
    expect(resolvePlatform(index, "MACOS")).toBe("macOS");
    expect(resolvePlatform(index, "Solaris")).toBeNull();
    expect(resolveTactic(index, "TA0006")).toBe("credential-access");
    expect(resolveTactic(index, "credential access")).toBe("credential-access");
    expect(resolveTactic(index, "Execution")).toBe("execution");
    expect(resolveTactic(index, "exfiltration")).toBeNull();
  });

  it("filters by platform and tactic together", () => {
    expect(filterTechniques(index, { platform: "Linux" }).map((t) => t.id)).toEqual([
      "T1003",
      "T1027",
      "T1059",
      "T1059.004",
    ]);
    expect(filterTechniques(index, { platform: "Windows", tactic: "execution" }).map((t) => t.id)).toEqual([
      "T1053",
      "T1059",
      "T1059.001",
    ]);
    expect(filterTechniques(index, {})).toHaveLength(index.techniques.length);
  });
});
