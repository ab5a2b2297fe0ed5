import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { curatedProcedures as curated } from "@/lib/procedures/curated";
import { procedures } from "@/lib/procedures/registry";
import { generate } from "./generate";
import { validateEvents } from "./validate";

/** The engine's own output is coherent: every procedure × 200 seeds, zero violations, zero plan repairs. */
describe("coherence of generated output", () => {
  for (const p of curated) {
    it(`${p.id}: 200 seeds without violations`, () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 0xffffffff }),
          fc.constantFrom("none", "low", "normal"),
          (seed, level) => {
            const variant = p.variants?.[seed % p.variants.length];
            const r = generate(
              { seed, steps: [{ technique: p.technique, procedure: p.id, variant }], noise: { level } },
              { procedures },
            );
            expect(r.report.issues).toEqual([]);
            expect(r.report.steps[0].repairs).toEqual([]);
            expect(r.report.steps[0].pruned).toEqual([]);
            expect(r.labels.some((l) => l.step === 0)).toBe(true);
            expect(validateEvents(r.events)).toEqual([]);
          },
        ),
        { numRuns: 200, seed: 20260302 },
      );
    });
  }

  it("all six procedures in one scenario on 30 seeds", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (seed) => {
        const r = generate(
          { seed, steps: curated.map((p) => ({ technique: p.technique, procedure: p.id })) },
          { procedures },
        );
        expect(r.report.issues).toEqual([]);
        expect(validateEvents(r.events)).toEqual([]);
      }),
      { numRuns: 30, seed: 7 },
    );
  });
});
