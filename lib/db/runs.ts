import "server-only";
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { InputError, notFound, parseInput } from "@/lib/schemas/errors";
import { formatsSchema, idSchema, seedSchema } from "@/lib/schemas/scenario";
import { assertWritable, publicReader, type Actor } from "./actors";
import { db } from "./client";
import { uuid7 } from "./ids";
import { getScenario, type NewScenario, type ScenarioRecord } from "./scenarios";

export type RunStatus = "queued" | "running" | "succeeded" | "failed";
export type RunMode = "deterministic" | "model";

/** What the scenario looked like when the run was made. */
export type ScenarioSnapshot = Pick<
  ScenarioRecord,
  "title" | "narrative" | "steps" | "environment" | "seed" | "startTime" | "formats" | "tags"
>;

export interface RunCounts {
  total: number;
  byHost: Record<string, number>;
  byChannel: Record<string, number>;
  /** "channel|eventId" → count, e.g. "Microsoft-Windows-Sysmon/Operational|1". */
  byEventId: Record<string, number>;
}

export interface RunSummary {
  id: string;
  teamId: string;
  scenarioId: string;
  createdById: string | null;
  seed: number;
  engineVersion: string;
  attackVersion: string | null;
  mode: RunMode;
  status: RunStatus;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  eventCount: number;
}

export interface RunRecord extends RunSummary {
  snapshot: ScenarioSnapshot;
  counts: RunCounts | null;
  /** Phase timings in ms ({ plan, render, validate, … }). */
  timings: Record<string, number> | null;
  validation: unknown;
  detections: unknown;
  llmTrace: unknown;
  provenance: RunProvenance | null;
}

/** How the run's plan was made (issue 7): which mode ran, with which models, and how the loop ended. */
export interface RunProvenance {
  mode: RunMode;
  models: { planner: string | null; judge: string | null };
  /** The agent loop's outcome ("passed", "max_rounds", …); null when the loop did not run. */
  status: string | null;
  /** Model mode produced no usable plan, so the deterministic plan was used. */
  fallback: boolean;
}

const jsonValue = z.unknown().refine((v) => v !== undefined, "a JSON value");
const runCreateInput = z.strictObject({
  seed: seedSchema.optional(),
  formats: formatsSchema.optional(),
  mode: z.enum(["deterministic", "model"]).default("deterministic"),
  engineVersion: z.string().trim().min(1).max(100),
  attackVersion: z.string().trim().max(100).optional(),
});
export type RunCreateData = z.input<typeof runCreateInput>;

const runUpdateInput = z.strictObject({
  status: z.enum(["queued", "running", "succeeded", "failed"]).optional(),
  error: z.string().max(10_000).nullable().optional(),
  eventCount: z.number().int().min(0).optional(),
  counts: z
    .object({
      total: z.number().int().min(0),
      byHost: z.record(z.string(), z.number()),
      byChannel: z.record(z.string(), z.number()),
      byEventId: z.record(z.string(), z.number()),
    })
    .optional(),
  attackVersion: z.string().trim().max(100).optional(),
  timings: z.record(z.string().max(40), z.number().min(0)).optional(),
  validation: jsonValue.optional(),
  detections: jsonValue.optional(),
  llmTrace: jsonValue.optional(),
  provenance: z
    .strictObject({
      mode: z.enum(["deterministic", "model"]),
      models: z.strictObject({ planner: z.string().nullable(), judge: z.string().nullable() }),
      status: z.string().max(40).nullable(),
      fallback: z.boolean(),
    })
    .optional(),
});
export type RunUpdate = z.input<typeof runUpdateInput>;

const NEXT: Record<RunStatus, RunStatus[]> = {
  queued: ["running", "succeeded", "failed"],
  running: ["succeeded", "failed"],
  succeeded: [],
  failed: [],
};

const summarySelect = {
  id: true,
  teamId: true,
  scenarioId: true,
  createdById: true,
  seed: true,
  engineVersion: true,
  attackVersion: true,
  mode: true,
  status: true,
  error: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  durationMs: true,
  eventCount: true,
} as const;
type SummaryRow = Prisma.RunGetPayload<{ select: typeof summarySelect }>;
type FullRow = Prisma.RunGetPayload<object>;

