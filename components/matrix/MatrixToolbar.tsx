"use client";

import { memo, type RefObject } from "react";
import type { MatrixPayload } from "@/lib/attack/types";
import type { ColumnSort } from "@/lib/matrix/columns";
import type { FilterMode } from "@/lib/matrix/url-state";

interface MatrixToolbarProps {
  payload: MatrixPayload;
  searchRef: RefObject<HTMLInputElement | null>;
  query: string;
  onQuery(value: string): void;
  platforms: string[];
  onPlatforms(value: string[]): void;
  logSource: string;
  onLogSource(value: string): void;
  mode: FilterMode;
  onMode(value: FilterMode): void;
  dense: boolean;
  onDense(value: boolean): void;
  sort: ColumnSort;
  onSort(value: ColumnSort): void;
  filterActive: boolean;
  matchText: string;
  onExpandAll(): void;
  onCollapseAll(): void;
  onSelectAllMatching(): void;
  onClearFilters(): void;
}

/** ~400 options: kept out of the per-keystroke render. */
const LogSourceOptions = memo(function LogSourceOptions({ keys }: { keys: string[] }) {
  return (
    <datalist id="matrix-logsources">
      {keys.map((key) => (
        <option key={key} value={key} />
      ))}
    </datalist>
  );
});

const button =
  "rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-40";

export function MatrixToolbar({ searchRef, ...props }: MatrixToolbarProps) {
  const { payload, platforms } = props;
  const togglePlatform = (p: string) =>
    props.onPlatforms(platforms.includes(p) ? platforms.filter((x) => x !== p) : [...platforms, p]);
  return (
    <div className="space-y-2 px-4 pb-2 pt-3">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <h1 className="mr-1 text-lg font-semibold tracking-tight">
          ATT&amp;CK Enterprise <span className="font-normal text-slate-500">v{payload.version}</span>
        </h1>
        <div className="relative min-w-[14rem] flex-1 sm:max-w-md">
          <label htmlFor="matrix-search" className="sr-only">
            Search techniques by ID, name or description
          </label>
          <input
            id="matrix-search"
            ref={searchRef}
            type="search"
            value={props.query}
            onChange={(e) => props.onQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Escape") props.onQuery("");
            }}
            placeholder="Search ID, name, description…  ( / )"
            autoComplete="off"
            spellCheck={false}
            className="w-full rounded border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm"
          />
        </div>
        <div className="min-w-[14rem] flex-1 sm:max-w-xs">
          <label htmlFor="matrix-logsource" className="sr-only">
            Log source (from ATT&amp;CK v18 analytics)
          </label>
          <input
            id="matrix-logsource"
            list="matrix-logsources"
            value={props.logSource}
            onChange={(e) => props.onLogSource(e.target.value)}
            placeholder="Log source, e.g. Sysmon EventCode 10"
            autoComplete="off"
            spellCheck={false}
            className="w-full rounded border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm"
          />
          <LogSourceOptions keys={payload.logSourceKeys} />
        </div>
        <p className="text-sm text-slate-600" role="status" aria-live="polite" data-testid="match-count">
          {props.matchText}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-1.5" role="group" aria-label="Platforms">
        <span className="mr-1 text-xs font-medium uppercase tracking-wide text-slate-500">Platforms</span>
        {payload.platforms.map((p) => (
          <button
            key={p}
            type="button"
            aria-pressed={platforms.includes(p)}
            onClick={() => togglePlatform(p)}
            className={`rounded-full border px-2.5 py-0.5 text-xs ${
              platforms.includes(p)
                ? "border-blue-600 bg-blue-600 text-white"
                : "border-slate-300 bg-white text-slate-700 hover:border-slate-400"
            }`}
          >
            {p}
          </button>
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-1.5">
        <div
          className="inline-flex overflow-hidden rounded border border-slate-300"
          role="group"
          aria-label="Non-matching cells"
        >
          {(["dim", "hide"] as const).map((m) => (
            <button
              key={m}
              type="button"
              aria-pressed={props.mode === m}
              onClick={() => props.onMode(m)}
              className={`px-2 py-1 text-xs ${props.mode === m ? "bg-slate-800 text-white" : "bg-white text-slate-700"}`}
            >
              {m === "dim" ? "Dim non-matching" : "Hide non-matching"}
            </button>
          ))}
        </div>
        <button type="button" className={button} onClick={props.onExpandAll}>
          Expand all
        </button>
        <button type="button" className={button} onClick={props.onCollapseAll}>
          Collapse all
        </button>
        <button
          type="button"
          className={button}
          onClick={props.onSelectAllMatching}
          disabled={!props.filterActive}
        >
          Select all matching
        </button>
        <button
          type="button"
          className={button}
          onClick={props.onClearFilters}
          disabled={!props.filterActive}
        >
          Clear filters
        </button>
        <label className="inline-flex items-center gap-1 text-xs text-slate-700">
          Sort
          <select
            value={props.sort}
            onChange={(e) => props.onSort(e.target.value as ColumnSort)}
            className="rounded border border-slate-300 bg-white px-1 py-0.5"
          >
            <option value="name">Name A→Z</option>
            <option value="name-desc">Name Z→A</option>
            <option value="score">Layer score ↑</option>
            <option value="score-desc">Layer score ↓</option>
          </select>
        </label>
        <label className="ml-1 inline-flex items-center gap-1 text-xs text-slate-700">
          <input type="checkbox" checked={!props.dense} onChange={(e) => props.onDense(!e.target.checked)} />
          Wide columns
        </label>
        <span className="ml-auto hidden text-[11px] text-slate-500 xl:inline">
          Click selects · Ctrl/⌘-click adds · Shift-click extends · double-click or Enter opens · arrows move
          · Space selects · +/− sub-techniques
        </span>
      </div>
    </div>
  );
}
