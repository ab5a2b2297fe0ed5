import { describe, expect, it } from "vitest";
import { SigmaEngine } from "./engine";
import { compileSources } from "./load";
import { firing, loadError, processRule, sysmon } from "./testing";

const detection = `  selection_img:\n    Image|endswith: '\\\\rundll32.exe'\n  selection_cli:\n    CommandLine|contains: 'javascript:'\n  selection_other:\n    CommandLine|contains: 'mshtml'\n  filter_main:\n    ParentImage|endswith: '\\\\explorer.exe'\n  _hidden:\n    CommandLine|contains: 'zzz'\n`;
const events = [
  sysmon(1, {
    Image: "C:\\Windows\\rundll32.exe",
    CommandLine: "rundll32 javascript:x",
    ParentImage: "C:\\w\\cmd.exe",
  }),
  sysmon(1, {
    Image: "C:\\Windows\\rundll32.exe",
    CommandLine: "rundll32 javascript:x",
    ParentImage: "C:\\Windows\\explorer.exe",
  }),
  sysmon(1, { Image: "C:\\Windows\\notepad.exe", CommandLine: "mshtml zzz", ParentImage: "C:\\w\\cmd.exe" }),
  sysmon(1, { Image: "C:\\Windows\\notepad.exe", CommandLine: "plain", ParentImage: "C:\\w\\cmd.exe" }),
];
const run = (condition: string) => firing(processRule(`${detection}  condition: ${condition}`), events);

describe("conditions", () => {
  it("and / or / not with precedence (not > and > or)", () => {
    expect(run("selection_img and selection_cli and not filter_main")).toEqual([0]);
    expect(run("selection_other or selection_img and not filter_main")).toEqual([0, 2]);
    expect(run("not selection_img")).toEqual([2, 3]);
  });
  it("parentheses", () => {
    expect(run("(selection_other or selection_img) and not filter_main")).toEqual([0, 2]);
    expect(run("not (selection_img or selection_other)")).toEqual([3]);
  });
  it("1 of / all of with wildcards", () => {
    expect(run("1 of selection_* and not filter_main")).toEqual([0, 2]);
    expect(run("all of selection_*")).toEqual([]);
    expect(run("all of selection_* or 1 of filter*")).toEqual([1]);
    expect(run("all of selection_img*")).toEqual([0, 1]);
  });
  it("'them' covers every selection except names starting with _", () => {
    expect(run("1 of them")).toEqual([0, 1, 2]);
    expect(run("all of them")).toEqual([]);
  });
  it("a list of conditions is an OR", () => {
    expect(
      firing(processRule(`${detection}  condition:\n    - selection_other\n    - filter_main`), events),
    ).toEqual([1, 2]);
  });
  it("reports which selections fired", () => {
    const loaded = compileSources([
      { file: "t.yml", text: processRule(`${detection}  condition: 1 of selection_* and not filter_main`) },
    ]);
    const matches = new SigmaEngine(loaded.rules).run(events).matches;
    expect(matches.map((m) => [m.event, m.selections])).toEqual([
      [0, ["selection_img", "selection_cli"]],
      [2, ["selection_other"]],
    ]);
  });
  it("rejects unknown selections, dangling operators, empty patterns and Sigma 1 aggregations", () => {
    expect(loadError(processRule(`${detection}  condition: selection_img and nope`))).toMatch(
      /bad\.yml:17: .*'nope' is not a selection/,
    );
    expect(loadError(processRule(`${detection}  condition: selection_img and`))).toMatch(/ends too early/);
    expect(loadError(processRule(`${detection}  condition: 1 of sel_*`))).toMatch(
      /'sel_\*' matches no selection/,
    );
    expect(loadError(processRule(`${detection}  condition: (selection_img`))).toMatch(/missing '\)'/);
    expect(loadError(processRule(`${detection}  condition: selection_img | count() > 5`))).toMatch(
      /correlation rule/,
    );
  });
  it("lists of maps are OR, a map's keys are AND", () => {
    const rule = processRule(
      "  sel:\n    - Image|endswith: '\\notepad.exe'\n      CommandLine: plain\n    - ParentImage|endswith: '\\explorer.exe'\n  condition: sel",
    );
    expect(firing(rule, events)).toEqual([1, 3]);
  });
});
