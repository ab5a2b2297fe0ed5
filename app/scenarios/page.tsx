import Link from "next/link";
import { ScenarioHistory } from "@/components/scenarios/history/scenario-history";
import { btnPrimary } from "@/components/scenarios/ui";
import { getAttackIndex } from "@/lib/attack/server";

export const dynamic = "force-dynamic";

export const metadata = { title: "Scenarios — Mimicry" };

async function tactics(): Promise<{ shortname: string; name: string }[]> {
  try {
    return (await getAttackIndex()).tactics.map((t) => ({ shortname: t.shortname, name: t.name }));
  } catch {
    return [];
  }
}

export default async function ScenariosPage() {
  return (
    <main className="mx-auto max-w-6xl space-y-4 px-4 py-6">
      <div className="flex items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">Scenarios</h1>
        <Link href="/scenarios/new" className={`${btnPrimary} ml-auto`}>
          New scenario
        </Link>
      </div>
      <ScenarioHistory tactics={await tactics()} />
    </main>
  );
}
