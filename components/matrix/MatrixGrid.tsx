"use client";

import { memo, useEffect, useRef, type KeyboardEvent, type MouseEvent } from "react";
import type { MatrixPayload } from "@/lib/attack/types";
import { moveCell, type ColumnModel, type GridMove } from "@/lib/matrix/columns";
import { containsAnyTerm } from "@/lib/matrix/filter";
import type { CellPaint } from "@/lib/matrix/layer-paint";
import { MatrixCell } from "./MatrixCell";

export interface GridHandlers {
  /** A click or Space on a cell: replace, toggle (ctrl/cmd/Space) or extend (shift) the selection. */
  onSelect(cellKey: string, id: string, how: "replace" | "toggle" | "range"): void;
  onOpen(id: string): void;
  onToggleExpand(id: string): void;
  onFocusCell(cellKey: string): void;
  onSelectAllMatching(): void;
  /** Adds a column's shown (not dimmed) techniques to the selection. */
  onSelectColumn(tactic: string): void;
}

interface MatrixGridProps extends GridHandlers {
  payload: MatrixPayload;
  columns: ColumnModel[];
  selection: ReadonlySet<string>;
  focusKey: string | null;
  /** Set when focus must follow focusKey (keyboard moves), not on clicks or filter changes. */
  focusRequest: number;
  terms: readonly string[];
  /** The query the grid currently shows (data attribute read by the UI benchmark). */
  renderedQuery: string;
  paints: ReadonlyMap<string, CellPaint>;
  coverage: Readonly<Record<string, { procedures: number }>> | undefined;
  dense: boolean;
}

const KEY_MOVES: Record<string, GridMove> = {
  ArrowUp: "up",
  ArrowDown: "down",
  ArrowLeft: "left",
  ArrowRight: "right",
  Home: "home",
  End: "end",
  PageUp: "pageUp",
  PageDown: "pageDown",
};

function cellFrom(target: EventTarget): HTMLElement | null {
  return target instanceof Element ? target.closest<HTMLElement>("[data-cell]") : null;
}

