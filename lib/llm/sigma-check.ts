import { compileSources, SigmaEngine, type RuleInfo, type RuleSource } from "@/lib/detect/sigma";
import { readRuleSources } from "@/lib/detect/rulesets/files";

/** A compiled rule set for the self-check, indexed by the ATT&CK techniques its rules are tagged with. */
export interface SelfCheckRules {
  engine: SigmaEngine;
  ruleCount: number;
  failures: number;
  byTechnique: Map<string, RuleInfo[]>;
}

export function parentOf(technique: string): string {
  return technique.split(".")[0];
}

export function buildSelfCheckRules(sources: readonly RuleSource[]): SelfCheckRules {
  const loaded = compileSources(sources);
  const byTechnique = new Map<string, RuleInfo[]>();
  for (const rule of loaded.rules) {
    for (const technique of new Set(rule.info.techniques)) {
      const list = byTechnique.get(technique) ?? [];
      list.push(rule.info);
      byTechnique.set(technique, list);
    }
  }
  return {
    engine: new SigmaEngine(loaded.rules, []),
    ruleCount: loaded.rules.length,
    failures: loaded.failures.length,
    byTechnique,
  };
}

const sourceCache = new Map<string, RuleSource[]>();
const compiledCache = new Map<string, SelfCheckRules>();

/** Rule files whose tags name one of these techniques' families (T1059 covers T1059 and T1059.xxx). */
export function sourcesForTechniques(
  sources: readonly RuleSource[],
  techniques: readonly string[],
): RuleSource[] {
  const families = [...new Set(techniques.map((t) => parentOf(t).toLowerCase()))];
  if (!families.length) return [];
  const tag = new RegExp(`attack\\.(${families.join("|")})(\\.\\d{3})?\\b`, "i");
  return sources.filter((s) => tag.test(s.text));
}

/**
 * Rules from a folder (SIGMA_RULES_DIR), read once per process; with `techniques`, only the rules of those
 * technique families are compiled (the self-check needs no others, and compiling all takes seconds).
 */
export function loadSelfCheckRules(dir: string, techniques?: readonly string[]): SelfCheckRules {
  let sources = sourceCache.get(dir);
  if (!sources) {
    sources = readRuleSources(dir).sources;
    sourceCache.set(dir, sources);
  }
  const key = `${dir}\u0000${techniques ? [...new Set(techniques.map(parentOf))].sort().join(",") : "*"}`;
  let rules = compiledCache.get(key);
  if (!rules) {
    rules = buildSelfCheckRules(techniques ? sourcesForTechniques(sources, techniques) : sources);
    compiledCache.set(key, rules);
  }
  return rules;
}

/** A step's "own" rules: tagged with its technique, its parent, or (for a parent step) a sub-technique. */
export function ownRules(rules: SelfCheckRules, technique: string): RuleInfo[] {
  const out = new Map<string, RuleInfo>();
  const add = (list: RuleInfo[] | undefined) => list?.forEach((r) => out.set(r.id, r));
  add(rules.byTechnique.get(technique));
  if (technique.includes(".")) add(rules.byTechnique.get(parentOf(technique)));
  else for (const [t, list] of rules.byTechnique) if (parentOf(t) === technique && t !== technique) add(list);
  return [...out.values()];
}

export interface StepRuleCheck {
  step: number;
  technique: string;
  rulesAvailable: number;
  /** Own-technique rule titles that fired on this step's events. */
  rulesFired: string[];
  /** Other rules that fired on this step's events (context for the judge). */
  otherRules: string[];
}

/**
 * Runs the rules over evtx-json events; for each step, which of its own-technique rules fired on the events
 * labelled with that step.
 */
export function selfCheck(
  rules: SelfCheckRules,
  rawEvents: readonly unknown[],
  eventSteps: readonly (number | null)[],
  steps: readonly { technique: string }[],
): StepRuleCheck[] {
  const { matches } = rules.engine.run(rawEvents);
  return steps.map((s, step) => {
    const own = new Set(ownRules(rules, s.technique).map((r) => r.id));
    const fired = new Map<string, string>();
    const other = new Map<string, string>();
    for (const match of matches) {
      if (eventSteps[match.event] !== step) continue;
      (own.has(match.rule.id) ? fired : other).set(match.rule.id, match.rule.title);
    }
    return {
      step,
      technique: s.technique,
      rulesAvailable: own.size,
      rulesFired: [...fired.values()].sort(),
      otherRules: [...other.values()].sort(),
    };
  });
}
