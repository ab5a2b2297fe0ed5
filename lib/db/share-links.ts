import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { notFound, parseInput } from "@/lib/schemas/errors";
import { idSchema } from "@/lib/schemas/scenario";
import { assertWritable, type Actor } from "./actors";
import { db } from "./client";
import { queryRunEvents, type EventFilter, type RunEventPage } from "./events";
import { canSeeRun, getRun, listRuns, type RunRecord, type RunSummary } from "./runs";
import { getScenario, type ScenarioRecord } from "./scenarios";

export interface ShareLinkRecord {
  id: string;
  target: "scenario" | "run";
  scenarioId: string | null;
  runId: string | null;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  active: boolean;
}

/** What a valid token opens: read-only access to one scenario (and its runs) or one run. */
export interface ResolvedShare {
  linkId: string;
  target: "scenario" | "run";
  scenarioId: string | null;
  runId: string | null;
  expiresAt: string | null;
  teamId: string;
}

const TOKEN_BYTES = 32; // 256 random bits (≥ 128 required)
const createInput = z
  .strictObject({
    scenarioId: idSchema.optional(),
    runId: idSchema.optional(),
    expiresAt: z.union([z.date(), z.iso.datetime({ offset: true })]).optional(),
    expiresInSeconds: z
      .number()
      .int()
      .min(1)
      .max(10 * 365 * 86_400)
      .optional(),
  })
  .refine((v) => Boolean(v.scenarioId) !== Boolean(v.runId), "share either a scenario or a run");

export const hashShareToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

type Row = {
  id: string;
  scenarioId: string | null;
  runId: string | null;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
};
function toRecord(row: Row, now = new Date()): ShareLinkRecord {
  return {
    id: row.id,
    target: row.runId ? "run" : "scenario",
    scenarioId: row.scenarioId,
    runId: row.runId,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    active: !row.revokedAt && (!row.expiresAt || row.expiresAt > now),
  };
}

/** Creates a read-only link. The token is returned once; only its SHA-256 is stored. */
export async function createShareLink(
  actor: Actor,
  input: { scenarioId?: string; runId?: string; expiresAt?: Date | string; expiresInSeconds?: number },
  now = new Date(),
): Promise<ShareLinkRecord & { token: string }> {
  assertWritable(actor, "run", input.runId ?? input.scenarioId ?? "");
  const data = parseInput(createInput, input);
  if (data.scenarioId && !(await getScenario(actor, data.scenarioId)))
    throw notFound("scenario", data.scenarioId);
  if (data.runId && !(await canSeeRun(actor, data.runId))) throw notFound("run", data.runId);
  const expiresAt = data.expiresAt
    ? new Date(data.expiresAt)
    : data.expiresInSeconds
      ? new Date(now.getTime() + data.expiresInSeconds * 1000)
      : null;
  const token = randomBytes(TOKEN_BYTES).toString("base64url");
  const row = await db().shareLink.create({
    data: {
      teamId: actor.teamId,
      tokenHash: hashShareToken(token),
      scenarioId: data.scenarioId ?? null,
      runId: data.runId ?? null,
      createdById: actor.userId,
      expiresAt,
    },
  });
  return { ...toRecord(row, now), token };
}

export async function listShareLinks(
  actor: Actor,
  target: { scenarioId?: string; runId?: string } = {},
): Promise<ShareLinkRecord[]> {
  const rows = await db().shareLink.findMany({
    where: {
      teamId: actor.teamId,
      ...(target.scenarioId ? { scenarioId: target.scenarioId } : {}),
      ...(target.runId ? { runId: target.runId } : {}),
    },
    orderBy: { createdAt: "desc" },
  });
  return rows.map((r) => toRecord(r));
}

/** Revokes a link of the actor's team (idempotent). */
export async function revokeShareLink(actor: Actor, linkId: string): Promise<ShareLinkRecord> {
  const row = idSchema.safeParse(linkId).success
    ? await db().shareLink.findFirst({ where: { id: linkId, teamId: actor.teamId } })
    : null;
  if (!row) throw notFound("share link", linkId);
  if (row.revokedAt) return toRecord(row);
  return toRecord(await db().shareLink.update({ where: { id: linkId }, data: { revokedAt: new Date() } }));
}

/** The link behind a token, or null when the token is unknown, revoked or expired. */
export async function resolveShareLink(token: string, now = new Date()): Promise<ResolvedShare | null> {
  if (typeof token !== "string" || !/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const row = await db().shareLink.findUnique({ where: { tokenHash: hashShareToken(token) } });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return null;
  const actor: Actor = { teamId: row.teamId, userId: null, viaShare: true };
  // The target may have been deleted (soft) since: a dead link.
  if (row.scenarioId && !(await getScenario(actor, row.scenarioId))) return null;
  if (row.runId && !(await canSeeRun(actor, row.runId))) return null;
  return {
    linkId: row.id,
    target: row.runId ? "run" : "scenario",
    scenarioId: row.scenarioId,
    runId: row.runId,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    teamId: row.teamId,
  };
}

const shareActor = (share: ResolvedShare): Actor => ({ teamId: share.teamId, userId: null, viaShare: true });

/** True when the link grants reading this run: the shared run, or a run of the shared scenario. */
async function shareAllowsRun(share: ResolvedShare, runId: string): Promise<boolean> {
  if (share.runId) return share.runId === runId;
  const run = await db().run.findFirst({
    where: { id: runId, teamId: share.teamId },
    select: { scenarioId: true },
  });
  return Boolean(run && run.scenarioId === share.scenarioId);
}

/** The shared scenario (for a run link: the run's scenario), read-only. */
export async function readSharedScenario(share: ResolvedShare): Promise<ScenarioRecord | null> {
  let scenarioId = share.scenarioId;
  if (!scenarioId && share.runId) {
    scenarioId =
      (await db().run.findFirst({ where: { id: share.runId, teamId: share.teamId } }))?.scenarioId ?? null;
  }
  return scenarioId ? getScenario(shareActor(share), scenarioId) : null;
}

/** A run the link grants (default: the shared run), read-only. */
export async function readSharedRun(
  share: ResolvedShare,
  runId = share.runId ?? "",
): Promise<RunRecord | null> {
  if (!(await shareAllowsRun(share, runId))) return null;
  return getRun(shareActor(share), runId);
}

/** Runs of the shared scenario (for a run link: just that run). */
export async function listSharedRuns(share: ResolvedShare): Promise<RunSummary[]> {
  if (share.runId) {
    const run = await getRun(shareActor(share), share.runId);
    return run ? [run] : [];
  }
  return (await listRuns(shareActor(share), share.scenarioId ?? "", { limit: 100 })).items;
}

/** Events of a run the link grants; throws not_found otherwise. */
export async function querySharedRunEvents(
  share: ResolvedShare,
  runId: string,
  query: EventFilter = {},
): Promise<RunEventPage> {
  if (!(await shareAllowsRun(share, runId))) throw notFound("run", runId);
  return queryRunEvents(shareActor(share), runId, query);
}
