import { z } from "zod";
import { ensureLocalActor } from "@/lib/db/actors";
import { readRun } from "@/lib/db/runs";
import { eventDetail } from "@/lib/scenarios/event-detail";
import { handle, type WithParams } from "@/lib/scenarios/http";
import { notFound, parseInput } from "@/lib/schemas/errors";

export const dynamic = "force-dynamic";

const seqSchema = z.coerce.number({ error: "a number" }).int("a whole number").min(0).max(2_147_483_647);

/** One event: `{ event, json, xml, checks, rules }`. */
export const GET = handle(async (_request: Request, { params }: WithParams<{ id: string; seq: string }>) => {
  const { id, seq } = await params;
  const index = parseInput(seqSchema, seq);
  const found = await readRun(await ensureLocalActor(), id);
  if (!found) throw notFound("run", id);
  return Response.json(await eventDetail(found.reader, found.run, index));
});
