/**
 * `npm run test:sigma-conformance`: every SigmaHQ rule must load, and every real regression event must fire
 * the rule its info.yml names. Prints the shares and each failure; exit 1 under 95 % (or missing data).
 */
import { relative } from "node:path";
import { runConformance } from "@/lib/detect/conformance/report";
import { parseConfig } from "@/lib/config/schema";

const config = parseConfig(process.env);
if (!config.SIGMA_RULES_DIR || !config.SIGMA_REGRESSION_DIR) {
  console.error(
    "Set SIGMA_RULES_DIR and SIGMA_REGRESSION_DIR (e.g. ../shared/sigma/rules and ../shared/sigma/regression_data).",
  );
  process.exit(2);
}
const started = performance.now();
const report = runConformance(config.SIGMA_RULES_DIR, config.SIGMA_REGRESSION_DIR);
const pct = (a: number, b: number) => `${((100 * a) / Math.max(b, 1)).toFixed(1)} %`;
const rulesTotal = report.rulesLoaded + report.failures.length;

console.log(
  `Rules: ${report.rulesLoaded}/${rulesTotal} load (${pct(report.rulesLoaded, rulesTotal)}) from ${report.ruleFiles} files`,
);
for (const f of report.failures)
  console.log(
    `  not loaded: ${relative(config.SIGMA_RULES_DIR, f.file)}${f.line ? `:${f.line}` : ""} [${f.code}] ${f.error}`,
  );
const reasons = new Map<string, number>();
for (const o of report.outOfScope) reasons.set(o.reason, (reasons.get(o.reason) ?? 0) + 1);
console.log(`Out of scope for Windows events (load, never see a Windows event): ${report.outOfScope.length}`);
for (const [reason, n] of reasons) console.log(`  ${n} × ${reason}`);

const total = report.outcomes.length;
console.log(
  `\nRegression: ${report.passed}/${total} cases fire their rule (${pct(report.passed, total)}); exact match_count: ${report.exact}/${total}`,
);
for (const o of report.outcomes) {
  if (o.passed) continue;
  const firedEnough = o.fired > 0 && o.fired >= (o.case.matchCount ?? o.events);
  console.log(
    `  ${firedEnough ? "more than match_count" : "FAILED"}: ${o.case.dir} (${o.case.ruleId}): ${o.reason}`,
  );
}
console.log(`\n${((performance.now() - started) / 1000).toFixed(1)} s`);
process.exit(report.passed / Math.max(total, 1) >= 0.95 ? 0 : 1);
