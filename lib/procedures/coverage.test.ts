import { describe, expect, it } from "vitest";
import { loadAttack } from "@/lib/attack/load";
import { coverageFor, coverageRows } from "./coverage";

describe.skipIf(!process.env.ATTACK_STIX_FILE)("coverage floor over ATT&CK 18.1", async () => {
  const { index } = await loadAttack({
    stixFile: process.env.ATTACK_STIX_FILE,
    cacheDir: process.env.ATTACK_CACHE_DIR ?? "data/attack",
  });
  const rows = coverageRows(index);

  it("lists every live technique and sub-technique", () => {
    expect(rows.length).toBe(index.techniques.length);
    expect(rows.filter((r) => !r.id.includes(".")).length).toBe(216);
    expect(rows.filter((r) => r.id.includes(".")).length).toBe(475);
  });

  it("never leaves a technique silently empty", () => {
    for (const r of rows) {
      if (r.procedures === 0) expect(r.reason, r.id).toMatch(/.{20,}/);
      else expect(r.variants, r.id).toBeGreaterThanOrEqual(r.procedures);
    }
  });

  it("marks no-host-telemetry only where Windows does not apply", () => {
    for (const r of rows.filter((x) => x.noHostTelemetry)) expect(r.platforms, r.id).not.toContain("Windows");
  });

  it("gives every Windows technique a Windows procedure", () => {
    const missing = rows
      .filter((r) => r.platforms.includes("Windows") && r.procedures === 0)
      .map((r) => r.id);
    expect(missing).toEqual([]);
  });

  it("has the matrix layer agree with the rows", () => {
    const layer = coverageFor(index);
    for (const r of rows) expect(layer[r.id]?.procedures ?? 0, r.id).toBe(r.procedures);
  });
});
