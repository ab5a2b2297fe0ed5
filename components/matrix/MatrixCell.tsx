"use client";

import { memo } from "react";
import { highlightSegments } from "@/lib/matrix/filter";
import type { CellState } from "@/lib/matrix/columns";
import type { CellPaint } from "@/lib/matrix/layer-paint";

export interface MatrixCellProps {
  cellKey: string;
  id: string;
  name: string;
  isSub: boolean;
  state: CellState;
  childCount: number;
  /** Matching sub-techniques, flagged on a collapsed parent. */
  childMatches: number;
  expanded: boolean;
  selected: boolean;
  focused: boolean;
  dense: boolean;
  /** Lower-cased search terms, only passed when they occur in the id or name (keeps other cells memoised). */
  terms: readonly string[] | null;
  paint: CellPaint | undefined;
  /** Procedures count from the optional coverage overlay. */
  coverage: number | undefined;
  colIndex: number;
}

// Without a layer colour, states are plain colours: hundreds of semi-transparent cells are slow to paint.
const stateClass: Record<CellState, string> = {
  plain: "bg-white border-slate-300",
  match: "bg-amber-50 border-amber-500",
  context: "bg-slate-50 border-slate-300 text-slate-600",
  miss: "bg-slate-50 border-slate-200 text-slate-400",
};

const paintedStateClass: Record<CellState, string> = {
  plain: "border-slate-300",
  match: "border-amber-500 ring-2 ring-inset ring-amber-400",
  context: "border-slate-300 opacity-70",
  miss: "border-slate-200 opacity-30",
};

function Label({ text, terms }: { text: string; terms: readonly string[] | null }) {
  if (!terms) return <>{text}</>;
  return (
    <>
      {highlightSegments(text, terms).map((segment, i) =>
        segment.hit ? (
          <mark key={i} className="rounded-sm bg-amber-200 px-0 text-inherit">
            {segment.text}
          </mark>
        ) : (
          segment.text
        ),
      )}
    </>
  );
}

/** One technique in one tactic column. Events are handled by the grid (delegation) so cells stay memoised. */
export const MatrixCell = memo(function MatrixCell(props: MatrixCellProps) {
  const {
    id,
    name,
    isSub,
    state,
    childCount,
    childMatches,
    expanded,
    selected,
    focused,
    dense,
    terms,
    paint,
    coverage,
  } = props;
  const background = paint?.background ?? undefined;
  // The focus outline (global :focus-visible rule) is drawn inside the cell: rows clip what pokes out.
  const style = background
    ? {
        backgroundColor: background,
        color: paint?.color ?? undefined,
        outlineOffset: "-3px",
        outlineWidth: "3px",
      }
    : { outlineOffset: "-3px", outlineWidth: "3px" };
  const title = [`${id} ${name}`, ...(paint?.notes ?? []), coverage ? `Coverage: ${coverage} procedures` : ""]
    .filter(Boolean)
    .join("\n");
  return (
    <div
      role="gridcell"
      aria-colindex={props.colIndex + 1}
      aria-selected={selected}
      aria-expanded={childCount ? expanded : undefined}
      tabIndex={focused ? 0 : -1}
      data-cell={props.cellKey}
      data-technique={id}
      data-state={state}
      title={title}
      style={style}
      className={[
        // Size containment: a highlight inside one cell never re-lays out the grid (cells have fixed height).
        "group relative flex cursor-pointer select-none items-stretch rounded border text-left [contain:size_layout_style]",
        dense ? "h-11 text-[10.5px] leading-[1.2]" : "h-11 text-xs leading-tight",
        isSub ? (dense ? "ml-1.5" : "ml-3") : "",
        background
          ? paintedStateClass[state]
          : isSub && state === "plain"
            ? "border-slate-200 bg-slate-50"
            : stateClass[state],
        selected ? "shadow-[inset_0_0_0_2px_#2563eb]" : "",
        paint?.disabled ? "opacity-40 line-through decoration-slate-500" : "",
      ].join(" ")}
    >
      <span className="flex min-w-0 flex-1 flex-col justify-center px-1 py-0.5">
        {!dense && (
          <span className="font-mono text-[9.5px] opacity-70">
            <Label text={isSub ? id.slice(5) : id} terms={terms} />
          </span>
        )}
        <span className={`${dense ? "line-clamp-3 hyphens-auto" : "line-clamp-2"} break-words font-medium`}>
          {dense && isSub && <span className="font-mono text-[9px] opacity-70">{id.slice(5)} </span>}
          <Label text={name} terms={terms} />
        </span>
        {coverage ? (
          <span className="absolute bottom-0.5 right-0.5 rounded bg-emerald-600 px-1 text-[9px] leading-tight text-white">
            {coverage}
          </span>
        ) : null}
      </span>
      {childCount > 0 && (
        <button
          type="button"
          tabIndex={-1}
          data-toggle={id}
          aria-label={`${expanded ? "Hide" : "Show"} ${childCount} sub-techniques of ${id}`}
          className={`${dense ? "w-4" : "w-6"} flex shrink-0 items-center justify-center border-l border-slate-200/80 font-mono text-[10px] text-slate-600 hover:bg-slate-200/60`}
        >
          {expanded ? (
            "−"
          ) : childMatches > 0 ? (
            <span
              className="rounded-sm bg-amber-300 px-0.5 text-slate-900"
              title={`${childMatches} matching sub-techniques`}
            >
              {childMatches}
            </span>
          ) : (
            childCount
          )}
        </button>
      )}
    </div>
  );
});
