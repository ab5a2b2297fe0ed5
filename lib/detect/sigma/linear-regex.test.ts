import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LinearRegex } from "./linear-regex";
import { firing, loadError, processRule, sysmon } from "./testing";

const atom = fc.constantFrom(
  "a",
  "b",
  ".",
  "[ab]",
  "[^a]",
  "\\d",
  "\\w",
  "\\s",
  "x",
  "(?:ab)",
  "\\.",
  "[a-c]",
);
const piece = fc
  .tuple(atom, fc.constantFrom("", "*", "+", "?", "{1,2}", "{2}", "*?", "{0,}"))
  .map(([a, q]) => a + q);
const branch = fc.array(piece, { minLength: 1, maxLength: 4 }).map((p) => p.join(""));
const pattern = fc
  .tuple(
    fc.constantFrom("", "^"),
    fc.array(branch, { minLength: 1, maxLength: 3 }),
    fc.constantFrom("", "$"),
    fc.boolean(),
  )
  .map(([start, branches, end, group]) =>
    group ? `${start}(${branches.join("|")})+${end}` : `${start}${branches.join("|")}${end}`,
  );

describe("LinearRegex", () => {
  it("agrees with RegExp.test on random patterns and inputs", () => {
    fc.assert(
      fc.property(
        pattern,
        fc.string({ maxLength: 12, unit: fc.constantFrom("a", "b", "c", "x", "1", " ", ".", "\n") }),
        fc.constantFrom("", "i", "s", "m"),
        (source, text, flags) => {
          expect(new LinearRegex(source, flags).test(text)).toBe(new RegExp(source, flags).test(text));
        },
      ),
      { seed: 11, numRuns: 2000 },
    );
  });

  it("stays linear on the classic catastrophic pattern", () => {
    const started = performance.now();
    expect(new LinearRegex("^(a+)+$").test(`${"a".repeat(30_000)}!`)).toBe(false);
    expect(new LinearRegex("(?:.*\\)){1,}x").test(`${")".repeat(5_000)}`)).toBe(false);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it("runs rules with nested quantifiers through the linear matcher, refuses what it cannot express", () => {
    const rule = processRule("  sel:\n    CommandLine|re: '^(\\w+\\s?)+$'\n  condition: sel");
    const evil = sysmon(1, { CommandLine: `${"word ".repeat(2000)}!` });
    const started = performance.now();
    expect(firing(rule, [sysmon(1, { CommandLine: "net user admin" }), evil])).toEqual([0]);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(loadError(processRule("  sel:\n    CommandLine|re: '(a+)+(?=b)'\n  condition: sel"))).toMatch(
      /catastrophic.*lookaround/,
    );
  });
});
