import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AhoCorasick } from "./aho-corasick";

function found(ac: AhoCorasick, text: string): number[] {
  const ids = new Set<number>();
  ac.scan(text, (id) => ids.add(id));
  return [...ids].sort((a, b) => a - b);
}

describe("AhoCorasick", () => {
  it("reports overlapping and nested literals", () => {
    const ac = new AhoCorasick(["he", "she", "his", "hers", "-enc", "-encodedcommand"]);
    expect(found(ac, "ushers")).toEqual([0, 1, 3]);
    expect(found(ac, "powershell -encodedcommand abc")).toEqual([0, 1, 4, 5]);
    expect(found(ac, "nothing")).toEqual([]);
  });
  it("agrees with includes() on random inputs", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: 1, maxLength: 4, unit: fc.constantFrom("a", "b", "c", "é", "\\") }), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.string({ maxLength: 30, unit: fc.constantFrom("a", "b", "c", "é", "\\") }),
        (literals, text) => {
          const expected = literals.map((l, i) => (text.includes(l) ? i : -1)).filter((i) => i >= 0);
          expect(found(new AhoCorasick(literals), text)).toEqual(expected);
        },
      ),
      { seed: 7, numRuns: 300 },
    );
  });
});
