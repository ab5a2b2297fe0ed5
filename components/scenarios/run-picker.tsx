"use client";

import Link from "next/link";
import { useState } from "react";
import { btn, btnPrimary } from "./ui";

interface RunRow {
  id: string;
  status: string;
  seed: number;
  eventCount: number;
  createdAt: string;
  durationMs: number | null;
}

/** A scenario's runs; tick two to compare them. */
export function RunPicker({ scenarioId, runs }: { scenarioId: string; runs: RunRow[] }) {
  const [picked, setPicked] = useState<string[]>([]);
  const toggle = (id: string) =>
    setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id].slice(-2)));
  if (runs.length === 0) return <p className="text-sm text-slate-500">No runs yet.</p>;
  return (
    <div className="space-y-2">
      <table className="w-full text-left text-sm">
        <thead className="text-xs text-slate-500">
          <tr>
            <th className="w-8" />
            <th>Created</th>
            <th>Status</th>
            <th>Seed</th>
            <th>Events</th>
            <th>Took</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.id} className="border-t border-slate-100">
              <td>
                <input
                  type="checkbox"
                  aria-label={`Compare run ${r.id}`}
                  checked={picked.includes(r.id)}
                  onChange={() => toggle(r.id)}
                />
              </td>
              <td>{new Date(r.createdAt).toLocaleString()}</td>
              <td>{r.status}</td>
              <td className="font-mono">{r.seed}</td>
              <td>{r.eventCount.toLocaleString()}</td>
              <td>{r.durationMs === null ? "—" : `${r.durationMs} ms`}</td>
              <td className="text-right">
                <Link className={btn} href={`/scenarios/${scenarioId}/runs/${r.id}`}>
                  Open
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {picked.length === 2 ? (
        <Link className={btnPrimary} href={`/scenarios/compare?a=${picked[0]}&b=${picked[1]}`}>
          Compare the two selected runs
        </Link>
      ) : (
        <p className="text-xs text-slate-500">
          Tick two runs to compare their counts and the events that differ.
        </p>
      )}
    </div>
  );
}
