import "server-only";
import { notFound } from "@/lib/schemas/errors";
import type { Actor } from "./actors";
import { db } from "./client";
import type { RunEventRecord } from "./events";
import { computeRunCounts, readRun, type RunCounts, type RunRecord } from "./runs";

export interface CountDelta {
  key: string;
  a: number;
  b: number;
}

export interface ComparedRun {
  runId: string;
  scenarioId: string;
  /** The scenario's title when the run was made. */
  title: string;
  seed: number;
  counts: RunCounts;
  /** False for a run of another team's public scenario (read-only). */
  own: boolean;
}

export interface RunComparison {
  a: ComparedRun;
  b: ComparedRun;
  /** Keys whose counts differ, per host role (or host when unknown), channel and "channel|eventId". */
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

// An event's stable key ignores what a seed changes (times, GUIDs, PIDs, logon IDs, host names): channel,
// event ID, host ROLE ("@workstation", "@dc"…), image, technique and label, plus its occurrence number among
// events sharing that key. The nth powershell.exe process creation of A pairs with the nth of B.
const KEYED = (param: string, roles: string) => `
  SELECT seq, row_number() OVER (
    PARTITION BY channel, "eventId", coalesce(${roles}::jsonb ->> lower(host), host),
      coalesce(lower(image), ''), coalesce(technique, ''), malicious
    ORDER BY seq) AS n,
    channel, "eventId", coalesce(${roles}::jsonb ->> lower(host), host) AS host,
    coalesce(lower(image), '') AS image, coalesce(technique, '') AS technique, malicious
  FROM "RunEvent" WHERE "runId" = ${param}`;

const UNMATCHED = `
  WITH a AS (${KEYED("$1", "$3")}), b AS (${KEYED("$2", "$4")})
  SELECT a.seq AS "seqA", b.seq AS "seqB" FROM a FULL OUTER JOIN b
    ON a.channel = b.channel AND a."eventId" = b."eventId" AND a.host = b.host AND a.image = b.image
   AND a.technique = b.technique AND a.malicious = b.malicious AND a.n = b.n
  WHERE a.seq IS NULL OR b.seq IS NULL`;

type Dict = Record<string, unknown>;
const dict = (v: unknown): Dict => (v && typeof v === "object" && !Array.isArray(v) ? (v as Dict) : {});

/**
 * Host name/FQDN (lower-case) → role reference, numbered per role in the environment's order as the engine
 * does ("@workstation", "@workstation2", "@dc"), from the run's validation report.
 */
export function hostRoles(validation: unknown): Record<string, string> {
  const hosts = dict(validation).hosts;
  const roles: Record<string, string> = {};
  const seen = new Map<string, number>();
  for (const host of Array.isArray(hosts) ? hosts : []) {
    const { name, fqdn, role } = dict(host);
    if (typeof role !== "string") continue;
    const n = (seen.get(role) ?? 0) + 1;
    seen.set(role, n);
    const ref = `@${role}${n > 1 ? n : ""}`;
    for (const key of [name, fqdn]) if (typeof key === "string") roles[key.toLowerCase()] = ref;
  }
  return roles;
}

/** Counts keyed by host role where the host is known. */
function byRole(counts: Record<string, number>, roles: Record<string, string>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [host, n] of Object.entries(counts)) {
    const key = roles[host.toLowerCase()] ?? host;
    out[key] = (out[key] ?? 0) + n;
  }
  return out;
}

const side = (run: RunRecord, counts: RunCounts, own: boolean): ComparedRun => ({
  runId: run.id,
  scenarioId: run.scenarioId,
  title: run.snapshot.title,
  seed: run.seed,
  counts,
  own,
});

/**
 * Compares two runs the actor may read (its team's, or runs of any team's public scenarios; readRun decides):
 * count deltas and the events that differ by stable key. Not found for any other run.
 */
export async function compareRuns(
  actor: Actor,
  runIdA: string,
  runIdB: string,
  options: { limit?: number } = {},
): Promise<RunComparison> {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 200), 0), 5_000);
  const [readA, readB] = await Promise.all([readRun(actor, runIdA), readRun(actor, runIdB)]);
  if (!readA) throw notFound("run", runIdA);
  if (!readB) throw notFound("run", runIdB);
  const [runA, runB] = [readA.run, readB.run];
  const rolesA = hostRoles(runA.validation);
  const rolesB = hostRoles(runB.validation);
  const [countsA, countsB, unmatched] = await Promise.all([
    computeRunCounts(runA.id),
    computeRunCounts(runB.id),
    db().$queryRawUnsafe<{ seqA: number | null; seqB: number | null }[]>(
      UNMATCHED,
      runA.id,
      runB.id,
      JSON.stringify(rolesA),
      JSON.stringify(rolesB),
    ),
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
    a: side(runA, countsA, readA.own),
    b: side(runB, countsB, readB.own),
    deltas: {
      byHost: deltas(byRole(countsA.byHost, rolesA), byRole(countsB.byHost, rolesB)),
      byChannel: deltas(countsA.byChannel, countsB.byChannel),
      byEventId: deltas(countsA.byEventId, countsB.byEventId),
    },
    onlyInA,
    onlyInB,
    totalOnlyInA: seqsA.length,
    totalOnlyInB: seqsB.length,
  };
}
