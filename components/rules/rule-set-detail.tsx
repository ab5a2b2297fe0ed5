"use client";

import { useEffect, useState, type FormEvent } from "react";
import { useRuleSetMutations, useRuleSetView, type RuleSetView } from "./api";
import { LevelBadge, Notice, btn, btnDanger, btnPrimary, card, input, textarea } from "./ui";

const SHOWN = 300;
const STATUS_LABEL = { ok: "loads", out_of_scope: "out of scope", error: "error" } as const;
const STATUS_CLASS = {
  ok: "bg-emerald-100 text-emerald-800",
  out_of_scope: "bg-slate-100 text-slate-600",
  error: "bg-red-100 text-red-800",
} as const;

function RulesTable({ view }: { view: RuleSetView }) {
  const rows = view.rows.slice(0, SHOWN);
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Rules of {view.name}</caption>
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-2 py-1.5">
              Status
            </th>
            <th scope="col" className="px-2 py-1.5">
              Title
            </th>
            <th scope="col" className="px-2 py-1.5">
              Level
            </th>
            <th scope="col" className="px-2 py-1.5">
              Log source
            </th>
            <th scope="col" className="px-2 py-1.5">
              Tags
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.index} className="align-top">
              <td className="px-2 py-1.5">
                <span
                  className={`whitespace-nowrap rounded px-1.5 py-0.5 text-xs ${STATUS_CLASS[row.status]}`}
                >
                  {STATUS_LABEL[row.status]}
                </span>
              </td>
              <td className="max-w-md px-2 py-1.5">
                <div className="font-medium text-slate-900">{row.title}</div>
                <div className="truncate font-mono text-xs text-slate-500" title={`${row.file} ${row.id}`}>
                  {row.id || row.file}
                </div>
                {row.problem && (
                  <div
                    className={`mt-0.5 text-xs ${row.status === "error" ? "text-red-700" : "text-slate-500"}`}
                  >
                    {row.line ? `${row.file}:${row.line}: ` : ""}
                    {row.problem}
                  </div>
                )}
              </td>
              <td className="px-2 py-1.5">
                <LevelBadge level={row.level} />
              </td>
              <td className="whitespace-nowrap px-2 py-1.5 text-xs text-slate-600">{row.logsource}</td>
              <td className="px-2 py-1.5">
                <div className="flex max-w-xs flex-wrap gap-1">
                  {row.tags.map((tag) => (
                    <span
                      key={tag}
                      className="rounded bg-slate-100 px-1 font-mono text-[11px] text-slate-600"
                    >
                      {tag}
                    </span>
                  ))}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {view.rows.length > SHOWN && (
        <p className="px-2 py-2 text-xs text-slate-500">
          Showing {SHOWN} of {view.rows.length} rules: narrow the search to see the rest.
        </p>
      )}
      {view.rows.length === 0 && <p className="px-2 py-3 text-sm text-slate-500">No rule matches.</p>}
    </div>
  );
}

/** One set: rename, delete, add a pasted rule, and its rules with search and load errors. */
export function RuleSetDetail({ id, onDeleted }: { id: string; onDeleted: () => void }) {
  const [q, setQ] = useState("");
  const [query, setQuery] = useState("");
  const [status, setStatus] = useState("");
  const [renaming, setRenaming] = useState(false);
  const view = useRuleSetView(id, query, status);
  const { rename, remove, addRule } = useRuleSetMutations();

  useEffect(() => {
    const timer = setTimeout(() => setQuery(q.trim()), 200);
    return () => clearTimeout(timer);
  }, [q]);

  const data = view.data?.id === id ? view.data : undefined;
  const submitRename = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const name = String(new FormData(e.currentTarget).get("name") ?? "");
    rename.mutate({ id, name }, { onSuccess: () => setRenaming(false) });
  };
  const submitRule = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const rule = String(new FormData(form).get("rule") ?? "");
    addRule.mutate({ id, rule }, { onSuccess: () => form.reset() });
  };
  const error = view.error ?? rename.error ?? remove.error;

  return (
    <section className={card} aria-labelledby="set-heading">
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-3 py-2">
        {renaming && data ? (
          <form onSubmit={submitRename} className="flex items-center gap-2" aria-label="Rename the set">
            <label className="sr-only" htmlFor="rename-input">
              New name
            </label>
            <input
              id="rename-input"
              name="name"
              defaultValue={data.name}
              required
              maxLength={100}
              className={input}
            />
            <button type="submit" className={btnPrimary} disabled={rename.isPending}>
              Save
            </button>
            <button type="button" className={btn} onClick={() => setRenaming(false)}>
              Cancel
            </button>
          </form>
        ) : (
          <h2 id="set-heading" className="text-base font-semibold">
            {data?.name ?? "Loading…"}
          </h2>
        )}
        {data && (
          <span className="text-xs text-slate-500">
            {data.rules} {data.rules === 1 ? "rule" : "rules"} · {data.counts.ok} load ·{" "}
            {data.counts.out_of_scope} out of scope ·{" "}
            <span className={data.counts.error ? "text-red-700" : ""}>{data.counts.error} errors</span>
          </span>
        )}
        {data && !data.enabled && (
          <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">
            not used in detection
          </span>
        )}
        {data && !data.builtIn && !renaming && (
          <div className="ml-auto flex gap-2">
            <button type="button" className={btn} onClick={() => setRenaming(true)}>
              Rename
            </button>
            <button
              type="button"
              className={btnDanger}
              disabled={remove.isPending}
              onClick={() => {
                if (window.confirm(`Delete the rule set “${data.name}”?`))
                  remove.mutate(id, { onSuccess: onDeleted });
              }}
            >
              Delete
            </button>
          </div>
        )}
      </div>
      {data?.description && <p className="px-3 pt-2 text-xs text-slate-500">{data.description}</p>}
      {error && (
        <div className="px-3 pt-2">
          <Notice kind="error">{error.message}</Notice>
        </div>
      )}
      <div className="flex flex-wrap items-end gap-2 px-3 py-2" role="search">
        <label className="flex flex-col text-sm">
          Search rules
          <input
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder="Title, id, tag, log source"
            className={`${input} w-72`}
          />
        </label>
        <label className="flex flex-col text-sm">
          Status
          <select value={status} onChange={(e) => setStatus(e.target.value)} className={input}>
            <option value="">Any</option>
            <option value="ok">Loads</option>
            <option value="out_of_scope">Out of scope</option>
            <option value="error">Errors</option>
          </select>
        </label>
        {view.isFetching && <span className="pb-1 text-xs text-slate-400">Loading…</span>}
      </div>
      {data && <RulesTable view={data} />}
      {data && !data.builtIn && (
        <form
          onSubmit={submitRule}
          className="space-y-2 border-t border-slate-200 p-3"
          aria-label="Add a rule to this set"
        >
          <label className="block text-sm font-medium">
            Add a rule (Sigma YAML)
            <textarea name="rule" rows={6} required spellCheck={false} className={`${textarea} mt-0.5`} />
          </label>
          <button type="submit" className={btnPrimary} disabled={addRule.isPending}>
            Add rule
          </button>
          {addRule.error && <Notice kind="error">{addRule.error.message}</Notice>}
        </form>
      )}
    </section>
  );
}
