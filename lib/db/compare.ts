import "server-only";
import { notFound } from "@/lib/schemas/errors";
import type { Actor } from "./actors";
import { db } from "./client";
import type { RunEventRecord } from "./events";
import { computeRunCounts, getRun, type RunCounts } from "./runs";

export interface CountDelta {
  key: string;
  a: number;
  b: number;
}

export interface RunComparison {
  a: { runId: string; seed: number; counts: RunCounts };
  b: { runId: string; seed: number; counts: RunCounts };
  /** Keys whose counts differ, per host, channel and "channel|eventId". */
  deltas: { byHost: CountDelta[]; byChannel: CountDelta[]; byEventId: CountDelta[] };
  /** Events of A with no counterpart in B, and the reverse (first `limit` of each, in seq order). */
  onlyInA: RunEventRecord[];
  onlyInB: RunEventRecord[];
  totalOnlyInA: number;
  totalOnlyInB: number;
}

function deltas(a: Record<string, number>, b: Record<string, number>): CountDelta[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.map((key) => ({ key, a: a[key] ?? 0, b: b[key] ?? 0 })).filter((d) => d.a !== d.b);
}

// An event's stable key ignores what a seed changes (times, GUIDs, PIDs, logon IDs): channel, event ID, host,
// image, technique and label, plus its occurrence number among events sharing that key. The nth
// powershell.exe process creation of A pairs with the nth of B; what is left over differs.
const KEYED = (param: string) => `
  SELECT seq, row_number() OVER (
    PARTITION BY channel, "eventId", host, coalesce(lower(image), ''), coalesce(technique, ''), malicious
    ORDER BY seq) AS n,
    channel, "eventId", host, coalesce(lower(image), '') AS image, coalesce(technique, '') AS technique, malicious
  FROM "RunEvent" WHERE "runId" = ${param}`;

const UNMATCHED = `
  WITH a AS (${KEYED("$1")}), b AS (${KEYED("$2")})
  SELECT a.seq AS "seqA", b.seq AS "seqB" FROM a FULL OUTER JOIN b
    ON a.channel = b.channel AND a."eventId" = b."eventId" AND a.host = b.host AND a.image = b.image
   AND a.technique = b.technique AND a.malicious = b.malicious AND a.n = b.n
  WHERE a.seq IS NULL OR b.seq IS NULL`;

/** Compares two runs the actor can see: count deltas and the events that differ by stable key. */
export async function compareRuns(
  actor: Actor,
  runIdA: string,
  runIdB: string,
  options: { limit?: number } = {},
): Promise<RunComparison> {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 200), 0), 5_000);
  const [runA, runB] = await Promise.all([getRun(actor, runIdA), getRun(actor, runIdB)]);
  if (!runA) throw notFound("run", runIdA);
  if (!runB) throw notFound("run", runIdB);
  const [countsA, countsB, unmatched] = await Promise.all([
    computeRunCounts(runA.id),
    computeRunCounts(runB.id),
    db().$queryRawUnsafe<{ seqA: number | null; seqB: number | null }[]>(UNMATCHED, runA.id, runB.id),
  ]);
  const seqsA = unmatched.flatMap((r) => (r.seqA === null ? [] : [Number(r.seqA)])).sort((x, y) => x - y);
  const seqsB = unmatched.flatMap((r) => (r.seqB === null ? [] : [Number(r.seqB)])).sort((x, y) => x - y);
  const load = async (runId: string, seqs: number[]) => {
    if (limit === 0 || seqs.length === 0) return [];
    const rows = await db().runEvent.findMany({
      where: { runId, seq: { in: seqs.slice(0, limit) } },
      orderBy: { seq: "asc" },
      omit: { search: true, runId: true },
    });
    return rows.map((r) => ({ ...r, time: r.time.toISOString() }));
  };
  const [onlyInA, onlyInB] = await Promise.all([load(runA.id, seqsA), load(runB.id, seqsB)]);
  return {
    a: { runId: runA.id, seed: runA.seed, counts: countsA },
    b: { runId: runB.id, seed: runB.seed, counts: countsB },
    deltas: {
      byHost: deltas(countsA.byHost, countsB.byHost),
      byChannel: deltas(countsA.byChannel, countsB.byChannel),
      byEventId: deltas(countsA.byEventId, countsB.byEventId),
    },
    onlyInA,
    onlyInB,
    totalOnlyInA: seqsA.length,
    totalOnlyInB: seqsB.length,
  };
}
