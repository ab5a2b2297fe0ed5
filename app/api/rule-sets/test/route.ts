import { ruleTestSchema } from "@/lib/rules/schemas";
import { testRule } from "@/lib/rules/test-rule";
import { handle, readJsonBody } from "@/lib/scenarios/http";

export const dynamic = "force-dynamic";

/** Runs a pasted rule over pasted evtx-json NDJSON: which events fired and which selections matched. */
export const POST = handle(async (request: Request) => {
  const input = await readJsonBody(request, ruleTestSchema);
  return Response.json(testRule(input.rule, input.events, { logsource: input.logsource }));
});
