import { logSourceKeys, toLogSource } from "./log-sources";
import { PINNED_ATTACK } from "./pinned";
import { attackRef, type StixAttackPattern, type StixObjects, type StixRelationship } from "./stix";
import type {
  Analytic,
  AttackIndex,
  Citation,
  DetectionStrategy,
  Mitigation,
  RetiredObject,
  Tactic,
  Technique,
} from "./types";

/** Bumped whenever the index shape or the way it is built changes, so stale caches are rebuilt. */
export const INDEX_FORMAT = 1;

const isLive = (o: { revoked?: boolean; x_mitre_deprecated?: boolean }) =>
  !o.revoked && !o.x_mitre_deprecated;

/** Orders ATT&CK ids numerically: T1003 < T1003.001 < T1003.008 < T1005. */
export function compareAttackIds(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true });
}

/**
 * The release: from the collection object, else the bundle id ("bundle--enterprise-attack-18-1-assembled"),
 * else the pinned release when the bytes are exactly its published file.
 */
function attackVersion(stix: StixObjects, bundleSha256: string): string {
  const collection = stix.collections.find((c) => c.x_mitre_version);
  if (collection?.x_mitre_version) return collection.x_mitre_version;
  const match = stix.bundleId?.match(/attack-(\d+)[-.](\d+)/);
  if (match) return `${match[1]}.${match[2]}`;
  return bundleSha256 === PINNED_ATTACK.sha256 ? PINNED_ATTACK.version : "unknown";
}

function tacticsInMatrixOrder(stix: StixObjects): Tactic[] {
  const byStixId = new Map(stix.tactics.filter(isLive).map((t) => [t.id, t]));
  const live = stix.matrices.filter(isLive);
  const matrix = live.find((m) => attackRef(m)?.external_id === "enterprise-attack") ?? live[0];
  const ordered = matrix
    ? matrix.tactic_refs.map((ref) => byStixId.get(ref)).filter((t) => t !== undefined)
    : [...byStixId.values()].sort((a, b) =>
        compareAttackIds(attackRef(a)?.external_id ?? "", attackRef(b)?.external_id ?? ""),
      );
  return ordered.map((t) => {
    const ref = attackRef(t);
    return {
      id: ref?.external_id ?? t.x_mitre_shortname,
      shortname: t.x_mitre_shortname,
      name: t.name,
      description: t.description ?? "",
      url: ref?.url ?? "",
    };
  });
}

function citationsOf(pattern: StixAttackPattern): Citation[] {
  return (pattern.external_references ?? [])
    .filter((r) => r.source_name !== "mitre-attack")
    .map((r) => ({ name: r.source_name, url: r.url ?? null, description: r.description ?? "" }));
}

