"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { btn } from "@/components/scenarios/ui";
import { CopyButton } from "./copy-button";
import { prettyXml } from "./pretty-xml";
import { channelShort, type ViewerEvent } from "./types";
import type { EventFilters } from "./use-events";

/** What GET /api/runs/{id}/events/{seq} returns. */
export interface EventDetailBody {
  event: ViewerEvent;
  json: unknown;
  xml: string | null;
  checks: { check: string; ok: boolean; message: string }[];
  rules: { ruleId: string; title: string; level: string; technique: string | null }[];
}

type Tab = "fields" | "json" | "xml";

export function EventDetail({
  runId,
  share,
  seq,
  onPivot,
  onClose,
}: {
  runId: string;
  share?: string;
  seq: number;
  onPivot: (filters: EventFilters) => void;
  onClose: () => void;
}) {
  const [tab, setTab] = useState<Tab>("fields");
  const url = share
    ? `/share/${encodeURIComponent(share)}/events/${seq}?run=${runId}`
    : `/api/runs/${runId}/events/${seq}`;
  const detail = useQuery({
    queryKey: ["event-detail", runId, share ?? null, seq],
    queryFn: async () => {
      const response = await fetch(url);
      const body = await response.json();
      if (!response.ok) throw new Error(body?.error?.message ?? `HTTP ${response.status}`);
      return body as EventDetailBody;
    },
    staleTime: Infinity,
  });

  if (detail.isPending || detail.isError) {
    return (
      <aside className="p-3 text-sm" aria-label="Event detail" data-testid="event-detail">
        <div className="flex items-center">
          <span className="font-semibold">Event #{seq}</span>
          <button type="button" className={`${btn} ml-auto`} onClick={onClose} aria-label="Close detail">
            ×
          </button>
        </div>
        {detail.isPending ? (
          <p className="mt-2 text-slate-500">Loading…</p>
        ) : (
          <p className="mt-2 text-red-700">{detail.error.message}</p>
        )}
      </aside>
    );
  }
  const { event } = detail.data;
  const d = event.data;
  const pivots: { label: string; filters: EventFilters }[] = [];
  if (d.ProcessGuid) pivots.push({ label: "Same process", filters: { processGuid: d.ProcessGuid } });
  if (d.ParentProcessGuid)
    pivots.push({ label: "Same parent", filters: { parentProcessGuid: d.ParentProcessGuid } });
  const logonId = d.LogonId || d.TargetLogonId || d.SubjectLogonId;
  if (logonId) pivots.push({ label: "Same LogonId", filters: { logonId } });
  if (d.Image) pivots.push({ label: "Same image", filters: { image: d.Image } });

  const json = JSON.stringify(detail.data.json, null, 2);
  return (
    <aside
      className="flex h-full flex-col overflow-hidden"
      aria-label="Event detail"
      data-testid="event-detail"
    >
      <header className="flex items-center gap-2 border-b border-slate-200 p-2">
        <h3 className="text-sm font-semibold">
          #{event.seq} · {channelShort(event.channel)} {event.eventId} · {event.host}
        </h3>
        <button type="button" className={`${btn} ml-auto`} onClick={onClose} aria-label="Close detail">
          ×
        </button>
      </header>
      <div className="space-y-2 border-b border-slate-200 p-2 text-xs">
        <div className="flex flex-wrap items-center gap-1">
          <span
            className={`rounded px-1.5 py-0.5 font-semibold ${event.label.malicious ? "bg-red-600 text-white" : "bg-slate-200 text-slate-700"}`}
          >
            {event.label.malicious ? "malicious" : "benign"}
          </span>
          {event.label.technique && (
            <span className="rounded bg-slate-100 px-1.5 py-0.5">{event.label.technique}</span>
          )}
          {event.label.step !== null && (
            <span className="rounded bg-slate-100 px-1.5 py-0.5">step {event.label.step + 1}</span>
          )}
          {event.label.action && (
            <span className="rounded bg-slate-100 px-1.5 py-0.5">{event.label.action}</span>
          )}
        </div>
        {pivots.length > 0 && (
          <div className="flex flex-wrap gap-1">
            <span className="text-slate-500">Pivot:</span>
            {pivots.map((p) => (
              <button
                key={p.label}
                type="button"
                className={`${btn} text-xs`}
                onClick={() => onPivot(p.filters)}
              >
                {p.label}
              </button>
            ))}
          </div>
        )}
      </div>
      <div className="flex gap-1 border-b border-slate-200 px-2 pt-1 text-xs" role="tablist">
        {(["fields", "json", "xml"] as Tab[]).map((t) => (
          <button
            key={t}
            role="tab"
            type="button"
            aria-selected={tab === t}
            onClick={() => setTab(t)}
            className={`rounded-t px-2 py-1 ${tab === t ? "bg-slate-200 font-semibold" : "text-slate-600"}`}
          >
            {t === "fields" ? "Fields" : t.toUpperCase()}
          </button>
        ))}
      </div>
      <div className="min-h-0 flex-1 overflow-auto p-2 text-xs">
        {tab === "fields" && (
          <table className="w-full border-collapse font-mono">
            <tbody>
              <tr className="border-b border-slate-100">
                <th className="py-0.5 pr-2 text-left align-top text-slate-500">TimeCreated</th>
                <td className="break-all">{event.time}</td>
              </tr>
              {Object.entries(d).map(([name, value]) => (
                <tr key={name} className="border-b border-slate-100">
                  <th className="py-0.5 pr-2 text-left align-top font-normal text-slate-500">{name}</th>
                  <td className="break-all whitespace-pre-wrap">{value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {tab === "json" && (
          <div>
            <CopyButton text={json} label="Copy JSON" />
            <pre className="mt-1 whitespace-pre-wrap break-all">{json}</pre>
          </div>
        )}
        {tab === "xml" && (
          <div>
            {detail.data.xml ? <CopyButton text={detail.data.xml} label="Copy XML" /> : null}
            <pre className="mt-1 whitespace-pre-wrap break-all">
              {detail.data.xml ? prettyXml(detail.data.xml) : "XML is not available for this event."}
            </pre>
          </div>
        )}
        {
          <section className="mt-3 space-y-2">
            <h4 className="font-semibold text-slate-700">Rules fired on this event</h4>
            {detail.data.rules.length === 0 ? (
              <p className="text-slate-500">None.</p>
            ) : (
              <ul className="list-disc pl-4">
                {detail.data.rules.map((r) => (
                  <li key={r.ruleId}>
                    {r.title}{" "}
                    <span className="text-slate-500">
                      ({r.level}
                      {r.technique ? `, ${r.technique}` : ""})
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <h4 className="font-semibold text-slate-700">Validator checks</h4>
            <ul className="space-y-0.5">
              {detail.data.checks.map((c) => (
                <li key={c.check} className={c.ok ? "text-emerald-700" : "text-red-700"}>
                  {c.ok ? "✓" : "✗"} {c.check}
                  {c.message ? <span className="text-slate-600"> — {c.message}</span> : null}
                </li>
              ))}
            </ul>
          </section>
        }
      </div>
    </aside>
  );
}
