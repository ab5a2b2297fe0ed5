import { compareAttackIds } from "./build-index";
import { excerpt, plainText } from "./text";
import type { AttackIndex, RetiredObject, Technique } from "./types";

/** Accepts "t1059.001", " T1059/001 " and returns "T1059.001"; null when it is not an ATT&CK technique id. */
export function normaliseTechniqueId(raw: string): string | null {
  const id = raw.trim().toUpperCase().replace("/", ".");
  return /^T\d{4}(\.\d{3})?$/.test(id) ? id : null;
}

interface Lookup {
  byId: Map<string, Technique>;
  /** Lower-cased id, name and plain description per technique, for search. */
  haystacks: { technique: Technique; id: string; name: string; text: string; plain: string }[];
}

const lookups = new WeakMap<AttackIndex, Lookup>();

function lookup(index: AttackIndex): Lookup {
  let found = lookups.get(index);
  if (!found) {
    found = {
      byId: new Map(index.techniques.map((t) => [t.id, t])),
      haystacks: index.techniques.map((t) => {
        const plain = plainText(t.description);
        return {
          technique: t,
          id: t.id.toLowerCase(),
          name: t.name.toLowerCase(),
          text: plain.toLowerCase(),
          plain,
        };
      }),
    };
    lookups.set(index, found);
  }
  return found;
}

export type TechniqueLookup =
  | { kind: "live"; technique: Technique }
  | { kind: "retired"; retired: RetiredObject; replacement: Technique | null }
  | { kind: "unknown"; id: string };

/** Finds a technique by id; a revoked or deprecated id resolves to its replacement when there is one. */
export function findTechnique(index: AttackIndex, rawId: string): TechniqueLookup {
  const id = normaliseTechniqueId(rawId) ?? rawId.trim();
  const technique = lookup(index).byId.get(id);
  if (technique) return { kind: "live", technique };
  const retired = index.retired[id];
  if (retired) {
    const replacement = retired.replacedBy ? (lookup(index).byId.get(retired.replacedBy) ?? null) : null;
    return { kind: "retired", retired, replacement };
  }
  return { kind: "unknown", id };
}

type Field = "id" | "name" | "description";

export interface SearchHit {
  id: string;
  name: string;
  parent: string | null;
  tactics: string[];
  platforms: string[];
  score: number;
  /** Where the query matched: id, name or description. */
  matchedIn: Field[];
  /** Plain-text excerpt around the first description match (or the start of the description). */
  snippet: string;
}

interface Term {
  text: string;
  wordStart: RegExp;
}

function prepareTerm(raw: string): Term {
  const text = normaliseTechniqueId(raw)?.toLowerCase() ?? raw;
  return { text, wordStart: new RegExp(`(^|[^a-z0-9])${escapeRegExp(text)}`) };
}

function termScore(
  h: Lookup["haystacks"][number],
  { text: term, wordStart }: Term,
  fields: Set<Field>,
): number {
  const idScore = h.id === term ? 1000 : h.id.startsWith(term) ? 400 : 0;
  const nameScore = h.name === term ? 300 : wordStart.test(h.name) ? 150 : h.name.includes(term) ? 80 : 0;
  if (idScore) fields.add("id");
  if (nameScore) fields.add("name");
  let score = idScore + nameScore;
  const inText = h.text.includes(term);
  if (inText) {
    fields.add("description");
    score += 10 + Math.min(10, h.text.split(term).length - 1);
  }
  return score;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function snippetAround(plain: string, term: string): string {
  const at = plain.toLowerCase().indexOf(term);
  if (at < 0) return excerpt(plain, 160);
  const start = Math.max(0, plain.lastIndexOf(" ", Math.max(0, at - 60)) + 1);
  const text = plain.slice(start, start + 200);
  return `${start > 0 ? "…" : ""}${excerpt(text, 180)}`;
}

/**
 * Ranked search over id, name and description. Every word of the query must match somewhere; an id match
 * beats a name match, which beats a description match. Ties break on id order.
 */
export function searchTechniques(index: AttackIndex, query: string, limit = Infinity): SearchHit[] {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean).map(prepareTerm);
  if (terms.length === 0) return [];
  const whole = query.trim().toLowerCase();
  const hits: SearchHit[] = [];
  for (const h of lookup(index).haystacks) {
    const fields = new Set<Field>();
    let score = 0;
    let all = true;
    for (const term of terms) {
      const s = termScore(h, term, fields);
      if (s === 0) {
        all = false;
        break;
      }
      score += s;
    }
    if (!all) continue;
    if (terms.length > 1 && h.name.includes(whole)) score += 200;
    const t = h.technique;
    hits.push({
      id: t.id,
      name: t.name,
      parent: t.parent,
      tactics: t.tactics,
      platforms: t.platforms,
      score,
      matchedIn: (["id", "name", "description"] as const).filter((f) => fields.has(f)),
      snippet: snippetAround(h.plain, terms[0].text),
    });
  }
  hits.sort((a, b) => b.score - a.score || compareAttackIds(a.id, b.id));
  return hits.slice(0, limit);
}

export interface TechniqueFilter {
  platform?: string;
  tactic?: string;
}

/** Every platform named by a live technique, sorted. */
export function platformsOf(index: AttackIndex): string[] {
  return [...new Set(index.techniques.flatMap((t) => t.platforms))].sort();
}

/** The canonical platform name for a case-insensitive input ("windows" → "Windows"), or null. */
export function resolvePlatform(index: AttackIndex, raw: string): string | null {
  const wanted = raw.trim().toLowerCase();
  return platformsOf(index).find((p) => p.toLowerCase() === wanted) ?? null;
}

/** The tactic shortname for a shortname, id or name ("TA0002", "Execution" → "execution"), or null. */
export function resolveTactic(index: AttackIndex, raw: string): string | null {
  const wanted = raw.trim().toLowerCase();
  const tactic = index.tactics.find(
    (t) => t.shortname === wanted || t.id.toLowerCase() === wanted || t.name.toLowerCase() === wanted,
  );
  return tactic?.shortname ?? null;
}

/** Techniques and sub-techniques on a platform and/or in a tactic (already resolved names), in id order. */
export function filterTechniques(index: AttackIndex, filter: TechniqueFilter): Technique[] {
  return index.techniques.filter(
    (t) =>
      (!filter.platform || t.platforms.includes(filter.platform)) &&
      (!filter.tactic || t.tactics.includes(filter.tactic)),
  );
}
