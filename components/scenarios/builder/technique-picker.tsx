"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { input } from "@/components/scenarios/ui";

export interface TechniqueHit {
  id: string;
  name: string;
  tactics?: string[];
}

/** GET /api/attack/search answers `{ query, total, hits: [{ id, name, tactics, … }] }`. */
function hitsOf(body: unknown): TechniqueHit[] {
  const list = (body as { hits?: unknown[] })?.hits ?? [];
  return list
    .map((item) => {
      const { id, name, tactics } = item as { id?: unknown; name?: unknown; tactics?: unknown };
      if (typeof id !== "string" || typeof name !== "string") return null;
      const hit: TechniqueHit = {
        id,
        name,
        tactics: Array.isArray(tactics) ? tactics.map(String) : undefined,
      };
      return hit;
    })
    .filter((x): x is TechniqueHit => x !== null);
}

/** A combobox over GET /api/attack/search: type an ID or words, pick with the arrows and Enter. */
export function TechniquePicker({
  value,
  onPick,
  label,
}: {
  value: string;
  onPick: (hit: TechniqueHit) => void;
  label: string;
}) {
  const [text, setText] = useState("");
  const [debounced, setDebounced] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();

  useEffect(() => {
    const timer = setTimeout(() => setDebounced(text.trim()), 150);
    return () => clearTimeout(timer);
  }, [text]);

  const search = useQuery({
    queryKey: ["attack-search", debounced],
    queryFn: async () => {
      const response = await fetch(`/api/attack/search?q=${encodeURIComponent(debounced)}&limit=12`);
      if (!response.ok) throw new Error(`Search failed (HTTP ${response.status})`);
      return hitsOf(await response.json()).slice(0, 12);
    },
    enabled: debounced.length >= 2,
    staleTime: 5 * 60_000,
  });
  const hits = search.data ?? [];

  const pick = (hit: TechniqueHit) => {
    onPick(hit);
    setText("");
    setOpen(false);
  };

  return (
    <div className="relative">
      <input
        type="text"
        role="combobox"
        aria-label={label}
        aria-expanded={open && hits.length > 0}
        aria-controls={listId}
        aria-activedescendant={open && hits[active] ? `${listId}-${active}` : undefined}
        className={`${input} w-full`}
        placeholder={
          value ? "Change technique: type an ID or words" : "Search techniques: T1059.001, powershell…"
        }
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setActive((a) => Math.min(a + 1, hits.length - 1));
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === "Enter" && open && hits[active]) {
            e.preventDefault();
            pick(hits[active]);
          } else if (e.key === "Escape") setOpen(false);
        }}
      />
      {open && debounced.length >= 2 && (
        <ul
          id={listId}
          role="listbox"
          className="absolute z-30 mt-1 max-h-72 w-full overflow-auto rounded border border-slate-200 bg-white text-sm shadow-lg"
        >
          {search.isPending && <li className="px-2 py-1 text-slate-500">Searching…</li>}
          {search.isError && <li className="px-2 py-1 text-red-700">{search.error.message}</li>}
          {search.isSuccess && hits.length === 0 && (
            <li className="px-2 py-1 text-slate-500">No technique matches.</li>
          )}
          {hits.map((hit, i) => (
            <li
              key={hit.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={`cursor-pointer px-2 py-1 ${i === active ? "bg-blue-50" : ""}`}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(hit)}
            >
              <span className="font-mono text-xs text-slate-600">{hit.id}</span> {hit.name}
              {hit.tactics?.length ? (
                <span className="ml-1 text-xs text-slate-400">{hit.tactics.join(", ")}</span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
