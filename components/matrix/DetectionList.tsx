"use client";

import type { TechniqueDetail } from "@/lib/matrix/technique-detail";

/** v18 detection strategies with their analytics, log sources (name + channel) and mutable elements. */
interface DetectionListProps {
  strategies: TechniqueDetail["detectionStrategies"];
  /** Filters the matrix by a log-source key ("WinEventLog:Sysmon EventCode 10"). */
  onFilterLogSource?(key: string): void;
}

export function DetectionList({ strategies, onFilterLogSource }: DetectionListProps) {
  if (strategies.length === 0)
    return <p className="text-sm text-slate-500">ATT&amp;CK lists no detection strategy.</p>;
  return (
    <div className="space-y-3">
      {strategies.map((strategy) => (
        <article key={strategy.id} className="rounded border border-slate-200 bg-white p-3">
          <h4 className="text-sm font-semibold">
            <span className="mr-1 font-mono text-xs text-slate-500">{strategy.id}</span>
            {strategy.url ? (
              <a href={strategy.url} target="_blank" rel="noreferrer noopener" className="hover:underline">
                {strategy.name}
              </a>
            ) : (
              strategy.name
            )}
          </h4>
          {strategy.analytics.map((analytic) => (
            <section
              key={analytic.id}
              className="mt-2 border-t border-slate-100 pt-2"
              data-analytic={analytic.id}
            >
              <h5 className="text-xs font-semibold text-slate-700">
                <span className="mr-1 font-mono text-slate-500">{analytic.id}</span>
                {analytic.platforms.join(", ")}
              </h5>
              {analytic.description && <p className="mt-1 text-xs text-slate-600">{analytic.description}</p>}
              {analytic.logSources.length > 0 && (
                <table className="mt-1.5 w-full text-left text-xs">
                  <caption className="sr-only">Log sources of {analytic.id}</caption>
                  <thead className="text-slate-500">
                    <tr>
                      <th className="py-0.5 pr-2 font-medium">Log source</th>
                      <th className="py-0.5 pr-2 font-medium">Channel</th>
                      <th className="py-0.5 font-medium">Data component</th>
                    </tr>
                  </thead>
                  <tbody>
                    {analytic.logSources.map((source, i) => (
                      <tr
                        key={i}
                        className="border-t border-slate-100 align-top"
                        data-log-source={source.name}
                      >
                        <td className="py-0.5 pr-2 font-mono">
                          {onFilterLogSource ? (
                            <button
                              type="button"
                              className="text-left hover:text-blue-700 hover:underline"
                              title="Show every technique with this log source"
                              onClick={() =>
                                onFilterLogSource(
                                  source.eventIds.length === 1
                                    ? `${source.name} EventCode ${source.eventIds[0]}`
                                    : source.name,
                                )
                              }
                            >
                              {source.name}
                            </button>
                          ) : (
                            source.name
                          )}
                        </td>
                        <td className="py-0.5 pr-2 font-mono">{source.channel}</td>
                        <td className="py-0.5 text-slate-600">{source.dataComponent ?? "—"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {analytic.mutableElements.length > 0 && (
                <details className="mt-1.5 text-xs">
                  <summary className="cursor-pointer text-slate-600">
                    Mutable elements ({analytic.mutableElements.length})
                  </summary>
                  <dl className="mt-1 space-y-1">
                    {analytic.mutableElements.map((element) => (
                      <div key={element.field}>
                        <dt className="font-mono font-medium">{element.field}</dt>
                        <dd className="text-slate-600">{element.description}</dd>
                      </div>
                    ))}
                  </dl>
                </details>
              )}
            </section>
          ))}
        </article>
      ))}
    </div>
  );
}
