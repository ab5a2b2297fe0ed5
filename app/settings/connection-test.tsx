"use client";

import { useMutation } from "@tanstack/react-query";
import { useSyncExternalStore } from "react";
import type { ConnectionResult } from "@/lib/llm/connection";

async function runTest(): Promise<ConnectionResult> {
  const response = await fetch("/api/llm/test", { method: "POST" });
  if (!response.ok) throw new Error(`The connection test failed (HTTP ${response.status}).`);
  return (await response.json()) as ConnectionResult;
}

function Outcome({ result }: { result: ConnectionResult }) {
  if (!result.ok) {
    return (
      <p
        role="alert"
        data-testid="connection-result"
        className="mt-3 rounded border border-red-200 bg-red-50 p-3 text-sm text-red-800"
      >
        {result.error}
      </p>
    );
  }
  return (
    <div
      role="status"
      data-testid="connection-result"
      className="mt-3 rounded border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900"
    >
      <p>
        Connected in {result.latencyMs} ms
        {result.method === "chat" ? " (the server has no model list; a one-word chat answered)." : "."}
      </p>
      {result.method === "models" && (
        <>
          {result.modelListed === false && (
            <p className="mt-1 font-medium text-amber-800">
              The planner model is not in the server&apos;s list.
            </p>
          )}
          {result.judgeModelListed === false && (
            <p className="mt-1 font-medium text-amber-800">
              The judge model is not in the server&apos;s list.
            </p>
          )}
          <p className="mt-1">
            {result.models.length} models:{" "}
            <span className="font-mono text-xs">{result.models.slice(0, 30).join(", ")}</span>
            {result.models.length > 30 ? " …" : ""}
          </p>
        </>
      )}
    </div>
  );
}

export function ConnectionTest({ enabled }: { enabled: boolean }) {
  const test = useMutation({ mutationFn: runTest });
  // Disabled until hydrated, so a click never lands on a button with no handler yet.
  const hydrated = useSyncExternalStore(
    () => () => {},
    () => true,
    () => false,
  );
  return (
    <div className="mt-5">
      <button
        type="button"
        onClick={() => test.mutate()}
        disabled={!hydrated || test.isPending}
        className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-50"
      >
        {test.isPending ? "Testing…" : "Test connection"}
      </button>
      {!enabled && <span className="ml-3 text-sm text-slate-500">No model configured.</span>}
      {test.data && <Outcome result={test.data} />}
      {test.error && (
        <p role="alert" data-testid="connection-result" className="mt-3 text-sm text-red-700">
          {test.error.message}
        </p>
      )}
    </div>
  );
}
