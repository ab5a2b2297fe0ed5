import Link from "next/link";
import { notFound } from "next/navigation";
import { summarize } from "@/components/viewer/event-summary";
import { baseName, channelShort } from "@/components/viewer/types";
import { card } from "@/components/scenarios/ui";
import { ensureLocalActor } from "@/lib/db/actors";
import { compareRuns, type CountDelta } from "@/lib/db/compare";
import { toViewerEvent } from "@/lib/scenarios/viewer-data";
import type { ViewerEvent } from "@/lib/scenarios/types";
import { InputError } from "@/lib/schemas/errors";
import { idSchema } from "@/lib/schemas/scenario";

export const dynamic = "force-dynamic";

export const metadata = { title: "Compare runs — Mimicry" };

function Deltas({ title, rows }: { title: string; rows: CountDelta[] }) {
  return (
    <div>
      <h3 className="text-sm font-semibold">{title}</h3>
      {rows.length === 0 ? (
        <p className="text-xs text-slate-500">Same counts.</p>
      ) : (
        <table className="text-xs">
          <tbody>
            {rows.map((d) => (
              <tr key={d.key}>
                <td className="pr-3 font-mono">{d.key.split("|").map(channelShort).join(" ")}</td>
                <td className="pr-2 text-right">{d.a}</td>
                <td className="pr-2 text-slate-400">→</td>
                <td className={`text-right ${d.b > d.a ? "text-emerald-700" : "text-red-700"}`}>{d.b}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function EventList({ events, total }: { events: ViewerEvent[]; total: number }) {
  return (
    <div>
      <p className="text-xs text-slate-500">
        {total} event(s){total > events.length ? `, first ${events.length} shown` : ""}
      </p>
      <ul className="max-h-96 overflow-auto font-mono text-xs">
        {events.map((e) => (
          <li
            key={e.seq}
            className={`truncate border-b border-slate-100 py-0.5 ${e.label.malicious ? "text-red-800" : ""}`}
          >
            #{e.seq} {e.host} {channelShort(e.channel)} {e.eventId}{" "}
            {baseName(e.data.Image ?? e.data.NewProcessName)} {summarize(e)}
          </li>
        ))}
      </ul>
    </div>
  );
}

export default async function ComparePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const a = typeof params.a === "string" ? params.a : "";
  const b = typeof params.b === "string" ? params.b : "";
  if (!idSchema.safeParse(a).success || !idSchema.safeParse(b).success) {
    return (
      <main className="mx-auto max-w-5xl px-4 py-6">
        <h1 className="text-2xl font-semibold">Compare runs</h1>
        <p className="mt-2 text-sm text-slate-600">
          Pick two runs on a scenario&apos;s page (
          <Link className="text-blue-700 underline" href="/scenarios">
            Scenarios
          </Link>
          ) to compare them.
        </p>
      </main>
    );
  }
  const actor = await ensureLocalActor();
  let comparison;
  try {
    // Any two runs the actor may read: its team's, or runs of another team's public scenario.
    comparison = await compareRuns(actor, a, b, { limit: 300 });
  } catch (error) {
    // A run that does not exist and one the actor may not read look the same: 404.
    if (error instanceof InputError && error.code === "not_found") notFound();
    throw error;
  }
  return (
    <main className="mx-auto max-w-6xl space-y-4 px-4 py-6">
      <h1 className="text-2xl font-semibold tracking-tight">Compare runs</h1>
      <div className="grid gap-4 md:grid-cols-2">
        {[
          { label: "A", side: comparison.a },
          { label: "B", side: comparison.b },
        ].map(({ label, side }) => (
          <div key={label} className={`${card} p-3 text-sm`}>
            <Link
              href={`/scenarios/${side.scenarioId}/runs/${side.runId}`}
              className="font-semibold text-blue-800 hover:underline"
            >
              Run {label}: {side.title}
            </Link>
            <p className="text-xs text-slate-500">
              seed {side.seed} · {side.counts.total} events
              {side.own ? "" : " · public, another team's (read-only)"}
            </p>
          </div>
        ))}
      </div>
      <section className={`${card} grid gap-4 p-4 md:grid-cols-3`}>
        <Deltas title="Per host" rows={comparison.deltas.byHost} />
        <Deltas title="Per channel" rows={comparison.deltas.byChannel} />
        <Deltas title="Per event ID" rows={comparison.deltas.byEventId} />
      </section>
      <section className="grid gap-4 md:grid-cols-2">
        <div className={`${card} p-3`}>
          <h2 className="font-semibold">Only in A</h2>
          <EventList events={comparison.onlyInA.map(toViewerEvent)} total={comparison.totalOnlyInA} />
        </div>
        <div className={`${card} p-3`}>
          <h2 className="font-semibold">Only in B</h2>
          <EventList events={comparison.onlyInB.map(toViewerEvent)} total={comparison.totalOnlyInB} />
        </div>
      </section>
    </main>
  );
}
