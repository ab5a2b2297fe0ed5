import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { MAX_RULE_FILE_BYTES } from "../sigma/parse";
import type { RuleFailure, RuleSource } from "../sigma/load";

export const RULE_FILE = /\.ya?ml$/i;

function walk(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    if (entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else if (entry.isFile() && RULE_FILE.test(entry.name)) out.push(path);
  }
}

/**
 * Reads rule files from a file or a folder (recursively). Files over the size limit are reported without
 * being read; unreadable paths are failures, not crashes.
 */
export function readRuleSources(
  path: string,
  maxBytes = MAX_RULE_FILE_BYTES,
): { sources: RuleSource[]; failures: RuleFailure[] } {
  const sources: RuleSource[] = [];
  const failures: RuleFailure[] = [];
  let files: string[] = [];
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) walk(path, files);
    else files = [path];
  } catch (error) {
    return {
      sources,
      failures: [
        {
          file: path,
          code: "IO",
          error: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
        },
      ],
    };
  }
  for (const file of files) {
    const name = path === file ? file : join(path, relative(path, file));
    try {
      const size = statSync(file).size;
      if (size > maxBytes) {
        failures.push({
          file: name,
          code: "FILE_TOO_LARGE",
          error: `rule file is ${(size / 1024 / 1024).toFixed(1)} MB, over the ${(maxBytes / 1024 / 1024).toFixed(1)} MB limit`,
        });
        continue;
      }
      sources.push({ file: name, text: readFileSync(file, "utf8") });
    } catch (error) {
      failures.push({ file: name, code: "IO", error: `cannot read: ${(error as Error).message}` });
    }
  }
  return { sources, failures };
}
