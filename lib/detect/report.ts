import { techniqueEquivalents } from "@/lib/attack/crosswalk";
import type { RuleMatch } from "./sigma/engine";
import type { RuleFailure } from "./sigma/load";
import type { RuleInfo } from "./sigma/types";

/** True when `tag` is `technique` or one of its sub-techniques (T1059 covers T1059.001). */
export function coversTechnique(technique: string, tag: string): boolean {
  const want = technique.toUpperCase();
  return techniqueEquivalents(tag).some((have) => have === want || have.startsWith(`${want}.`));
}

export const TECHNIQUE_ID = /^T\d{4}(\.\d{3})?$/i;

export interface FiredRule {
  rule: RuleInfo;
  events: number[];
  selections: string[];
}

export interface TechniqueGroup {
  /** Technique ID, or null for rules without an ATT&CK technique tag. */
  technique: string | null;
  rules: FiredRule[];
}

/** Fired rules grouped by the techniques they are tagged with (a rule may sit under several). */
export function groupByTechnique(matches: readonly RuleMatch[]): TechniqueGroup[] {
  const byRule = new Map<string, FiredRule>();
  for (const m of matches) {
    const fired = byRule.get(m.rule.id) ?? { rule: m.rule, events: [], selections: [] };
    fired.events.push(m.event);
    for (const s of m.selections) if (!fired.selections.includes(s)) fired.selections.push(s);
    byRule.set(m.rule.id, fired);
  }
  const groups = new Map<string | null, FiredRule[]>();
  for (const fired of byRule.values()) {
    const keys = fired.rule.techniques.length ? fired.rule.techniques : [null];
    for (const key of keys) groups.set(key, [...(groups.get(key) ?? []), fired]);
  }
  const order = ["critical", "high", "medium", "low", "informational"];
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)))
    .map(([technique, rules]) => ({
      technique,
      rules: rules.sort(
        (x, y) =>
          order.indexOf(x.rule.level) - order.indexOf(y.rule.level) ||
          x.rule.title.localeCompare(y.rule.title),
      ),
    }));
}

/** Rules tagged with the technique (or a sub-technique) that fired. */
export function firedFor(technique: string, matches: readonly RuleMatch[]): RuleInfo[] {
  const seen = new Map<string, RuleInfo>();
  for (const m of matches)
    if (m.rule.techniques.some((t) => coversTechnique(technique, t))) seen.set(m.rule.id, m.rule);
  return [...seen.values()];
}

/** The `detect --json` object: rules loaded/failed and one entry per (event, rule) match. */
export function detectJson(loaded: number, failures: readonly RuleFailure[], matches: readonly RuleMatch[]) {
  return {
    rules: {
      loaded,
      failed: failures.map((f) => ({ file: f.file, error: f.line ? `line ${f.line}: ${f.error}` : f.error })),
    },
    matches: matches.map((m) => ({
      event: m.event,
      ruleId: m.rule.id,
      title: m.rule.title,
      level: m.rule.level,
      tags: m.rule.tags,
    })),
  };
}
