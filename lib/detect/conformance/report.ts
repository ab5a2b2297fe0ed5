import type { LoadedRules, RuleFailure } from "../sigma/load";
import { loadRegressionCases, runRegression, type RegressionOutcome } from "./regression";
import { readRuleSources } from "../rulesets/files";
import { compileSources } from "../sigma/load";

export interface ConformanceReport {
  ruleFiles: number;
  rulesLoaded: number;
  failures: RuleFailure[];
  /** Rules that parse and compile but whose logsource no Windows event can reach (linux, cloud…). */
  outOfScope: Array<{ id: string; file: string; reason: string }>;
  outcomes: RegressionOutcome[];
  /** Cases where the named rule fired on at least match_count events. */
  passed: number;
  /** Cases where it fired on exactly match_count events. */
  exact: number;
  loaded: LoadedRules;
}

/** Loads every rule under rulesDir and runs SigmaHQ's regression cases under regressionDir. */
export function runConformance(rulesDir: string, regressionDir: string): ConformanceReport {
  const { sources, failures: readFailures } = readRuleSources(rulesDir);
  const loaded = compileSources(sources);
  const outcomes = runRegression(loadRegressionCases(regressionDir), loaded);
  return {
    ruleFiles: sources.length + readFailures.length,
    rulesLoaded: loaded.rules.length + loaded.correlations.length,
    failures: [...readFailures, ...loaded.failures],
    outOfScope: loaded.rules
      .filter((r) => r.outOfScope)
      .map((r) => ({ id: r.info.id, file: r.info.file, reason: r.outOfScope! })),
    outcomes,
    passed: outcomes.filter((o) => o.fired > 0 && o.fired >= (o.case.matchCount ?? o.events)).length,
    exact: outcomes.filter((o) => o.passed).length,
    loaded,
  };
}
