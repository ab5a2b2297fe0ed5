import type { MatrixPayload, MatrixTactic } from "@/lib/attack/types";
import type { FilterResult } from "./filter";
import type { FilterMode } from "./url-state";

/** How a cell relates to the active filters. */
export type CellState =
  /** No filter is active. */
  | "plain"
  | "match"
  /** Does not match itself, shown because one of its sub-techniques matches. */
  | "context"
  /** Does not match (dimmed; only seen in "dim" mode). */
  | "miss";

export interface CellModel {
  /** Unique per cell: a technique appears once per tactic. */
  key: string;
  id: string;
  tactic: string;
  isSub: boolean;
  state: CellState;
  /** Sub-techniques under this tactic (0 for sub-techniques). */
  childCount: number;
  /** Of those, how many match the active filters (shown on collapsed parents). */
  childMatches: number;
  expanded: boolean;
}

export interface ColumnModel {
  tactic: MatrixTactic;
  cells: CellModel[];
  techniqueTotal: number;
  subtechniqueTotal: number;
  /** Techniques and sub-techniques of this column that match the filters. */
  matchCount: number;
}

export interface ColumnOptions {
  result: FilterResult;
  mode: FilterMode;
  /** Parent ids the user (or a layer) expanded. */
  expanded: ReadonlySet<string>;
  /** Order of techniques in a column (sub-techniques stay under their parent, by id). Default: name. */
  sort?: ColumnSort;
  /** Layer score of a cell ("tactic:id"), for the score orders. */
  scoreOf?: (cellKey: string) => number | null;
  /** Cells ("tactic:id") to leave out whatever the filters say (disabled in a hideDisabled layer). */
  omit?: ReadonlySet<string>;
}

/** Navigator's sorting values 0–3. */
export type ColumnSort = "name" | "name-desc" | "score" | "score-desc";

function orderedParents(
  ids: readonly string[],
  tactic: string,
  sort: ColumnSort,
  scoreOf: ((cellKey: string) => number | null) | undefined,
): readonly string[] {
  if (sort === "name") return ids;
  if (sort === "name-desc") return [...ids].reverse();
  const score = (id: string) => scoreOf?.(cellKey(tactic, id)) ?? null;
  // Unscored techniques go last in both directions; ties keep name order.
  return [...ids].sort((a, b) => {
    const sa = score(a);
    const sb = score(b);
    if (sa === null || sb === null) return sa === null ? (sb === null ? 0 : 1) : -1;
    return sort === "score" ? sa - sb : sb - sa;
  });
}

export function cellKey(tactic: string, id: string): string {
  return `${tactic}:${id}`;
}

export function buildColumns(payload: MatrixPayload, options: ColumnOptions): ColumnModel[] {
  const { result, mode, expanded, sort = "name", scoreOf, omit } = options;
  const isMatch = (id: string) => !result.active || result.matched.has(id);
  return payload.tactics.map((tactic) => {
    const cells: CellModel[] = [];
    let subtechniqueTotal = 0;
    let matchCount = 0;
    for (const parentId of orderedParents(tactic.techniqueIds, tactic.shortname, sort, scoreOf)) {
      const parent = payload.techniques[parentId];
      if (!parent) continue;
      const kids = parent.children.filter((id) => {
        const kid = payload.techniques[id];
        return kid !== undefined && (kid.tactics.length === 0 || kid.tactics.includes(tactic.shortname));
      });
      subtechniqueTotal += kids.length;
      const parentMatches = isMatch(parentId);
      const matchingKids = kids.filter(isMatch);
      if (result.active) matchCount += (parentMatches ? 1 : 0) + matchingKids.length;
      const visible =
        !omit?.has(cellKey(tactic.shortname, parentId)) &&
        (mode === "dim" || !result.active || parentMatches || matchingKids.length > 0);
      if (!visible) continue;
      const open = expanded.has(parentId) || kids.some((id) => result.reveal.has(id));
      const state: CellState = !result.active
        ? "plain"
        : parentMatches
          ? "match"
          : matchingKids.length > 0
            ? "context"
            : "miss";
      cells.push({
        key: cellKey(tactic.shortname, parentId),
        id: parentId,
        tactic: tactic.shortname,
        isSub: false,
        state,
        childCount: kids.length,
        childMatches: result.active ? matchingKids.length : 0,
        expanded: open && kids.length > 0,
      });
      if (!open) continue;
      for (const kidId of kids) {
        const kidMatches = isMatch(kidId);
        if (mode === "hide" && result.active && !kidMatches) continue;
        if (omit?.has(cellKey(tactic.shortname, kidId))) continue;
        cells.push({
          key: cellKey(tactic.shortname, kidId),
          id: kidId,
          tactic: tactic.shortname,
          isSub: true,
          state: !result.active ? "plain" : kidMatches ? "match" : "miss",
          childCount: 0,
          childMatches: 0,
          expanded: false,
        });
      }
    }
    return {
      tactic,
      cells,
      techniqueTotal: tactic.techniqueIds.length,
      subtechniqueTotal,
      matchCount: result.active ? matchCount : tactic.techniqueIds.length + subtechniqueTotal,
    };
  });
}

/** Parent ids that have sub-techniques (for "expand all"). */
export function expandableIds(payload: MatrixPayload): string[] {
  return Object.values(payload.techniques)
    .filter((t) => t.parent === null && t.children.length > 0)
    .map((t) => t.id);
}

/** Cell position for keyboard moves: [column, row] of a key, or null. */
export function locateCell(columns: readonly ColumnModel[], key: string): [number, number] | null {
  for (let c = 0; c < columns.length; c++) {
    const r = columns[c].cells.findIndex((cell) => cell.key === key);
    if (r >= 0) return [c, r];
  }
  return null;
}

export type GridMove =
  "up" | "down" | "left" | "right" | "home" | "end" | "pageUp" | "pageDown" | "first" | "last";

/** The key of the cell a keyboard move lands on; empty columns are skipped, rows are clamped. */
export function moveCell(
  columns: readonly ColumnModel[],
  from: string | null,
  move: GridMove,
): string | null {
  const firstCell = columns.find((c) => c.cells.length > 0)?.cells[0]?.key ?? null;
  const at = from ? locateCell(columns, from) : null;
  if (!at) return firstCell;
  const [c, r] = at;
  const column = columns[c].cells;
  const clampRow = (cells: CellModel[]) => cells[Math.min(r, cells.length - 1)].key;
  switch (move) {
    case "up":
      return column[Math.max(0, r - 1)].key;
    case "down":
      return column[Math.min(column.length - 1, r + 1)].key;
    case "pageUp":
      return column[Math.max(0, r - 10)].key;
    case "pageDown":
      return column[Math.min(column.length - 1, r + 10)].key;
    case "home":
      return column[0].key;
    case "end":
      return column[column.length - 1].key;
    case "first":
      return firstCell;
    case "last": {
      const last = [...columns].reverse().find((col) => col.cells.length > 0);
      return last ? last.cells[last.cells.length - 1].key : null;
    }
    case "left":
    case "right": {
      const step = move === "left" ? -1 : 1;
      for (let next = c + step; next >= 0 && next < columns.length; next += step) {
        if (columns[next].cells.length) return clampRow(columns[next].cells);
      }
      return from;
    }
  }
}

/** Cells in reading order (column by column), for shift-click ranges. */
export function readingOrder(columns: readonly ColumnModel[]): CellModel[] {
  return columns.flatMap((column) => column.cells);
}
