import { ensureLocalActor } from "@/lib/db/actors";
import { deleteScenario, readScenario, scenarioUpdateSchema, updateScenario } from "@/lib/db/scenarios";
import { handle, readJsonBody, type WithParams } from "@/lib/scenarios/http";
import { publicScenario } from "@/lib/scenarios/present";
import { notFound } from "@/lib/schemas/errors";

export const dynamic = "force-dynamic";

/** The scenario with its latest runs; another team's public scenario reads as `owned: false`. */
export const GET = handle(async (_request: Request, { params }: WithParams<{ id: string }>) => {
  const { id } = await params;
  const found = await readScenario(await ensureLocalActor(), id);
  if (!found) throw notFound("scenario", id);
  return Response.json({ ...(await publicScenario(found.reader, found.scenario)), owned: found.own });
});

/**
 * Edits the scenario (any of title, narrative, steps, environment, seed, startTime, formats, tags,
 * visibility). Runs already made keep their snapshot. Only the owning team may edit (404 otherwise).
 */
export const PATCH = handle(async (request: Request, { params }: WithParams<{ id: string }>) => {
  const { id } = await params;
  const patch = await readJsonBody(request, scenarioUpdateSchema);
  const actor = await ensureLocalActor();
  const scenario = await updateScenario(actor, id, patch);
  return Response.json({ ...(await publicScenario(actor, scenario)), owned: true });
});

/** Soft delete; POST …/restore undoes it. */
export const DELETE = handle(async (_request: Request, { params }: WithParams<{ id: string }>) => {
  const { id } = await params;
  const actor = await ensureLocalActor();
  return Response.json(await deleteScenario(actor, id));
});
