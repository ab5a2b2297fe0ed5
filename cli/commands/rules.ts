import { readFileSync, statSync } from "node:fs";
import type { Command } from "commander";
import { readRuleSources } from "@/lib/detect/rulesets/files";
import { FileRuleSetStore, ruleSetNameSchema, type ImportReport } from "@/lib/detect/rulesets/store";
import { compileSources } from "@/lib/detect/sigma/load";
import { CheckFailed, UsageError } from "../errors";

const out = (text: string) => process.stdout.write(`${text}\n`);

/** Where named rule sets live: MIMICRY_RULESETS_DIR, else data/rulesets (git-ignored). */
export function ruleSetsDir(): string {
  return process.env.MIMICRY_RULESETS_DIR?.trim() || "data/rulesets";
}

function checkName(name: string): string {
  const parsed = ruleSetNameSchema.safeParse(name);
  if (!parsed.success) throw new UsageError(`"${name}" is not ${parsed.error.issues[0].message}`);
  return parsed.data;
}

function printReport(report: ImportReport, json?: boolean): void {
  if (json) {
    out(JSON.stringify(report));
    return;
  }
  out(`${report.name}: ${report.added} rule files added`);
  for (const f of report.failures) out(`  ! ${f.file}${f.line ? `:${f.line}` : ""}: ${f.error}`);
  for (const s of report.skipped) out(`  - skipped ${s.file}: ${s.reason}`);
}

function readStdin(): string {
  try {
    return readFileSync(0, "utf8");
  } catch {
    throw new UsageError("could not read the rule from stdin");
  }
}

export function registerRules(program: Command): void {
  const rules = program
    .command("rules")
    .description("Sigma rule sets: check rules, import SigmaHQ folders or release zips, keep named sets");

  rules
    .command("check")
    .description("Parse and compile rules; list what fails with file, line and reason (exit 1 if any fails)")
    .argument("<path>", "rule file or folder")
    .option("--json", "print {loaded, failed:[{file,line,code,error}], outOfScope}")
    .action((path: string, opts: { json?: boolean }) => {
      const read = readRuleSources(path);
      if (read.sources.length === 0 && read.failures.length)
        throw new UsageError(`${path}: ${read.failures[0].error}`);
      const loaded = compileSources(read.sources);
      const failed = [...read.failures, ...loaded.failures];
      const outOfScope = loaded.rules
        .filter((r) => r.outOfScope)
        .map((r) => ({ id: r.info.id, file: r.info.file, reason: r.outOfScope }));
      if (opts.json)
        out(JSON.stringify({ loaded: loaded.rules.length + loaded.correlations.length, failed, outOfScope }));
      else {
        out(
          `${loaded.rules.length + loaded.correlations.length} loaded, ${failed.length} failed, ${outOfScope.length} outside Windows event logs`,
        );
        for (const f of failed) out(`  ! ${f.file}${f.line ? `:${f.line}` : ""} [${f.code}] ${f.error}`);
      }
      if (failed.length) throw new CheckFailed(`${failed.length} rule file(s) failed to load`);
    });

  rules
    .command("import")
    .description("Import SigmaHQ rules from a folder or a release .zip into a named rule set")
    .argument("<name>", "rule-set name (lowercase, digits, . _ -)")
    .argument("<source>", "folder or .zip")
    .option("--json", "print the import report as JSON")
    .action((name: string, source: string, opts: { json?: boolean }) => {
      const store = new FileRuleSetStore(ruleSetsDir());
      const set = checkName(name);
      let isDir: boolean;
      try {
        isDir = statSync(source).isDirectory();
      } catch {
        throw new UsageError(`cannot read ${source}`);
      }
      try {
        printReport(
          isDir ? store.importFolder(set, source) : store.importZip(set, readFileSync(source)),
          opts.json,
        );
      } catch (error) {
        if ((error as { code?: string }).code === "RULE_ZIP") throw new CheckFailed((error as Error).message);
        throw error;
      }
    });

  rules
    .command("add")
    .description("Add one pasted rule (from a file, or stdin with '-') to a named rule set")
    .argument("<name>", "rule-set name")
    .argument("<file>", "rule file, or - for stdin")
    .option("--json", "print the report as JSON")
    .action((name: string, file: string, opts: { json?: boolean }) => {
      const set = checkName(name);
      let text: string;
      try {
        text = file === "-" ? readStdin() : readFileSync(file, "utf8");
      } catch {
        throw new UsageError(`cannot read ${file}`);
      }
      const report = new FileRuleSetStore(ruleSetsDir()).addRule(set, text);
      printReport(report, opts.json);
      if (report.added === 0) throw new CheckFailed("the rule was not added");
    });

  rules
    .command("list")
    .description("List named rule sets")
    .option("--json", "print a JSON array")
    .action((opts: { json?: boolean }) => {
      const sets = new FileRuleSetStore(ruleSetsDir()).list();
      if (opts.json) out(JSON.stringify(sets));
      else if (sets.length === 0) out(`no rule sets in ${ruleSetsDir()}`);
      else
        for (const s of sets)
          out(`${s.name.padEnd(24)} ${String(s.files).padStart(6)} files  updated ${s.updatedAt}`);
    });
}
