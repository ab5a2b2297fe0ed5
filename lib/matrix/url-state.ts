/** The matrix view state that lives in the URL, so a view can be shared and survives a reload. */

const TECHNIQUE_ID = /^T\d{4}(?:\.\d{3})?$/;
const MAX_IDS = 1000;

export type FilterMode = "dim" | "hide";

export interface MatrixUrlState {
  /** Selected technique ids, sorted. */
  selection: string[];
  /** Technique whose details are open (may be unknown: the drawer says so). */
  open: string | null;
  query: string;
  platforms: string[];
  logSource: string;
  mode: FilterMode;
}

export type SearchParamsRecord = Record<string, string | string[] | undefined>;

export function isTechniqueId(value: string): boolean {
  return TECHNIQUE_ID.test(value);
}

/** Orders T1003 < T1003.001 < T1059 numerically. */
export function compareTechniqueIds(a: string, b: string): number {
  const [pa, sa = ""] = a.split(".");
  const [pb, sb = ""] = b.split(".");
  return pa === pb ? sa.localeCompare(sb) : pa.localeCompare(pb);
}

/** Parses "T1059.001,t1003.001 T1059/001" → valid ids (upper-cased, deduplicated, sorted) and the rejected tokens. */
export function parseIdList(raw: string | null | undefined): { ids: string[]; rejected: string[] } {
  const ids = new Set<string>();
  const rejected: string[] = [];
  for (const token of (raw ?? "").split(/[\s,]+/)) {
    if (!token) continue;
    const id = token.toUpperCase().replace("/", ".");
    if (TECHNIQUE_ID.test(id) && ids.size < MAX_IDS) ids.add(id);
    else rejected.push(token.slice(0, 40));
  }
  return { ids: [...ids].sort(compareTechniqueIds), rejected };
}

export function formatIdList(ids: Iterable<string>): string {
  return [...new Set(ids)].sort(compareTechniqueIds).join(",");
}

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

export function readUrlState(params: SearchParamsRecord): MatrixUrlState {
  const open = first(params.open).trim().toUpperCase().slice(0, 40);
  return {
    selection: parseIdList(first(params.sel)).ids,
    open: open || null,
    query: first(params.q).slice(0, 200),
    platforms: first(params.platforms)
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean),
    logSource: first(params.ls).slice(0, 200),
    mode: first(params.mode) === "hide" ? "hide" : "dim",
  };
}

/** The query string for a state; default values are left out so links stay short. */
export function writeUrlState(state: MatrixUrlState): string {
  const params = new URLSearchParams();
  if (state.selection.length) params.set("sel", formatIdList(state.selection));
  if (state.open) params.set("open", state.open);
  if (state.query) params.set("q", state.query);
  if (state.platforms.length) params.set("platforms", state.platforms.join(","));
  if (state.logSource) params.set("ls", state.logSource);
  if (state.mode === "hide") params.set("mode", "hide");
  // Commas and dots are safe in a query string; keep ids readable.
  return params.toString().replace(/%2C/g, ",");
}

/** Ids between anchor and target (inclusive) in the given order; just the target when the anchor is not there. */
export function rangeBetween(order: readonly string[], anchor: string | null, target: string): string[] {
  const to = order.indexOf(target);
  const from = anchor ? order.indexOf(anchor) : -1;
  if (to < 0) return [];
  if (from < 0) return [target];
  const [lo, hi] = from <= to ? [from, to] : [to, from];
  return order.slice(lo, hi + 1);
}

/** Ids from a link checked against the matrix: revoked ids become their replacements, unknown ones are listed. */
export function resolveLinkedIds(
  ids: readonly string[],
  known: { techniques: Record<string, unknown>; retired?: Record<string, { replacedBy: string | null }> },
): { ids: string[]; remapped: [string, string][]; unknown: string[] } {
  const out = new Set<string>();
  const remapped: [string, string][] = [];
  const unknown: string[] = [];
  for (const id of ids) {
    const replacement = known.retired?.[id]?.replacedBy;
    if (known.techniques[id]) out.add(id);
    else if (replacement && known.techniques[replacement]) {
      out.add(replacement);
      remapped.push([id, replacement]);
    } else unknown.push(id);
  }
  return { ids: [...out].sort(compareTechniqueIds), remapped, unknown };
}
