import "server-only";
import { existsSync } from "node:fs";
import { relative } from "node:path";
import { serverConfig } from "@/lib/config/server";
import {
  extractRuleZip,
  readRuleSources,
  RuleZipError,
  type LoadedRules,
  type RuleSource,
} from "@/lib/detect";
import type { Actor } from "@/lib/db/actors";
import {
  createRuleSet,
  deleteRuleSet,
  getRuleSet,
  listRuleSets,
  updateRuleSet,
  type RuleSetRecord,
  type StoredRule,
} from "@/lib/db/rule-sets";
import { InputError, notFound } from "@/lib/schemas/errors";
import { cachedInspection, forgetInspection } from "./cache";
import { allowedRuleFolder } from "./folder";
import { inspectSources, type InspectedSet, type RuleRow } from "./inspect";
import type { RuleSetCreate } from "./schemas";
import { testRule } from "./test-rule";

/** The read-only set backed by SIGMA_RULES_DIR. */
export const BUILTIN_ID = "sigmahq";
export const MAX_RULES_PER_SET = 5_000;

export interface RuleSetSummary {
  id: string;
  name: string;
  description: string;
  rules: number;
  builtIn: boolean;
  /** Whether runs are matched against the set (the SigmaHQ set: whenever SIGMA_RULES_DIR is set). */
  enabled: boolean;
  updatedAt: string | null;
}

export interface RuleSetView extends RuleSetSummary {
  counts: Record<RuleRow["status"], number>;
  rows: RuleRow[];
}

export interface ImportResult {
  set: RuleSetSummary;
  added: number;
  /** Rules stored but not loading (they show as errors in the set's table). */
  failed: Array<{ file: string; line?: number; error: string }>;
  skipped: Array<{ file: string; reason: string }>;
}

const summary = (r: RuleSetRecord): RuleSetSummary => ({
  id: r.id,
  name: r.name,
  description: r.description,
  rules: r.rules.length,
  builtIn: false,
  enabled: r.enabled,
  updatedAt: r.updatedAt,
});

/** StoredRule.title carries the rule's source label (path in the zip or folder), shown with errors. */
const sourcesOf = (rules: readonly StoredRule[]): RuleSource[] =>
  rules.map((r, i) => ({ file: r.title || `rule-${i + 1}.yml`, text: r.text }));

function builtinDir(): string | undefined {
  const dir = serverConfig().SIGMA_RULES_DIR;
  return dir && existsSync(dir) ? dir : undefined;
}

function builtinInspection(dir: string): InspectedSet {
  return cachedInspection(`${BUILTIN_ID}@${dir}`, () => {
    const { sources, failures } = readRuleSources(dir);
    const inspected = inspectSources(sources.map((s) => ({ ...s, file: relative(dir, s.file) })));
    for (const f of failures)
      inspected.rows.push({
        index: inspected.rows.length,
        file: f.file,
        id: "",
        title: f.file,
        level: "",
        tags: [],
        logsource: "",
        status: "error",
        problem: f.error,
      });
    return inspected;
  });
}

let builtinCount: { dir: string; files: number } | undefined;

/** The list shows the file count; compiling 1,000+ rules waits until the set is opened. */
function builtinSummary(dir: string, inspected?: InspectedSet): RuleSetSummary {
  if (builtinCount?.dir !== dir) builtinCount = { dir, files: readRuleSources(dir).sources.length };
  return {
    id: BUILTIN_ID,
    name: "SigmaHQ (SIGMA_RULES_DIR)",
    description: `Read-only: the rules under ${dir}`,
    rules: inspected?.rows.length ?? builtinCount.files,
    builtIn: true,
    enabled: true,
    updatedAt: null,
  };
}

export async function listRuleSetSummaries(actor: Actor): Promise<RuleSetSummary[]> {
  const dir = builtinDir();
  const own = (await listRuleSets(actor)).map(summary);
  return dir ? [builtinSummary(dir), ...own] : own;
}

async function inspection(
  actor: Actor,
  id: string,
): Promise<{ set: RuleSetSummary; inspected: InspectedSet }> {
  if (id === BUILTIN_ID) {
    const dir = builtinDir();
    if (!dir) throw notFound("rule set", id);
    const inspected = builtinInspection(dir);
    return { set: builtinSummary(dir, inspected), inspected };
  }
  const record = await getRuleSet(actor, id);
  if (!record) throw notFound("rule set", id);
  return { set: summary(record), inspected: inspectRecord(record) };
}

/** A stored set, parsed and compiled once per version (cached by id + updatedAt). */
export function inspectRecord(record: RuleSetRecord): InspectedSet {
  return cachedInspection(`${record.id}@${record.updatedAt}`, () => inspectSources(sourcesOf(record.rules)));
}

/** A set's compiled rules (cached per process by id + updatedAt), for detection elsewhere in the app. */
export async function loadRuleSet(actor: Actor, id: string): Promise<LoadedRules> {
  return (await inspection(actor, id)).inspected.loaded;
}

