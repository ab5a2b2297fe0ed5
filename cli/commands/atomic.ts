import type { Command } from "commander";
import { parseConfig } from "@/lib/config/schema";
import { checkAtomic } from "@/lib/procedures/atomic/check";
import { importAtomic, namesFor } from "@/lib/procedures/atomic/import";
import { importable, loadAtomics, type LoadedTest } from "@/lib/procedures/atomic/load";
import { UsageError } from "../errors";

const out = (text: string) => process.stdout.write(`${text}\n`);

/** The importable Windows tests of ATOMICS_DIR; a usage error when it is not set. */
export function atomicTests(): LoadedTest[] {
  const dir = parseConfig(process.env).ATOMICS_DIR;
  if (!dir)
    throw new UsageError("ATOMICS_DIR is not set (the atomics folder of an Atomic Red Team checkout)");
  const { tests, errors } = loadAtomics(dir);
  for (const e of errors) process.stderr.write(`mimicry: atomic: ${e.file}: ${e.message}\n`);
  return tests.filter(importable);
}

export function findAtomic(guid: string): LoadedTest {
  if (!/^[0-9a-f-]{8,36}$/i.test(guid)) throw new UsageError(`bad GUID "${guid}"`);
  const matches = atomicTests().filter((t) =>
    t.auto_generated_guid.toLowerCase().startsWith(guid.toLowerCase()),
  );
  if (matches.length === 0)
    throw new UsageError(`no Windows command_prompt/powershell Atomic test with GUID ${guid}`);
  if (matches.length > 1) throw new UsageError(`GUID prefix ${guid} matches ${matches.length} tests`);
  return matches[0];
}

export function registerAtomic(program: Command): void {
  const atomic = program
    .command("atomic")
    .description("Atomic Red Team tests imported as action plans (ATOMICS_DIR)");
  atomic
    .command("list [technique]")
    .description(
      "Windows command_prompt/powershell tests: GUID, technique, executor, share of commands mapped, name",
    )
    .option("--json", "print JSON")
    .action((technique: string | undefined, opts: { json?: boolean }) => {
      const t = technique?.toUpperCase();
      if (t && !/^T\d{4}(\.\d{3})?$/.test(t)) throw new UsageError(`bad technique ID "${technique}"`);
      const names = namesFor({ seed: 1 });
      const rows = atomicTests()
        .filter((x) => !t || x.technique === t || x.technique.startsWith(`${t}.`))
        .map((x) => {
          const r = importAtomic(x, { names });
          return {
            guid: x.auto_generated_guid,
            technique: x.technique,
            executor: x.executor.name,
            elevated: x.executor.elevation_required,
            mapped: r.mappedShare,
            name: x.name,
          };
        });
      if (opts.json) {
        out(JSON.stringify(rows));
        return;
      }
      for (const r of rows)
        out(
          `${r.guid}  ${r.technique.padEnd(10)} ${r.executor.padEnd(14)} ${`${Math.round(r.mapped * 100)}%`.padStart(4)}  ${r.name}`,
        );
      out(`${rows.length} tests`);
    });
  atomic
    .command("show <guid>")
    .description(
      "The mapping report of one test: executor command line, each command's process and effects, gaps",
    )
    .option("--json", "print JSON (report and actions)")
    .option("-s, --seed <n>", "seed", "1")
    .option(
      "--variant <name>",
      'input-argument variant: "default" or "alt" (path arguments in other staging folders)',
    )
    .action((guid: string, opts: { json?: boolean; seed: string; variant?: string }) => {
      if (opts.variant && !["default", "alt"].includes(opts.variant))
        throw new UsageError(`bad --variant "${opts.variant}": default|alt`);
      const seed = Number(opts.seed);
      if (!Number.isSafeInteger(seed) || seed < 0 || seed > 0xffffffff)
        throw new UsageError(`bad seed "${opts.seed}"`);
      const test = findAtomic(guid);
      const r = checkAtomic(test, { seed, variant: opts.variant });
      if (opts.json) {
        out(
          JSON.stringify(
            { ...r.imported, events: r.events, violations: r.violations, engineIssues: r.engineIssues },
            null,
            2,
          ),
        );
        return;
      }
      const i = r.imported;
      out(`${i.technique} ${i.name} (${i.guid})`);
      out(`executor: ${i.executor}${i.elevated ? " (elevated)" : ""}`);
      out(`command line: ${i.executorCommandLine}`);
      out(`commands (${Math.round(i.mappedShare * 100)}% mapped):`);
      for (const c of i.commands) {
        out(`  ${c.unmapped ? "✗" : "✓"} ${c.command.replace(/\s+/g, " ").slice(0, 160)}`);
        if (c.image) out(`      process ${c.image}`);
        for (const e of c.effects) out(`      ${e}`);
        if (c.unmapped) out(`      not mapped: ${c.unmapped}`);
      }
      out(`actions: ${i.actions.length}, events: ${r.events}, validator violations: ${r.violations.length}`);
      for (const v of r.violations) out(`  violation: ${v}`);
      for (const e of r.engineIssues) out(`  engine: ${e}`);
    });
}
