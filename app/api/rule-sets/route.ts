import { ensureLocalActor } from "@/lib/db/actors";
import { createRuleSetFrom, listRuleSetSummaries } from "@/lib/rules/service";
import { ruleSetCreateSchema } from "@/lib/rules/schemas";
import { handle, readJsonBody } from "@/lib/scenarios/http";

export const dynamic = "force-dynamic";

/** The team's rule sets (plus the read-only SigmaHQ set when SIGMA_RULES_DIR is set). */
export const GET = handle(async () => {
  const actor = await ensureLocalActor();
  return Response.json({ items: await listRuleSetSummaries(actor) });
});

/** Creates a set: empty, with one pasted rule, or from a folder under SIGMA_RULES_DIR. 201 + import report. */
export const POST = handle(async (request: Request) => {
  const input = await readJsonBody(request, ruleSetCreateSchema);
  const actor = await ensureLocalActor();
  const result = await createRuleSetFrom(actor, input);
  return Response.json(result, {
    status: 201,
    headers: { location: `/api/rule-sets/${result.set.id}` },
  });
});
