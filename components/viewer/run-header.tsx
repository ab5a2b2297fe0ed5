"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { btn, btnPrimary, card } from "@/components/scenarios/ui";
import type { SigningKeyInfo } from "@/lib/scenarios/signing";
import { CopyButton } from "./copy-button";
import { RunStatus } from "./run-status";
import { ShareLinks } from "./share-links";
import { channelShort } from "./types";

export interface RunHeaderRun {
  id: string;
  status: string;
  seed: number;
  engineVersion: string;
  attackVersion: string | null;
  mode: string;
  /** The planner model and whether it fell back to the deterministic plan (model mode). */
  model?: string | null;
  fallback?: boolean;
  eventCount: number;
  durationMs: number | null;
  error: string | null;
  createdAt: string;
  steps: string[];
  formats: string[];
  timings?: Record<string, number> | null;
}

async function post<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) throw new Error(json?.error?.message ?? `HTTP ${response.status}`);
  return json as T;
}

export function RunHeader({
  scenarioId,
  title,
  run,
  counts,
  publicKey,
  readOnly = false,
  bundleHref,
}: {
  scenarioId: string;
  title: string;
  run: RunHeaderRun;
  counts: { byHost: Record<string, number>; byChannel: Record<string, number> } | null;
  publicKey: SigningKeyInfo;
  readOnly?: boolean;
  bundleHref?: string;
}) {
  const router = useRouter();
  const [shareUrl, setShareUrl] = useState<string | null>(null);
  const [showKey, setShowKey] = useState(false);
  const [showLinks, setShowLinks] = useState(false);
  const queryClient = useQueryClient();
  const rerun = useMutation({
    mutationFn: () =>
      post<{ id: string }>(`/api/scenarios/${scenarioId}/runs`, {
        seed: Math.floor(Math.random() * 2_147_483_647),
      }),
    onSuccess: (next) => router.push(`/scenarios/${scenarioId}/runs/${next.id}`),
  });
  const share = useMutation({
    mutationFn: () => post<{ url: string }>(`/api/runs/${run.id}/share`, { expiresInDays: 30 }),
    onSuccess: (link) => {
      setShareUrl(new URL(link.url, window.location.origin).toString());
      void queryClient.invalidateQueries({ queryKey: ["share-links", run.id] });
    },
  });

  return (
    <header className={`${card} space-y-2 p-4`}>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
        <RunStatus runId={run.id} initial={run.status} />
        <div className="ml-auto flex flex-wrap gap-2">
          <a
            className={btnPrimary}
            href={bundleHref ?? `/api/runs/${run.id}/bundle`}
            download
            data-testid="download-bundle"
          >
            Download signed bundle
          </a>
          {!readOnly && (
            <>
              <button type="button" className={btn} disabled={rerun.isPending} onClick={() => rerun.mutate()}>
                {rerun.isPending ? "Re-running…" : "Re-run with new seed"}
              </button>
              <Link className={btn} href={`/scenarios/${scenarioId}`}>
                Runs &amp; compare
              </Link>
              <button type="button" className={btn} disabled={share.isPending} onClick={() => share.mutate()}>
                Share read-only
              </button>
            </>
          )}
        </div>
      </div>
      <dl className="flex flex-wrap gap-x-5 gap-y-1 text-xs text-slate-600">
        <div>
          <dt className="inline text-slate-400">Techniques </dt>
          <dd className="inline font-mono">{run.steps.join(" → ")}</dd>
        </div>
        <div>
          <dt className="inline text-slate-400">Seed </dt>
          <dd className="inline font-mono">{run.seed}</dd>
        </div>
        <div>
          <dt className="inline text-slate-400">Events </dt>
          <dd className="inline">{run.eventCount.toLocaleString()}</dd>
        </div>
        {run.durationMs !== null && (
          <div>
            <dt className="inline text-slate-400">Took </dt>
            <dd className="inline" data-testid="run-duration">
              {run.durationMs} ms
              {run.timings
                ? ` (${Object.entries(run.timings)
                    .map(([phase, ms]) => `${phase} ${ms}`)
                    .join(", ")})`
                : ""}
            </dd>
          </div>
        )}
        <div>
          <dt className="inline text-slate-400">Engine </dt>
          <dd className="inline">{run.engineVersion}</dd>
        </div>
        <div>
          <dt className="inline text-slate-400">ATT&amp;CK </dt>
          <dd className="inline">{run.attackVersion ?? "—"}</dd>
        </div>
        <div>
          <dt className="inline text-slate-400">Mode </dt>
          <dd className="inline" data-testid="run-mode">
            {run.mode}
            {run.model ? ` (${run.model}${run.fallback ? ", fell back to the deterministic plan" : ""})` : ""}
          </dd>
        </div>
        <div>
          <dt className="inline text-slate-400">Formats </dt>
          <dd className="inline">{run.formats.join(", ") || "evtx-json, evtx-xml"}</dd>
        </div>
      </dl>
      {counts && (
        <div className="flex flex-wrap gap-1 text-xs">
          {Object.entries(counts.byHost).map(([host, n]) => (
            <span key={host} className="rounded bg-slate-100 px-1.5 py-0.5">
              {host}: {n}
            </span>
          ))}
          {Object.entries(counts.byChannel).map(([channel, n]) => (
            <span key={channel} className="rounded bg-blue-50 px-1.5 py-0.5">
              {channelShort(channel)}: {n}
            </span>
          ))}
        </div>
      )}
      {run.error && <p className="text-sm text-red-700">Run failed: {run.error}</p>}
      {(rerun.error || share.error) && (
        <p className="text-sm text-red-700">{(rerun.error ?? share.error)?.message}</p>
      )}
      {shareUrl && (
        <p className="flex items-center gap-2 text-sm">
          Read-only link (shown once): <code className="truncate rounded bg-slate-100 px-1">{shareUrl}</code>
          <CopyButton text={shareUrl} />
        </p>
      )}
      <div className="text-xs text-slate-500">
        Bundles are signed with Ed25519 key{" "}
        <code className="font-mono">{publicKey.fingerprint.slice(0, 16)}…</code>{" "}
        <button type="button" className="text-blue-700 underline" onClick={() => setShowKey((s) => !s)}>
          {showKey ? "hide" : "show public key"}
        </button>{" "}
        ·{" "}
        <Link href="/verify" className="text-blue-700 underline">
          verify a bundle
        </Link>
        {!readOnly && (
          <>
            {" "}
            ·{" "}
            <button type="button" className="text-blue-700 underline" onClick={() => setShowLinks((s) => !s)}>
              {showLinks ? "hide share links" : "share links"}
            </button>
          </>
        )}
        {showLinks && !readOnly && (
          <div className="mt-1 max-w-xl">
            <ShareLinks runId={run.id} />
          </div>
        )}
        {showKey && (
          <div className="mt-1 flex items-start gap-2">
            <pre className="rounded bg-slate-100 p-2 text-[11px]" data-testid="public-key">
              {publicKey.publicKeyPem}
            </pre>
            <CopyButton text={publicKey.publicKeyPem} label="Copy PEM" />
          </div>
        )}
      </div>
    </header>
  );
}
