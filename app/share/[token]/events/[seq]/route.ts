import { z } from "zod";
import { eventDetail } from "@/lib/scenarios/event-detail";
import { handle, type WithParams } from "@/lib/scenarios/http";
import { sharedRun } from "@/lib/scenarios/share";
import { parseInput } from "@/lib/schemas/errors";

export const dynamic = "force-dynamic";

const seqSchema = z.coerce.number({ error: "a number" }).int("a whole number").min(0).max(2_147_483_647);

/** One event of the shared run (read-only twin of GET /api/runs/{id}/events/{seq}). */
export const GET = handle(
  async (request: Request, { params }: WithParams<{ token: string; seq: string }>) => {
    const { token, seq } = await params;
    const index = parseInput(seqSchema, seq);
    const runId = new URL(request.url).searchParams.get("run") ?? undefined;
    const { run, actor } = await sharedRun(token, runId);
    return Response.json(await eventDetail(actor, run, index));
  },
);
