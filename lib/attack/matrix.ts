import { plainText } from "./text";
import type { AttackIndex, MatrixPayload, MatrixTactic, MatrixTechnique } from "./types";

const payloads = new WeakMap<AttackIndex, MatrixPayload>();

/** toMatrixPayload, computed once per index. */
export function matrixPayloadFor(index: AttackIndex): MatrixPayload {
  let payload = payloads.get(index);
  if (!payload) {
    payload = toMatrixPayload(index);
    payloads.set(index, payload);
  }
  return payload;
}

/** The compact payload the matrix grid needs (GET /api/attack). */
export function toMatrixPayload(index: AttackIndex): MatrixPayload {
  const techniques: Record<string, MatrixTechnique> = {};
  const platforms = new Set<string>();
  const logSourceKeys = new Set<string>();
  for (const t of index.techniques) {
    techniques[t.id] = {
      id: t.id,
      name: t.name,
      platforms: t.platforms,
      tactics: t.tactics,
      parent: t.parent,
      children: t.children,
      logSourceKeys: t.logSourceKeys,
      text: plainText(t.description),
    };
    t.platforms.forEach((p) => platforms.add(p));
    t.logSourceKeys.forEach((k) => logSourceKeys.add(k));
  }
  const tactics: MatrixTactic[] = index.tactics.map((tactic) => ({
    id: tactic.id,
    shortname: tactic.shortname,
    name: tactic.name,
    techniqueIds: index.techniques
      .filter((t) => !t.isSubtechnique && t.tactics.includes(tactic.shortname))
      .sort((a, b) => a.name.localeCompare(b.name, "en"))
      .map((t) => t.id),
  }));
  return {
    version: index.version,
    tactics,
    techniques,
    platforms: [...platforms].sort(),
    logSourceKeys: [...logSourceKeys].sort(),
    retired: index.retired,
  };
}
