import { describe, expect, it } from "vitest";
import { readRuleSources } from "@/lib/detect/rulesets/files";
import { SigmaEngine } from "@/lib/detect/sigma/engine";
import { compileSources } from "@/lib/detect/sigma/load";
import { generate, serialize } from "@/lib/engine/generate";
import { procedures } from "../registry";
import { curatedProcedures } from ".";

const RULES = process.env.SIGMA_RULES_DIR;

/** T1202 in this rule set: no rule tagged T1202 covers forfiles; the forfiles rule is tagged T1059. */
const TAG_EXCEPTIONS = new Set(["T1202"]);

function covers(technique: string, tag: string): boolean {
  return tag === technique || tag.startsWith(`${technique}.`) || technique.startsWith(`${tag}.`);
}

describe.skipIf(!RULES)(
  "the six procedures fire their technique's Sigma rules (SigmaHQ rules, real engine)",
  () => {
    const loaded = RULES
      ? compileSources(readRuleSources(`${RULES}/windows`).sources)
      : { rules: [], correlations: [] };
    const engine = new SigmaEngine(loaded.rules, loaded.correlations);

    it("compiles the Windows rules", () => {
      expect(loaded.rules.length).toBeGreaterThan(1000);
    });

    for (const p of curatedProcedures) {
      it(`${p.technique} ${p.id}`, () => {
        for (const seed of [1, 2, 3]) {
          for (const variant of p.variants ?? [undefined]) {
            const r = generate(
              {
                seed,
                steps: [{ technique: p.technique, procedure: p.id, variant }],
                noise: { level: "normal" },
              },
              { procedures },
            );
            const objects = serialize(r.events, "evtx-json")
              .trim()
              .split("\n")
              .map((l) => JSON.parse(l) as Record<string, unknown>);
            const matches = engine.run(objects).matches;
            const onAttack = matches.filter((m) => r.labels[m.event].verdict === "malicious");
            const fired = new Set(onAttack.map((m) => m.rule.id));
            for (const id of p.expectedRules ?? [])
              expect(fired, `${p.id} seed ${seed} ${variant}: rule ${id}`).toContain(id);
            if (!TAG_EXCEPTIONS.has(p.technique)) {
              const own = onAttack.filter((m) => m.rule.techniques.some((t) => covers(p.technique, t)));
              expect(
                own.length,
                `${p.id} seed ${seed} ${variant}: a rule tagged ${p.technique}`,
              ).toBeGreaterThan(0);
            }
            // Background noise is benign: no rule fires on it.
            const onNoise = matches.filter((m) => r.labels[m.event].verdict === "benign");
            expect(onNoise.map((m) => m.rule.title)).toEqual([]);
          }
        }
      });
    }
  },
);
