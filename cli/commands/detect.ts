import { readFileSync, statSync } from "node:fs";
import type { Command } from "commander";
import { parseEventsText } from "@/lib/detect/events/read";
import { readEventsFromZip } from "@/lib/detect/events/zip";
import { z } from "zod";
import {
  coverageStepSchema,
  expectedVsFired,
  type CoverageReport,
  type CoverageStep,
} from "@/lib/detect/coverage";
import { detectJson, firedFor, groupByTechnique, TECHNIQUE_ID } from "@/lib/detect/report";
import { readRuleSources } from "@/lib/detect/rulesets/files";
import { SigmaEngine } from "@/lib/detect/sigma/engine";
import { compileSources, type RuleFailure, type RuleSource } from "@/lib/detect/sigma/load";
import { CheckFailed, UsageError } from "../errors";

const out = (text: string) => process.stdout.write(`${text}\n`);

interface DetectOptions {
  rules: string[];
  expect?: string;
  json?: boolean;
  steps?: string;
  placeholder: string[];
}

const stepsSchema = z.array(coverageStepSchema);

function readSteps(path: string): CoverageStep[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new UsageError(`--steps ${path}: ${(error as Error).message}`);
  }
  const parsed = stepsSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`--steps ${path}: ${issue.path.join(".")}: ${issue.message}`);
  }
  return parsed.data;
}

/** `--placeholder name=value` (repeatable; several values for one name are OR'ed) → expand table. */
function placeholderTable(pairs: string[]): Record<string, string[]> {
  const table: Record<string, string[]> = {};
  for (const pair of pairs) {
    const m = /^([A-Za-z0-9_.-]+)=(.*)$/.exec(pair);
    if (!m) throw new UsageError(`--placeholder wants name=value, got "${pair}"`);
    (table[m[1]] ??= []).push(m[2]);
  }
  return table;
}

function printCoverage(report: CoverageReport): void {
  out("\nExpected vs fired");
  for (const t of report.techniques) {
    out(
      `${t.technique} (steps ${t.steps.join(", ")}): ${t.fired}/${t.expected} tagged rules fired; ${t.detectedEvents}/${t.maliciousEvents} malicious events detected${t.detected ? "" : "  ← NOT DETECTED"}`,
    );
    for (const r of t.rules) {
      const state = !r.applicable ? "n/a " : r.fired ? "FIRED" : "quiet";
      const fp = r.falsePositives.length ? `, ${r.falsePositives.length} on benign events` : "";
      out(`  ${state.padEnd(5)} ${r.relation.padEnd(13)} ${r.rule.title}${fp}`);
    }
  }
  const x = report.totals;
  out(
    `Totals: ${x.detectedTechniques}/${x.techniques} techniques detected, ${x.firedRules}/${x.applicableRules} applicable tagged rules fired, ${x.detectedMaliciousEvents}/${x.maliciousEvents} malicious events detected, ${x.falsePositiveMatches} matches on benign events`,
  );
}

