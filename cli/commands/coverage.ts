import type { Command } from "commander";
import { loadAttack } from "@/lib/attack/load";
import { parseConfig } from "@/lib/config/schema";
import { coverageCounts, coverageRows } from "@/lib/procedures/coverage";
import { UsageError } from "../errors";

const out = (text: string) => process.stdout.write(`${text}\n`);

interface CoverageOptions {
  json?: boolean;
  uncovered?: boolean;
}

export function registerCoverage(program: Command): void {
  program
    .command("coverage")
    .description("Procedure coverage of every ATT&CK technique: counts per tactic and platform")
    .option(
      "--json",
      'print an array of {"id","name","platforms","procedures","variants","noHostTelemetry","reason"}',
    )
    .option("--uncovered", "list Windows techniques without a procedure")
    .action(async (opts: CoverageOptions) => {
      const config = parseConfig(process.env);
      let index;
      try {
        index = (
          await loadAttack({
            stixFile: config.ATTACK_STIX_FILE,
            cacheDir: config.ATTACK_CACHE_DIR,
            log: (m) => process.stderr.write(`${m}\n`),
          })
        ).index;
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
      const rows = coverageRows(index);
      if (opts.json) {
        out(
          JSON.stringify(
            rows.map(({ id, name, platforms, procedures, variants, noHostTelemetry, reason }) => ({
              id,
              name,
              platforms,
              procedures,
              variants,
              noHostTelemetry,
              reason,
            })),
          ),
        );
        return;
      }
      const { total, tactics, platforms } = coverageCounts(rows);
      const line = (key: string, c: typeof total) =>
        out(
          `  ${key.padEnd(24)} ${String(c.techniques).padStart(4)} ${String(c.covered).padStart(8)} ${String(c.noHostTelemetry).padStart(8)} ${String(c.uncovered).padStart(10)}`,
        );
      out(`ATT&CK ${index.version}: ${total.techniques} techniques and sub-techniques`);
      out(
        `  ${"".padEnd(24)} ${"all".padStart(4)} ${"covered".padStart(8)} ${"no-host".padStart(8)} ${"uncovered".padStart(10)}`,
      );
      line("TOTAL", total);
      out("By tactic:");
      for (const t of index.tactics) {
        const c = tactics.get(t.shortname);
        if (c) line(t.shortname, c);
      }
      out("By platform:");
      for (const [p, c] of [...platforms.entries()].sort(([a], [b]) => a.localeCompare(b))) line(p, c);
      const procs = rows.reduce((n, r) => n + r.procedures, 0);
      const variants = rows.reduce((n, r) => n + r.variants, 0);
      out(`Procedures: ${procs}, variants: ${variants}`);
      if (opts.uncovered)
        for (const r of rows.filter((x) => x.procedures === 0 && !x.noHostTelemetry))
          out(`  ${r.id} ${r.name}`);
    });
}