/** The grid; memoised so keystrokes that only change the search box do not walk every cell. */
export const MatrixGrid = memo(function MatrixGrid(props: MatrixGridProps) {
  const { payload, columns, selection, focusKey, terms, paints, coverage, dense } = props;
  const gridRef = useRef<HTMLDivElement>(null);
  const rowCount = Math.max(0, ...columns.map((c) => c.cells.length));
  // Dense columns share the width (at least 5.25rem, scrolling below that); wide ones are fixed.
  const minWidth = dense ? 5.25 : 10.5;
  const template = {
    gridTemplateColumns: `repeat(${columns.length}, ${dense ? "minmax(0, 1fr)" : `${minWidth}rem`})`,
  };
  const gridWidth = `max(100%, ${(columns.length * (minWidth + 0.25)).toFixed(2)}rem)`;
  // Roving tabindex: the focused cell, else the first cell, is the grid's single tab stop.
  const tabStop =
    focusKey && columns.some((c) => c.cells.some((cell) => cell.key === focusKey))
      ? focusKey
      : columns.find((c) => c.cells.length)?.cells[0]?.key;

  useEffect(() => {
    if (!props.focusRequest || !focusKey) return;
    const el = gridRef.current?.querySelector<HTMLElement>(`[data-cell="${CSS.escape(focusKey)}"]`);
    el?.focus({ preventScroll: true });
    el?.scrollIntoView({ block: "nearest", inline: "nearest" });
    // Only a new request moves focus; focusKey alone changes on clicks too.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.focusRequest]);

  function onClick(event: MouseEvent<HTMLDivElement>) {
    const toggle =
      event.target instanceof Element ? event.target.closest<HTMLElement>("[data-toggle]") : null;
    if (toggle?.dataset.toggle) {
      props.onToggleExpand(toggle.dataset.toggle);
      return;
    }
    const cell = cellFrom(event.target);
    if (!cell?.dataset.cell || !cell.dataset.technique) return;
    props.onFocusCell(cell.dataset.cell);
    const how = event.shiftKey ? "range" : event.ctrlKey || event.metaKey ? "toggle" : "replace";
    props.onSelect(cell.dataset.cell, cell.dataset.technique, how);
  }

  function onDoubleClick(event: MouseEvent<HTMLDivElement>) {
    const cell = cellFrom(event.target);
    if (cell?.dataset.technique && !(event.target as Element).closest("[data-toggle]"))
      props.onOpen(cell.dataset.technique);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const cell = cellFrom(event.target);
    if (!cell?.dataset.cell || !cell.dataset.technique) return;
    const key = cell.dataset.cell;
    const id = cell.dataset.technique;
    let move = KEY_MOVES[event.key];
    if (move && event.ctrlKey && (move === "home" || move === "end"))
      move = move === "home" ? "first" : "last";
    if (move) {
      event.preventDefault();
      const next = moveCell(columns, key, move);
      if (next) props.onFocusCell(next);
      return;
    }
    if (event.key === "Enter") {
      event.preventDefault();
      props.onOpen(id);
    } else if (event.key === " ") {
      event.preventDefault();
      props.onSelect(key, id, event.shiftKey ? "range" : "toggle");
    } else if (event.key === "+" || event.key === "-" || event.key === "=" || event.key === "e") {
      if (payload.techniques[id]?.children.length) {
        event.preventDefault();
        props.onToggleExpand(id);
      }
    } else if (event.key === "a" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      props.onSelectAllMatching();
    }
  }

  return (
    <div
      ref={gridRef}
      role="grid"
      aria-label="ATT&CK Enterprise matrix"
      aria-rowcount={rowCount + 1}
      aria-colcount={columns.length}
      aria-multiselectable="true"
      data-rendered-query={props.renderedQuery}
      style={{ width: gridWidth }}
      onClick={onClick}
      onDoubleClick={onDoubleClick}
      onKeyDown={onKeyDown}
    >
      <div
        role="row"
        aria-rowindex={1}
        className="sticky top-0 z-20 grid gap-1 bg-slate-100 pb-1 pt-1"
        style={template}
      >
        {columns.map((column, c) => (
          <div
            key={column.tactic.id}
            role="columnheader"
            aria-colindex={c + 1}
            className={`rounded bg-slate-800 py-1 text-white ${dense ? "px-1" : "px-1.5"}`}
            title={`${column.tactic.id} ${column.tactic.name}`}
          >
            <button
              type="button"
              onClick={() => props.onSelectColumn(column.tactic.shortname)}
              title={`Select the techniques shown under ${column.tactic.name}`}
              className={`${dense ? "min-h-[2.2em] text-[10px] leading-tight hyphens-auto break-words" : "truncate text-xs"} block w-full text-left font-semibold hover:underline`}
            >
              {column.tactic.name}
            </button>
            <div
              className="text-[10px] text-slate-300"
              data-tactic-count={column.tactic.shortname}
              title={`${column.techniqueTotal} techniques, ${column.subtechniqueTotal} sub-techniques`}
            >
              {dense
                ? `${column.techniqueTotal} · ${column.subtechniqueTotal} sub`
                : `${column.techniqueTotal} techniques · ${column.subtechniqueTotal} sub`}
              {column.matchCount !== column.techniqueTotal + column.subtechniqueTotal && (
                <span
                  className="ml-1 rounded bg-amber-300 px-1 text-slate-900"
                  title={`${column.matchCount} matching`}
                >
                  {column.matchCount}
                </span>
              )}
            </div>
          </div>
        ))}
      </div>
      {Array.from({ length: rowCount }, (_, r) => (
        <div
          key={r}
          role="row"
          aria-rowindex={r + 2}
          // Rows out of view skip layout and paint until scrolled to.
          className="mb-1 grid gap-1 [contain-intrinsic-block-size:auto_2.75rem] [content-visibility:auto]"
          style={template}
        >
          {columns.map((column, c) => {
            const cell = column.cells[r];
            if (!cell) return <div key={column.tactic.id} role="gridcell" aria-colindex={c + 1} />;
            const technique = payload.techniques[cell.id];
            const labelHit = terms.length > 0 && containsAnyTerm(`${cell.id} ${technique.name}`, terms);
            return (
              <MatrixCell
                key={column.tactic.id}
                cellKey={cell.key}
                id={cell.id}
                name={technique.name}
                isSub={cell.isSub}
                state={cell.state}
                childCount={cell.childCount}
                childMatches={cell.childMatches}
                expanded={cell.expanded}
                selected={selection.has(cell.id)}
                focused={cell.key === tabStop}
                dense={dense}
                terms={labelHit ? terms : null}
                paint={paints.get(cell.key)}
                coverage={coverage?.[cell.id]?.procedures}
                colIndex={c}
              />
            );
          })}
        </div>
      ))}
    </div>
  );
});
