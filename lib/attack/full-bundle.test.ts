import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadAttack, type LoadedAttack } from "./load";
import { toMatrixPayload } from "./matrix";
import { findTechnique, searchTechniques } from "./query";

const stixFile = process.env.ATTACK_STIX_FILE;

describe.skipIf(!stixFile)("the full ATT&CK bundle from ATTACK_STIX_FILE", () => {
  let cacheDir: string;
  let loaded: LoadedAttack;

  beforeAll(async () => {
    cacheDir = await mkdtemp(path.join(tmpdir(), "mimicry-attack-full-"));
    loaded = await loadAttack({ stixFile, cacheDir, download: false });
  });
  afterAll(() => rm(cacheDir, { recursive: true, force: true }));

  it("is ATT&CK 18.1 with 14 tactics in kill-chain order", () => {
    const { index } = loaded;
    expect(index.version).toBe("18.1");
    expect(index.tactics.map((t) => t.shortname)).toEqual([
      "reconnaissance",
      "resource-development",
      "initial-access",
      "execution",
      "persistence",
      "privilege-escalation",
      "defense-evasion",
      "credential-access",
      "discovery",
      "lateral-movement",
      "collection",
      "command-and-control",
      "exfiltration",
      "impact",
    ]);
  });

  it("has 216 techniques and 475 sub-techniques, each sub-technique linked to a live parent", () => {
    const { techniques } = loaded.index;
    const subs = techniques.filter((t) => t.isSubtechnique);
    expect(techniques.length - subs.length).toBe(216);
    expect(subs).toHaveLength(475);
    const ids = new Set(techniques.map((t) => t.id));
    for (const sub of subs) {
      expect(sub.parent, sub.id).toBe(sub.id.split(".")[0]);
      expect(ids.has(sub.parent!)).toBe(true);
    }
    expect(
      techniques.every((t) => t.tactics.length > 0 && t.url.startsWith("https://attack.mitre.org/")),
    ).toBe(true);
  });

  it("gives T1003.001 a Sysmon log source with event id 10", () => {
    const found = findTechnique(loaded.index, "T1003.001");
    expect(found.kind).toBe("live");
    if (found.kind !== "live") return;
    const sources = found.technique.detectionStrategies.flatMap((d) =>
      d.analytics.flatMap((a) => a.logSources),
    );
    expect(sources.some((s) => s.name === "WinEventLog:Sysmon" && s.eventIds.includes(10))).toBe(true);
    expect(found.technique.logSourceKeys).toContain("WinEventLog:Sysmon EventCode 10");
    expect(found.technique.mitigations.map((m) => m.id)).toContain("M1043");
  });

  it("parses every EventCode channel into event ids and keeps free text as text", () => {
    const sources = loaded.index.techniques.flatMap((t) =>
      t.detectionStrategies.flatMap((d) => d.analytics.flatMap((a) => a.logSources)),
    );
    expect(sources.length).toBeGreaterThan(3000);
    for (const s of sources.filter((x) => x.channel.startsWith("EventCode=")))
      expect(s.eventIds.length, s.channel).toBeGreaterThan(0);
    expect(sources.filter((s) => s.eventIds.length === 0).length).toBeGreaterThan(100);
  });

  it("hides revoked techniques but resolves them to their replacement", () => {
    expect(loaded.index.techniques.some((t) => t.id === "T1086")).toBe(false);
    expect(findTechnique(loaded.index, "T1086")).toMatchObject({
      kind: "retired",
      replacement: { id: "T1059.001" },
    });
  });

  it("finds PowerShell first when searching for it", () => {
    expect(searchTechniques(loaded.index, "powershell")[0].id).toBe("T1059.001");
  });

  it("gives the matrix all 691 cells across the 14 columns", () => {
    const payload = toMatrixPayload(loaded.index);
    expect(Object.keys(payload.techniques)).toHaveLength(691);
    const parentIds = new Set(payload.tactics.flatMap((t) => t.techniqueIds));
    expect(parentIds.size).toBe(216);
  });

  it("reads the cached index on a warm start", async () => {
    const warm = await loadAttack({ stixFile, cacheDir, download: false });
    expect(warm.stats.built).toBe(false);
    expect(warm.index.techniques).toHaveLength(691);
  });
});
