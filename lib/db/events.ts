import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { InputError, parseInput, zodIssues } from "@/lib/schemas/errors";
import { eventQuerySchema, type EventQuery } from "@/lib/schemas/query";
import type { Actor } from "./actors";
import { db } from "./client";
import { likeLiteral } from "./like";
import { runEventInputSchema, searchText, type PreparedEventRow, type RunEventInput } from "./event-rows";
import { canSeeRun, requireRun, type RunRecord } from "./runs";

export interface RunEventRecord {
  seq: number;
  time: string;
  channel: string;
  eventId: number;
  host: string;
  processGuid: string | null;
  parentProcessGuid: string | null;
  logonId: string | null;
  image: string | null;
  technique: string | null;
  malicious: boolean;
  raw: unknown;
  label: unknown;
}

export interface RunEventPage {
  events: RunEventRecord[];
  /** Pass as `cursor` for the next page (events after this seq); null on the last page. */
  nextCursor: number | null;
  /** Events matching the filters (all pages). */
  total: number;
}

export type EventFilter = Partial<EventQuery> & { malicious?: boolean };

export interface Facet<K> {
  value: K;
  count: number;
}

export interface RunEventFacets {
  total: number;
  hosts: Facet<string>[];
  channels: Facet<string>[];
  eventIds: Facet<{ channel: string; eventId: number }>[];
  techniques: Facet<string | null>[];
  malicious: number;
  benign: number;
}

// One JSON parameter per batch, unpacked server-side: a handful of bytes of SQL however big the batch, and
// about a third faster than 14 unnest() arrays on PostgreSQL 15 (measured: scripts/bench-db.ts).
/** The batch INSERT with the run id in parameter $run and the rows' JSON in $rows. */
export const insertEventsSql = (run: number, rows: number) => `INSERT INTO "RunEvent" ("runId", "seq", "time",
    "channel", "eventId", "host", "processGuid", "parentProcessGuid", "logonId", "image", "technique",
    "malicious", "raw", "label", "search")
  SELECT $${run}, r.* FROM json_to_recordset($${rows}::json) AS r("seq" int, "time" timestamptz, "channel" text,
    "eventId" int, "host" text, "processGuid" text, "parentProcessGuid" text, "logonId" text, "image" text,
    "technique" text, "malicious" bool, "raw" json, "label" jsonb, "search" text)`;
const INSERT = insertEventsSql(1, 2);

async function* batches<T>(source: Iterable<T> | AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const item of source) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

/**
 * Stores a run's events in batches (one INSERT … json_to_recordset per batch). Accepts an array or any (async) iterable, so a generator can stream events in.
 */
export async function insertRunEvents(
  actor: Actor,
  runId: string,
  events: Iterable<RunEventInput> | AsyncIterable<RunEventInput>,
  options: { batchSize?: number; fresh?: RunRecord } = {},
): Promise<{ inserted: number }> {
  // `fresh`: the run the caller just created for this actor, so it is visible and has no events yet
  // (two round trips fewer on the builder's Generate path).
  const fresh =
    options.fresh?.id === runId && options.fresh.teamId === actor.teamId && options.fresh.eventCount === 0;
  if (!fresh) await requireRun(actor, runId);
  const batchSize = Math.min(Math.max(options.batchSize ?? 2_000, 1), 20_000);
  const last = fresh ? null : await db().runEvent.aggregate({ where: { runId }, _max: { seq: true } });
  let nextSeq = (last?._max.seq ?? -1) + 1;
  const firstSeq = nextSeq;
  let inserted = 0;
  // The next batch is validated and serialised while the previous one is written (PostgreSQL works on
  // another core meanwhile).
  let writing: Promise<unknown> | undefined;
  try {
    for await (const batch of batches(events, batchSize)) {
      const rows = batch.map((input, i) => {
        const parsed = runEventInputSchema.safeParse(input);
        if (!parsed.success) {
          const at = inserted + i;
          const issues = zodIssues(parsed.error).map((x) => ({ ...x, path: `events.${at}.${x.path}` }));
          throw new InputError(
            "validation_failed",
            `Invalid event ${at} — ${issues[0]?.path}: ${issues[0]?.message}`,
            issues,
          );
        }
        const e = parsed.data;
        const seq = e.seq ?? nextSeq;
        nextSeq = Math.max(nextSeq, seq + 1);
        return {
          seq,
          time: e.time instanceof Date ? e.time.toISOString() : e.time,
          channel: e.channel,
          eventId: e.eventId,
          host: e.host,
          processGuid: e.processGuid ?? null,
          parentProcessGuid: e.parentProcessGuid ?? null,
          logonId: e.logonId ?? null,
          image: e.image ?? null,
          technique: e.technique ?? null,
          malicious: e.malicious ?? false,
          raw: e.raw,
          label: e.label ?? null,
          search: e.search ?? searchText(e.raw),
        };
      });
      const json = JSON.stringify(rows);
      await writing;
      writing = db().$executeRawUnsafe(INSERT, runId, json);
      writing.catch(() => {}); // awaited on the next turn; keeps Node from reporting it as unhandled
      inserted += batch.length;
    }
    await writing;
  } catch (error) {
    await writing?.catch(() => {});
    // All or nothing for this call: drop what earlier batches stored.
    await db().runEvent.deleteMany({ where: { runId, seq: { gte: firstSeq } } });
    throw error;
  }
  return { inserted };
}

