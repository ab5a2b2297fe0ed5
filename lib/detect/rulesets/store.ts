import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { z } from "zod";
import { isSafeEntryName } from "../events/zip";
import { compileSources, type LoadedRules, type RuleFailure, type RuleSource } from "../sigma/load";
import { readRuleSources } from "./files";
import { extractRuleZip } from "./zip";

export const ruleSetNameSchema = z
  .string()
  .trim()
  .regex(
    /^[a-z0-9][a-z0-9._-]{0,63}$/,
    "a rule-set name: lowercase letters, digits, '.', '_' or '-', up to 64 characters",
  )
  .refine((n) => !n.includes(".."), "a rule-set name cannot contain '..'");

export interface RuleSetSummary {
  name: string;
  files: number;
  updatedAt: string;
}

export interface ImportReport {
  name: string;
  /** Rule files written to the set. */
  added: number;
  /** Documents that did not load (kept out of the set), with file, line and reason. */
  failures: RuleFailure[];
  skipped: Array<{ file: string; reason: string }>;
}

export class RuleSetError extends Error {
  readonly code = "RULESET";
}

/** Rule-file paths inside a set: relative, forward slashes, no traversal, plain characters. */
function storedPath(file: string): string {
  const clean = file.replace(/\\/g, "/").replace(/^\.?\/+/, "");
  if (!isSafeEntryName(clean)) throw new RuleSetError(`'${file}' is not a safe relative path`);
  return clean
    .split("/")
    .filter(Boolean)
    .map((part) => part.replace(/[^A-Za-z0-9._-]/g, "_"))
    .join("/");
}

/**
 * Named Sigma rule sets kept as files: <dir>/<name>/rules/**.yml. Only documents that load are stored, so a
 * set always compiles; what was refused comes back in the ImportReport.
 */
export class FileRuleSetStore {
  constructor(readonly dir: string) {}

  private root(name: string): string {
    return join(this.dir, ruleSetNameSchema.parse(name), "rules");
  }

  list(): RuleSetSummary[] {
    let names: string[];
    try {
      names = readdirSync(this.dir).filter((n) => ruleSetNameSchema.safeParse(n).success);
    } catch {
      return [];
    }
    return names.sort().map((name) => {
      const { sources } = readRuleSources(this.root(name));
      const updatedAt = statSync(join(this.dir, name)).mtime.toISOString();
      return { name, files: sources.length, updatedAt };
    });
  }

  sources(name: string): RuleSource[] {
    const root = this.root(name);
    const { sources } = readRuleSources(root);
    return sources.map((s) => ({ ...s, file: relative(root, s.file) }));
  }

  load(name: string): LoadedRules {
    return compileSources(this.sources(name));
  }

  delete(name: string): void {
    rmSync(join(this.dir, ruleSetNameSchema.parse(name)), { recursive: true, force: true });
  }

  /** Writes the sources that load cleanly; the rest are reported, not stored. */
  importSources(
    name: string,
    sources: readonly RuleSource[],
    skipped: ImportReport["skipped"] = [],
  ): ImportReport {
    const root = this.root(name);
    const loaded = compileSources(sources); // together, so correlations may refer to rules in other files
    const report: ImportReport = { name, added: 0, failures: loaded.failures, skipped: [...skipped] };
    const good = new Set([
      ...loaded.rules.map((r) => r.info.file),
      ...loaded.correlations.map((c) => c.info.file),
    ]);
    for (const source of sources) {
      if (!good.has(source.file)) continue;
      let path: string;
      try {
        path = join(root, storedPath(source.file));
      } catch (error) {
        report.skipped.push({ file: source.file, reason: (error as Error).message });
        continue;
      }
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, source.text);
      report.added++;
    }
    mkdirSync(root, { recursive: true });
    return report;
  }

  importFolder(name: string, folder: string): ImportReport {
    const { sources, failures } = readRuleSources(folder);
    const report = this.importSources(
      name,
      sources.map((s) => ({ ...s, file: relative(folder, s.file) || s.file.split("/").pop()! })),
    );
    report.failures.unshift(...failures);
    return report;
  }

  importZip(name: string, bytes: Uint8Array): ImportReport {
    const { sources, skipped } = extractRuleZip(bytes);
    return this.importSources(name, sources, skipped);
  }

  /** One pasted rule: stored as pasted/<id or title>.yml when it loads; otherwise refused with the reasons. */
  addRule(name: string, text: string): ImportReport {
    const loaded = compileSources([{ file: "pasted.yml", text }]);
    if (loaded.failures.length || loaded.rules.length + loaded.correlations.length === 0) {
      return {
        name,
        added: 0,
        failures: loaded.failures.length
          ? loaded.failures
          : [{ file: "pasted.yml", code: "EMPTY", error: "no rule in the text" }],
        skipped: [],
      };
    }
    const first = loaded.rules[0]?.info ?? loaded.correlations[0].info;
    const base = (first.id || first.title)
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, "-")
      .slice(0, 80);
    return this.importSources(name, [{ file: `pasted/${base}.yml`, text }]);
  }

  ruleText(name: string, file: string): string {
    return readFileSync(join(this.root(name), storedPath(file)), "utf8");
  }
}
