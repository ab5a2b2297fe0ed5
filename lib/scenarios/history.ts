import "server-only";
import { publicReader, type Actor } from "@/lib/db/actors";
import { listRuns } from "@/lib/db/runs";
import { listScenarios, type ScenarioRecord, type ScenarioScope } from "@/lib/db/scenarios";
import { getAttackIndex } from "@/lib/attack/server";
import { InputError } from "@/lib/schemas/errors";
import type { ScenarioListQuery } from "@/lib/schemas/query";

/** A scenario row for lists: the record without team internals, plus its latest run. */
export interface ScenarioListItem {
  id: string;
  title: string;
  narrative: string;
  techniques: string[];
  tags: string[];
  authorName: string | null;
  /** The owning team; `owned` is false for another team's public scenario (read-only). */
  teamName: string;
  owned: boolean;
  visibility: ScenarioRecord["visibility"];
  createdAt: string;
  runCount: number;
  latestRun: { id: string; status: string; eventCount: number; seed: number } | null;
}

/** Technique IDs under a tactic (from the ATT&CK index), for the tactic filter. */
async function techniquesOfTactic(tactic: string): Promise<string[]> {
  let index;
  try {
    index = await getAttackIndex();
  } catch {
    throw new InputError(
      "bad_request",
      "The tactic filter needs ATT&CK data, which is not available on this server",
    );
  }
  const ids = index.techniques.filter((t) => t.tactics.includes(tactic)).map((t) => t.id);
  if (ids.length === 0)
    throw new InputError("validation_failed", `Unknown tactic "${tactic}"`, [
      { path: "tactic", message: "a tactic shortname such as execution or persistence" },
    ]);
  return ids;
}

export async function listScenarioItems(
  actor: Actor,
  query: ScenarioListQuery & { scope?: ScenarioScope },
): Promise<{ items: ScenarioListItem[]; nextCursor: string | null }> {
  const { tactic, ...rest } = query;
  const techniques = tactic ? await techniquesOfTactic(tactic) : undefined;
  const page = await listScenarios(actor, { ...rest, ...(techniques ? { techniques } : {}) });
  const items = await Promise.all(page.items.map((s) => toListItem(actor, s)));
  return { items, nextCursor: page.nextCursor };
}

export async function toListItem(actor: Actor, s: ScenarioRecord): Promise<ScenarioListItem> {
  const owned = s.teamId === actor.teamId;
  const reader = owned ? actor : publicReader(s.teamId);
  const runs = s.runCount > 0 ? await listRuns(reader, s.id, { limit: 1 }) : { items: [] };
  const latest = runs.items[0];
  return {
    id: s.id,
    title: s.title,
    narrative: s.narrative,
    techniques: s.techniques,
    tags: s.tags,
    authorName: s.authorName,
    teamName: s.teamName,
    owned,
    visibility: s.visibility,
    createdAt: s.createdAt,
    runCount: s.runCount,
    latestRun: latest
      ? { id: latest.id, status: latest.status, eventCount: latest.eventCount, seed: latest.seed }
      : null,
  };
}
