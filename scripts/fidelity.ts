/**
 * Fidelity of the procedure library: every Windows technique × 3 seeds through the Sigma rules in
 * SIGMA_RULES_DIR. Prints the hit rate (a rule tagged with the technique or its parent fires), the precision
 * (share of fired rules carrying that tag) and the misses with the rules that should have fired.
 *
 *   npm run fidelity [-- --json] [-- --only T1003] [-- --seeds 3]
 *   npm run fidelity -- --dump T1003.001:procdump   (the events of one variant, seed 1, with the rules that fire)
 */
import { loadAttack } from "@/lib/attack/load";
import { parseConfig } from "@/lib/config/schema";
import { readRuleSources } from "@/lib/detect/rulesets/files";
import { parseEventsText } from "@/lib/detect/events/read";
import { SigmaEngine } from "@/lib/detect/sigma/engine";
import { compileSources } from "@/lib/detect/sigma/load";
import { generate, serialize } from "@/lib/engine/generate";
import { measureFidelity, summarise } from "@/lib/procedures/fidelity";
import { procedures } from "@/lib/procedures/registry";

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const rulesDir = process.env.SIGMA_RULES_DIR;
if (!rulesDir) {
  process.stderr.write(
    "fidelity: set SIGMA_RULES_DIR to a folder of Sigma rules (e.g. ../shared/sigma/rules)\n",
  );
  process.exit(2);
}
const seeds = Number(option("--seeds") ?? 3);
if (!Number.isInteger(seeds) || seeds < 1 || seeds > 50) {
  process.stderr.write("fidelity: --seeds wants an integer 1-50\n");
  process.exit(2);
}
const only = option("--only")?.toUpperCase();
const dump = option("--dump");

const config = parseConfig(process.env);
const { index } = await loadAttack({
  stixFile: config.ATTACK_STIX_FILE,
  cacheDir: config.ATTACK_CACHE_DIR,
  log: (m) => process.stderr.write(`${m}\n`),
});
const read = readRuleSources(rulesDir);
if (read.sources.length === 0) {
  const why = read.failures[0] ? `: ${read.failures[0].error}` : "";
  process.stderr.write(`fidelity: no Sigma rules read from ${rulesDir}${why}\n`);
  process.exit(2);
}
const { rules, failures } = compileSources(read.sources);
if (dump) {
  const [technique, variant] = dump.split(":");
  const procedure = procedures.find(
    (p) => p.technique === technique.toUpperCase() && (!variant || p.variants?.includes(variant)),
  );
  if (!procedure) {
    process.stderr.write(`fidelity: no procedure for ${dump}\n`);
    process.exit(2);
  }
  const r = generate(
    {
      seed: 1,
      steps: [{ technique: procedure.technique, procedure: procedure.id, variant }],
      noise: { level: "none" },
    },
    { procedures },
  );
  const text = serialize(r.events, "evtx-json");
  process.stdout.write(text);
  for (const m of new SigmaEngine(rules).run(parseEventsText(text)).matches)
    process.stderr.write(`event ${m.event}: ${m.rule.title} [${m.rule.techniques.join(",")}]\n`);
  process.exit(0);
}
const started = performance.now();
const rows = measureFidelity(
  index,
  rules,
  procedures,
  seeds,
  only ? (id) => id === only || id.startsWith(`${only}.`) : undefined,
);
const s = summarise(rows);
const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : "n/a");

if (args.includes("--json")) {
  process.stdout.write(`${JSON.stringify({ summary: s, rows }, null, 1)}\n`);
} else {
  const out = (t: string) => process.stdout.write(`${t}\n`);
  out(`Rules: ${rules.length} compiled (${failures.length + read.failures.length} failed) from ${rulesDir}`);
  out(
    `Windows techniques: ${s.windows}; with at least one tagged rule: ${s.withRules}; ${seeds} seeds each (${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
  out(
    "(tagged: a rule under windows/ tagged with the technique or its parent, or for a parent one of its sub-techniques)",
  );
  out(
    `Hit rate (techniques with tagged rules): ${s.hitWithRules}/${s.withRules} = ${pct(s.hitWithRules, s.withRules)}  (target ≥ 90%)`,
  );
  out(`Hit rate (all Windows techniques):       ${s.hitAll}/${s.windows} = ${pct(s.hitAll, s.windows)}`);
  out(
    `Precision (fired rules carrying the technique's or parent's tag): ${s.relevantRules}/${s.firedRules} = ${pct(s.relevantRules, s.firedRules)}  (target ≥ 60%)`,
  );
  const noProc = rows.filter((r) => r.runs.length === 0);
  out(`Windows techniques without a procedure: ${noProc.length}`);
  const errors = rows.flatMap((r) =>
    r.runs.filter((x) => x.error).map((x) => `${r.id} ${x.procedure}/${x.variant}: ${x.error}`),
  );
  if (errors.length) out(`\nRun errors (${errors.length}):\n  ${errors.slice(0, 30).join("\n  ")}`);
  const misses = rows.filter((r) => r.taggedRules > 0 && !r.hit);
  out(`\nMisses (${misses.length}): technique — rules that should have fired`);
  for (const r of misses) {
    const rulesText =
      r.shouldHaveFired.slice(0, 4).join("; ") +
      (r.shouldHaveFired.length > 4 ? ` … (+${r.shouldHaveFired.length - 4})` : "");
    out(`  ${r.id} ${r.name}${r.runs.length ? "" : " [no procedure]"}: ${rulesText}`);
  }
}
