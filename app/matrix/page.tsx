import type { Metadata } from "next";
import { matrixPayloadFor } from "@/lib/attack";
import { getAttackIndex } from "@/lib/attack/server";
import { parseIdList, readUrlState, resolveLinkedIds, type SearchParamsRecord } from "@/lib/matrix/url-state";
import { MatrixBrowser } from "@/components/matrix/MatrixBrowser";
import { coverageFor } from "@/lib/procedures/coverage";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "ATT&CK matrix — Mimicry" };

export default async function MatrixPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const params = await searchParams;
  let payload;
  let coverage;
  try {
    const index = await getAttackIndex();
    payload = matrixPayloadFor(index);
    coverage = coverageFor(index);
  } catch (error) {
    return (
      <main className="mx-auto max-w-3xl px-6 py-12">
        <h1 className="text-2xl font-semibold">ATT&amp;CK data is not available</h1>
        <p
          role="alert"
          className="mt-4 whitespace-pre-wrap rounded border border-red-300 bg-red-50 p-4 text-sm text-red-900"
        >
          {error instanceof Error ? error.message : String(error)}
        </p>
      </main>
    );
  }
  const initial = readUrlState(params);
  const raw = parseIdList(typeof params.sel === "string" ? params.sel : undefined);
  const linked = resolveLinkedIds(raw.ids, payload);
  initial.selection = linked.ids;
  const ignoredIds = [...linked.unknown, ...raw.rejected];
  const remapped = linked.remapped.map(([from, to]) => `${from} → ${to}`);
  return (
    <main className="flex flex-col md:h-[calc(100dvh-2.3rem)]">
      <MatrixBrowser
        payload={payload}
        initial={initial}
        ignoredIds={ignoredIds}
        remappedIds={remapped}
        coverage={coverage}
      />
    </main>
  );
}
