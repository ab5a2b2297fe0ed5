import type { Command } from "commander";
import {
  filterTechniques,
  findTechnique,
  platformsOf,
  resolvePlatform,
  resolveTactic,
  searchTechniques,
  type AttackIndex,
  type Technique,
} from "@/lib/attack";
import { formatTechnique } from "@/lib/attack/format";
import { loadAttack, type LoadedAttack } from "@/lib/attack/load";
import { parseConfig } from "@/lib/config/schema";
import { UsageError } from "../errors";

const out = (text: string) => process.stdout.write(`${text}\n`);

/** Loads the index as configured by ATTACK_STIX_FILE / ATTACK_CACHE_DIR; progress goes to `log`. */
async function load(log: (message: string) => void, rebuild = false): Promise<LoadedAttack> {
  const config = parseConfig(process.env);
  return loadAttack({ stixFile: config.ATTACK_STIX_FILE, cacheDir: config.ATTACK_CACHE_DIR, log, rebuild });
}

const toStderr = (message: string) => process.stderr.write(`${message}\n`);

async function loadIndex(): Promise<AttackIndex> {
  return (await load(toStderr)).index;
}

function tacticNames(index: AttackIndex, t: Technique): string {
  return t.tactics.map((s) => index.tactics.find((x) => x.shortname === s)?.name ?? s).join(", ");
}

function registerTechniques(attack: Command) {
  attack
    .command("techniques")
    .description("List techniques and sub-techniques, optionally on one platform and/or in one tactic")
    .option("--platform <platform>", "only techniques on this platform (e.g. Windows, Linux, macOS)")
    .option("--tactic <tactic>", "only techniques in this tactic (shortname, TA id or name, e.g. execution)")
    .option("--json", "print a JSON array of {id, name, tactics, platforms, parent, isSubtechnique, url}")
    .action(async (opts: { platform?: string; tactic?: string; json?: boolean }) => {
      const index = await loadIndex();
      const platform = opts.platform === undefined ? undefined : resolvePlatform(index, opts.platform);
      if (platform === null) {
        throw new UsageError(
          `unknown platform "${opts.platform}"; valid platforms: ${platformsOf(index).join(", ")}`,
        );
      }
      const tactic = opts.tactic === undefined ? undefined : resolveTactic(index, opts.tactic);
      if (tactic === null) {
        const valid = index.tactics.map((t) => t.shortname).join(", ");
        throw new UsageError(`unknown tactic "${opts.tactic}"; valid tactics: ${valid}`);
      }
      const list = filterTechniques(index, { platform, tactic });
      if (opts.json) {
        const rows = list.map((t) => ({
          id: t.id,
          name: t.name,
          tactics: t.tactics,
          platforms: t.platforms,
          parent: t.parent,
          isSubtechnique: t.isSubtechnique,
          url: t.url,
        }));
        out(JSON.stringify(rows, null, 2));
        return;
      }
      const width = Math.max(...list.map((t) => t.id.length), 2);
      for (const t of list)
        out(`${t.id.padEnd(width)}  ${t.name}  [${tacticNames(index, t)}]  ${t.platforms.join(", ")}`);
      toStderr(`${list.length} techniques and sub-techniques (ATT&CK ${index.version})`);
    });
}

function registerShow(attack: Command) {
  attack
    .command("show")
    .description("Show one technique: tactics, platforms, description, detection strategies, mitigations")
    .argument("<id>", "technique id, e.g. T1059.001")
    .option("--json", "print the full technique as JSON")
    .action(async (rawId: string, opts: { json?: boolean }) => {
      const index = await loadIndex();
      const found = findTechnique(index, rawId);
      if (found.kind === "unknown")
        throw new UsageError(`unknown technique "${rawId}" in ATT&CK ${index.version}`);
      if (opts.json) {
        const body =
          found.kind === "live"
            ? { technique: found.technique, retired: null }
            : { technique: found.replacement, retired: found.retired };
        out(JSON.stringify(body, null, 2));
        return;
      }
      if (found.kind === "retired") {
        const { retired } = found;
        out(
          `${retired.id} ${retired.name} is ${retired.reason}` +
            (retired.replacedBy ? `; replaced by ${retired.replacedBy}.` : " and has no replacement."),
        );
        if (!found.replacement) return;
        out("");
      }
      const technique = found.kind === "live" ? found.technique : found.replacement!;
      out(formatTechnique(index, technique));
    });
}

function registerSearch(attack: Command) {
  attack
    .command("search")
    .description("Search technique ids, names and descriptions (ranked)")
    .argument("<query...>", "words to search for")
    .option("--limit <n>", "at most this many results", "20")
    .option("--json", "print the hits as JSON")
    .action(async (words: string[], opts: { limit: string; json?: boolean }) => {
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1)
        throw new UsageError(`--limit expects a positive integer, got "${opts.limit}"`);
      const index = await loadIndex();
      const hits = searchTechniques(index, words.join(" "));
      if (opts.json) {
        out(JSON.stringify(hits.slice(0, limit), null, 2));
        return;
      }
      for (const h of hits.slice(0, limit)) out(`${h.id.padEnd(9)}  ${h.name}  (${h.matchedIn.join(", ")})`);
      toStderr(`${hits.length} matches${hits.length > limit ? `, first ${limit} shown` : ""}`);
    });
}

function registerPrepare(attack: Command) {
  attack
    .command("prepare")
    .description("Load or download the ATT&CK bundle and build the cached index (run by `npm run up`)")
    .option("--rebuild", "rebuild the index even when a cached one exists (to measure a cold build)")
    .action(async (opts: { rebuild?: boolean }) => {
      const { index, stats } = await load(out, opts.rebuild);
      const subs = index.techniques.filter((t) => t.isSubtechnique).length;
      const from = { file: "ATTACK_STIX_FILE", cache: "cache", download: "download" }[stats.origin];
      out(`ATT&CK ${index.version} from ${from} ${stats.location}`);
      out(`  sha256 ${stats.sha256}`);
      out(
        `  ${index.tactics.length} tactics, ${index.techniques.length - subs} techniques, ${subs} sub-techniques, ` +
          `${Object.keys(index.retired).length} revoked or deprecated`,
      );
      out(
        stats.built
          ? `  index built in ${stats.indexMs} ms (total ${stats.totalMs} ms)`
          : `  cached index read in ${stats.indexMs} ms (total ${stats.totalMs} ms)`,
      );
    });
}

export function registerAttack(program: Command) {
  const attack = program
    .command("attack")
    .description("MITRE ATT&CK knowledge: techniques, details, search, data");
  registerTechniques(attack);
  registerShow(attack);
  registerSearch(attack);
  registerPrepare(attack);
}
