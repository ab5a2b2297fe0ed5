import { techniqueEquivalents } from "@/lib/attack/crosswalk";
import type { AttackIndex } from "@/lib/attack/types";
import { parseEventsText } from "@/lib/detect/events/read";
import type { CompiledRule } from "@/lib/detect/sigma/compile";
import { SigmaEngine } from "@/lib/detect/sigma/engine";
import { generate, serialize } from "@/lib/engine/generate";
import type { Procedure } from "@/lib/engine/procedure";

/** A rule counts for a technique when it is tagged with it, its parent, or (for a parent) one of its children. */
export function relevantTag(technique: string, parent: string | null, tag: string): boolean {
  return techniqueEquivalents(tag).some(
    (t) =>
      t === technique ||
      (parent !== null && t === parent) ||
      (parent === null && t.startsWith(`${technique}.`)),
  );
}

/** Rules under a windows/ folder of the rule set (Linux and cloud rules cannot fire on Windows logs). */
export const isWindowsRule = (r: CompiledRule) => /(^|[\\/])windows[\\/]/i.test(r.info.file);

export interface FidelityRow {
  id: string;
  name: string;
  /** Rules in the set that would count for this technique. */
  taggedRules: number;
  runs: {
    procedure: string;
    variant: string | undefined;
    seed: number;
    fired: string[];
    relevant: string[];
    error?: string;
  }[];
  hit: boolean;
  /** Distinct fired rules over the runs, and those relevant to the technique. */
  fired: number;
  relevant: number;
  /** Titles of the tagged rules (for the miss list). */
  shouldHaveFired: string[];
}

/** (procedure, variant) pairs for a technique, spread over `seeds` runs. */
export function runPlan(
  procs: readonly Procedure[],
  seeds: number,
): { procedure: Procedure; variant: string | undefined }[] {
  const pairs = procs.flatMap((p) =>
    p.variants?.length
      ? p.variants.map((v) => ({ procedure: p, variant: v as string | undefined }))
      : [{ procedure: p, variant: undefined }],
  );
  if (pairs.length === 0) return [];
  return Array.from(
    { length: seeds },
    (_, i) => pairs[Math.floor((i * pairs.length) / seeds) % pairs.length],
  );
}

/** Runs every Windows technique's procedures through the rules; one row per Windows technique. */
export function measureFidelity(
  index: AttackIndex,
  rules: readonly CompiledRule[],
  procedures: readonly Procedure[],
  seeds = 3,
  only?: (id: string) => boolean,
): FidelityRow[] {
  const engine = new SigmaEngine(rules);
  const rows: FidelityRow[] = [];
  for (const t of index.techniques) {
    if (!t.platforms.includes("Windows") || (only && !only(t.id))) continue;
    const tagged = rules.filter(
      (r) => isWindowsRule(r) && r.info.techniques.some((tag) => relevantTag(t.id, t.parent, tag)),
    );
    const row: FidelityRow = {
      id: t.id,
      name: t.name,
      taggedRules: tagged.length,
      runs: [],
      hit: false,
      fired: 0,
      relevant: 0,
      shouldHaveFired: tagged.map((r) => r.info.title),
    };
    const fired = new Map<string, boolean>();
    runPlan(
      procedures.filter((p) => p.technique === t.id),
      seeds,
    ).forEach(({ procedure, variant }, i) => {
      const seed = i + 1;
      try {
        const r = generate(
          { seed, steps: [{ technique: t.id, procedure: procedure.id, variant }], noise: { level: "none" } },
          { procedures },
        );
        const mine = r.events.filter((_, k) => r.labels[k]?.step === 0);
        const events = parseEventsText(serialize(mine, "evtx-json"));
        const matches = engine.run(events).matches;
        const names = new Map(matches.map((m) => [m.rule.id, m.rule]));
        const rel = [...names.values()].filter((rule) =>
          rule.techniques.some((tag) => relevantTag(t.id, t.parent, tag)),
        );
        for (const rule of names.values()) fired.set(rule.id, fired.get(rule.id) || rel.includes(rule));
        row.runs.push({
          procedure: procedure.id,
          variant,
          seed,
          fired: [...names.values()].map((x) => x.title),
          relevant: rel.map((x) => x.title),
        });
      } catch (error) {
        row.runs.push({
          procedure: procedure.id,
          variant,
          seed,
          fired: [],
          relevant: [],
          error: (error as Error).message,
        });
      }
    });
    row.fired = fired.size;
    row.relevant = [...fired.values()].filter(Boolean).length;
    row.hit = row.relevant > 0;
    rows.push(row);
  }
  return rows;
}

export interface FidelitySummary {
  windows: number;
  withRules: number;
  hitAll: number;
  hitWithRules: number;
  firedRules: number;
  relevantRules: number;
}

export function summarise(rows: readonly FidelityRow[]): FidelitySummary {
  const withRules = rows.filter((r) => r.taggedRules > 0);
  return {
    windows: rows.length,
    withRules: withRules.length,
    hitAll: rows.filter((r) => r.hit).length,
    hitWithRules: withRules.filter((r) => r.hit).length,
    firedRules: rows.reduce((n, r) => n + r.fired, 0),
    relevantRules: rows.reduce((n, r) => n + r.relevant, 0),
  };
}