export async function viewRuleSet(
  actor: Actor,
  id: string,
  filter: { q?: string; status?: RuleRow["status"] } = {},
): Promise<RuleSetView> {
  const { set, inspected } = await inspection(actor, id);
  const counts = { ok: 0, out_of_scope: 0, error: 0 };
  for (const row of inspected.rows) counts[row.status]++;
  const q = filter.q?.toLowerCase();
  const rows = inspected.rows.filter(
    (r) =>
      (!filter.status || r.status === filter.status) &&
      (!q ||
        [r.id, r.title, r.file, r.logsource, r.level, ...r.tags].some((v) => v.toLowerCase().includes(q))),
  );
  return { ...set, counts, rows };
}

function refuseBuiltin(id: string): void {
  if (id === BUILTIN_ID)
    throw new InputError("bad_request", "The SigmaHQ set is read-only: it mirrors SIGMA_RULES_DIR");
}

function checkCount(n: number): void {
  if (n > MAX_RULES_PER_SET)
    throw new InputError(
      "payload_too_large",
      `A rule set holds at most ${MAX_RULES_PER_SET} rules (got ${n})`,
    );
}

function storedFrom(sources: readonly RuleSource[]): StoredRule[] {
  return sources.map((s) => ({ title: s.file.slice(0, 300), text: s.text }));
}

function importResult(
  record: RuleSetRecord,
  skipped: ImportResult["skipped"],
  added = record.rules.length,
): ImportResult {
  const inspected = inspectRecord(record);
  return {
    set: summary(record),
    added,
    failed: inspected.rows
      .filter((r) => r.status === "error")
      .map((r) => ({ file: r.file, line: r.line, error: r.problem ?? "did not load" })),
    skipped,
  };
}

/** One pasted rule must load; otherwise the error names its line. Returns the source to store. */
function checkedPaste(text: string, label: string): RuleSource {
  const inspected = inspectSources([{ file: label, text }]);
  const bad = inspected.rows.find((r) => r.status === "error");
  if (bad) {
    const where = bad.line ? `line ${bad.line}: ` : "";
    throw new InputError("validation_failed", `The rule does not load — ${where}${bad.problem}`, [
      { path: bad.line ? `rule:${bad.line}` : "rule", message: `${where}${bad.problem}` },
    ]);
  }
  const first = inspected.rows[0];
  const base = (first.id || first.title)
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .slice(0, 80);
  return { file: `pasted/${base}.yml`, text };
}

export async function createRuleSetFrom(actor: Actor, input: RuleSetCreate): Promise<ImportResult> {
  if (input.rule && input.folder)
    throw new InputError("validation_failed", "Send either a rule or a folder, not both");
  let sources: RuleSource[] = [];
  let skipped: ImportResult["skipped"] = [];
  if (input.rule) sources = [checkedPaste(input.rule, "pasted.yml")];
  if (input.folder) {
    const folder = allowedRuleFolder(input.folder, serverConfig().SIGMA_RULES_DIR);
    const read = readRuleSources(folder);
    sources = read.sources.map((s) => ({ ...s, file: relative(folder, s.file) || s.file }));
    skipped = read.failures.map((f) => ({ file: f.file, reason: f.error }));
    if (sources.length === 0)
      throw new InputError("validation_failed", `No rule files (*.yml) under ${input.folder}`);
  }
  checkCount(sources.length);
  const record = await createRuleSet(actor, {
    name: input.name,
    description: input.description,
    rules: storedFrom(sources),
  });
  return importResult(record, skipped);
}

/** A SigmaHQ release zip as a new set: every rule file stored; those that do not load show as errors. */
export async function importZipRuleSet(
  actor: Actor,
  input: { name: string; description?: string; bytes: Uint8Array },
): Promise<ImportResult> {
  let extract: ReturnType<typeof extractRuleZip>;
  try {
    extract = extractRuleZip(input.bytes);
  } catch (error) {
    if (error instanceof RuleZipError) throw new InputError("bad_request", error.message);
    throw error;
  }
  if (extract.sources.length === 0) {
    const first = extract.skipped[0];
    throw new InputError(
      "validation_failed",
      first
        ? `No rule file could be read — ${first.file}: ${first.reason}`
        : "The zip holds no rule files (*.yml)",
    );
  }
  checkCount(extract.sources.length);
  const record = await createRuleSet(actor, {
    name: input.name,
    description: input.description,
    rules: storedFrom(extract.sources),
  });
  return importResult(record, extract.skipped);
}

export async function addPastedRule(actor: Actor, id: string, text: string): Promise<ImportResult> {
  refuseBuiltin(id);
  const record = await getRuleSet(actor, id);
  if (!record) throw notFound("rule set", id);
  const source = checkedPaste(text, `pasted/rule-${record.rules.length + 1}.yml`);
  const taken = new Set(record.rules.map((r) => r.title));
  let file = source.file;
  for (let n = 2; taken.has(file); n++) file = source.file.replace(/\.yml$/, `-${n}.yml`);
  checkCount(record.rules.length + 1);
  const updated = await updateRuleSet(actor, id, {
    rules: [...record.rules, { title: file, text }],
  });
  forgetInspection(id);
  return importResult(updated, [], 1);
}

export async function patchRuleSet(
  actor: Actor,
  id: string,
  patch: { name?: string; description?: string; enabled?: boolean },
): Promise<RuleSetSummary> {
  refuseBuiltin(id);
  return summary(await updateRuleSet(actor, id, patch));
}

export async function removeRuleSet(actor: Actor, id: string): Promise<void> {
  refuseBuiltin(id);
  await deleteRuleSet(actor, id);
  forgetInspection(id);
}

export { testRule };
