/**
 * Imports every Windows command_prompt/powershell Atomic Red Team test from ATOMICS_DIR, generates its bundle
 * and validates it. Prints the share of tests whose bundle has zero validator violations.
 * Usage: ATOMICS_DIR=… npx tsx scripts/atomic-report.ts [--noise none|low|normal] [--variant alt] [--verbose]
 */
import { checkAtomic } from "@/lib/procedures/atomic/check";
import { importable, loadAtomics } from "@/lib/procedures/atomic/load";

const dir = process.env.ATOMICS_DIR;
if (!dir) {
  process.stderr.write("ATOMICS_DIR is not set\n");
  process.exit(2);
}
const argv = process.argv.slice(2);
const noiseArg = argv[argv.indexOf("--noise") + 1];
const noise =
  argv.includes("--noise") && ["none", "low", "normal", "high"].includes(noiseArg)
    ? (noiseArg as "none")
    : "none";
const verbose = argv.includes("--verbose");
const variant = argv.includes("--variant") ? argv[argv.indexOf("--variant") + 1] : undefined;
const started = performance.now();
const { tests, errors } = loadAtomics(dir);
const windows = tests.filter(importable);
let clean = 0;
let engineClean = 0;
let mapped = 0;
let commands = 0;
const failures: string[] = [];
for (const test of windows) {
  const r = checkAtomic(test, { noise, variant });
  if (r.violations.length === 0) clean++;
  else
    failures.push(
      `${test.auto_generated_guid} ${test.technique} ${test.name}: ${r.violations.slice(0, 3).join(" | ")}`,
    );
  if (r.engineIssues.length === 0) engineClean++;
  else if (verbose)
    failures.push(`  (engine) ${test.auto_generated_guid}: ${r.engineIssues.slice(0, 3).join(" | ")}`);
  commands += r.imported.commands.length;
  mapped += r.imported.commands.filter((c) => !c.unmapped).length;
}
const pct = (n: number, d: number) => `${((100 * n) / Math.max(1, d)).toFixed(1)}%`;
const out = (s: string) => process.stdout.write(`${s}\n`);
out(`Atomic Red Team: ${tests.length} tests in ${dir}; ${errors.length} files/tests not readable`);
out(`Windows command_prompt/powershell tests: ${windows.length}`);
out(
  `Zero validator violations: ${clean}/${windows.length} = ${pct(clean, windows.length)} (noise ${noise}${variant ? `, variant ${variant}` : ""})`,
);
out(
  `No engine issues (prunes, execution errors): ${engineClean}/${windows.length} = ${pct(engineClean, windows.length)}`,
);
out(`Commands mapped without a gap: ${mapped}/${commands} = ${pct(mapped, commands)}`);
out(`Time: ${((performance.now() - started) / 1000).toFixed(1)} s`);
for (const e of errors.slice(0, verbose ? errors.length : 5)) out(`  unreadable: ${e.file}: ${e.message}`);
for (const f of failures.slice(0, verbose ? failures.length : 20)) out(`  violation: ${f}`);
