import { ensureLocalActor } from "@/lib/db/actors";
import { listScenarioItems } from "@/lib/scenarios/history";
import { handle, readJsonBody, readQuery } from "@/lib/scenarios/http";
import { scenarioListQuerySchema } from "@/lib/schemas/query";
import { createScenario, scenarioScopeSchema } from "@/lib/db/scenarios";
import { scenarioCreateSchema } from "@/lib/schemas/scenario";

export const dynamic = "force-dynamic";

/** Creates a scenario (no run yet): 201 `{ id }`. */
export const POST = handle(async (request: Request) => {
  const input = await readJsonBody(request, scenarioCreateSchema);
  const actor = await ensureLocalActor();
  const scenario = await createScenario(actor, input);
  return Response.json(
    { id: scenario.id },
    { status: 201, headers: { location: `/api/scenarios/${scenario.id}` } },
  );
});

const listQuery = scenarioListQuerySchema.extend({ scope: scenarioScopeSchema.optional() });

/**
 * The team's scenarios, newest first: `{ items, nextCursor }`; `scope=public` lists every team's public
 * scenarios instead (read-only for other teams: `owned: false`).
 */
export const GET = handle(async (request: Request) => {
  const query = readQuery(request, listQuery);
  const actor = await ensureLocalActor();
  return Response.json(await listScenarioItems(actor, query));
});
