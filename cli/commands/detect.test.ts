import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { strToU8, zipSync } from "fflate";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { main } from "../main";
import { processRule, sysmon } from "@/lib/detect/sigma/testing";

const dir = mkdtempSync(join(tmpdir(), "detect-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const rules = join(dir, "rules");
const events = join(dir, "events.ndjson");
const ps = processRule(
  "  sel:\n    Image|endswith: '\\\\powershell.exe'\n  condition: sel",
  "tags:\n  - attack.execution\n  - attack.t1059.001\nlevel: high\n",
);
const broken = "title: x\ndetection: [\n";

async function run(args: string[]) {
  const chunks: string[] = [];
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((c) => (chunks.push(String(c)), true));
  const err = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
  try {
    const code = await main(args);
    return { code, stdout: chunks.join("") };
  } finally {
    spy.mockRestore();
    err.mockRestore();
  }
}

describe("mimicry detect", () => {
  mkdirSync(rules, { recursive: true });
  writeFileSync(join(rules, "ps.yml"), ps);
  writeFileSync(join(rules, "broken.yml"), broken);
  writeFileSync(
    events,
    [sysmon(1, { Image: "C:\\w\\notepad.exe" }), sysmon(1, { Image: "C:\\w\\powershell.exe" })]
      .map((e) => JSON.stringify(e))
      .join("\n"),
  );

  it("prints the JSON report with event indexes and failed rule files", async () => {
    const { code, stdout } = await run(["detect", "--rules", rules, events, "--json"]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.rules.loaded).toBe(1);
    expect(report.rules.failed).toHaveLength(1);
    expect(report.rules.failed[0].file).toMatch(/broken\.yml$/);
    expect(report.matches).toEqual([
      {
        event: 1,
        ruleId: "00000000-0000-0000-0000-000000000001",
        title: "test rule",
        level: "high",
        tags: ["attack.execution", "attack.t1059.001"],
      },
    ]);
  });
  it("reads a bundle zip's event entries", async () => {
    const zip = join(dir, "bundle.zip");
    writeFileSync(zip, zipSync({ "bundle/host.evtx.jsonl": strToU8(readFileSync(events, "utf8")) }));
    const { code, stdout } = await run(["detect", "--rules", rules, zip, "--json"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).matches.map((m: { event: number }) => m.event)).toEqual([1]);
  });
  it("--steps reports expected vs fired; --placeholder fills |expand values", async () => {
    const steps = join(dir, "steps.json");
    writeFileSync(steps, JSON.stringify([{ id: "s1", technique: "T1059.001", maliciousEvents: [1] }]));
    const { code, stdout } = await run(["detect", "--rules", rules, events, "--steps", steps]);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /T1059\.001 \(steps s1\): 1\/1 tagged rules fired; 1\/1 malicious events detected/,
    );
    const json = JSON.parse(
      (await run(["detect", "--rules", rules, events, "--steps", steps, "--json"])).stdout,
    );
    expect(json.coverage.totals).toMatchObject({ techniques: 1, detectedTechniques: 1 });
    writeFileSync(steps, JSON.stringify([{ id: "s1", technique: "bogus" }]));
    expect((await run(["detect", "--rules", rules, events, "--steps", steps])).code).toBe(2);

    const expandRule = join(dir, "expand.yml");
    writeFileSync(expandRule, processRule("  sel:\n    Image|expand: '%Editors%'\n  condition: sel"));
    const fired = async (args: string[]) =>
      JSON.parse(
        (await run(["detect", "--rules", expandRule, events, "--json", ...args])).stdout,
      ).matches.map((m: { event: number }) => m.event);
    expect(await fired(["--placeholder", "Editors=C:\\w\\notepad.exe"])).toEqual([0]);
    expect(
      await fired(["--placeholder", "Editors=*\\notepad.exe", "--placeholder", "Editors=*\\powershell.exe"]),
    ).toEqual([0, 1]);
    expect((await run(["detect", "--rules", expandRule, events, "--placeholder", "oops"])).code).toBe(2);
  });
  it("groups human output by technique", async () => {
    const { stdout } = await run(["detect", "--rules", rules, events]);
    expect(stdout).toMatch(/T1059\.001\n {2}high +test rule/);
  });
  it("--expect: 0 when the technique or its parent is asked for, 1 when nothing tagged fired, 2 on bad usage", async () => {
    expect((await run(["detect", "--rules", rules, events, "--expect", "T1059.001"])).code).toBe(0);
    expect((await run(["detect", "--rules", rules, events, "--expect", "T1059"])).code).toBe(0);
    expect((await run(["detect", "--rules", rules, events, "--expect", "T1003"])).code).toBe(1);
    expect((await run(["detect", "--rules", rules, events, "--expect", "mimikatz"])).code).toBe(2);
    expect((await run(["detect", events])).code).toBe(2);
    expect((await run(["detect", "--rules", rules, join(dir, "missing.ndjson")])).code).toBe(2);
  });
});
