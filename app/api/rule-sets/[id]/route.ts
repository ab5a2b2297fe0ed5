import { ensureLocalActor } from "@/lib/db/actors";
import { patchRuleSet, removeRuleSet, viewRuleSet } from "@/lib/rules/service";
import { ruleSetPatchSchema, ruleSetViewQuerySchema } from "@/lib/rules/schemas";
import { handle, readJsonBody, readQuery, type WithParams } from "@/lib/scenarios/http";

export const dynamic = "force-dynamic";

/** A set with its rules (id, title, level, tags, logsource, load status); `?q=` and `?status=` filter rows. */
export const GET = handle(async (request: Request, { params }: WithParams<{ id: string }>) => {
  const { id } = await params;
  const query = readQuery(request, ruleSetViewQuerySchema);
  const actor = await ensureLocalActor();
  return Response.json(await viewRuleSet(actor, id, query));
});

/** Rename or re-describe a set. */
export const PATCH = handle(async (request: Request, { params }: WithParams<{ id: string }>) => {
  const { id } = await params;
  const patch = await readJsonBody(request, ruleSetPatchSchema);
  const actor = await ensureLocalActor();
  return Response.json(await patchRuleSet(actor, id, patch));
});

export const DELETE = handle(async (_request: Request, { params }: WithParams<{ id: string }>) => {
  const { id } = await params;
  const actor = await ensureLocalActor();
  await removeRuleSet(actor, id);
  return new Response(null, { status: 204 });
});
