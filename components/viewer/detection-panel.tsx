"use client";

import { useQuery } from "@tanstack/react-query";
import type { RunDetections } from "@/lib/scenarios/types";
import { CopyButton } from "./copy-button";

function isDetections(value: unknown): value is RunDetections {
  const v = value as RunDetections | null;
  return Boolean(v && typeof v === "object" && Array.isArray(v.steps) && Array.isArray(v.fired));
}

/** Detections arrive shortly after a run is stored: poll the run until they are there (about two minutes). */
function useDetections(runId: string, initial: unknown, poll: boolean) {
  const query = useQuery({
    queryKey: ["run-detections", runId],
    queryFn: async () => {
      const response = await fetch(`/api/runs/${runId}`);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return ((await response.json()) as { detections: unknown }).detections;
    },
    initialData: initial,
    enabled: poll && !isDetections(initial),
    refetchInterval: (q) => (isDetections(q.state.data) || q.state.dataUpdateCount > 60 ? false : 2000),
  });
  return query.data;
}

/** Which rule set a rule came from (team sets and SIGMA_RULES_DIR alike). */
function SetBadge({ name }: { name: string }) {
  return <span className="ml-1 rounded bg-indigo-50 px-1 text-[11px] text-indigo-800">{name}</span>;
}

/** Expected vs fired per step, all fired rules, and query templates with copy buttons. */
export function DetectionPanel({
  runId,
  detections: initial,
  poll,
  onSelect,
}: {
  runId: string;
  detections: unknown;
  poll: boolean;
  onSelect: (seq: number) => void;
}) {
  const detections = useDetections(runId, initial, poll);
  if (!isDetections(detections)) {
    return (
      <p className="p-4 text-sm text-slate-500" data-testid="detection-pending">
        {poll ? "Running the Sigma rules over this run…" : "No detection results for this run."}
      </p>
    );
  }
  const d = detections;
  const expected = d.steps.flatMap((s) => s.expected);
  const firedExpected = expected.filter((r) => r.fired).length;
  return (
    <div className="max-h-[640px] space-y-4 overflow-auto p-4 text-sm" data-testid="detection-panel">
      <p>
        {d.rules.loaded} rules loaded from {d.rules.source}
        {d.rules.failed ? ` (${d.rules.failed} failed to parse)` : ""}. {d.fired.length} fired;{" "}
        {firedExpected} of {expected.length} expected rules fired.
      </p>
      {d.rules.sets && d.rules.sets.length > 0 && (
        <ul className="flex flex-wrap gap-2 text-xs" data-testid="detection-rule-sets">
          {d.rules.sets.map((set) => {
            const count = d.fired.filter((r) => (r.ruleSetId ?? "sigmahq") === set.id).length;
            return (
              <li key={set.id} className="rounded border border-slate-200 bg-slate-50 px-2 py-0.5">
                {set.name}: {set.loaded} rule(s), {count} fired
                {set.failed ? `, ${set.failed} not loading` : ""}
              </li>
            );
          })}
        </ul>
      )}
      <section>
        <h3 className="font-semibold">Expected vs fired</h3>
        {d.steps.map((s) => (
          <div key={s.step} className="mt-2">
            <div className="font-medium">
              Step {s.step + 1} · <span className="font-mono">{s.technique}</span>{" "}
              <span className="text-slate-500">
                ({s.expected.filter((r) => r.fired).length}/{s.expected.length} fired)
              </span>
            </div>
            {s.expected.length === 0 ? (
              <p className="text-xs text-slate-500">No loaded rule is tagged with this technique.</p>
            ) : (
              <ul className="text-xs">
                {s.expected.map((r) => (
                  <li
                    key={`${r.ruleSet ?? ""}:${r.ruleId}`}
                    className={r.fired ? "text-emerald-800" : "text-slate-500"}
                  >
                    {r.fired ? "✓" : "✗"} {r.title} <span className="text-slate-400">({r.level})</span>
                    {r.ruleSet && <SetBadge name={r.ruleSet} />}
                    {r.events.slice(0, 5).map((seq) => (
                      <button
                        key={seq}
                        type="button"
                        className="ml-1 text-blue-700 underline"
                        onClick={() => onSelect(seq)}
                      >
                        #{seq}
                      </button>
                    ))}
                  </li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </section>
      <section>
        <h3 className="font-semibold">Rules that fired</h3>
        <ul className="text-xs">
          {d.fired.map((r) => (
            <li key={`${r.ruleSetId ?? ""}:${r.ruleId}`} data-testid="fired-rule">
              {r.title} {r.ruleSet && <SetBadge name={r.ruleSet} />}{" "}
              <span className="text-slate-500">
                ({r.level}; {r.techniques.join(", ") || "no technique tag"}; {r.events.length} event(s))
              </span>
            </li>
          ))}
        </ul>
      </section>
      {d.templates.length > 0 && (
        <section>
          <h3 className="font-semibold">Query templates</h3>
          {d.templates.map((t, i) => (
            <details key={i} className="mt-2 rounded border border-slate-200" open={i === 0}>
              <summary className="flex cursor-pointer items-center gap-2 bg-slate-50 px-2 py-1 text-xs">
                <span className="font-medium">
                  {t.step === null ? "Whole run" : `Step ${t.step + 1}`} · {t.title}
                </span>
                <span className="text-slate-500">{t.language}</span>
                <span className="ml-auto">
                  <CopyButton text={t.query} />
                </span>
              </summary>
              <pre className="overflow-x-auto border-t border-slate-200 p-2 text-xs">{t.query}</pre>
            </details>
          ))}
        </section>
      )}
    </div>
  );
}
