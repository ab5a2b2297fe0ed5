"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect } from "react";

const FINAL = new Set(["succeeded", "failed"]);

/** Polls GET /api/runs/{id} while the run is queued or running, then refreshes the server-rendered page. */
export function RunStatus({ runId, initial }: { runId: string; initial: string }) {
  const router = useRouter();
  const status = useQuery({
    queryKey: ["run-status", runId],
    queryFn: async () => {
      const response = await fetch(`/api/runs/${runId}`);
      const body = await response.json();
      if (!response.ok) throw new Error(body?.error?.message ?? `HTTP ${response.status}`);
      return body as { status: string; error: string | null; eventCount: number };
    },
    initialData: { status: initial, error: null, eventCount: 0 },
    refetchInterval: (query) => (FINAL.has(query.state.data?.status ?? "") ? false : 1000),
    enabled: !FINAL.has(initial),
  });
  const current = status.data?.status ?? initial;
  useEffect(() => {
    if (!FINAL.has(initial) && FINAL.has(current)) router.refresh();
  }, [initial, current, router]);

  const tone =
    current === "succeeded"
      ? "bg-emerald-100 text-emerald-800"
      : current === "failed"
        ? "bg-red-100 text-red-800"
        : "bg-amber-100 text-amber-800";
  return (
    <span className={`rounded px-2 py-0.5 text-xs font-semibold ${tone}`} data-testid="run-status">
      {current}
      {!FINAL.has(current) && "…"}
    </span>
  );
}
