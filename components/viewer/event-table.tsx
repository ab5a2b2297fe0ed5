"use client";

import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type VisibilityState,
} from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useMemo, useRef, useState } from "react";
import { btn } from "@/components/scenarios/ui";
import { summarize } from "./event-summary";
import { baseName, channelShort, imageOf, type ViewerEvent } from "./types";
import { useRunEvents, type EventFilters } from "./use-events";

const ROW_H = 30;

const shortHost = (host: string) => host.split(".")[0];

const columns: ColumnDef<ViewerEvent>[] = [
  { id: "seq", header: "#", accessorKey: "seq", size: 52 },
  { id: "time", header: "Time (UTC)", accessorFn: (e) => e.time.slice(11, 26), size: 122 },
  { id: "date", header: "Date", accessorFn: (e) => e.time.slice(0, 10), size: 92 },
  { id: "host", header: "Host", accessorFn: (e) => shortHost(e.host), size: 84 },
  { id: "channel", header: "Channel", accessorFn: (e) => channelShort(e.channel), size: 84 },
  { id: "eventId", header: "Event ID", accessorKey: "eventId", size: 64 },
  { id: "label", header: "Label", accessorFn: (e) => (e.label.malicious ? "malicious" : "benign"), size: 72 },
  { id: "technique", header: "Technique", accessorFn: (e) => e.label.technique ?? "", size: 86 },
  { id: "image", header: "Image", accessorFn: (e) => baseName(imageOf(e)), size: 120 },
  { id: "user", header: "User", accessorFn: (e) => e.data.User ?? e.data.SubjectUserName ?? "", size: 150 },
  { id: "processGuid", header: "ProcessGuid", accessorFn: (e) => e.data.ProcessGuid ?? "", size: 290 },
  {
    id: "logonId",
    header: "LogonId",
    accessorFn: (e) => e.data.LogonId ?? e.data.TargetLogonId ?? "",
    size: 100,
  },
  { id: "summary", header: "Details", accessorFn: summarize, size: 260 },
];

const defaultVisibility: VisibilityState = {
  seq: false,
  processGuid: false,
  logonId: false,
  user: false,
  date: false,
};

export function EventTable({
  runId,
  share,
  filters,
  selectedSeq,
  onSelect,
}: {
  runId: string;
  share?: string;
  filters: EventFilters;
  selectedSeq: number | null;
  onSelect: (e: ViewerEvent) => void;
}) {
  const query = useRunEvents(runId, filters, share);
  const rows = useMemo(() => query.data?.pages.flatMap((p) => p.events) ?? [], [query.data]);
  const total = query.data?.pages[0]?.total ?? 0;
  const [visibility, setVisibility] = useState<VisibilityState>(defaultVisibility);
  const [chooserOpen, setChooserOpen] = useState(false);

  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table returns fresh functions by design
  const table = useReactTable({
    data: rows,
    columns,
    state: { columnVisibility: visibility },
    onColumnVisibilityChange: setVisibility,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (e) => String(e.seq),
  });

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_H,
    overscan: 20,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length ? items[items.length - 1].index : 0;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= rows.length - 50) void fetchNextPage();
  }, [lastIndex, rows.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  const visibleColumns = table.getVisibleLeafColumns();
  // The last column takes what is left, so Details fills wide screens and scrolls on narrow ones.
  const gridTemplate = visibleColumns
    .map((c, i) => (i === visibleColumns.length - 1 ? `minmax(${c.getSize()}px, 1fr)` : `${c.getSize()}px`))
    .join(" ");
  const width = visibleColumns.reduce((sum, c) => sum + c.getSize(), 0);

  return (
    <div className="flex h-full flex-col" data-testid="event-table">
      <div className="flex items-center gap-2 border-b border-slate-200 px-2 py-1 text-xs text-slate-600">
        <span data-testid="event-count">
          {query.isPending ? "Loading…" : `${total.toLocaleString()} event${total === 1 ? "" : "s"}`}
        </span>
        {query.isError && <span className="text-red-700">{query.error.message}</span>}
        <div className="relative ml-auto">
          <button
            type="button"
            className={btn}
            onClick={() => setChooserOpen((o) => !o)}
            aria-expanded={chooserOpen}
          >
            Columns
          </button>
          {chooserOpen && (
            <div className="absolute right-0 z-20 mt-1 w-48 rounded border border-slate-200 bg-white p-2 shadow-lg">
              {table.getAllLeafColumns().map((column) => (
                <label key={column.id} className="flex items-center gap-2 py-0.5">
                  <input
                    type="checkbox"
                    checked={column.getIsVisible()}
                    onChange={column.getToggleVisibilityHandler()}
                  />
                  {String(column.columnDef.header)}
                </label>
              ))}
            </div>
          )}
        </div>
      </div>
      <div ref={scrollRef} className="min-h-0 flex-1 overflow-auto" role="grid" aria-rowcount={total}>
        <div style={{ width, minWidth: "100%" }}>
          <div
            className="sticky top-0 z-10 grid border-b border-slate-300 bg-slate-100 text-xs font-semibold text-slate-700"
            style={{ gridTemplateColumns: gridTemplate }}
            role="row"
          >
            {table.getFlatHeaders().map((header) =>
              header.column.getIsVisible() ? (
                <div key={header.id} className="truncate px-2 py-1.5" role="columnheader">
                  {flexRender(header.column.columnDef.header, header.getContext())}
                </div>
              ) : null,
            )}
          </div>
          <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
            {items.map((item) => {
              const row = table.getRowModel().rows[item.index];
              if (!row) return null;
              const e = row.original;
              const selected = e.seq === selectedSeq;
              return (
                <div
                  key={row.id}
                  role="row"
                  aria-selected={selected}
                  data-testid="event-row"
                  data-event-id={e.eventId}
                  onClick={() => onSelect(e)}
                  className={`absolute left-0 grid w-full cursor-pointer border-b border-slate-100 text-xs ${
                    selected
                      ? "bg-blue-100"
                      : e.label.malicious
                        ? "bg-red-50 hover:bg-red-100"
                        : "hover:bg-slate-50"
                  }`}
                  style={{ top: item.start, height: ROW_H, gridTemplateColumns: gridTemplate }}
                >
                  {row.getVisibleCells().map((cell) => (
                    <div
                      key={cell.id}
                      className={`truncate px-2 py-1.5 ${cell.column.id === "summary" || cell.column.id === "processGuid" ? "font-mono" : ""} ${cell.column.id === "label" && e.label.malicious ? "font-semibold text-red-700" : ""}`}
                      role="gridcell"
                      title={String(cell.getValue() ?? "")}
                    >
                      {String(cell.getValue() ?? "")}
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
          {!query.isPending && rows.length === 0 && (
            <p className="p-4 text-sm text-slate-500">No events match these filters.</p>
          )}
        </div>
      </div>
    </div>
  );
}
