import { after } from "next/server";
import { z } from "zod";
import { ensureLocalActor } from "@/lib/db/actors";
import { listRuns } from "@/lib/db/runs";
import { readScenario } from "@/lib/db/scenarios";
import { handle, readJsonBody, readQuery, type WithParams } from "@/lib/scenarios/http";
import { publicRunSummary } from "@/lib/scenarios/present";
import { executeRun, queueRun } from "@/lib/scenarios/run";
import { notFound } from "@/lib/schemas/errors";
import { idSchema, runCreateSchema } from "@/lib/schemas/scenario";

export const dynamic = "force-dynamic";

const listQuery = z.strictObject({
  cursor: idSchema.optional(),
  limit: z.coerce.number({ error: "a number" }).int().min(1).max(100).default(20),
});
const createQuery = z.strictObject({
  wait: z.enum(["true", "false", "1", "0"], { error: "true or false" }).optional(),
});

/**
 * Starts a run: 201 `{ id, status }`. The run is queued and generated right after the response (poll
 * GET /api/runs/{id}); `?wait=true` generates before answering.
 */
export const POST = handle(async (request: Request, { params }: WithParams<{ id: string }>) => {
  const { id } = await params;
  const { wait } = readQuery(request, createQuery);
  const input = await readJsonBody(request, runCreateSchema, { optional: true });
  const actor = await ensureLocalActor();
  const run = await queueRun(actor, id, input);
  const headers = { location: `/api/runs/${run.id}` };
  if (wait === "true" || wait === "1") {
    const done = await executeRun(actor, run.id);
    return Response.json({ id: done.id, status: done.status }, { status: 201, headers });
  }
  after(() => executeRun(actor, run.id).then(() => undefined));
  return Response.json({ id: run.id, status: run.status }, { status: 201, headers });
});

/** The scenario's runs, newest first: `{ items, nextCursor }`. */
export const GET = handle(async (request: Request, { params }: WithParams<{ id: string }>) => {
  const { id } = await params;
  const query = readQuery(request, listQuery);
  const found = await readScenario(await ensureLocalActor(), id);
  if (!found) throw notFound("scenario", id);
  const page = await listRuns(found.reader, id, query);
  return Response.json({ items: page.items.map(publicRunSummary), nextCursor: page.nextCursor });
});
