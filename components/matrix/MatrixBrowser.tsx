"use client";

import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import type { MatrixPayload } from "@/lib/attack/types";
import { buildColumns, expandableIds, readingOrder, type ColumnSort } from "@/lib/matrix/columns";
import { buildSearchIndex, filterTechniques, parseQuery } from "@/lib/matrix/filter";
import type { CoverageMap } from "@/lib/matrix/layer-paint";
import { rangeBetween, writeUrlState, type FilterMode, type MatrixUrlState } from "@/lib/matrix/url-state";
import { LayerPanel } from "./LayerPanel";
import { MatrixGrid } from "./MatrixGrid";
import { MatrixToolbar } from "./MatrixToolbar";
import { SelectionTray } from "./SelectionTray";
import { TechniqueDrawer } from "./TechniqueDrawer";
import { useMatrixLayers } from "./useMatrixLayers";

export interface MatrixBrowserProps {
  payload: MatrixPayload;
  initial: MatrixUrlState;
  /** Ids from the link that this ATT&CK version does not know (shown once, then dropped). */
  ignoredIds?: string[];
  /** Revoked ids from the link, shown as "T1086 → T1059.001". */
  remappedIds?: string[];
  /** Optional per-technique counts (e.g. procedures) shown as a toggleable coverage layer. */
  coverage?: CoverageMap;
}

