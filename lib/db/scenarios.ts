import "server-only";
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { notFound, parseInput } from "@/lib/schemas/errors";
import { scenarioListQuerySchema, type ScenarioListQuery } from "@/lib/schemas/query";
import {
  idSchema,
  scenarioCreateSchema,
  type EnvironmentInput,
  type ScenarioCreateInput,
  type StepInput,
} from "@/lib/schemas/scenario";
import { assertWritable, publicReader, type Actor } from "./actors";
import { db } from "./client";
import { uuid7 } from "./ids";
import { likeLiteral } from "./like";
import {
  scenarioScopeSchema,
  scenarioUpdateSchema,
  type ScenarioScope,
  type ScenarioUpdateInput,
} from "./scenario-schemas";

export interface ScenarioRecord {
  id: string;
  teamId: string;
  /** The owning team's name (shown on another team's public scenarios). */
  teamName: string;
  authorId: string | null;
  authorName: string | null;
  title: string;
  narrative: string;
  steps: StepInput[];
  environment: EnvironmentInput;
  seed: number;
  startTime: string | null;
  formats: string[];
  /** Technique IDs of the steps plus their parents (T1059.001 → T1059), for filtering. */
  techniques: string[];
  tags: string[];
  visibility: "private" | "team" | "public";
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  runCount: number;
  /** The newest run, for list badges. */
  lastRun: { id: string; status: "queued" | "running" | "succeeded" | "failed"; createdAt: string } | null;
}

