import { ensureLocalActor } from "@/lib/db/actors";
import { readRun } from "@/lib/db/runs";
import { bundleFileName, runBundle } from "@/lib/scenarios/bundle";
import { handle, type WithParams } from "@/lib/scenarios/http";
import { notFound } from "@/lib/schemas/errors";

export const dynamic = "force-dynamic";

/** The run's signed bundle, streamed as a zip (409 while the run is not finished). */
export const GET = handle(async (_request: Request, { params }: WithParams<{ id: string }>) => {
  const { id } = await params;
  const found = await readRun(await ensureLocalActor(), id);
  if (!found) throw notFound("run", id);
  const { run } = found;
  const stream = await runBundle(found.reader, run);
  return new Response(stream, {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${bundleFileName(run)}"`,
      "cache-control": "no-store",
    },
  });
});
