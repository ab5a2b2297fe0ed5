import { ensureLocalActor } from "@/lib/db/actors";
import { getRun } from "@/lib/db/runs";
import { handle, type WithParams } from "@/lib/scenarios/http";
import { publicRun } from "@/lib/scenarios/present";
import { notFound } from "@/lib/schemas/errors";

export const dynamic = "force-dynamic";

/** The run: `{ id, status: queued|running|succeeded|failed, counts, validation, detections, links, … }`. */
export const GET = handle(async (_request: Request, { params }: WithParams<{ id: string }>) => {
  const { id } = await params;
  const actor = await ensureLocalActor();
  const run = await getRun(actor, id);
  if (!run) throw notFound("run", id);
  return Response.json(publicRun(run));
});
