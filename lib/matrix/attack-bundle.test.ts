import { beforeAll, describe, expect, it } from "vitest";
import { toMatrixPayload, type MatrixPayload } from "@/lib/attack";
import { loadAttack } from "@/lib/attack/load";
import { buildColumns, expandableIds } from "./columns";
import { buildSearchIndex, filterTechniques, type SearchIndex } from "./filter";

// The matrix helpers over the real ATT&CK Enterprise 18.1 bundle.
describe.skipIf(!process.env.ATTACK_STIX_FILE)("matrix over the full ATT&CK bundle", () => {
  let payload: MatrixPayload;
  let search: SearchIndex;
  const run = (query: string, platforms: string[] = [], logSource = "") =>
    filterTechniques(search, { query, platforms, logSource });

  beforeAll(async () => {
    const { index } = await loadAttack({
      stixFile: process.env.ATTACK_STIX_FILE,
      cacheDir: "test-results/matrix-attack-cache",
      download: false,
    });
    payload = toMatrixPayload(index);
    search = buildSearchIndex(payload);
  });

  it("shows 14 tactics and, expanded, every one of the 691 techniques and sub-techniques", () => {
    const columns = buildColumns(payload, {
      result: run(""),
      mode: "dim",
      expanded: new Set(expandableIds(payload)),
    });
    expect(columns).toHaveLength(14);
    const ids = new Set(columns.flatMap((c) => c.cells.map((cell) => cell.id)));
    expect([...ids].filter((id) => !id.includes("."))).toHaveLength(216);
    expect([...ids].filter((id) => id.includes("."))).toHaveLength(475);
  });

  it("finds PowerShell, Sysmon EventCode 10 and platform-only techniques", () => {
    expect(run("powershell").reveal.has("T1059.001")).toBe(true);
    const sysmon10 = run("", [], "Sysmon EventCode 10");
    expect(sysmon10.matched.has("T1003.001")).toBe(true);
    expect(sysmon10.matched.size).toBeLessThan(100);
    const linux = run("", ["Linux"]);
    expect(linux.matched.has("T1197")).toBe(false);
    expect(linux.matched.has("T1059.004")).toBe(true);
  });
});
