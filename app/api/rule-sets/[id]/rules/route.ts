import { ensureLocalActor } from "@/lib/db/actors";
import { addPastedRule } from "@/lib/rules/service";
import { pasteRuleSchema } from "@/lib/rules/schemas";
import { handle, readJsonBody, type WithParams } from "@/lib/scenarios/http";

export const dynamic = "force-dynamic";

/** Adds one pasted rule; a rule that does not load is a 400 naming the line. */
export const POST = handle(async (request: Request, { params }: WithParams<{ id: string }>) => {
  const { id } = await params;
  const { rule } = await readJsonBody(request, pasteRuleSchema);
  const actor = await ensureLocalActor();
  return Response.json(await addPastedRule(actor, id, rule), { status: 201 });
});
