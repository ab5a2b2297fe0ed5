"use client";

import { summarizeTrace, type LlmTrace } from "@/lib/llm/trace";

function isTrace(value: unknown): value is LlmTrace {
  const v = value as LlmTrace | null;
  return Boolean(
    v && typeof v === "object" && Array.isArray(v.rounds) && v.totals && typeof v.mode === "string",
  );
}

/** The generator → evaluator → improver rounds stored with a run (issue 7). */
export function LlmTracePanel({ trace }: { trace: unknown }) {
  if (!isTrace(trace)) return <p className="p-4 text-sm text-slate-500">This run has no model trace.</p>;
  const summary = summarizeTrace(trace);
  return (
    <div className="space-y-3 p-4 text-sm" data-testid="llm-trace">
      <p className="font-semibold">{summary.headline}</p>
      <p className="text-slate-600">{trace.stopReason}</p>
      <ol className="space-y-2">
        {trace.rounds.map((round, i) => (
          <li key={round.round} className="rounded border border-slate-200 p-2">
            <div className="font-medium">{summary.lines[i]}</div>
            {round.promptHash && (
              <div className="font-mono text-xs text-slate-500">prompt {round.promptHash.slice(0, 16)}…</div>
            )}
            {round.critiques.length > 0 && (
              <ul className="mt-1 list-disc pl-5 text-slate-700">
                {round.critiques.map((c, j) => (
                  <li key={j}>{c}</li>
                ))}
              </ul>
            )}
            {round.deterministic.rejected.length > 0 && (
              <ul className="mt-1 list-disc pl-5 text-amber-800">
                {round.deterministic.rejected.map((c, j) => (
                  <li key={j}>{c}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
