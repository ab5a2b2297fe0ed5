import { z } from "zod";
import { ensureLocalActor } from "@/lib/db/actors";
import { createShareLink } from "@/lib/db/share-links";
import { handle, readJsonBody, type WithParams } from "@/lib/scenarios/http";

export const dynamic = "force-dynamic";

const shareInput = z.strictObject({
  expiresInDays: z.number().int().min(1, "at least 1 day").max(3650, "at most 3650 days").optional(),
});

/** Creates a read-only link to the run: 201 `{ id, token, url, expiresAt }` (the token is shown only now). */
export const POST = handle(async (request: Request, { params }: WithParams<{ id: string }>) => {
  const { id } = await params;
  const input = await readJsonBody(request, shareInput);
  const actor = await ensureLocalActor();
  const link = await createShareLink(actor, {
    runId: id,
    ...(input.expiresInDays ? { expiresInSeconds: input.expiresInDays * 86_400 } : {}),
  });
  return Response.json(
    { id: link.id, token: link.token, url: `/share/${link.token}`, expiresAt: link.expiresAt },
    { status: 201 },
  );
});
