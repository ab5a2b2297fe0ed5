"use client";

import { useState, type FormEvent } from "react";
import { useRuleTest } from "./api";
import { Notice, btnPrimary, card, textarea } from "./ui";

/** Paste a rule and evtx-json NDJSON events; see which events fired and which selections matched. */
export function RuleTestPanel() {
  const test = useRuleTest();
  const [ignoreLogsource, setIgnoreLogsource] = useState(false);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    test.mutate({
      rule: String(form.get("rule") ?? ""),
      events: String(form.get("events") ?? ""),
      logsource: ignoreLogsource ? "ignore" : "strict",
    });
  };
  const result = test.data;
  const byEvent = new Map<number, NonNullable<typeof result>["fired"]>();
  for (const hit of result?.fired ?? []) byEvent.set(hit.event, [...(byEvent.get(hit.event) ?? []), hit]);

  return (
    <section className={`${card} p-3`} aria-labelledby="test-heading">
      <h2 id="test-heading" className="text-sm font-semibold">
        Test a rule against events
      </h2>
      <form onSubmit={submit} className="mt-2 grid gap-3 lg:grid-cols-2" aria-label="Test a rule">
        <label className="block text-sm">
          Sigma rule (YAML)
          <textarea name="rule" rows={12} required spellCheck={false} className={`${textarea} mt-0.5`} />
        </label>
        <label className="block text-sm">
          Events (evtx-json, one JSON object per line)
          <textarea
            name="events"
            rows={12}
            required
            spellCheck={false}
            placeholder='{"Event":{"System":{"EventID":1,"Channel":"Microsoft-Windows-Sysmon/Operational"},"EventData":{…}}}'
            className={`${textarea} mt-0.5`}
          />
        </label>
        <div className="flex flex-wrap items-center gap-3 lg:col-span-2">
          <button type="submit" className={btnPrimary} disabled={test.isPending}>
            {test.isPending ? "Testing…" : "Run test"}
          </button>
          <label className="flex items-center gap-1.5 text-sm text-slate-600">
            <input
              type="checkbox"
              checked={ignoreLogsource}
              onChange={(e) => setIgnoreLogsource(e.target.checked)}
            />
            Ignore the rule’s log source (match every event, field names as written)
          </label>
        </div>
      </form>
      <div className="mt-3 space-y-2" aria-live="polite">
        {test.error && <Notice kind="error">{test.error.message}</Notice>}
        {result && (
          <>
            <p className="text-sm" role="status">
              <strong>
                {byEvent.size ? `Fired on ${byEvent.size} of ${result.events} events` : "Did not fire"}
              </strong>
              {" · "}
              {result.evaluated} of {result.events} events reached the rule through its log source
              {result.rules.some((r) => r.outOfScope) &&
                ` · out of scope: ${result.rules.find((r) => r.outOfScope)?.outOfScope}`}
            </p>
            {result.warnings.map((w) => (
              <p key={w} className="text-xs text-amber-700">
                {w}
              </p>
            ))}
            {byEvent.size > 0 && (
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Events the rule fired on</caption>
                <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
                  <tr>
                    <th scope="col" className="px-2 py-1">
                      Event
                    </th>
                    <th scope="col" className="px-2 py-1">
                      Rule
                    </th>
                    <th scope="col" className="px-2 py-1">
                      Seen as
                    </th>
                    <th scope="col" className="px-2 py-1">
                      Selections matched
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {[...byEvent.entries()].flatMap(([event, hits]) =>
                    hits.map((hit, i) => (
                      <tr key={`${event}-${i}`}>
                        <td className="px-2 py-1 tabular-nums">#{event + 1}</td>
                        <td className="px-2 py-1">{hit.title}</td>
                        <td className="px-2 py-1 font-mono text-xs">{hit.source}</td>
                        <td className="px-2 py-1 font-mono text-xs">{hit.selections.join(", ") || "—"}</td>
                      </tr>
                    )),
                  )}
                </tbody>
              </table>
            )}
          </>
        )}
      </div>
    </section>
  );
}
