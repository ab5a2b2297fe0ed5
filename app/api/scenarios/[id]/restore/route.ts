import { ensureLocalActor } from "@/lib/db/actors";
import { restoreScenario } from "@/lib/db/scenarios";
import { handle, type WithParams } from "@/lib/scenarios/http";
import { publicScenario } from "@/lib/scenarios/present";

export const dynamic = "force-dynamic";

/** Undo of DELETE /api/scenarios/{id}. */
export const POST = handle(async (_request: Request, { params }: WithParams<{ id: string }>) => {
  const { id } = await params;
  const actor = await ensureLocalActor();
  return Response.json(await publicScenario(actor, await restoreScenario(actor, id)));
});
