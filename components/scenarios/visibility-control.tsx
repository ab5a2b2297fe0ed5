"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { updateScenarioAction } from "@/app/scenarios/actions";
import { input } from "./ui";

type Visibility = "private" | "team" | "public";

const LABELS: Record<Visibility, string> = {
  private: "Private — only me",
  team: "Team — my team",
  public: "Public — every team (read-only)",
};

/** Who may read the scenario and its runs; saved as soon as it changes. */
export function VisibilityControl({ scenarioId, initial }: { scenarioId: string; initial: Visibility }) {
  const router = useRouter();
  const [value, setValue] = useState<Visibility>(initial);
  const [error, setError] = useState<string | null>(null);
  const [saving, startSaving] = useTransition();

  const change = (next: Visibility) =>
    startSaving(async () => {
      setError(null);
      const previous = value;
      setValue(next);
      const result = await updateScenarioAction(scenarioId, { visibility: next });
      if (result.ok) router.refresh();
      else {
        setValue(previous);
        setError(result.error.message);
      }
    });

  return (
    <label className="flex items-center gap-2 text-sm">
      Visibility
      <select
        className={input}
        value={value}
        disabled={saving}
        onChange={(e) => change(e.target.value as Visibility)}
        data-testid="visibility"
      >
        {(Object.keys(LABELS) as Visibility[]).map((v) => (
          <option key={v} value={v}>
            {LABELS[v]}
          </option>
        ))}
      </select>
      {saving && <span className="text-xs text-slate-500">Saving…</span>}
      {error && (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      )}
    </label>
  );
}
