import { describe, expect, it } from "vitest";
import { compileSources } from "./load";
import { MAX_RULE_FILE_BYTES } from "./parse";
import { processRule } from "./testing";

const good = processRule("  sel:\n    Image|endswith: '\\cmd.exe'\n  condition: sel");

describe("loading rule sets with bad input", () => {
  it("reports invalid YAML with file and line, and loads the rest", () => {
    const loaded = compileSources([
      { file: "broken.yml", text: "title: x\ndetection:\n  sel: [unclosed\n  condition: sel\n" },
      { file: "good.yml", text: good },
    ]);
    expect(loaded.rules.map((r) => r.info.file)).toEqual(["good.yml"]);
    expect(loaded.failures).toHaveLength(1);
    expect(loaded.failures[0]).toMatchObject({ file: "broken.yml", code: "YAML" });
    expect(loaded.failures[0].line).toBeGreaterThan(0);
  });
  it("reports schema problems at the offending line", () => {
    const loaded = compileSources([
      {
        file: "s.yml",
        text: "title: x\nlogsource:\n  product: windows\nlevel: severe\ndetection:\n  sel:\n    a: 1\n  condition: sel\n",
      },
    ]);
    expect(loaded.failures[0]).toMatchObject({ file: "s.yml", line: 4, code: "SCHEMA" });
    expect(loaded.failures[0].error).toMatch(/^'level': /);
  });
  it("refuses a 10 MB rule file without parsing it", () => {
    const huge = good + `# ${"x".repeat(10 * 1024 * 1024)}\n`;
    expect(huge.length).toBeGreaterThan(MAX_RULE_FILE_BYTES);
    const started = performance.now();
    const loaded = compileSources([
      { file: "huge.yml", text: huge },
      { file: "good.yml", text: good },
    ]);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(loaded.failures).toEqual([
      {
        file: "huge.yml",
        line: undefined,
        code: "FILE_TOO_LARGE",
        error: "rule file is 10.0 MB, over the 1.0 MB limit",
      },
    ]);
    expect(loaded.rules).toHaveLength(1);
  });
  it("refuses YAML alias bombs", () => {
    const bomb = `a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n`;
    const loaded = compileSources([{ file: "bomb.yml", text: bomb }]);
    expect(loaded.rules).toHaveLength(0);
    expect(loaded.failures).toHaveLength(1);
  });
  it("loads every document of a multi-document file independently", () => {
    const loaded = compileSources([
      {
        file: "multi.yml",
        text: `${good}---\ntitle: no detection\nlogsource:\n  product: windows\n---\n${good.replace("0001", "0002")}`,
      },
    ]);
    expect(loaded.rules.map((r) => r.info.id)).toEqual([
      "00000000-0000-0000-0000-000000000001",
      "00000000-0000-0000-0000-000000000002",
    ]);
    expect(loaded.failures).toMatchObject([{ file: "multi.yml", line: 11, code: "SCHEMA" }]);
  });
  it("extracts ATT&CK techniques from tags", () => {
    const loaded = compileSources([
      {
        file: "t.yml",
        text: processRule(
          "  sel:\n    Image: x\n  condition: sel",
          "tags:\n  - attack.execution\n  - attack.t1059.001\n  - attack.T1218\n",
        ),
      },
    ]);
    expect(loaded.rules[0].info.techniques).toEqual(["T1059.001", "T1218"]);
  });
});
