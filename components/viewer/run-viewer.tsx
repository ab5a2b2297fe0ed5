"use client";

import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { ViewerEvent } from "@/lib/scenarios/types";
import { DetectionPanel } from "./detection-panel";
import { EventDetail } from "./event-detail";
import { EventFilterBar, type FilterOptions } from "./event-filter-bar";
import { EventTable } from "./event-table";
import { LlmTracePanel } from "./llm-trace";
import { buildProcessModel, type ProcessNode } from "./process-model";
import { ProcessTree } from "./process-tree";
import { Timeline, type TimelineMark } from "./timeline";
import type { EventFilters } from "./use-events";
import { ValidationPanel } from "./validation-panel";

type Tab = "tree" | "timeline" | "events" | "validation" | "detection" | "trace";

export interface RunViewerProps {
  runId: string;
  /** Share token when the page is a read-only shared view. */
  share?: string;
  treeEvents: ViewerEvent[];
  marks: TimelineMark[];
  options: FilterOptions;
  validation: unknown;
  detections: unknown;
  llmTrace: unknown;
}

function useWidth<T extends HTMLElement>(): [React.RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(1200);
  useEffect(() => {
    if (!ref.current) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry.contentRect.width)));
    observer.observe(ref.current);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

export function RunViewer(props: RunViewerProps) {
  const { runId, share } = props;
  const [tab, setTab] = useState<Tab>("tree");
  const [filters, setFilters] = useState<EventFilters>({});
  const [selectedSeq, setSelectedSeq] = useState<number | null>(null);
  const [selectedProc, setSelectedProc] = useState<string | null>(null);
  const model = useMemo(() => buildProcessModel(props.treeEvents), [props.treeEvents]);
  const [timelineRef, timelineWidth] = useWidth<HTMLDivElement>();

  const openEvents = useCallback((next: EventFilters) => {
    setFilters(next);
    setTab("events");
  }, []);
  const selectProcess = (proc: ProcessNode) => {
    setSelectedProc(proc.key);
    if (proc.seq !== null) setSelectedSeq(proc.seq);
  };

  const tabs: { id: Tab; label: string; hidden?: boolean }[] = [
    { id: "tree", label: "Process tree" },
    { id: "timeline", label: "Timeline" },
    { id: "events", label: "Events" },
    { id: "validation", label: "Validation" },
    { id: "detection", label: "Detection" },
    { id: "trace", label: "Model trace", hidden: !props.llmTrace },
  ];

  let body: ReactNode;
  if (tab === "tree") {
    body = (
      <div className="h-[640px]">
        <ProcessTree model={model} selectedKey={selectedProc} onSelect={selectProcess} />
      </div>
    );
  } else if (tab === "timeline") {
    body = (
      <div ref={timelineRef} className="overflow-x-auto">
        <Timeline
          events={props.marks}
          width={timelineWidth}
          onSelect={(seq) => setSelectedSeq(seq)}
          onBrush={(range) => {
            if (range) openEvents({ ...filters, from: range.from, to: range.to });
          }}
        />
      </div>
    );
  } else if (tab === "events") {
    body = (
      <div className="flex h-[640px] flex-col">
        <EventFilterBar filters={filters} options={props.options} onChange={setFilters} />
        <div className="min-h-0 flex-1">
          <EventTable
            runId={runId}
            share={share}
            filters={filters}
            selectedSeq={selectedSeq}
            onSelect={(e) => setSelectedSeq(e.seq)}
          />
        </div>
      </div>
    );
  } else if (tab === "validation") {
    body = <ValidationPanel report={props.validation} onSelect={setSelectedSeq} />;
  } else if (tab === "detection") {
    body = (
      <DetectionPanel runId={runId} detections={props.detections} poll={!share} onSelect={setSelectedSeq} />
    );
  } else {
    body = <LlmTracePanel trace={props.llmTrace} />;
  }

  return (
    <div className="grid gap-3 xl:grid-cols-[1fr_400px]">
      <section className="min-w-0 rounded-lg border border-slate-200 bg-white shadow-sm">
        <div className="flex gap-1 border-b border-slate-200 px-2 pt-2" role="tablist" aria-label="Run views">
          {tabs
            .filter((t) => !t.hidden)
            .map((t) => (
              <button
                key={t.id}
                type="button"
                role="tab"
                aria-selected={tab === t.id}
                onClick={() => setTab(t.id)}
                className={`rounded-t px-3 py-1.5 text-sm ${tab === t.id ? "border border-b-white border-slate-200 bg-white font-semibold -mb-px" : "text-slate-600 hover:text-slate-900"}`}
              >
                {t.label}
              </button>
            ))}
        </div>
        {body}
      </section>
      <section className="h-fit max-h-[700px] min-h-[200px] overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm xl:sticky xl:top-14 xl:h-[700px]">
        {selectedSeq === null ? (
          <p className="p-4 text-sm text-slate-500">
            Select a process, a timeline mark or a table row to see the event: fields, raw XML and JSON, its
            label, the validator&apos;s checks and the rules that fired on it.
          </p>
        ) : (
          <EventDetail
            key={selectedSeq}
            runId={runId}
            share={share}
            seq={selectedSeq}
            onClose={() => setSelectedSeq(null)}
            onPivot={(pivot) => openEvents(pivot)}
          />
        )}
      </section>
    </div>
  );
}