/** The json_to_recordset text of prepared rows: the evtx-json text is spliced in as it is (already JSON). */
export function preparedPayload(rows: readonly PreparedEventRow[]): string {
  const str = JSON.stringify;
  let out = "[";
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    out +=
      `${i ? "," : ""}{"seq":${r.seq},"time":${str(r.time)},"channel":${str(r.channel)},"eventId":${r.eventId},` +
      `"host":${str(r.host)},"processGuid":${str(r.processGuid)},"parentProcessGuid":${str(r.parentProcessGuid)},` +
      `"logonId":${str(r.logonId)},"image":${str(r.image)},"technique":${str(r.technique)},` +
      `"malicious":${r.malicious},"raw":${r.rawJson},"label":${str(r.label ?? null)},"search":${str(r.search)}}`;
  }
  return out + "]";
}

/**
 * Stores rows the engine just rendered, with their seqs, on `client` (a transaction on the Generate path).
 * The caller has checked access to the run. A failed batch throws; inside a transaction nothing stays.
 */
export async function insertPreparedEvents(
  client: Pick<Prisma.TransactionClient, "$executeRawUnsafe">,
  runId: string,
  rows: readonly PreparedEventRow[],
  batchSize = 2_000,
): Promise<{ inserted: number }> {
  for (let i = 0; i < rows.length; i += batchSize) {
    await client.$executeRawUnsafe(INSERT, runId, preparedPayload(rows.slice(i, i + batchSize)));
  }
  return { inserted: rows.length };
}

function where(runId: string, f: EventFilter): Prisma.RunEventWhereInput {
  const and: Prisma.RunEventWhereInput[] = [{ runId }];
  if (f.host) and.push({ host: { equals: f.host, mode: "insensitive" } });
  if (f.channel) and.push({ channel: f.channel });
  if (f.eventId !== undefined) and.push({ eventId: f.eventId });
  if (f.technique) {
    and.push(
      f.technique.includes(".")
        ? { technique: f.technique }
        : { OR: [{ technique: f.technique }, { technique: { startsWith: `${likeLiteral(f.technique)}.` } }] },
    );
  }
  if (f.label) and.push({ malicious: f.label === "malicious" });
  if (f.malicious !== undefined) and.push({ malicious: f.malicious });
  if (f.q) and.push({ search: { contains: likeLiteral(f.q.toLowerCase()) } });
  if (f.processGuid) and.push({ processGuid: f.processGuid });
  if (f.parentProcessGuid) and.push({ parentProcessGuid: f.parentProcessGuid });
  if (f.logonId) and.push({ logonId: f.logonId });
  if (f.image) {
    and.push(
      f.image.includes("\\")
        ? { image: { equals: f.image, mode: "insensitive" } }
        : {
            OR: [
              { image: { equals: f.image, mode: "insensitive" } },
              { image: { endsWith: likeLiteral(`\\${f.image}`), mode: "insensitive" } },
            ],
          },
    );
  }
  if (f.from) and.push({ time: { gte: new Date(f.from) } });
  if (f.to) and.push({ time: { lte: new Date(f.to) } });
  return { AND: and };
}

const recordSelect = {
  seq: true,
  time: true,
  channel: true,
  eventId: true,
  host: true,
  processGuid: true,
  parentProcessGuid: true,
  logonId: true,
  image: true,
  technique: true,
  malicious: true,
  raw: true,
  label: true,
} as const;

