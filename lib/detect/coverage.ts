import { techniqueEquivalents } from "@/lib/attack/crosswalk";
import { z } from "zod";
import type { CompiledRule } from "./sigma/compile";
import type { RuleMatch } from "./sigma/engine";
import type { RuleInfo } from "./sigma/types";

export const coverageStepSchema = z.object({
  id: z.string().min(1),
  technique: z.string().regex(/^T\d{4}(\.\d{3})?$/i, "an ATT&CK technique ID such as T1059.001"),
  /** Input indexes of the events this step made (its malicious events). */
  maliciousEvents: z.array(z.number().int().nonnegative()).default([]),
});
export type CoverageStep = z.input<typeof coverageStepSchema>;

export type TagRelation = "exact" | "parent" | "sub-technique";

export interface RuleExpectation {
  rule: RuleInfo;
  /** How the rule's tag relates to the step technique (a T1059 rule is the parent of T1059.001). */
  relation: TagRelation;
  /** False for rules whose logsource no Windows event reaches (linux, cloud…): they cannot fire here. */
  applicable: boolean;
  fired: boolean;
  /** Malicious events of the technique's steps the rule fired on. */
  truePositives: number[];
  /** Events labelled benign (no step) the rule fired on. */
  falsePositives: number[];
}

export interface TechniqueCoverage {
  technique: string;
  steps: string[];
  rules: RuleExpectation[];
  expected: number;
  applicable: number;
  fired: number;
  maliciousEvents: number;
  /** Malicious events of these steps on which at least one expected rule fired. */
  detectedEvents: number;
  detected: boolean;
}

export interface CoverageReport {
  techniques: TechniqueCoverage[];
  totals: {
    techniques: number;
    detectedTechniques: number;
    expectedRules: number;
    applicableRules: number;
    firedRules: number;
    maliciousEvents: number;
    detectedMaliciousEvents: number;
    /** Matches (any loaded rule) on events no step labels malicious. */
    falsePositiveMatches: number;
  };
}

function relationOf(stepTechnique: string, tag: string): TagRelation | undefined {
  const step = stepTechnique.toUpperCase();
  const ids = techniqueEquivalents(tag);
  if (ids.includes(step)) return "exact";
  if (ids.some((t) => step.startsWith(`${t}.`))) return "parent";
  if (ids.some((t) => t.startsWith(`${step}.`))) return "sub-technique";
  return undefined;
}

/**
 * Expected vs fired per step technique: the loaded rules tagged with it (or its parent / sub-techniques),
 * whether each fired on the step's malicious events, and false positives on benign events.
 */
export function expectedVsFired(
  rules: readonly CompiledRule[],
  matches: readonly RuleMatch[],
  stepsInput: readonly CoverageStep[],
): CoverageReport {
  const steps = stepsInput.map((s) => coverageStepSchema.parse(s));
  const malicious = new Set(steps.flatMap((s) => s.maliciousEvents));
  const byRule = new Map<string, RuleMatch[]>();
  for (const m of matches) byRule.set(m.rule.id, [...(byRule.get(m.rule.id) ?? []), m]);
  const techniques = [...new Set(steps.map((s) => s.technique.toUpperCase()))];

  const coverage = techniques.map((technique): TechniqueCoverage => {
    const own = steps.filter((s) => s.technique.toUpperCase() === technique);
    const ownEvents = new Set(own.flatMap((s) => s.maliciousEvents));
    const expectations: RuleExpectation[] = [];
    for (const rule of rules) {
      const relation = rule.info.techniques.map((t) => relationOf(technique, t)).find((r) => r !== undefined);
      if (!relation) continue;
      const hits = byRule.get(rule.info.id) ?? [];
      const events = [...new Set(hits.map((h) => h.event))];
      expectations.push({
        rule: rule.info,
        relation,
        applicable: rule.variants.length > 0,
        fired: events.length > 0,
        truePositives: events.filter((e) => ownEvents.has(e)),
        falsePositives: events.filter((e) => !malicious.has(e)),
      });
    }
    expectations.sort(
      (a, b) =>
        Number(b.fired) - Number(a.fired) ||
        Number(b.applicable) - Number(a.applicable) ||
        a.rule.title.localeCompare(b.rule.title),
    );
    const detected = new Set(expectations.flatMap((e) => e.truePositives));
    return {
      technique,
      steps: own.map((s) => s.id),
      rules: expectations,
      expected: expectations.length,
      applicable: expectations.filter((e) => e.applicable).length,
      fired: expectations.filter((e) => e.fired).length,
      maliciousEvents: ownEvents.size,
      detectedEvents: detected.size,
      detected: expectations.some((e) => e.truePositives.length > 0 || (ownEvents.size === 0 && e.fired)),
    };
  });

  const sum = (f: (t: TechniqueCoverage) => number) => coverage.reduce((n, t) => n + f(t), 0);
  const detectedMalicious = new Set(matches.filter((m) => malicious.has(m.event)).map((m) => m.event));
  return {
    techniques: coverage,
    totals: {
      techniques: coverage.length,
      detectedTechniques: coverage.filter((t) => t.detected).length,
      expectedRules: sum((t) => t.expected),
      applicableRules: sum((t) => t.applicable),
      firedRules: sum((t) => t.fired),
      maliciousEvents: malicious.size,
      detectedMaliciousEvents: detectedMalicious.size,
      falsePositiveMatches: matches.filter((m) => !malicious.has(m.event)).length,
    },
  };
}
