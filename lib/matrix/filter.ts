import type { MatrixPayload } from "@/lib/attack/types";

/** Lower-cased search text per technique, built once so a keystroke only runs `includes`. */
export interface SearchIndex {
  entries: SearchEntry[];
}

interface SearchEntry {
  id: string;
  isSub: boolean;
  /** "t1059.001\npowershell" — the part shown in a cell. */
  label: string;
  haystack: string;
  platforms: ReadonlySet<string>;
  logSources: string[];
}

export interface MatrixFilter {
  query: string;
  platforms: readonly string[];
  logSource: string;
}

export interface FilterResult {
  /** True when any filter is set; otherwise every technique counts as matching. */
  active: boolean;
  /** True when the text query or the log-source filter is set (these open matching sub-techniques). */
  narrowing: boolean;
  matched: ReadonlySet<string>;
  /**
   * Matching sub-techniques whose parent should open by itself: those whose id or name matches the text query
   * (a description-only hit would open half the matrix for a common word), or all matches of a log-source filter.
   */
  reveal: ReadonlySet<string>;
  techniqueCount: number;
  subtechniqueCount: number;
}

export function buildSearchIndex(payload: MatrixPayload): SearchIndex {
  return {
    entries: Object.values(payload.techniques).map((t) => ({
      id: t.id,
      isSub: t.parent !== null,
      label: `${t.id}\n${t.name}`.toLowerCase(),
      haystack: `${t.id}\n${t.name}\n${t.text}`.toLowerCase(),
      platforms: new Set(t.platforms),
      logSources: t.logSourceKeys.map((k) => k.toLowerCase()),
    })),
  };
}

/** Splits a query into lower-cased terms; "double quotes" keep a phrase together. All terms must match. */
export function parseQuery(query: string): string[] {
  const terms: string[] = [];
  for (const m of query.toLowerCase().matchAll(/"([^"]+)"|(\S+)/g)) {
    const term = (m[1] ?? m[2] ?? "").trim();
    if (term && !terms.includes(term)) terms.push(term);
  }
  return terms.slice(0, 8);
}

/**
 * True when a log-source key matches the filter text: "sysmon eventcode 10" matches
 * "winEventLog:sysmon eventcode 10" but not "… eventcode 100".
 */
export function logSourceMatches(key: string, filter: string): boolean {
  let from = key.indexOf(filter);
  while (from >= 0) {
    const next = key.charAt(from + filter.length);
    if (!/\d/.test(next) || !/\d$/.test(filter)) return true;
    from = key.indexOf(filter, from + 1);
  }
  return false;
}

/**
 * Whether a term is specific enough to open a sub-technique's parent: an id prefix of at least "t1003", or
 * three or more letters of its name ("t" or "p" alone would open every parent).
 */
function revealsBy(entry: SearchEntry, term: string): boolean {
  if (/^t\d/.test(term)) return term.length >= 5 && entry.label.startsWith(term);
  return term.length >= 3 && entry.label.includes(term);
}

export function filterTechniques(index: SearchIndex, filter: MatrixFilter): FilterResult {
  const terms = parseQuery(filter.query);
  const platforms = filter.platforms;
  const logSource = filter.logSource.trim().toLowerCase();
  const active = terms.length > 0 || platforms.length > 0 || logSource !== "";
  const matched = new Set<string>();
  const reveal = new Set<string>();
  let techniqueCount = 0;
  let subtechniqueCount = 0;
  for (const entry of index.entries) {
    if (terms.length && !terms.every((term) => entry.haystack.includes(term))) continue;
    if (platforms.length && !platforms.some((p) => entry.platforms.has(p))) continue;
    if (logSource && !entry.logSources.some((k) => logSourceMatches(k, logSource))) continue;
    matched.add(entry.id);
    if (entry.isSub) {
      subtechniqueCount++;
      if (terms.length ? terms.every((term) => revealsBy(entry, term)) : logSource !== "")
        reveal.add(entry.id);
    } else techniqueCount++;
  }
  return {
    active,
    narrowing: terms.length > 0 || logSource !== "",
    matched,
    reveal,
    techniqueCount,
    subtechniqueCount,
  };
}

export interface TextSegment {
  text: string;
  hit: boolean;
}

/** Splits text into plain and highlighted segments for the given lower-cased terms (overlaps merged). */
export function highlightSegments(text: string, terms: readonly string[]): TextSegment[] {
  if (!terms.length || !text) return [{ text, hit: false }];
  const lower = text.toLowerCase();
  const marks = new Uint8Array(text.length);
  let any = false;
  for (const term of terms) {
    for (let at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + 1)) {
      marks.fill(1, at, at + term.length);
      any = true;
    }
  }
  if (!any) return [{ text, hit: false }];
  const segments: TextSegment[] = [];
  let start = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i === text.length || marks[i] !== marks[start]) {
      segments.push({ text: text.slice(start, i), hit: marks[start] === 1 });
      start = i;
    }
  }
  return segments;
}

/** True when any term occurs in the text (used to decide whether a cell's label needs highlighting). */
export function containsAnyTerm(text: string, terms: readonly string[]): boolean {
  const lower = text.toLowerCase();
  return terms.some((t) => lower.includes(t));
}
