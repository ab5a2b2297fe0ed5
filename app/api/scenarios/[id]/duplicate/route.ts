import { ensureLocalActor } from "@/lib/db/actors";
import { duplicateScenario } from "@/lib/db/scenarios";
import { handle, type WithParams } from "@/lib/scenarios/http";

export const dynamic = "force-dynamic";

/** Copies the scenario (not its runs): 201 `{ id }`. */
export const POST = handle(async (_request: Request, { params }: WithParams<{ id: string }>) => {
  const { id } = await params;
  const actor = await ensureLocalActor();
  const copy = await duplicateScenario(actor, id);
  return Response.json({ id: copy.id }, { status: 201 });
});