/** Relationships grouped by type, dropping revoked or deprecated ones. */
function groupRelationships(relationships: StixRelationship[]): Map<string, StixRelationship[]> {
  const groups = new Map<string, StixRelationship[]>();
  for (const r of relationships) {
    if (!isLive(r) && r.relationship_type !== "revoked-by") continue;
    const list = groups.get(r.relationship_type) ?? [];
    list.push(r);
    groups.set(r.relationship_type, list);
  }
  return groups;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Detection strategies (v18 model) per technique STIX id: strategy → analytics → log sources. */
function detectionByTechnique(
  stix: StixObjects,
  detects: StixRelationship[],
): Map<string, DetectionStrategy[]> {
  const componentName = new Map(stix.dataComponents.map((c) => [c.id, c.name]));
  const analytics = new Map<string, Analytic>();
  for (const a of stix.analytics) {
    if (!isLive(a)) continue;
    analytics.set(a.id, {
      id: attackRef(a)?.external_id ?? a.id,
      name: a.name,
      description: a.description ?? "",
      platforms: a.x_mitre_platforms ?? [],
      logSources: (a.x_mitre_log_source_references ?? []).map((ls) =>
        toLogSource(ls.name, ls.channel, componentName.get(ls.x_mitre_data_component_ref ?? "") ?? null),
      ),
      mutableElements: (a.x_mitre_mutable_elements ?? []).map((m) => ({
        field: m.field,
        description: m.description,
      })),
    });
  }
  const strategies = new Map<string, DetectionStrategy>();
  for (const s of stix.detectionStrategies) {
    if (!isLive(s)) continue;
    const ref = attackRef(s);
    strategies.set(s.id, {
      id: ref?.external_id ?? s.id,
      name: s.name,
      url: ref?.url,
      analytics: (s.x_mitre_analytic_refs ?? [])
        .map((id) => analytics.get(id))
        .filter((a) => a !== undefined)
        .sort((a, b) => compareAttackIds(a.id, b.id)),
    });
  }
  const out = new Map<string, DetectionStrategy[]>();
  for (const r of detects) {
    const strategy = strategies.get(r.source_ref);
    if (strategy) pushTo(out, r.target_ref, strategy);
  }
  return out;
}

function mitigationsByTechnique(stix: StixObjects, mitigates: StixRelationship[]): Map<string, Mitigation[]> {
  const courses = new Map(stix.coursesOfAction.filter(isLive).map((c) => [c.id, c]));
  const out = new Map<string, Mitigation[]>();
  for (const r of mitigates) {
    const course = courses.get(r.source_ref);
    if (!course) continue;
    const ref = attackRef(course);
    // The relationship says how the mitigation applies to this technique; fall back to the generic text.
    pushTo(out, r.target_ref, {
      id: ref?.external_id ?? course.id,
      name: course.name,
      description: r.description || course.description || "",
      url: ref?.url ?? "",
    });
  }
  return out;
}

/** Revoked and deprecated techniques by ATT&CK id, each resolved through the revoked-by chain. */
function retiredTechniques(
  patterns: StixAttackPattern[],
  revokedBy: StixRelationship[],
  liveIds: Set<string>,
): Record<string, RetiredObject> {
  const idOf = new Map(patterns.map((p) => [p.id, attackRef(p)?.external_id]));
  const live = new Map(patterns.filter(isLive).map((p) => [p.id, p]));
  const next = new Map(revokedBy.map((r) => [r.source_ref, r.target_ref]));
  const retired: Record<string, RetiredObject> = {};
  for (const p of patterns) {
    const id = idOf.get(p.id);
    if (isLive(p) || !id || liveIds.has(id)) continue;
    let target = next.get(p.id);
    const seen = new Set<string>([p.id]);
    while (target && !live.has(target) && !seen.has(target)) {
      seen.add(target);
      target = next.get(target);
    }
    const replacement = target && live.has(target) ? (idOf.get(target) ?? null) : null;
    retired[id] = { id, name: p.name, reason: p.revoked ? "revoked" : "deprecated", replacedBy: replacement };
  }
  return retired;
}

/** Converts validated STIX objects into the compact index (the one STIX → domain boundary). */
export function buildIndex(stix: StixObjects, bundleSha256: string): AttackIndex {
  const tactics = tacticsInMatrixOrder(stix);
  const tacticOrder = new Map(tactics.map((t, i) => [t.shortname, i]));
  const relations = groupRelationships(stix.relationships);
  const detection = detectionByTechnique(stix, relations.get("detects") ?? []);
  const mitigation = mitigationsByTechnique(stix, relations.get("mitigates") ?? []);

  const live = stix.attackPatterns.filter((p) => isLive(p) && attackRef(p));
  const idByStix = new Map(live.map((p) => [p.id, attackRef(p)!.external_id!]));
  const parentOf = new Map<string, string>();
  for (const r of relations.get("subtechnique-of") ?? []) {
    const child = idByStix.get(r.source_ref);
    const parent = idByStix.get(r.target_ref);
    if (child && parent) parentOf.set(child, parent);
  }
  const childrenOf = new Map<string, string[]>();
  for (const [child, parent] of parentOf) pushTo(childrenOf, parent, child);

  const techniques: Technique[] = live.map((p) => {
    const ref = attackRef(p)!;
    const id = ref.external_id!;
    const detectionStrategies = (detection.get(p.id) ?? []).sort((a, b) => compareAttackIds(a.id, b.id));
    const keys = new Set(
      detectionStrategies.flatMap((d) => d.analytics.flatMap((a) => a.logSources.flatMap(logSourceKeys))),
    );
    return {
      id,
      stixId: p.id,
      name: p.name,
      description: p.description ?? "",
      platforms: [...(p.x_mitre_platforms ?? [])].sort(),
      tactics: [
        ...new Set(
          (p.kill_chain_phases ?? [])
            .filter((k) => k.kill_chain_name === "mitre-attack")
            .map((k) => k.phase_name),
        ),
      ]
        .filter((t) => tacticOrder.has(t))
        .sort((a, b) => tacticOrder.get(a)! - tacticOrder.get(b)!),
      // Bundles without x_mitre_is_subtechnique: the dotted id tells.
      isSubtechnique: p.x_mitre_is_subtechnique ?? id.includes("."),
      parent: parentOf.get(id) ?? null,
      children: (childrenOf.get(id) ?? []).sort(compareAttackIds),
      url: ref.url ?? "",
      citations: citationsOf(p),
      detectionStrategies,
      mitigations: (mitigation.get(p.id) ?? []).sort((a, b) => compareAttackIds(a.id, b.id)),
      logSourceKeys: [...keys].sort(),
    };
  });
  techniques.sort((a, b) => compareAttackIds(a.id, b.id));
  const liveIds = new Set(techniques.map((t) => t.id));

  return {
    version: attackVersion(stix, bundleSha256),
    bundleSha256,
    tactics,
    techniques,
    retired: retiredTechniques(stix.attackPatterns, relations.get("revoked-by") ?? [], liveIds),
  };
}
