"use client";

/** The coherence validator's report stored with the run: the checks that ran and every violation. */

type Dict = Record<string, unknown>;
const dict = (v: unknown): Dict => (v && typeof v === "object" && !Array.isArray(v) ? (v as Dict) : {});

export interface ReportIssue {
  check: string;
  message: string;
  events: number[];
  severity: string;
}

/** Reads the report whatever its exact nesting: `{ issues | violations: [...] , checks?: [...] }`. */
export function reportIssues(report: unknown): ReportIssue[] {
  const r = dict(report);
  const list = (r.violations ?? r.issues ?? (Array.isArray(report) ? report : [])) as unknown[];
  return (Array.isArray(list) ? list : []).map((item) => {
    const i = dict(item);
    const refs = (i.events ?? i.eventIndexes ?? (i.event !== undefined ? [i.event] : [])) as unknown[];
    return {
      check: String(i.check ?? i.rule ?? i.code ?? "check"),
      message: String(i.message ?? ""),
      events: (Array.isArray(refs) ? refs : [])
        .map((x) => (typeof x === "number" ? x : Number(dict(x).index ?? dict(x).event)))
        .filter(Number.isInteger),
      severity: String(i.severity ?? "error"),
    };
  });
}

export function reportChecks(report: unknown): string[] {
  const checks = dict(report).checks;
  if (!Array.isArray(checks)) return [];
  return checks
    .map((c) => (typeof c === "string" ? c : String(dict(c).name ?? dict(c).id ?? "")))
    .filter(Boolean);
}

export function ValidationPanel({ report, onSelect }: { report: unknown; onSelect: (seq: number) => void }) {
  if (report === null || report === undefined) {
    return <p className="p-4 text-sm text-slate-500">No validation report stored for this run.</p>;
  }
  const issues = reportIssues(report);
  const checks = reportChecks(report);
  const r = dict(report);
  const plan = Array.isArray(r.violations) && Array.isArray(r.issues) ? r.issues.map(dict) : [];
  return (
    <div className="max-h-[640px] space-y-3 overflow-auto p-4 text-sm" data-testid="validation-report">
      <p className={issues.length ? "font-semibold text-red-700" : "font-semibold text-emerald-700"}>
        {issues.length ? `${issues.length} violation(s)` : "Coherent: no violations"}
        {checks.length ? ` across ${checks.length} checks` : ""}
      </p>
      {checks.length > 0 && (
        <ul className="flex flex-wrap gap-1">
          {checks.map((c) => (
            <li key={c} className="rounded bg-slate-100 px-2 py-0.5 text-xs">
              {issues.some((i) => i.check === c) ? "✗" : "✓"} {c}
            </li>
          ))}
        </ul>
      )}
      {plan.length > 0 && (
        <div>
          <h3 className="font-semibold">Planning notes (repairs, prunes, steps that could not run)</h3>
          <ul className="list-disc pl-5 text-xs">
            {plan.map((p, i) => (
              <li key={i}>
                {p.step !== null && p.step !== undefined ? `Step ${Number(p.step) + 1}: ` : ""}
                {String(p.message)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {issues.length > 0 && (
        <table className="w-full text-left text-xs">
          <thead>
            <tr className="border-b border-slate-200 text-slate-500">
              <th className="py-1">Check</th>
              <th>Message</th>
              <th>Events</th>
            </tr>
          </thead>
          <tbody>
            {issues.map((issue, i) => (
              <tr key={i} className="border-b border-slate-100 align-top">
                <td className="py-1 pr-2 font-mono">{issue.check}</td>
                <td className="pr-2">{issue.message}</td>
                <td className="space-x-1">
                  {issue.events.slice(0, 8).map((seq) => (
                    <button
                      key={seq}
                      type="button"
                      className="text-blue-700 underline"
                      onClick={() => onSelect(seq)}
                    >
                      #{seq}
                    </button>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
