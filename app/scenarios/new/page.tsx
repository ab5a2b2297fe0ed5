import { ScenarioBuilder } from "@/components/scenarios/builder/scenario-builder";
import { emptyStep, type BuilderState } from "@/components/scenarios/builder/types";
import { procedureOptions, techniqueNames } from "@/lib/scenarios/catalog";
import { randomSeed } from "@/lib/scenarios/spec";
import { TECHNIQUE_ID } from "@/lib/schemas/scenario";

export const dynamic = "force-dynamic";

export const metadata = { title: "New scenario — Mimicry" };

/** The builder; `?techniques=T1059.001,T1547.001` (the matrix tray) pre-fills one step per technique. */
export default async function NewScenarioPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const raw = [params.techniques, params.technique].flat().filter((v): v is string => typeof v === "string");
  const requested = raw
    .flatMap((v) => v.split(","))
    .map((v) => v.trim().toUpperCase())
    .filter((v) => TECHNIQUE_ID.test(v))
    .slice(0, 50);
  const names = await techniqueNames(requested);
  const initial: BuilderState = {
    title: names.size
      ? requested
          .map((t) => names.get(t) ?? t)
          .join(" → ")
          .slice(0, 200)
      : "",
    narrative: "",
    steps: requested.map((t) => emptyStep(t, names.get(t) ?? "")),
    domain: "",
    hosts: [],
    users: [],
    seed: String(randomSeed()),
    startTime: "",
    formats: ["evtx-json", "evtx-xml"],
    tags: "",
    visibility: "team",
  };
  return (
    <main className="mx-auto max-w-6xl space-y-4 px-4 py-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">New scenario</h1>
        <p className="text-sm text-slate-600">
          Order the attacker&apos;s steps, pick a procedure or describe the action, preview the plan, then
          generate.
        </p>
      </div>
      <ScenarioBuilder initial={initial} procedures={procedureOptions()} />
    </main>
  );
}
