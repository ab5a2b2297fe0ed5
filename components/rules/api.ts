"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ImportResult, RuleSetSummary, RuleSetView } from "@/lib/rules/service";
import type { RuleTestResult } from "@/lib/rules/test-rule";

export type { ImportResult, RuleSetSummary, RuleSetView, RuleTestResult };

/** The API's error body, thrown as an Error whose message is the server's (it names the line). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly issues: Array<{ path: string; message: string }> = [],
  ) {
    super(message);
  }
}

async function call<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  if (response.status === 204) return undefined as T;
  const body = (await response.json().catch(() => null)) as
    (T & { error?: { message: string; issues?: ApiError["issues"] } }) | null;
  if (!response.ok || !body)
    throw new ApiError(
      body?.error?.message ?? `Request failed (${response.status})`,
      response.status,
      body?.error?.issues,
    );
  return body;
}

const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

export const ruleSetKeys = {
  all: ["rule-sets"] as const,
  view: (id: string, q: string, status: string) => ["rule-sets", id, q, status] as const,
};

export function useRuleSets() {
  return useQuery({
    queryKey: ruleSetKeys.all,
    queryFn: () => call<{ items: RuleSetSummary[] }>("/api/rule-sets").then((r) => r.items),
  });
}

export function useRuleSetView(id: string | null, q: string, status: string) {
  return useQuery({
    queryKey: ruleSetKeys.view(id ?? "", q, status),
    enabled: id !== null,
    placeholderData: (previous) => previous,
    queryFn: () => {
      const params = new URLSearchParams();
      if (q) params.set("q", q);
      if (status) params.set("status", status);
      return call<RuleSetView>(`/api/rule-sets/${encodeURIComponent(id!)}?${params}`);
    },
  });
}

/** Cached list (RuleSetSummary[]) or view (RuleSetView): both carry `enabled`. */
type RuleSetCache = RuleSetSummary[] | RuleSetView | undefined;

function withEnabled(data: RuleSetCache, id: string, enabled: boolean): RuleSetCache {
  if (Array.isArray(data)) return data.map((set) => (set.id === id ? { ...set, enabled } : set));
  return data?.id === id ? { ...data, enabled } : data;
}

/**
 * "Used in detection": flips `enabled` in every cached list and view at once, puts the old values back when
 * the server refuses, and refetches either way so the page shows what is stored.
 */
function useEnabledToggle() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, enabled }: { id: string; enabled: boolean }) =>
      call<RuleSetSummary>(`/api/rule-sets/${encodeURIComponent(id)}`, json("PATCH", { enabled })),
    onMutate: async ({ id, enabled }) => {
      await client.cancelQueries({ queryKey: ruleSetKeys.all });
      const snapshot = client.getQueriesData<RuleSetCache>({ queryKey: ruleSetKeys.all });
      client.setQueriesData<RuleSetCache>({ queryKey: ruleSetKeys.all }, (data) =>
        withEnabled(data, id, enabled),
      );
      return { snapshot };
    },
    onError: (_error, _input, context) => {
      for (const [key, data] of context?.snapshot ?? []) client.setQueryData(key, data);
    },
    onSettled: () => client.invalidateQueries({ queryKey: ruleSetKeys.all }),
  });
}

export function useRuleSetMutations() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: ruleSetKeys.all });
  return {
    create: useMutation({
      mutationFn: (input: { name: string; description?: string; rule?: string; folder?: string }) =>
        call<ImportResult>("/api/rule-sets", json("POST", input)),
      onSuccess: refresh,
    }),
    importZip: useMutation({
      mutationFn: (form: FormData) =>
        call<ImportResult>("/api/rule-sets/import", { method: "POST", body: form }),
      onSuccess: refresh,
    }),
    addRule: useMutation({
      mutationFn: ({ id, rule }: { id: string; rule: string }) =>
        call<ImportResult>(`/api/rule-sets/${encodeURIComponent(id)}/rules`, json("POST", { rule })),
      onSuccess: refresh,
    }),
    rename: useMutation({
      mutationFn: ({ id, name }: { id: string; name: string }) =>
        call<RuleSetSummary>(`/api/rule-sets/${encodeURIComponent(id)}`, json("PATCH", { name })),
      onSuccess: refresh,
    }),
    setEnabled: useEnabledToggle(),
    remove: useMutation({
      mutationFn: (id: string) =>
        call<void>(`/api/rule-sets/${encodeURIComponent(id)}`, { method: "DELETE" }),
      onSuccess: refresh,
    }),
  };
}

export function useRuleTest() {
  return useMutation({
    mutationFn: (input: { rule: string; events: string; logsource?: "strict" | "ignore" }) =>
      call<RuleTestResult>("/api/rule-sets/test", json("POST", input)),
  });
}
