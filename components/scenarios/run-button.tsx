"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { btnPrimary } from "./ui";

/** Starts a run of the saved scenario as it is now (POST /api/scenarios/{id}/runs) and opens its viewer. */
export function RunButton({ scenarioId }: { scenarioId: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const run = () =>
    start(async () => {
      setError(null);
      const response = await fetch(`/api/scenarios/${scenarioId}/runs`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      });
      const body = await response.json().catch(() => null);
      if (response.ok) router.push(`/scenarios/${scenarioId}/runs/${body.id}`);
      else setError(body?.error?.message ?? `HTTP ${response.status}`);
    });
  return (
    <span className="inline-flex items-center gap-2">
      <button type="button" className={btnPrimary} disabled={pending} onClick={run}>
        {pending ? "Starting…" : "Run again"}
      </button>
      {error && (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
