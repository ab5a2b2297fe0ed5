"use client";

import { useInfiniteQuery, useMutation, useQueryClient, type InfiniteData } from "@tanstack/react-query";

/** A scenario row as GET /api/scenarios returns it. */
export interface ScenarioItem {
  id: string;
  title: string;
  narrative: string;
  techniques: string[];
  tags: string[];
  authorName: string | null;
  teamName: string;
  /** False for another team's public scenario: read-only here. */
  owned: boolean;
  visibility: "private" | "team" | "public";
  createdAt: string;
  runCount: number;
  latestRun: { id: string; status: string; eventCount: number; seed: number } | null;
}

export interface ScenarioListPage {
  items: ScenarioItem[];
  nextCursor: string | null;
}

export interface HistoryFilters {
  q?: string;
  technique?: string;
  tactic?: string;
  author?: string;
  from?: string;
  to?: string;
  /** "public": every team's public scenarios instead of the team's own. */
  scope?: "public";
}

async function request<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, {
    ...init,
    headers: init?.body ? { "content-type": "application/json" } : undefined,
  });
  const body = response.status === 204 ? null : await response.json();
  if (!response.ok) throw new Error(body?.error?.message ?? `HTTP ${response.status}`);
  return body as T;
}

export function useScenarioList(filters: HistoryFilters) {
  return useInfiniteQuery({
    queryKey: ["scenarios", filters],
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v);
      if (pageParam) params.set("cursor", pageParam);
      return request<ScenarioListPage>(`/api/scenarios?${params}`);
    },
    initialPageParam: "" as string,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

type ListCache = InfiniteData<ScenarioListPage, string>;

/** Delete with an optimistic removal; the caller offers undo (restore). */
export function useScenarioMutations() {
  const client = useQueryClient();
  const invalidate = () => client.invalidateQueries({ queryKey: ["scenarios"] });

  const remove = useMutation({
    mutationFn: (id: string) => request(`/api/scenarios/${id}`, { method: "DELETE" }),
    onMutate: async (id) => {
      await client.cancelQueries({ queryKey: ["scenarios"] });
      const snapshot = client.getQueriesData<ListCache>({ queryKey: ["scenarios"] });
      client.setQueriesData<ListCache>({ queryKey: ["scenarios"] }, (data) =>
        data
          ? { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items.filter((s) => s.id !== id) })) }
          : data,
      );
      return { snapshot };
    },
    onError: (_error, _id, context) => {
      for (const [key, data] of context?.snapshot ?? []) client.setQueryData(key, data);
    },
    onSettled: invalidate,
  });
  const restore = useMutation({
    mutationFn: (id: string) => request(`/api/scenarios/${id}/restore`, { method: "POST", body: "{}" }),
    onSettled: invalidate,
  });
  const duplicate = useMutation({
    mutationFn: (id: string) =>
      request<{ id: string }>(`/api/scenarios/${id}/duplicate`, { method: "POST", body: "{}" }),
    onSettled: invalidate,
  });
  const rerun = useMutation({
    mutationFn: (id: string) =>
      request<{ id: string; status: string }>(`/api/scenarios/${id}/runs`, {
        method: "POST",
        body: JSON.stringify({ seed: Math.floor(Math.random() * 2_147_483_647) }),
      }),
    onSettled: invalidate,
  });
  return { remove, restore, duplicate, rerun };
}
