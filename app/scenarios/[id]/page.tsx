import Link from "next/link";
import { notFound } from "next/navigation";
import { RunButton } from "@/components/scenarios/run-button";
import { RunPicker } from "@/components/scenarios/run-picker";
import { btn, card } from "@/components/scenarios/ui";
import { VisibilityControl } from "@/components/scenarios/visibility-control";
import { ensureLocalActor } from "@/lib/db/actors";
import { listRuns } from "@/lib/db/runs";
import { readScenario } from "@/lib/db/scenarios";

export const dynamic = "force-dynamic";

export default async function ScenarioPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const found = await readScenario(await ensureLocalActor(), id);
  if (!found) notFound();
  const { scenario, reader, own } = found;
  const runs = await listRuns(reader, id, { limit: 100 });
  const env = scenario.environment ?? {};
  return (
    <main className="mx-auto max-w-5xl space-y-4 px-4 py-6">
      <nav className="text-sm text-slate-500">
        <Link href="/scenarios" className="hover:underline">
          Scenarios
        </Link>{" "}
        / {scenario.title}
      </nav>
      <section className={`${card} space-y-2 p-4`}>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">{scenario.title}</h1>
          {own ? (
            <div className="ml-auto flex flex-wrap items-center gap-2">
              <VisibilityControl scenarioId={scenario.id} initial={scenario.visibility} />
              <Link className={btn} href={`/scenarios/${scenario.id}/edit`}>
                Edit
              </Link>
              <RunButton scenarioId={scenario.id} />
            </div>
          ) : (
            <span
              className="ml-auto rounded bg-amber-50 px-2 py-0.5 text-sm text-amber-800"
              data-testid="read-only"
            >
              Shared publicly by {scenario.teamName} · read-only
            </span>
          )}
        </div>
        {scenario.narrative && <p className="whitespace-pre-wrap text-slate-700">{scenario.narrative}</p>}
        <ol className="list-decimal space-y-1 pl-6 text-sm">
          {scenario.steps.map((s, i) => (
            <li key={i}>
              <span className="font-mono font-semibold">{s.technique}</span>
              {s.procedure && <span className="text-slate-600"> · procedure {s.procedure}</span>}
              {s.variant && <span className="text-slate-600"> ({s.variant})</span>}
              {s.action && <span className="text-slate-600"> · “{s.action}”</span>}
              {s.host && <span className="text-slate-500"> on {s.host}</span>}
            </li>
          ))}
        </ol>
        <p className="text-xs text-slate-500">
          Seed {scenario.seed} · {env.hosts?.length ? `${env.hosts.length} host(s)` : "default estate"}
          {env.domain ? ` · ${env.domain}` : ""}
          {scenario.tags.length ? ` · tags: ${scenario.tags.join(", ")}` : ""} · by{" "}
          {scenario.authorName ?? "unknown"} · {new Date(scenario.createdAt).toLocaleString()}
        </p>
      </section>
      <section className={`${card} p-4`}>
        <h2 className="mb-2 text-lg font-semibold">Runs</h2>
        <RunPicker
          scenarioId={scenario.id}
          runs={runs.items.map((r) => ({
            id: r.id,
            status: r.status,
            seed: r.seed,
            eventCount: r.eventCount,
            createdAt: r.createdAt,
            durationMs: r.durationMs,
          }))}
        />
      </section>
    </main>
  );
}