export function MatrixBrowser({
  payload,
  initial,
  ignoredIds = [],
  remappedIds = [],
  coverage,
}: MatrixBrowserProps) {
  const [query, setQuery] = useState(initial.query);
  const [platforms, setPlatforms] = useState<string[]>(
    initial.platforms.filter((p) => payload.platforms.includes(p)),
  );
  const [logSource, setLogSource] = useState(initial.logSource);
  const [mode, setMode] = useState<FilterMode>(initial.mode);
  const [dense, setDense] = useState(true);
  const [sort, setSort] = useState<ColumnSort>("name");
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(
    () =>
      new Set(initial.selection.map((id) => payload.techniques[id]?.parent).filter((p): p is string => !!p)),
  );
  const [selection, setSelection] = useState<ReadonlySet<string>>(
    () => new Set(initial.selection.filter((id) => payload.techniques[id])),
  );
  const [anchor, setAnchor] = useState<string | null>(null);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const [openId, setOpenId] = useState<string | null>(initial.open);
  const searchRef = useRef<HTMLInputElement>(null);

  const deferredQuery = useDeferredValue(query);
  const deferredLogSource = useDeferredValue(logSource);
  const searchIndex = useMemo(() => buildSearchIndex(payload), [payload]);
  const terms = useMemo(() => parseQuery(deferredQuery), [deferredQuery]);
  // One-letter terms still filter, but marking every "l" in every name is noise (and repaints every cell).
  const highlightTerms = useMemo(() => terms.filter((t) => t.length >= 2), [terms]);
  const result = useMemo(
    () => filterTechniques(searchIndex, { query: deferredQuery, platforms, logSource: deferredLogSource }),
    [searchIndex, deferredQuery, platforms, deferredLogSource],
  );
  const expandMore = useCallback(
    (ids: string[]) => setExpanded((current) => new Set([...current, ...ids])),
    [],
  );
  const layers = useMatrixLayers(payload, coverage, expandMore);

  const omit = useMemo(
    () => new Set([...layers.paints].filter(([, paint]) => paint.hidden).map(([key]) => key)),
    [layers.paints],
  );
  const scoreOf = useCallback((key: string) => layers.paints.get(key)?.score ?? null, [layers.paints]);
  const columns = useMemo(
    () => buildColumns(payload, { result, mode, expanded, sort, scoreOf, omit }),
    [payload, result, mode, expanded, sort, scoreOf, omit],
  );

  const urlTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // Mirror the view into the URL (replaceState: no navigation, no history spam) so it is shareable.
  useEffect(() => {
    const search = writeUrlState({
      selection: [...selection],
      open: openId,
      query: deferredQuery,
      platforms,
      logSource: deferredLogSource,
      mode,
    });
    const next = search ? `?${search}` : window.location.pathname;
    if (window.location.search === (search ? `?${search}` : "")) return;
    // Debounced: typing a word should not rewrite the URL (and re-render the router) per keystroke.
    const timer = setTimeout(() => {
      urlTimer.current = undefined;
      window.history.replaceState(null, "", next);
    }, 250);
    urlTimer.current = timer;
    return () => clearTimeout(timer);
  }, [selection, openId, deferredQuery, platforms, deferredLogSource, mode]);

  // A pending replaceState that fires while a link's navigation is in flight would cancel it (the router
  // treats replaceState as a navigation back to /matrix): drop it the moment any link is followed.
  useEffect(() => {
    function onClick(event: MouseEvent) {
      if (urlTimer.current === undefined) return;
      const anchor = (event.target as Element | null)?.closest?.("a[href]");
      if (anchor && !anchor.getAttribute("href")?.startsWith("#")) {
        clearTimeout(urlTimer.current);
        urlTimer.current = undefined;
      }
    }
    document.addEventListener("click", onClick, true);
    return () => document.removeEventListener("click", onClick, true);
  }, []);

  // "/" focuses the search box from anywhere except text fields.
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const target = event.target as HTMLElement | null;
      const typing = target?.closest("input, textarea, select, [contenteditable=true]");
      if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const onSelect = useCallback(
    (cellKey: string, id: string, how: "replace" | "toggle" | "range") => {
      if (how === "range") {
        const cells = readingOrder(columns);
        const keys = rangeBetween(
          cells.map((c) => c.key),
          anchor,
          cellKey,
        );
        const byKey = new Map(cells.map((c) => [c.key, c.id]));
        setSelection((current) => new Set([...current, ...keys.map((k) => byKey.get(k)!)]));
        return;
      }
      setAnchor(cellKey);
      setSelection((current) => {
        if (how === "replace") return current.size === 1 && current.has(id) ? new Set() : new Set([id]);
        const next = new Set(current);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      });
    },
    [columns, anchor],
  );

  const onFocusCell = useCallback((key: string) => {
    setFocusKey(key);
    setFocusRequest((n) => n + 1);
  }, []);

  const onToggleExpand = useCallback((id: string) => {
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);

  const selectAllMatching = useCallback(() => {
    if (!result.active) return;
    setSelection((current) => new Set([...current, ...result.matched]));
  }, [result]);

  const selectColumn = useCallback(
    (tactic: string) => {
      const column = columns.find((c) => c.tactic.shortname === tactic);
      const ids =
        column?.cells.filter((c) => c.state === "plain" || c.state === "match").map((c) => c.id) ?? [];
      setSelection((current) => new Set([...current, ...ids]));
    },
    [columns],
  );

  const matchTotal = result.techniqueCount + result.subtechniqueCount;
  const totals = useMemo(() => {
    const all = Object.values(payload.techniques);
    const subs = all.filter((t) => t.parent).length;
    return `${payload.tactics.length} tactics · ${all.length - subs} techniques · ${subs} sub-techniques`;
  }, [payload]);
  const selectedIds = useMemo(() => [...selection], [selection]);

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <MatrixToolbar
        payload={payload}
        searchRef={searchRef}
        query={query}
        onQuery={setQuery}
        platforms={platforms}
        onPlatforms={setPlatforms}
        logSource={logSource}
        onLogSource={setLogSource}
        mode={mode}
        onMode={setMode}
        dense={dense}
        onDense={setDense}
        sort={sort}
        onSort={setSort}
        filterActive={result.active}
        matchText={
          result.active
            ? `${matchTotal} match${matchTotal === 1 ? "" : "es"} (${result.techniqueCount} techniques, ${result.subtechniqueCount} sub-techniques)`
            : totals
        }
        onExpandAll={() => setExpanded(new Set(expandableIds(payload)))}
        onCollapseAll={() => setExpanded(new Set())}
        onSelectAllMatching={selectAllMatching}
        onClearFilters={() => {
          setQuery("");
          setPlatforms([]);
          setLogSource("");
        }}
      />
      {remappedIds.length > 0 && (
        <p
          role="status"
          className="mx-4 mb-2 rounded border border-sky-300 bg-sky-50 px-3 py-1.5 text-sm text-sky-900"
        >
          The link used revoked technique IDs; their replacements are selected instead:{" "}
          {remappedIds.join(", ")}
        </p>
      )}
      {ignoredIds.length > 0 && (
        <p
          role="status"
          className="mx-4 mb-2 rounded border border-amber-300 bg-amber-50 px-3 py-1.5 text-sm text-amber-900"
        >
          The link named technique IDs that ATT&CK {payload.version} does not have; they were left out:{" "}
          {ignoredIds.join(", ")}
        </p>
      )}
      <LayerPanel payload={payload} layers={layers} columns={columns} selection={selection} terms={terms} />
      <div
        className="relative h-[85dvh] min-h-0 overflow-auto overscroll-contain border-t border-slate-200 bg-slate-100 px-2 pb-24 md:h-auto md:flex-1"
        data-testid="matrix-scroll"
      >
        <MatrixGrid
          payload={payload}
          columns={columns}
          selection={selection}
          focusKey={focusKey}
          focusRequest={focusRequest}
          terms={highlightTerms}
          renderedQuery={deferredQuery}
          paints={layers.paints}
          coverage={layers.coverageVisible ? coverage : undefined}
          dense={dense}
          onSelect={onSelect}
          onOpen={setOpenId}
          onToggleExpand={onToggleExpand}
          onFocusCell={onFocusCell}
          onSelectAllMatching={selectAllMatching}
          onSelectColumn={selectColumn}
        />
      </div>
      <SelectionTray
        payload={payload}
        ids={selectedIds}
        onOpen={setOpenId}
        onRemove={(id) => setSelection((current) => new Set([...current].filter((x) => x !== id)))}
        onClear={() => setSelection(new Set())}
      />
      {openId && (
        <TechniqueDrawer
          id={openId}
          payload={payload}
          selected={selection.has(openId)}
          onToggleSelected={() => onSelect(`drawer:${openId}`, openId, "toggle")}
          onOpen={setOpenId}
          onFilterLogSource={(key) => {
            setLogSource(key);
            setOpenId(null);
          }}
          onClose={() => {
            setOpenId(null);
            if (focusKey) setFocusRequest((n) => n + 1);
          }}
        />
      )}
    </div>
  );
}
