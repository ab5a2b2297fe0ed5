"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import type { ViewerEvent } from "./types";

/** Table filters; the same names as GET /api/runs/{id}/events accepts. */
export interface EventFilters {
  host?: string;
  channel?: string;
  eventId?: number;
  technique?: string;
  label?: "malicious" | "benign";
  q?: string;
  processGuid?: string;
  logonId?: string;
  image?: string;
  parentProcessGuid?: string;
  from?: string;
  to?: string;
}

export interface EventPage {
  events: ViewerEvent[];
  nextCursor: number | null;
  total: number;
}

export const PIVOTS = ["processGuid", "logonId", "parentProcessGuid", "image"] as const;

export function filtersToParams(filters: EventFilters, cursor?: number, limit = 500): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  if (cursor !== undefined) params.set("cursor", String(cursor));
  params.set("limit", String(limit));
  return params;
}

async function fetchPage(runId: string, filters: EventFilters, cursor: number | undefined, share?: string) {
  const base = share ? `/share/${encodeURIComponent(share)}/events` : `/api/runs/${runId}/events`;
  const params = filtersToParams(filters, cursor);
  if (share) params.set("run", runId);
  const response = await fetch(`${base}?${params}`);
  const body = await response.json();
  if (!response.ok) throw new Error(body?.error?.message ?? `HTTP ${response.status}`);
  return body as EventPage;
}

/** Server-filtered, cursor-paged events; the table asks for the next page as it scrolls. */
export function useRunEvents(runId: string, filters: EventFilters, share?: string) {
  return useInfiniteQuery({
    queryKey: ["run-events", runId, share ?? null, filters],
    queryFn: ({ pageParam }) => fetchPage(runId, filters, pageParam, share),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: Infinity,
  });
}