export interface ScenarioPage {
  items: ScenarioRecord[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export {
  scenarioScopeSchema,
  scenarioUpdateSchema,
  visibilitySchema,
  VISIBILITIES,
  type ScenarioScope,
  type ScenarioUpdateInput,
  type Visibility,
} from "./scenario-schemas";

/** List query; `techniques` (any of) is how a tactic filter arrives: the caller maps tactic → technique IDs. */
export type ScenarioListInput = Partial<ScenarioListQuery> & {
  techniques?: string[];
  deleted?: boolean;
  scope?: ScenarioScope;
};

const listInputSchema = scenarioListQuerySchema.extend({
  techniques: z.array(z.string().trim().toUpperCase().max(20)).max(1000).optional(),
  deleted: z.boolean().optional(),
  scope: scenarioScopeSchema.optional(),
});

const include = {
  author: { select: { name: true } },
  team: { select: { name: true } },
  _count: { select: { runs: true } },
  runs: {
    select: { id: true, status: true, createdAt: true },
    orderBy: { createdAt: "desc" },
    take: 1,
  },
} as const;
type ScenarioRow = Prisma.ScenarioGetPayload<{ include: typeof include }>;

function toRecord(row: ScenarioRow): ScenarioRecord {
  return {
    id: row.id,
    teamId: row.teamId,
    teamName: row.team.name,
    authorId: row.authorId,
    authorName: row.author?.name ?? null,
    title: row.title,
    narrative: row.narrative,
    steps: row.steps as unknown as StepInput[],
    environment: row.environment as unknown as EnvironmentInput,
    seed: row.seed,
    startTime: row.startTime?.toISOString() ?? null,
    formats: row.formats,
    techniques: row.techniques,
    tags: row.tags,
    visibility: row.visibility,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    deletedAt: row.deletedAt?.toISOString() ?? null,
    runCount: row._count.runs,
    lastRun: row.runs[0] ? { ...row.runs[0], createdAt: row.runs[0].createdAt.toISOString() } : null,
  };
}

/** Step techniques with their parents, deduplicated in order. */
export function techniquesOf(steps: readonly { technique: string }[]): string[] {
  const out = new Set<string>();
  for (const { technique } of steps) {
    out.add(technique);
    const dot = technique.indexOf(".");
    if (dot > 0) out.add(technique.slice(0, dot));
  }
  return [...out];
}

/** Team scope plus visibility: private scenarios are seen by their author only. */
export function visibleTo(actor: Actor): Prisma.ScenarioWhereInput {
  if (actor.publicOnly) return { teamId: actor.teamId, visibility: "public" };
  if (actor.viaShare) return { teamId: actor.teamId };
  return {
    teamId: actor.teamId,
    OR: [{ visibility: { not: "private" } }, ...(actor.userId ? [{ authorId: actor.userId }] : [])],
  };
}

function validId(id: string): boolean {
  return idSchema.safeParse(id).success;
}

function dataOf(input: z.output<typeof scenarioUpdateSchema>): Prisma.ScenarioUncheckedUpdateInput {
  const data: Prisma.ScenarioUncheckedUpdateInput = {};
  if (input.title !== undefined) data.title = input.title;
  if (input.narrative !== undefined) data.narrative = input.narrative;
  if (input.steps !== undefined) {
    data.steps = input.steps as Prisma.InputJsonValue;
    data.techniques = techniquesOf(input.steps);
  }
  if (input.environment !== undefined) data.environment = input.environment as Prisma.InputJsonValue;
  if (input.seed !== undefined) data.seed = input.seed;
  if (input.startTime !== undefined) data.startTime = new Date(input.startTime);
  if (input.formats !== undefined) data.formats = input.formats;
  if (input.tags !== undefined) data.tags = [...new Set(input.tags)];
  if (input.visibility !== undefined) data.visibility = input.visibility;
  return data;
}

function createData(actor: Actor, input: ScenarioCreateInput): Prisma.ScenarioUncheckedCreateInput {
  const parsed = parseInput(scenarioCreateSchema, input);
  return {
    ...(dataOf(parsed) as Prisma.ScenarioUncheckedCreateInput),
    title: parsed.title,
    teamId: actor.teamId,
    authorId: actor.userId,
  };
}

export async function createScenario(actor: Actor, input: ScenarioCreateInput): Promise<ScenarioRecord> {
  return toRecord(await db().scenario.create({ data: createData(actor, input), include }));
}

/** What a run snapshots of its scenario (see createRun), plus its id and team. */
export type NewScenario = Pick<
  ScenarioRecord,
  | "id"
  | "teamId"
  | "title"
  | "narrative"
  | "steps"
  | "environment"
  | "seed"
  | "startTime"
  | "formats"
  | "tags"
>;

/**
 * A new scenario as the row it is stored as (columns left out take their defaults), and the fields a run
 * snapshots of it: for storeGeneratedScenario's single statement.
 */
export function newScenarioRow(
  actor: Actor,
  input: ScenarioCreateInput,
): { row: Record<string, unknown>; scenario: NewScenario } {
  const data = createData(actor, input);
  const now = new Date();
  const row = { ...data, id: uuid7(now.getTime()), createdAt: now, updatedAt: now };
  const startTime = data.startTime as Date | undefined;
  return {
    row,
    scenario: {
      id: row.id,
      teamId: actor.teamId,
      title: data.title,
      narrative: data.narrative ?? "",
      steps: (data.steps ?? []) as unknown as StepInput[],
      environment: (data.environment ?? {}) as unknown as EnvironmentInput,
      seed: data.seed ?? 1,
      startTime: startTime?.toISOString() ?? null,
      formats: (data.formats ?? []) as string[],
      tags: (data.tags ?? []) as string[],
    },
  };
}

/** createScenario on `client` (a transaction), returning the stored fields only: no author/team/runs reads. */
export async function insertScenario(
  client: Prisma.TransactionClient,
  actor: Actor,
  input: ScenarioCreateInput,
): Promise<NewScenario> {
  const row = await client.scenario.create({ data: createData(actor, input), select: newScenarioSelect });
  return {
    ...row,
    steps: row.steps as unknown as StepInput[],
    environment: row.environment as unknown as EnvironmentInput,
    startTime: row.startTime?.toISOString() ?? null,
  };
}

const newScenarioSelect = {
  id: true,
  teamId: true,
  title: true,
  narrative: true,
  steps: true,
  environment: true,
  seed: true,
  startTime: true,
  formats: true,
  tags: true,
} as const;

/** The scenario, or null when it does not exist, belongs to another team, or is deleted (unless asked). */
export async function getScenario(
  actor: Actor,
  id: string,
  options: { includeDeleted?: boolean } = {},
): Promise<ScenarioRecord | null> {
  if (!validId(id)) return null;
  const row = await db().scenario.findFirst({
    where: { id, ...visibleTo(actor), ...(options.includeDeleted ? {} : { deletedAt: null }) },
    include,
  });
  return row ? toRecord(row) : null;
}

/** For mutations: the scenario is the actor's team's (never another team's public one). */
async function requireScenario(actor: Actor, id: string, deleted = false): Promise<void> {
  assertWritable(actor, "scenario", id);
  const found =
    validId(id) &&
    (await db().scenario.count({
      where: { id, ...visibleTo(actor), deletedAt: deleted ? { not: null } : null },
    }));
  if (!found) throw notFound("scenario", id);
}

export async function updateScenario(
  actor: Actor,
  id: string,
  patch: ScenarioUpdateInput,
): Promise<ScenarioRecord> {
  const parsed = parseInput(scenarioUpdateSchema, patch);
  await requireScenario(actor, id);
  const row = await db().scenario.update({ where: { id }, data: dataOf(parsed), include });
  return toRecord(row);
}

/**
 * A scenario the actor may read, with the actor to read its runs and events as: the actor itself for its
 * team's scenarios, a public reader for another team's public one. Null otherwise (reported as not found).
 */
export async function readScenario(
  actor: Actor,
  id: string,
): Promise<{ scenario: ScenarioRecord; reader: Actor; own: boolean } | null> {
  const own = await getScenario(actor, id);
  if (own) return { scenario: own, reader: actor, own: true };
  if (!validId(id)) return null;
  const row = await db().scenario.findFirst({
    where: { id, visibility: "public", deletedAt: null },
    include,
  });
  return row ? { scenario: toRecord(row), reader: publicReader(row.teamId), own: false } : null;
}

function dayAfter(date: string): Date {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

/**
 * Newest first, cursor-paginated. Filters: q (title, narrative, tag), technique (a parent matches its
 * sub-techniques), techniques (any of: a tactic's techniques), author (id, name or email), from/to (dates
 * inclusive, or date-times), deleted (the trash instead of the live list).
 */
export async function listScenarios(actor: Actor, query: ScenarioListInput = {}): Promise<ScenarioPage> {
  const input = parseInput(listInputSchema, query);
  // Another team's trash is never shown, public or not.
  const scope: Prisma.ScenarioWhereInput =
    input.scope !== "public"
      ? visibleTo(actor)
      : input.deleted
        ? { visibility: "public", teamId: actor.teamId }
        : { visibility: "public" };
  const and: Prisma.ScenarioWhereInput[] = [scope, { deletedAt: input.deleted ? { not: null } : null }];
  if (input.q) {
    and.push({
      OR: [
        { title: { contains: likeLiteral(input.q), mode: "insensitive" } },
        { narrative: { contains: likeLiteral(input.q), mode: "insensitive" } },
        { tags: { has: input.q } },
      ],
    });
  }
  if (input.technique) and.push({ techniques: { has: input.technique } });
  if (input.techniques) and.push({ techniques: { hasSome: input.techniques } });
  if (input.author) {
    and.push({
      OR: [
        { authorId: input.author },
        { author: { name: { contains: likeLiteral(input.author), mode: "insensitive" } } },
        { author: { email: { contains: likeLiteral(input.author), mode: "insensitive" } } },
      ],
    });
  }
  if (input.from) and.push({ createdAt: { gte: new Date(input.from) } });
  if (input.to) {
    const end = /^\d{4}-\d{2}-\d{2}$/.test(input.to)
      ? { lt: dayAfter(input.to) }
      : { lte: new Date(input.to) };
    and.push({ createdAt: end });
  }
  if (input.cursor) {
    const last = await db().scenario.findFirst({
      where: { id: input.cursor, ...scope },
      select: { createdAt: true, id: true },
    });
    if (last) {
      and.push({
        OR: [{ createdAt: { lt: last.createdAt } }, { createdAt: last.createdAt, id: { lt: last.id } }],
      });
    }
  }
  const rows = await db().scenario.findMany({
    where: { AND: and },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    include,
  });
  const more = rows.length > input.limit;
  const items = rows.slice(0, input.limit).map(toRecord);
  return { items, nextCursor: more ? items[items.length - 1].id : null };
}

/** A copy of the scenario (not its runs), authored by the actor. */
export async function duplicateScenario(
  actor: Actor,
  id: string,
  options: { title?: string } = {},
): Promise<ScenarioRecord> {
  assertWritable(actor, "scenario", id);
  const source = await getScenario(actor, id);
  if (!source) throw notFound("scenario", id);
  const title = options.title ?? `Copy of ${source.title}`.slice(0, 200);
  const row = await db().scenario.create({
    data: {
      teamId: actor.teamId,
      authorId: actor.userId,
      title,
      narrative: source.narrative,
      steps: source.steps as Prisma.InputJsonValue,
      environment: source.environment as Prisma.InputJsonValue,
      seed: source.seed,
      startTime: source.startTime ? new Date(source.startTime) : null,
      formats: source.formats,
      techniques: source.techniques,
      tags: source.tags,
      visibility: source.visibility,
    },
    include,
  });
  return toRecord(row);
}

/** Soft delete: hidden from lists and reads until restored (undo). */
export async function deleteScenario(actor: Actor, id: string): Promise<{ id: string; deletedAt: string }> {
  await requireScenario(actor, id);
  const row = await db().scenario.update({ where: { id }, data: { deletedAt: new Date() } });
  return { id, deletedAt: row.deletedAt!.toISOString() };
}

/** Undo of deleteScenario. */
export async function restoreScenario(actor: Actor, id: string): Promise<ScenarioRecord> {
  await requireScenario(actor, id, true);
  const row = await db().scenario.update({ where: { id }, data: { deletedAt: null }, include });
  return toRecord(row);
}

/** Removes soft-deleted scenarios (and their runs) deleted before `before`. Returns how many. */
export async function purgeDeletedScenarios(actor: Actor, before: Date): Promise<number> {
  if (actor.publicOnly) return 0;
  const out = await db().scenario.deleteMany({
    where: { teamId: actor.teamId, deletedAt: { not: null, lt: before } },
  });
  return out.count;
}
