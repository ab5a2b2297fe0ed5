"use client";

import { useState, type FormEvent } from "react";
import { useRuleSetMutations, useRuleSets, type ImportResult } from "./api";
import { Notice, Switch, btn, btnPrimary, card, input, textarea } from "./ui";

function importSummary(result: ImportResult): string {
  const parts = [`${result.added} rule${result.added === 1 ? "" : "s"} stored in “${result.set.name}”`];
  if (result.failed.length) parts.push(`${result.failed.length} do not load (see the table)`);
  if (result.skipped.length) parts.push(`${result.skipped.length} skipped`);
  return parts.join(" · ");
}

/** The team's rule sets, and the forms that create them: paste a rule, upload a zip, import a folder. */
export function RuleSetList({
  selected,
  onSelect,
  folderImport,
}: {
  selected: string | null;
  onSelect: (id: string | null) => void;
  folderImport: boolean;
}) {
  const sets = useRuleSets();
  const { create, importZip, setEnabled } = useRuleSetMutations();
  const [mode, setMode] = useState<"paste" | "zip" | "folder">("paste");
  const [done, setDone] = useState<string | null>(null);

  const finish = (result: ImportResult) => {
    setDone(importSummary(result));
    onSelect(result.set.id);
  };

  const submitPaste = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const rule = String(form.get("rule") ?? "");
    create.mutate(
      { name: String(form.get("name") ?? ""), ...(rule.trim() ? { rule } : {}) },
      { onSuccess: finish },
    );
  };
  const submitZip = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    importZip.mutate(new FormData(e.currentTarget), { onSuccess: finish });
  };
  const submitFolder = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    create.mutate(
      { name: String(form.get("name") ?? ""), folder: String(form.get("folder") ?? "") },
      { onSuccess: finish },
    );
  };
  const pending = create.isPending || importZip.isPending;
  const error = mode === "zip" ? importZip.error : create.error;
  const tabs: Array<[typeof mode, string]> = [
    ["paste", "Paste a rule"],
    ["zip", "Upload zip"],
    ...(folderImport ? ([["folder", "Server folder"]] as Array<[typeof mode, string]>) : []),
  ];

  return (
    <div className="space-y-4">
      <section className={card} aria-labelledby="sets-heading">
        <h2 id="sets-heading" className="border-b border-slate-200 px-3 py-2 text-sm font-semibold">
          Rule sets
        </h2>
        {sets.isLoading && <p className="px-3 py-2 text-sm text-slate-500">Loading…</p>}
        {sets.error && <Notice kind="error">{sets.error.message}</Notice>}
        {sets.data?.length === 0 && (
          <p className="px-3 py-2 text-sm text-slate-500">
            No rule set yet: paste a rule or upload a zip below.
          </p>
        )}
        {setEnabled.error && <Notice kind="error">{setEnabled.error.message}</Notice>}
        <ul className="divide-y divide-slate-100" aria-label="Rule sets">
          {sets.data?.map((set) => (
            <li
              key={set.id}
              className={`px-3 py-2 hover:bg-slate-50 ${selected === set.id ? "bg-blue-50 hover:bg-blue-50" : ""}`}
            >
              <button
                type="button"
                onClick={() => onSelect(set.id)}
                aria-current={selected === set.id ? "true" : undefined}
                className="flex w-full items-center gap-2 text-left text-sm"
              >
                <span
                  className={`min-w-0 flex-1 break-words font-medium ${set.enabled ? "" : "text-slate-400"}`}
                >
                  {set.name}
                </span>
                {set.builtIn && (
                  <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">read-only</span>
                )}
                <span className="tabular-nums text-xs text-slate-500">
                  {set.rules} {set.rules === 1 ? "rule" : "rules"}
                </span>
              </button>
              <div className="-ml-1 mt-0.5">
                <Switch
                  checked={set.enabled}
                  text="Used in detection"
                  label={`Used in detection: ${set.name}`}
                  disabled={set.builtIn}
                  title={
                    set.builtIn
                      ? "SIGMA_RULES_DIR is always matched"
                      : set.enabled
                        ? "Runs are matched against this set"
                        : "Runs skip this set"
                  }
                  onChange={(enabled) => setEnabled.mutate({ id: set.id, enabled })}
                />
              </div>
            </li>
          ))}
        </ul>
      </section>

      <section className={`${card} space-y-3 p-3`} aria-labelledby="new-set-heading">
        <h2 id="new-set-heading" className="text-sm font-semibold">
          New rule set
        </h2>
        <div role="group" aria-label="How to create the set" className="flex gap-1">
          {tabs.map(([key, label]) => (
            <button
              key={key}
              type="button"

              aria-pressed={mode === key}
              onClick={() => setMode(key)}
              className={
                mode === key
                  ? "rounded border border-blue-500 bg-blue-50 px-2 py-1 text-sm font-medium text-blue-800"
                  : btn
              }
            >
              {label}
            </button>
          ))}
        </div>
        {mode === "paste" && (
          <form onSubmit={submitPaste} className="space-y-2" aria-label="Create from a pasted rule">
            <label className="block text-sm">
              Name
              <input name="name" required maxLength={100} className={`${input} mt-0.5 w-full`} />
            </label>
            <label className="block text-sm">
              Sigma rule (YAML, optional)
              <textarea name="rule" rows={8} spellCheck={false} className={`${textarea} mt-0.5`} />
            </label>
            <button type="submit" className={btnPrimary} disabled={pending}>
              Create set
            </button>
          </form>
        )}
        {mode === "zip" && (
          <form onSubmit={submitZip} className="space-y-2" aria-label="Import a SigmaHQ release zip">
            <label className="block text-sm">
              Name
              <input
                name="name"
                maxLength={100}
                placeholder="From the file name"
                className={`${input} mt-0.5 w-full`}
              />
            </label>
            <label className="block text-sm">
              SigmaHQ release .zip (up to 50 MB)
              <input
                name="file"
                type="file"
                accept=".zip,application/zip"
                required
                className="mt-0.5 block w-full text-sm"
              />
            </label>
            <button type="submit" className={btnPrimary} disabled={pending}>
              {importZip.isPending ? "Importing…" : "Import zip"}
            </button>
          </form>
        )}
        {mode === "folder" && (
          <form
            onSubmit={submitFolder}
            className="space-y-2"
            aria-label="Import a folder under SIGMA_RULES_DIR"
          >
            <label className="block text-sm">
              Name
              <input name="name" required maxLength={100} className={`${input} mt-0.5 w-full`} />
            </label>
            <label className="block text-sm">
              Folder inside SIGMA_RULES_DIR
              <input
                name="folder"
                required
                placeholder="windows/process_creation"
                className={`${input} mt-0.5 w-full font-mono`}
              />
            </label>
            <button type="submit" className={btnPrimary} disabled={pending}>
              Import folder
            </button>
          </form>
        )}
        {error && <Notice kind="error">{error.message}</Notice>}
        {done && !error && <Notice kind="ok">{done}</Notice>}
      </section>
    </div>
  );
}
