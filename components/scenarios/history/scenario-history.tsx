"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { btn, btnDanger, card, input } from "@/components/scenarios/ui";
import { useScenarioList, useScenarioMutations, type HistoryFilters } from "./use-scenarios";

export function ScenarioHistory({ tactics }: { tactics: { shortname: string; name: string }[] }) {
  const router = useRouter();
  const [filters, setFilters] = useState<HistoryFilters>({});
  const [q, setQ] = useState("");
  const [undo, setUndo] = useState<{ id: string; title: string } | null>(null);
  const list = useScenarioList(filters);
  const { remove, restore, duplicate, rerun } = useScenarioMutations();

  useEffect(() => {
    const timer = setTimeout(
      () => setFilters((f) => (f.q === (q || undefined) ? f : { ...f, q: q || undefined })),
      250,
    );
    return () => clearTimeout(timer);
  }, [q]);
  useEffect(() => {
    if (!undo) return;
    const timer = setTimeout(() => setUndo(null), 8000);
    return () => clearTimeout(timer);
  }, [undo]);

  const set = (key: keyof HistoryFilters, value: string) =>
    setFilters((f) => ({ ...f, [key]: value || undefined }));
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const error = list.error ?? remove.error ?? duplicate.error ?? rerun.error ?? restore.error;

  return (
    <div className="space-y-4">
      <div className={`${card} flex flex-wrap items-end gap-2 p-3 text-sm`} role="search">
        <label className="flex flex-col">
          Search
          <input
            className={`${input} w-56`}
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder="Title, narrative, tag"
          />
        </label>
        <label className="flex flex-col">
          Show
          <select
            className={input}
            value={filters.scope ?? ""}
            onChange={(e) => set("scope", e.target.value)}
            data-testid="scope-filter"
          >
            <option value="">My team&apos;s scenarios</option>
            <option value="public">Shared with everyone (public)</option>
          </select>
        </label>
        <label className="flex flex-col">
          Technique
          <input
            className={`${input} w-28 font-mono`}
            value={filters.technique ?? ""}
            onChange={(e) => set("technique", e.target.value.toUpperCase())}
            placeholder="T1059"
            pattern="T\d{4}(\.\d{3})?"
          />
        </label>
        <label className="flex flex-col">
          Tactic
          <select
            className={input}
            value={filters.tactic ?? ""}
            onChange={(e) => set("tactic", e.target.value)}
          >
            <option value="">Any tactic</option>
            {tactics.map((t) => (
              <option key={t.shortname} value={t.shortname}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          Author
          <input
            className={`${input} w-36`}
            value={filters.author ?? ""}
            onChange={(e) => set("author", e.target.value)}
          />
        </label>
        <label className="flex flex-col">
          From
          <input
            className={input}
            type="date"
            value={filters.from ?? ""}
            onChange={(e) => set("from", e.target.value)}
          />
        </label>
        <label className="flex flex-col">
          To
          <input
            className={input}
            type="date"
            value={filters.to ?? ""}
            onChange={(e) => set("to", e.target.value)}
          />
        </label>
      </div>

      {undo && (
        <div
          role="status"
          className="flex items-center gap-3 rounded border border-slate-300 bg-slate-800 px-3 py-2 text-sm text-white"
        >
          Deleted “{undo.title}”.
          <button
            type="button"
            className="rounded bg-white px-2 py-0.5 text-slate-900"
            onClick={() => {
              restore.mutate(undo.id);
              setUndo(null);
            }}
          >
            Undo
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error.message}
        </p>
      )}

      <ul className="space-y-2" data-testid="scenario-list">
        {items.map((s) => (
          <li
            key={s.id}
            className={`${card} flex flex-wrap items-center gap-3 p-3`}
            data-testid="scenario-item"
          >
            <div className="min-w-0 flex-1">
              <Link href={`/scenarios/${s.id}`} className="font-medium text-blue-800 hover:underline">
                {s.title}
              </Link>
              <div className="mt-0.5 flex flex-wrap gap-1 text-xs">
                {s.techniques
                  .filter((t) => t.includes(".") || !s.techniques.some((o) => o.startsWith(`${t}.`)))
                  .map((t) => (
                    <span key={t} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono">
                      {t}
                    </span>
                  ))}
                {s.visibility !== "team" && (
                  <span className="rounded bg-amber-50 px-1.5 py-0.5 text-amber-800">{s.visibility}</span>
                )}
                <span className="text-slate-500">
                  {!s.owned && `${s.teamName} · `}
                  {s.authorName ?? "unknown"} · {new Date(s.createdAt).toLocaleString()} · {s.runCount} run(s)
                </span>
              </div>
            </div>
            {s.latestRun && (
              <Link className={btn} href={`/scenarios/${s.id}/runs/${s.latestRun.id}`}>
                Open latest run ({s.latestRun.status})
              </Link>
            )}
            {s.owned && (
              <>
                <button
                  type="button"
                  className={btn}
                  disabled={duplicate.isPending}
                  onClick={() => duplicate.mutate(s.id)}
                >
                  Duplicate
                </button>
                <button
                  type="button"
                  className={btn}
                  disabled={rerun.isPending}
                  onClick={() =>
                    rerun.mutate(s.id, {
                      onSuccess: (run) => router.push(`/scenarios/${s.id}/runs/${run.id}`),
                    })
                  }
                >
                  Re-run (new seed)
                </button>
                <button
                  type="button"
                  className={btnDanger}
                  onClick={() => {
                    remove.mutate(s.id);
                    setUndo({ id: s.id, title: s.title });
                  }}
                >
                  Delete
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      {list.isPending && <p className="text-sm text-slate-500">Loading…</p>}
      {list.isSuccess && items.length === 0 && (
        <p className="text-sm text-slate-500">
          No scenarios match.{" "}
          <Link href="/scenarios/new" className="text-blue-700 underline">
            Build one
          </Link>
          .
        </p>
      )}
      {list.hasNextPage && (
        <button
          type="button"
          className={btn}
          disabled={list.isFetchingNextPage}
          onClick={() => list.fetchNextPage()}
        >
          {list.isFetchingNextPage ? "Loading…" : "Load more"}
        </button>
      )}
    </div>
  );
}
