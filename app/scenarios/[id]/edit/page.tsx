import Link from "next/link";
import { notFound } from "next/navigation";
import { ScenarioBuilder } from "@/components/scenarios/builder/scenario-builder";
import { builderStateOf } from "@/components/scenarios/builder/types";
import { ensureLocalActor } from "@/lib/db/actors";
import { getScenario } from "@/lib/db/scenarios";
import { procedureOptions, techniqueNames } from "@/lib/scenarios/catalog";

export const dynamic = "force-dynamic";

export const metadata = { title: "Edit scenario — Mimicry" };

/** The builder over a saved scenario; only the owning team may edit (another team's public one is a 404). */
export default async function EditScenarioPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const scenario = await getScenario(await ensureLocalActor(), id);
  if (!scenario) notFound();
  const names = await techniqueNames(scenario.steps.map((s) => s.technique));
  return (
    <main className="mx-auto max-w-6xl space-y-4 px-4 py-6">
      <nav className="text-sm text-slate-500">
        <Link href="/scenarios" className="hover:underline">
          Scenarios
        </Link>{" "}
        /{" "}
        <Link href={`/scenarios/${scenario.id}`} className="hover:underline">
          {scenario.title}
        </Link>{" "}
        / edit
      </nav>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Edit scenario</h1>
        <p className="text-sm text-slate-600">
          Saving changes the scenario for future runs; the {scenario.runCount} run(s) already made keep the
          version they were generated from.
        </p>
      </div>
      <ScenarioBuilder
        initial={builderStateOf(scenario, names)}
        procedures={procedureOptions()}
        scenarioId={scenario.id}
      />
    </main>
  );
}