function toSummary(row: SummaryRow): RunSummary {
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

function toRecord(row: FullRow): RunRecord {
  return {
    ...toSummary(row),
    snapshot: row.snapshot as unknown as ScenarioSnapshot,
    counts: (row.counts as unknown as RunCounts | null) ?? null,
    timings: (row.timings as Record<string, number> | null) ?? null,
    validation: row.validation,
    detections: row.detections,
    llmTrace: row.llmTrace,
    provenance: (row.provenance as RunProvenance | null) ?? null,
  };
}

const json = (v: unknown) => (v === null ? Prisma.JsonNull : (v as Prisma.InputJsonValue));

function snapshotOf(scenario: NewScenario, seed: number, formats: string[] | undefined): ScenarioSnapshot {
  return {
    title: scenario.title,
    narrative: scenario.narrative,
    steps: scenario.steps,
    environment: scenario.environment,
    seed,
    startTime: scenario.startTime,
    formats: formats ?? scenario.formats,
    tags: scenario.tags,
  };
}

/**
 * A run that is already done (the builder's Generate: rendered before storing), as the row it is stored as:
 * succeeded, started at `startedAt`, finished now. Validated here; written by insertFinishedRun or, with the
 * scenario and the events in one statement, by storeGeneratedScenario.
 */
export function finishedRunRow(
  actor: Actor,
  scenario: NewScenario,
  input: RunCreateData & { startedAt: Date },
  result: Omit<RunUpdate, "status" | "error">,
): FullRow {
  assertWritable(actor, "scenario", scenario.id);
  if (scenario.teamId !== actor.teamId) throw notFound("scenario", scenario.id);
  const { startedAt, ...create } = input;
  const data = parseInput(runCreateInput, create);
  const done = parseInput(runUpdateInput, result);
  const seed = data.seed ?? scenario.seed;
  const now = new Date();
  return {
    id: uuid7(now.getTime()),
    teamId: actor.teamId,
    scenarioId: scenario.id,
    createdById: actor.userId,
    snapshot: snapshotOf(scenario, seed, data.formats) as unknown as Prisma.JsonValue,
    seed,
    engineVersion: data.engineVersion,
    attackVersion: done.attackVersion ?? data.attackVersion ?? null,
    mode: data.mode,
    status: "succeeded",
    error: null,
    createdAt: startedAt,
    startedAt,
    finishedAt: now,
    durationMs: now.getTime() - startedAt.getTime(),
    eventCount: done.eventCount ?? done.counts?.total ?? 0,
    counts: done.counts ?? null,
    timings: done.timings ?? null,
    validation: (done.validation ?? null) as Prisma.JsonValue,
    detections: (done.detections ?? null) as Prisma.JsonValue,
    llmTrace: (done.llmTrace ?? null) as Prisma.JsonValue,
    provenance: done.provenance ?? null,
  };
}

/** finishedRunRow written on `client` (a transaction that also stores the scenario and the events). */
export async function insertFinishedRun(
  client: Prisma.TransactionClient,
  actor: Actor,
  scenario: NewScenario,
  input: RunCreateData & { startedAt: Date },
  result: Omit<RunUpdate, "status" | "error">,
): Promise<RunRecord> {
  const { snapshot, counts, timings, validation, detections, llmTrace, provenance, ...rest } = finishedRunRow(
    actor,
    scenario,
    input,
    result,
  );
  // Prisma wants JSON nulls spelt out; an absent value is left to the column (NULL).
  const orAbsent = (v: Prisma.JsonValue) => (v === null ? undefined : (v as Prisma.InputJsonValue));
  const row = await client.run.create({
    data: {
      ...rest,
      snapshot: snapshot as Prisma.InputJsonValue,
      counts: orAbsent(counts),
      timings: orAbsent(timings),
      validation: orAbsent(validation),
      detections: orAbsent(detections),
      llmTrace: orAbsent(llmTrace),
      provenance: orAbsent(provenance),
    },
  });
  return toRecord(row);
}

/** The record of a run row this process built (no read back). */
export const runRecordOf = (row: FullRow): RunRecord => toRecord(row);

/** Queues a run of the scenario, snapshotting it; `seed` and `formats` override the scenario's. */
export async function createRun(
  actor: Actor,
  scenarioId: string,
  input: RunCreateData,
  /** The scenario as the caller just read or created it for this actor (saves reading it again). */
  known?: ScenarioRecord,
): Promise<RunRecord> {
  assertWritable(actor, "scenario", scenarioId);
  const data = parseInput(runCreateInput, input);
  const scenario =
    known?.id === scenarioId && known.teamId === actor.teamId ? known : await getScenario(actor, scenarioId);
  if (!scenario) throw notFound("scenario", scenarioId);
  const seed = data.seed ?? scenario.seed;
  const snapshot = snapshotOf(scenario, seed, data.formats);
  const row = await db().run.create({
    data: {
      teamId: actor.teamId,
      scenarioId,
      createdById: actor.userId,
      snapshot: snapshot as unknown as Prisma.InputJsonValue,
      seed,
      engineVersion: data.engineVersion,
      attackVersion: data.attackVersion ?? null,
      mode: data.mode,
    },
  });
  return toRecord(row);
}

/** The run, or null when it does not exist or belongs to another team (or to a scenario the actor cannot see). */
export async function getRun(actor: Actor, runId: string): Promise<RunRecord | null> {
  if (!idSchema.safeParse(runId).success) return null;
  const row = await db().run.findFirst({ where: { id: runId, ...runScope(actor) } });
  return row ? toRecord(row) : null;
}

/**
 * A run the actor may read, with the actor to read its events as (see readScenario): its team's runs, or a
 * run of another team's public scenario. Null otherwise.
 */
export async function readRun(
  actor: Actor,
  runId: string,
): Promise<{ run: RunRecord; reader: Actor; own: boolean } | null> {
  const own = await getRun(actor, runId);
  if (own) return { run: own, reader: actor, own: true };
  if (!idSchema.safeParse(runId).success) return null;
  const row = await db().run.findFirst({
    where: { id: runId, scenario: { visibility: "public", deletedAt: null } },
  });
  return row ? { run: toRecord(row), reader: publicReader(row.teamId), own: false } : null;
}

/** The actor to read a run's events as (see readRun), without loading the run; null when not readable. */
export async function runReader(actor: Actor, runId: string): Promise<Actor | null> {
  if (await canSeeRun(actor, runId)) return actor;
  if (!idSchema.safeParse(runId).success) return null;
  const row = await db().run.findFirst({
    where: { id: runId, scenario: { visibility: "public", deletedAt: null } },
    select: { teamId: true },
  });
  return row ? publicReader(row.teamId) : null;
}

export function runScope(actor: Actor): Prisma.RunWhereInput {
  if (actor.publicOnly) return { teamId: actor.teamId, scenario: { visibility: "public", deletedAt: null } };
  if (actor.viaShare) return { teamId: actor.teamId };
  return {
    teamId: actor.teamId,
    scenario: {
      OR: [{ visibility: { not: "private" } }, ...(actor.userId ? [{ authorId: actor.userId }] : [])],
    },
  };
}

/** True when the run exists and the actor may see it. */
export async function canSeeRun(actor: Actor, runId: string): Promise<boolean> {
  return (
    idSchema.safeParse(runId).success &&
    (await db().run.count({ where: { id: runId, ...runScope(actor) } })) > 0
  );
}

/** Throws not_found unless the actor can see the run. */
export async function requireRun(actor: Actor, runId: string): Promise<void> {
  if (!(await canSeeRun(actor, runId))) throw notFound("run", runId);
}

/** Runs of a scenario, newest first (summaries: no snapshot or reports). */
export async function listRuns(
  actor: Actor,
  scenarioId: string,
  page: { cursor?: string; limit?: number } = {},
): Promise<{ items: RunSummary[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(Math.trunc(page.limit ?? 20), 1), 100);
  const and: Prisma.RunWhereInput[] = [{ scenarioId, ...runScope(actor) }];
  if (page.cursor && idSchema.safeParse(page.cursor).success) {
    const last = await db().run.findFirst({
      where: { id: page.cursor, teamId: actor.teamId },
      select: { id: true, createdAt: true },
    });
    if (last)
      and.push({
        OR: [{ createdAt: { lt: last.createdAt } }, { createdAt: last.createdAt, id: { lt: last.id } }],
      });
  }
  const rows = await db().run.findMany({
    where: { AND: and },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: summarySelect,
  });
  const items = rows.slice(0, limit).map(toSummary);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
}

/**
 * Updates a run. Status moves forward only (queued → running → succeeded | failed); entering running
 * stamps startedAt, a final status stamps finishedAt and durationMs.
 */
export async function updateRun(actor: Actor, runId: string, patch: RunUpdate): Promise<RunRecord> {
  assertWritable(actor, "run", runId);
  const input = parseInput(runUpdateInput, patch);
  const current = await db().run.findFirst({
    where: { id: idSchema.safeParse(runId).success ? runId : "", ...runScope(actor) },
    select: { status: true, createdAt: true, startedAt: true },
  });
  if (!current) throw notFound("run", runId);
  const data: Prisma.RunUpdateInput = {};
  if (input.status && input.status !== current.status) {
    if (!NEXT[current.status].includes(input.status)) {
      throw new InputError("conflict", `run ${runId} is ${current.status}; it cannot become ${input.status}`);
    }
    const now = new Date();
    data.status = input.status;
    if (input.status === "running") data.startedAt = now;
    if (input.status === "succeeded" || input.status === "failed") {
      data.finishedAt = now;
      data.durationMs = now.getTime() - (current.startedAt ?? current.createdAt).getTime();
    }
  }
  if (input.error !== undefined) data.error = input.error;
  if (input.eventCount !== undefined) data.eventCount = input.eventCount;
  if (input.counts !== undefined) data.counts = input.counts;
  if (input.attackVersion !== undefined) data.attackVersion = input.attackVersion;
  if (input.timings !== undefined) data.timings = input.timings;
  if (input.validation !== undefined) data.validation = json(input.validation);
  if (input.detections !== undefined) data.detections = json(input.detections);
  if (input.llmTrace !== undefined) data.llmTrace = json(input.llmTrace);
  if (input.provenance !== undefined) data.provenance = input.provenance;
  return toRecord(await db().run.update({ where: { id: runId }, data }));
}

export const markRunRunning = (actor: Actor, runId: string) => updateRun(actor, runId, { status: "running" });

/** Marks the run succeeded; counts and eventCount are computed from its stored events when not given. */
export async function completeRun(
  actor: Actor,
  runId: string,
  result: Omit<RunUpdate, "status" | "error"> = {},
): Promise<RunRecord> {
  // updateRun checks access itself; only counting the stored events needs it first.
  if (!result.counts) await requireRun(actor, runId);
  const counts = result.counts ?? (await computeRunCounts(runId));
  return updateRun(actor, runId, {
    ...result,
    counts,
    eventCount: result.eventCount ?? counts.total,
    status: "succeeded",
  });
}

export const failRun = (
  actor: Actor,
  runId: string,
  error: string,
  extra: Omit<RunUpdate, "status" | "error"> = {},
) => updateRun(actor, runId, { ...extra, status: "failed", error: error.slice(0, 10_000) });

/** Deletes a run with its events and bundles. */
export async function deleteRun(actor: Actor, runId: string): Promise<void> {
  assertWritable(actor, "run", runId);
  await requireRun(actor, runId);
  await db().run.delete({ where: { id: runId } });
}

/** Event counts per host, channel and (channel, event ID), from the stored events. Caller checks access. */
export async function computeRunCounts(runId: string): Promise<RunCounts> {
  const rows = await db().runEvent.groupBy({
    by: ["host", "channel", "eventId"],
    where: { runId },
    _count: { _all: true },
  });
  const counts: RunCounts = { total: 0, byHost: {}, byChannel: {}, byEventId: {} };
  for (const row of rows) {
    const n = row._count._all;
    counts.total += n;
    counts.byHost[row.host] = (counts.byHost[row.host] ?? 0) + n;
    counts.byChannel[row.channel] = (counts.byChannel[row.channel] ?? 0) + n;
    const key = `${row.channel}|${row.eventId}`;
    counts.byEventId[key] = (counts.byEventId[key] ?? 0) + n;
  }
  return counts;
}
