import { ensureLocalActor } from "@/lib/db/actors";
import { deleteScenario, getScenario } from "@/lib/db/scenarios";
import { handle, type WithParams } from "@/lib/scenarios/http";
import { publicScenario } from "@/lib/scenarios/present";
import { notFound } from "@/lib/schemas/errors";

export const dynamic = "force-dynamic";

export const GET = handle(async (_request: Request, { params }: WithParams<{ id: string }>) => {
  const { id } = await params;
  const actor = await ensureLocalActor();
  const scenario = await getScenario(actor, id);
  if (!scenario) throw notFound("scenario", id);
  return Response.json(await publicScenario(actor, scenario));
});

/** Soft delete; POST …/restore undoes it. */
export const DELETE = handle(async (_request: Request, { params }: WithParams<{ id: string }>) => {
  const { id } = await params;
  const actor = await ensureLocalActor();
  return Response.json(await deleteScenario(actor, id));
});
