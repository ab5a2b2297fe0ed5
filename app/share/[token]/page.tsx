import Link from "next/link";
import { runHeaderRun } from "@/lib/scenarios/present";
import { notFound } from "next/navigation";
import { RunHeader } from "@/components/viewer/run-header";
import { RunViewer } from "@/components/viewer/run-viewer";
import { listSharedRuns, readSharedRun, readSharedScenario, resolveShareLink } from "@/lib/db/share-links";
import { signingKeyInfo } from "@/lib/scenarios/signing";
import { loadViewerData } from "@/lib/scenarios/viewer-load";

export const dynamic = "force-dynamic";

export const metadata = { title: "Shared run — Mimicry", robots: { index: false } };

/** Read-only view of a shared run (or of a shared scenario's runs), by token. */
export default async function SharePage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await params;
  const query = await searchParams;
  const share = await resolveShareLink(token);
  if (!share) notFound();
  const scenario = await readSharedScenario(share);
  const runs = await listSharedRuns(share);
  const wanted = typeof query.run === "string" ? query.run : (share.runId ?? runs[0]?.id);
  const run = wanted ? await readSharedRun(share, wanted) : null;
  if (!scenario) notFound();
  const actor = { teamId: share.teamId, userId: null, viaShare: true };
  const [data, key] = run
    ? await Promise.all([loadViewerData(actor, run.id), signingKeyInfo()])
    : [null, null];
  const enc = encodeURIComponent(token);

  return (
    <main className="mx-auto max-w-[1600px] space-y-3 px-4 py-4">
      <p className="rounded border border-amber-300 bg-amber-50 px-3 py-1 text-sm text-amber-900">
        Read-only shared view
        {share.expiresAt ? `, valid until ${new Date(share.expiresAt).toUTCString()}` : ""}.
      </p>
      {runs.length > 1 && (
        <nav className="flex flex-wrap gap-2 text-sm">
          {runs.map((r) => (
            <Link
              key={r.id}
              href={`/share/${enc}?run=${r.id}`}
              className={r.id === run?.id ? "font-semibold" : "text-blue-700 underline"}
            >
              seed {r.seed} ({r.status})
            </Link>
          ))}
        </nav>
      )}
      {run && data && key ? (
        <>
          <RunHeader
            scenarioId={scenario.id}
            title={run.snapshot.title}
            readOnly
            bundleHref={`/share/${enc}/bundle?run=${run.id}`}
            run={runHeaderRun(run)}
            counts={run.counts}
            publicKey={key}
          />
          <RunViewer
            runId={run.id}
            share={token}
            treeEvents={data.treeEvents}
            marks={data.marks}
            options={data.options}
            validation={run.validation}
            detections={run.detections}
            llmTrace={run.llmTrace}
          />
        </>
      ) : (
        <p className="text-sm text-slate-600">{scenario.title} has no runs yet.</p>
      )}
    </main>
  );
}
