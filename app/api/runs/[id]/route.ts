import { ensureLocalActor } from "@/lib/db/actors";
import { readRun } from "@/lib/db/runs";
import { handle, type WithParams } from "@/lib/scenarios/http";
import { publicRun } from "@/lib/scenarios/present";
import { notFound } from "@/lib/schemas/errors";

export const dynamic = "force-dynamic";

/**
 * The run: `{ id, status: queued|running|succeeded|failed, counts, validation, detections, links, … }`.
 * Runs of another team's public scenario are readable too (`owned: false`).
 */
export const GET = handle(async (_request: Request, { params }: WithParams<{ id: string }>) => {
  const { id } = await params;
  const found = await readRun(await ensureLocalActor(), id);
  if (!found) throw notFound("run", id);
  return Response.json({ ...publicRun(found.run), owned: found.own });
});
