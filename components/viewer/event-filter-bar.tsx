"use client";

import { useEffect, useState } from "react";
import { btn, input } from "@/components/scenarios/ui";
import type { FilterOptions } from "@/lib/scenarios/types";
import { channelShort } from "./types";
import type { EventFilters } from "./use-events";

export type { FilterOptions };

const PIVOT_LABELS: Record<string, string> = {
  processGuid: "same process",
  logonId: "same logon",
  parentProcessGuid: "same parent",
  image: "same image",
  from: "from",
  to: "to",
};

export function EventFilterBar({
  filters,
  options,
  onChange,
}: {
  filters: EventFilters;
  options: FilterOptions;
  onChange: (next: EventFilters) => void;
}) {
  const [text, setText] = useState(filters.q ?? "");
  useEffect(() => {
    const timer = setTimeout(() => {
      if ((filters.q ?? "") !== text) onChange({ ...filters, q: text || undefined });
    }, 250);
    return () => clearTimeout(timer);
  }, [text, filters, onChange]);

  const set = (key: keyof EventFilters, value: string) => {
    const next: EventFilters = { ...filters };
    if (value === "") delete next[key];
    else if (key === "eventId") next.eventId = Number(value);
    else (next as Record<string, string>)[key] = value;
    onChange(next);
  };
  const chips = (Object.keys(PIVOT_LABELS) as (keyof EventFilters)[]).filter((k) => filters[k] !== undefined);

  return (
    <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 p-2 text-sm">
      <input
        type="search"
        className={`${input} w-64`}
        placeholder="Full-text search"
        aria-label="Search events"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <select
        className={input}
        aria-label="Host"
        value={filters.host ?? ""}
        onChange={(e) => set("host", e.target.value)}
      >
        <option value="">All hosts</option>
        {options.hosts.map((h) => (
          <option key={h} value={h}>
            {h}
          </option>
        ))}
      </select>
      <select
        className={input}
        aria-label="Channel"
        value={filters.channel ?? ""}
        onChange={(e) => set("channel", e.target.value)}
      >
        <option value="">All channels</option>
        {options.channels.map((c) => (
          <option key={c} value={c}>
            {channelShort(c)}
          </option>
        ))}
      </select>
      <select
        className={input}
        aria-label="Event ID"
        value={filters.eventId === undefined ? "" : String(filters.eventId)}
        onChange={(e) => set("eventId", e.target.value)}
      >
        <option value="">All event IDs</option>
        {options.eventIds.map((id) => (
          <option key={id} value={id}>
            {id}
          </option>
        ))}
      </select>
      <select
        className={input}
        aria-label="Technique"
        value={filters.technique ?? ""}
        onChange={(e) => set("technique", e.target.value)}
      >
        <option value="">All techniques</option>
        {options.techniques.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </select>
      <select
        className={input}
        aria-label="Label"
        value={filters.label ?? ""}
        onChange={(e) => set("label", e.target.value)}
      >
        <option value="">Any label</option>
        <option value="malicious">Malicious</option>
        <option value="benign">Benign</option>
      </select>
      {chips.map((key) => (
        <span
          key={key}
          className="flex items-center gap-1 rounded-full bg-blue-100 px-2 py-0.5 text-xs text-blue-900"
        >
          {PIVOT_LABELS[key]}: <code className="max-w-48 truncate">{String(filters[key])}</code>
          <button
            type="button"
            aria-label={`Remove ${PIVOT_LABELS[key]} filter`}
            onClick={() => set(key, "")}
          >
            ×
          </button>
        </span>
      ))}
      {Object.keys(filters).length > 0 && (
        <button
          type="button"
          className={btn}
          onClick={() => {
            setText("");
            onChange({});
          }}
        >
          Clear filters
        </button>
      )}
    </div>
  );
}
