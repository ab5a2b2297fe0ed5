import { describe, expect, it } from "vitest";
import { expectedVsFired } from "./coverage";
import { SigmaEngine } from "./sigma/engine";
import { compileSources } from "./sigma/load";
import { sysmon } from "./sigma/testing";

const rule = (id: string, tag: string, image: string, product = "windows") =>
  `title: ${id}\nid: ${id}\ntags: [attack.execution, attack.${tag}]\nlogsource:\n  product: ${product}\n  category: process_creation\ndetection:\n  sel:\n    Image|endswith: '\\\\${image}'\n  condition: sel\n`;

describe("expected vs fired", () => {
  const loaded = compileSources([
    { file: "a.yml", text: rule("ps-exact", "t1059.001", "powershell.exe") },
    { file: "b.yml", text: rule("interp-parent", "t1059", "cmd.exe") },
    { file: "c.yml", text: rule("ps-miss", "t1059.001", "pwsh.exe") },
    { file: "d.yml", text: rule("linux-sh", "t1059.004", "bash", "linux") },
    { file: "e.yml", text: rule("dump", "t1003.001", "procdump.exe") },
  ]);
  const events = [
    sysmon(1, { Image: "C:\\w\\powershell.exe" }),
    sysmon(1, { Image: "C:\\w\\cmd.exe" }),
    sysmon(1, { Image: "C:\\w\\cmd.exe" }),
  ];
  const matches = new SigmaEngine(loaded.rules).run(events).matches;
  const report = expectedVsFired(loaded.rules, matches, [
    { id: "s1", technique: "T1059.001", maliciousEvents: [0] },
    { id: "s2", technique: "T1059", maliciousEvents: [1] },
    { id: "s3", technique: "T1003.001", maliciousEvents: [] },
  ]);

  it("lists rules tagged with the technique, its parent and sub-techniques, and whether each fired", () => {
    const ps = report.techniques.find((t) => t.technique === "T1059.001")!;
    expect(ps.rules.map((r) => [r.rule.id, r.relation, r.fired, r.applicable])).toEqual([
      ["interp-parent", "parent", true, true],
      ["ps-exact", "exact", true, true],
      ["ps-miss", "exact", false, true],
    ]);
    expect(ps.rules.find((r) => r.rule.id === "ps-exact")!.truePositives).toEqual([0]);
    expect(ps.detected).toBe(true);
    const parent = report.techniques.find((t) => t.technique === "T1059")!;
    expect(parent.rules.map((r) => [r.rule.id, r.relation, r.applicable])).toEqual([
      ["interp-parent", "exact", true],
      ["ps-exact", "sub-technique", true],
      ["ps-miss", "sub-technique", true],
      ["linux-sh", "sub-technique", false],
    ]);
    expect(parent.rules[0].falsePositives).toEqual([2]);
  });

  it("totals the figures a detection engineer reports", () => {
    expect(report.totals).toEqual({
      techniques: 3,
      detectedTechniques: 2,
      expectedRules: 3 + 4 + 1,
      applicableRules: 3 + 3 + 1,
      firedRules: 2 + 2 + 0,
      maliciousEvents: 2,
      detectedMaliciousEvents: 2,
      falsePositiveMatches: 1,
    });
  });
});