function readEvents(path: string): Record<string, unknown>[] {
  let bytes: Buffer;
  try {
    if (!statSync(path).isFile()) throw new UsageError(`${path} is not a file`);
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(
      `cannot read events file ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  try {
    const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
    return isZip ? readEventsFromZip(bytes) : parseEventsText(bytes.toString("utf8"));
  } catch (error) {
    throw new UsageError(`${path}: ${(error as Error).message}`);
  }
}

function loadRules(paths: string[]): { sources: RuleSource[]; failures: RuleFailure[] } {
  const sources: RuleSource[] = [];
  const failures: RuleFailure[] = [];
  for (const path of paths) {
    const read = readRuleSources(path);
    if (read.sources.length === 0 && read.failures.some((f) => f.code === "IO"))
      throw new UsageError(`--rules ${path}: ${read.failures[0].error}`);
    sources.push(...read.sources);
    failures.push(...read.failures);
  }
  return { sources, failures };
}

function printHuman(
  result: ReturnType<SigmaEngine["run"]>,
  loaded: number,
  failures: RuleFailure[],
  eventCount: number,
) {
  out(`Rules: ${loaded} loaded${failures.length ? `, ${failures.length} failed` : ""}`);
  for (const f of failures.slice(0, 10)) out(`  ! ${f.file}${f.line ? `:${f.line}` : ""}: ${f.error}`);
  if (failures.length > 10) out(`  … and ${failures.length - 10} more (see --json)`);
  const groups = groupByTechnique(result.matches);
  const firedRules = new Set(result.matches.map((m) => m.rule.id)).size;
  const firedEvents = new Set(result.matches.map((m) => m.event)).size;
  out(`Events: ${eventCount}; ${firedRules} rules fired on ${firedEvents} events\n`);
  for (const group of groups) {
    out(group.technique ?? "(no ATT&CK technique tag)");
    for (const fired of group.rules) {
      const events =
        fired.events.length > 8
          ? `${fired.events.slice(0, 8).join(", ")} … (${fired.events.length})`
          : fired.events.join(", ");
      out(`  ${fired.rule.level.padEnd(13)} ${fired.rule.title}  [${fired.rule.id}]`);
      out(`                events ${events}; selections ${fired.selections.join(", ") || "-"}`);
    }
  }
  for (const c of result.correlations) {
    out(
      `correlation  ${c.rule.level.padEnd(8)} ${c.rule.title}: ${c.type} = ${c.value} for ${JSON.stringify(c.group)} (events ${c.events.join(", ")})`,
    );
  }
}

export function registerDetect(program: Command): void {
  program
    .command("detect")
    .description("Run Sigma rules over events (evtx-json NDJSON, concatenated JSON, or a bundle zip)")
    .argument("<events>", "events file")
    .requiredOption(
      "--rules <path>",
      "Sigma rule file or folder (repeatable)",
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option(
      "--expect <technique>",
      "exit 1 unless a rule tagged with this technique (or a sub-technique) fires",
    )
    .option("--json", "print one JSON object: rules loaded/failed and matches")
    .option(
      "--steps <file>",
      'JSON [{"id","technique","maliciousEvents":[…]}]: also report expected vs fired per technique',
    )
    .option(
      "--placeholder <name=value>",
      "value for %name% in |expand rules (repeatable)",
      (value: string, previous: string[] = []) => [...previous, value],
      [],
    )
    .action((eventsPath: string, opts: DetectOptions) => {
      if (opts.expect !== undefined && !TECHNIQUE_ID.test(opts.expect))
        throw new UsageError(
          `--expect wants a technique ID such as T1059 or T1059.001, got "${opts.expect}"`,
        );
      const { sources, failures: readFailures } = loadRules(opts.rules);
      const steps = opts.steps ? readSteps(opts.steps) : undefined;
      const events = readEvents(eventsPath);
      const loaded = compileSources(sources, { placeholders: placeholderTable(opts.placeholder) });
      const failures = [...readFailures, ...loaded.failures];
      const result = new SigmaEngine(loaded.rules, loaded.correlations).run(events);
      const loadedCount = loaded.rules.length + loaded.correlations.length;
      const coverage = steps ? expectedVsFired(loaded.rules, result.matches, steps) : undefined;
      if (opts.json)
        out(
          JSON.stringify(
            coverage
              ? { ...detectJson(loadedCount, failures, result.matches), coverage }
              : detectJson(loadedCount, failures, result.matches),
          ),
        );
      else {
        printHuman(result, loadedCount, failures, events.length);
        if (coverage) printCoverage(coverage);
      }
      if (opts.expect) {
        const fired = firedFor(opts.expect, result.matches);
        const technique = opts.expect.toUpperCase();
        if (fired.length === 0) throw new CheckFailed(`expected ${technique}: no rule tagged with it fired`);
        if (!opts.json) out(`\nexpected ${technique}: fired (${fired.map((r) => r.title).join("; ")})`);
      }
    });
}
