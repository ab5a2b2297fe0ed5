import { describe, expect, it } from "vitest";
import { sysmon } from "@/lib/detect/sigma/testing";
import { buildSelfCheckRules, ownRules, selfCheck, sourcesForTechniques } from "./sigma-check";

const rule = (id: string, title: string, tags: string[], image: string) => ({
  file: `${id}.yml`,
  text:
    `title: ${title}\nid: ${id}\ntags:\n${tags.map((t) => `  - ${t}`).join("\n")}\n` +
    `logsource:\n  product: windows\n  category: process_creation\n` +
    `detection:\n  selection:\n    Image|endswith: '${image}'\n  condition: selection\n`,
});

const sources = [
  rule(
    "00000000-0000-0000-0000-0000000000a1",
    "Encoded PowerShell",
    ["attack.execution", "attack.t1059.001"],
    "\\powershell.exe",
  ),
  rule("00000000-0000-0000-0000-0000000000a2", "Command shell", ["attack.t1059"], "\\cmd.exe"),
  rule(
    "00000000-0000-0000-0000-0000000000a3",
    "Comsvcs dump",
    ["attack.credential-access", "attack.t1003.001"],
    "\\rundll32.exe",
  ),
  rule(
    "00000000-0000-0000-0000-0000000000a4",
    "Whoami",
    ["attack.discovery", "attack.t1033"],
    "\\whoami.exe",
  ),
];

describe("the Sigma self-check", () => {
  const rules = buildSelfCheckRules(sources);

  it("counts a step's own rules: its technique, its parent, and a parent step's sub-techniques", () => {
    expect(rules.ruleCount).toBe(4);
    expect(
      ownRules(rules, "T1059.001")
        .map((r) => r.title)
        .sort(),
    ).toEqual(["Command shell", "Encoded PowerShell"]);
    expect(
      ownRules(rules, "T1059")
        .map((r) => r.title)
        .sort(),
    ).toEqual(["Command shell", "Encoded PowerShell"]);
    expect(ownRules(rules, "T1003.001").map((r) => r.title)).toEqual(["Comsvcs dump"]);
    expect(ownRules(rules, "T1021.002")).toEqual([]);
  });

  it("says which own rules fired on each step's events, and which others fired there", () => {
    const events = [
      sysmon(1, { Image: "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe" }),
      sysmon(1, { Image: "C:\\Windows\\System32\\whoami.exe" }),
      sysmon(1, { Image: "C:\\Windows\\System32\\rundll32.exe" }),
      sysmon(1, { Image: "C:\\Windows\\System32\\rundll32.exe" }),
    ];
    // The last rundll32 is background noise (no step): it does not count for the dump step.
    const checks = selfCheck(
      rules,
      events,
      [0, 0, 1, null],
      [{ technique: "T1059.001" }, { technique: "T1021.002" }],
    );
    expect(checks).toEqual([
      {
        step: 0,
        technique: "T1059.001",
        rulesAvailable: 2,
        rulesFired: ["Encoded PowerShell"],
        otherRules: ["Whoami"],
      },
      { step: 1, technique: "T1021.002", rulesAvailable: 0, rulesFired: [], otherRules: ["Comsvcs dump"] },
    ]);
  });

  it("compiles only the technique families a run needs", () => {
    expect(sourcesForTechniques(sources, ["T1059.001"]).map((s) => s.file)).toEqual([
      "00000000-0000-0000-0000-0000000000a1.yml",
      "00000000-0000-0000-0000-0000000000a2.yml",
    ]);
    expect(sourcesForTechniques(sources, ["T1003.001", "T1033"])).toHaveLength(2);
    expect(sourcesForTechniques(sources, [])).toEqual([]);
  });
});
