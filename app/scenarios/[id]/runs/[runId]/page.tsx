import Link from "next/link";
import { runHeaderRun } from "@/lib/scenarios/present";
import { notFound } from "next/navigation";
import { RunHeader } from "@/components/viewer/run-header";
import { RunViewer } from "@/components/viewer/run-viewer";
import { ensureLocalActor } from "@/lib/db/actors";
import { readRun } from "@/lib/db/runs";
import { readScenario } from "@/lib/db/scenarios";
import { signingKeyInfo } from "@/lib/scenarios/signing";
import { loadViewerData } from "@/lib/scenarios/viewer-load";

export const dynamic = "force-dynamic";

export default async function RunPage({ params }: { params: Promise<{ id: string; runId: string }> }) {
  const { id, runId } = await params;
  const actor = await ensureLocalActor();
  const [foundScenario, foundRun] = await Promise.all([readScenario(actor, id), readRun(actor, runId)]);
  if (!foundScenario || !foundRun || foundRun.run.scenarioId !== foundScenario.scenario.id) notFound();
  const { scenario } = foundScenario;
  const { run, reader, own } = foundRun;
  const [data, key] = await Promise.all([loadViewerData(reader, run.id), signingKeyInfo()]);

  return (
    <main className="mx-auto max-w-[1600px] space-y-3 px-4 py-4">
      <nav className="text-sm text-slate-500" aria-label="Breadcrumb">
        <Link href="/scenarios" className="hover:underline">
          Scenarios
        </Link>{" "}
        /{" "}
        <Link href={`/scenarios/${scenario.id}`} className="hover:underline">
          {scenario.title}
        </Link>{" "}
        / run
      </nav>
      <RunHeader
        scenarioId={scenario.id}
        title={run.snapshot.title}
        run={runHeaderRun(run)}
        counts={run.counts}
        publicKey={key}
        readOnly={!own}
      />
      <RunViewer
        runId={run.id}
        treeEvents={data.treeEvents}
        marks={data.marks}
        options={data.options}
        validation={run.validation}
        detections={run.detections}
        llmTrace={run.llmTrace}
      />
    </main>
  );
}