function toRecord(row: Prisma.RunEventGetPayload<{ select: typeof recordSelect }>): RunEventRecord {
  return { ...row, time: row.time.toISOString() };
}

/**
 * A page of a run's events in seq order, filtered (host, channel, eventId, technique with its
 * sub-techniques, label/malicious, q full text, processGuid, parentProcessGuid, logonId, image as path or
 * file name, from/to), keyset-paged by seq: `cursor` is the last seq seen.
 */
export async function queryRunEvents(
  actor: Actor,
  runId: string,
  query: EventFilter = {},
  options: { withTotal?: boolean } = {},
): Promise<RunEventPage> {
  const { malicious, ...rest } = query;
  const filter: EventFilter = { ...parseInput(eventQuerySchema, rest), malicious };
  await requireRun(actor, runId);
  const base = where(runId, filter);
  const limit = filter.limit ?? 200;
  const [rows, total] = await Promise.all([
    db().runEvent.findMany({
      where: filter.cursor === undefined ? base : { AND: [base, { seq: { gt: filter.cursor } }] },
      orderBy: { seq: "asc" },
      take: limit + 1,
      select: recordSelect,
    }),
    options.withTotal === false ? Promise.resolve(-1) : db().runEvent.count({ where: base }),
  ]);
  const events = rows.slice(0, limit).map(toRecord);
  return { events, nextCursor: rows.length > limit ? events[events.length - 1].seq : null, total };
}

export async function getRunEvent(actor: Actor, runId: string, seq: number): Promise<RunEventRecord | null> {
  if (!Number.isInteger(seq) || seq < 0 || seq > 2_147_483_647) return null;
  if (!(await canSeeRun(actor, runId))) return null;
  const row = await db().runEvent.findFirst({ where: { runId, seq }, select: recordSelect });
  return row ? toRecord(row) : null;
}

/** Counts by host, channel, (channel, event ID), technique and label, under the same filters. */
export async function runEventFacets(
  actor: Actor,
  runId: string,
  query: EventFilter = {},
): Promise<RunEventFacets> {
  const { malicious: m, ...rest } = query;
  const filter: EventFilter = { ...parseInput(eventQuerySchema, rest), malicious: m };
  await requireRun(actor, runId);
  const w = where(runId, filter);
  const group = <K extends "host" | "channel" | "technique" | "malicious">(key: K) =>
    db().runEvent.groupBy({ by: [key], where: w, _count: { _all: true } });
  const [hosts, channels, ids, techniques, labels] = await Promise.all([
    group("host"),
    group("channel"),
    db().runEvent.groupBy({ by: ["channel", "eventId"], where: w, _count: { _all: true } }),
    group("technique"),
    group("malicious"),
  ]);
  const byCount = <T extends { count: number }>(list: T[]) => list.sort((a, b) => b.count - a.count);
  const malicious = labels.find((l) => l.malicious)?._count._all ?? 0;
  const benign = labels.find((l) => !l.malicious)?._count._all ?? 0;
  return {
    total: malicious + benign,
    hosts: byCount(hosts.map((r) => ({ value: r.host, count: r._count._all }))),
    channels: byCount(channels.map((r) => ({ value: r.channel, count: r._count._all }))),
    eventIds: byCount(
      ids.map((r) => ({ value: { channel: r.channel, eventId: r.eventId }, count: r._count._all })),
    ),
    techniques: byCount(techniques.map((r) => ({ value: r.technique, count: r._count._all }))),
    malicious,
    benign,
  };
}

/** Removes a run's events (e.g. before regenerating it). */
export async function deleteRunEvents(actor: Actor, runId: string): Promise<number> {
  await requireRun(actor, runId);
  return (await db().runEvent.deleteMany({ where: { runId } })).count;
}

/** Streams a run's events in seq order, page by page (bundles, exports). */
export async function* iterateRunEvents(
  actor: Actor,
  runId: string,
  pageSize = 2_000,
): AsyncGenerator<RunEventRecord> {
  await requireRun(actor, runId);
  let after = -1;
  for (;;) {
    const rows = await db().runEvent.findMany({
      where: { runId, seq: { gt: after } },
      orderBy: { seq: "asc" },
      take: pageSize,
      select: recordSelect,
    });
    for (const row of rows) yield toRecord(row);
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1].seq;
  }
}
