import { ensureLocalActor } from "@/lib/db/actors";
import { queryRunEvents } from "@/lib/db/events";
import { runReader } from "@/lib/db/runs";
import { handle, readQuery, type WithParams } from "@/lib/scenarios/http";
import { toViewerEvent } from "@/lib/scenarios/viewer-data";
import { notFound } from "@/lib/schemas/errors";
import { eventQuerySchema } from "@/lib/schemas/query";

export const dynamic = "force-dynamic";

/**
 * A page of the run's events in order: `{ events, nextCursor, total }`. Filters: host, channel, eventId,
 * technique, label, q, processGuid, logonId, image, parentProcessGuid, from, to; `raw=1` adds evtx-json.
 */
export const GET = handle(async (request: Request, { params }: WithParams<{ id: string }>) => {
  const { id } = await params;
  const { raw, ...query } = readQuery(request, eventQuerySchema);
  const reader = await runReader(await ensureLocalActor(), id);
  if (!reader) throw notFound("run", id);
  const page = await queryRunEvents(reader, id, query);
  return Response.json({
    events: page.events.map((e) => (raw ? { ...toViewerEvent(e), raw: e.raw } : toViewerEvent(e))),
    nextCursor: page.nextCursor,
    total: page.total,
  });
});
