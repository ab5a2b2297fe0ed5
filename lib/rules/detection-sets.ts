import "server-only";
import { SigmaEngine, type LoadedRules } from "@/lib/detect";
import type { Actor } from "@/lib/db/actors";
import { listRuleSets } from "@/lib/db/rule-sets";
import { inspectRecord } from "./service";

/** A compiled rule set ready to run over a run's events, named for attribution in detection results. */
export interface DetectionSet {
  /** The rule set's id ("sigmahq" for SIGMA_RULES_DIR). */
  id: string;
  name: string;
  engine: SigmaEngine;
  loaded: number;
  failed: number;
}

// One engine per compiled version: the compile cache hands back the same LoadedRules object while it
// keeps that version, so an edit (new updatedAt) builds a new engine and the old one is collected.
const engines = new WeakMap<LoadedRules, SigmaEngine>();

export function engineOf(loaded: LoadedRules): SigmaEngine {
  let engine = engines.get(loaded);
  if (!engine) {
    engine = new SigmaEngine(loaded.rules, loaded.correlations);
    engines.set(loaded, engine);
  }
  return engine;
}

/** The team's enabled rule sets, compiled via the cache (disabled or empty sets take no part). */
export async function teamDetectionSets(actor: Actor): Promise<DetectionSet[]> {
  const records = await listRuleSets(actor);
  return records
    .filter((record) => record.enabled && record.rules.length > 0)
    .map((record) => {
      const { loaded } = inspectRecord(record);
      return {
        id: record.id,
        name: record.name,
        engine: engineOf(loaded),
        loaded: loaded.rules.length,
        failed: loaded.failures.length,
      };
    });
}
