import "server-only";
import type { ProcedureOption } from "./types";
import { getAttackIndex } from "@/lib/attack/server";
import { procedures } from "@/lib/procedures/registry";

/** What the builder offers: curated procedures per technique, and technique names for pre-filled steps. */

export function procedureOptions(): ProcedureOption[] {
  return procedures.map((p) => ({
    id: p.id,
    technique: p.technique,
    name: p.name,
    description: p.description,
    variants: [...(p.variants ?? [])],
  }));
}

export async function techniqueNames(ids: string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (ids.length === 0) return names;
  try {
    const index = await getAttackIndex();
    for (const id of ids) {
      const t = index.techniques.find((x) => x.id === id);
      if (!t) continue;
      const parent = t.parent ? index.techniques.find((x) => x.id === t.parent) : undefined;
      names.set(id, parent ? `${parent.name}: ${t.name}` : t.name);
    }
  } catch {
    // Without ATT&CK data the steps keep their IDs; generation does not need names.
  }
  return names;
}
