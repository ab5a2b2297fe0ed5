import { queryRunEvents } from "@/lib/db/events";
import { handle, readQuery, type WithParams } from "@/lib/scenarios/http";
import { sharedRun } from "@/lib/scenarios/share";
import { toViewerEvent } from "@/lib/scenarios/viewer-data";
import { eventQuerySchema } from "@/lib/schemas/query";

export const dynamic = "force-dynamic";

/** The shared run's events (read-only twin of GET /api/runs/{id}/events). */
export const GET = handle(async (request: Request, { params }: WithParams<{ token: string }>) => {
  const { token } = await params;
  const url = new URL(request.url);
  const runId = url.searchParams.get("run") ?? undefined;
  url.searchParams.delete("run");
  const { raw, ...query } = readQuery(new Request(url), eventQuerySchema);
  const { run, actor } = await sharedRun(token, runId);
  const page = await queryRunEvents(actor, run.id, query);
  return Response.json({
    events: page.events.map((e) => (raw ? { ...toViewerEvent(e), raw: e.raw } : toViewerEvent(e))),
    nextCursor: page.nextCursor,
    total: page.total,
  });
});
