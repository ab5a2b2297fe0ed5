import "server-only";
import type { Actor } from "@/lib/db/actors";
import { readSharedRun, resolveShareLink, type ResolvedShare } from "@/lib/db/share-links";
import type { RunRecord } from "@/lib/db/runs";
import { notFound } from "@/lib/schemas/errors";

/** Read-only access through a share token: the run it grants and an actor scoped to that team. */

export interface SharedRunAccess {
  share: ResolvedShare;
  run: RunRecord;
  actor: Actor;
}

export async function sharedRun(token: string, runId?: string): Promise<SharedRunAccess> {
  const share = await resolveShareLink(token);
  if (!share) throw notFound("share link", "(token)");
  const run = await readSharedRun(share, runId ?? share.runId ?? "");
  if (!run) throw notFound("run", runId ?? share.runId ?? "(none)");
  return { share, run, actor: { teamId: share.teamId, userId: null, viaShare: true } };
}
