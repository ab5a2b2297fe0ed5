import "server-only";
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/schemas/errors";
import { assertWritable, type Actor } from "./actors";
import { db } from "./client";
import { requireRun } from "./runs";

export interface BundleRecord {
  id: string;
  runId: string;
  formats: string[];
  sha256: string;
  size: number;
  manifest: unknown;
  createdAt: string;
}

const bundleInput = z.strictObject({
  formats: z.array(z.string().trim().min(1).max(40)).max(20),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, "a lower-case hex SHA-256"),
  size: z.number().int().min(0).max(2_147_483_647),
  manifest: z.unknown().optional(),
});
export type BundleInput = z.input<typeof bundleInput>;

type Row = Prisma.BundleGetPayload<object>;
const toRecord = (row: Row): BundleRecord => ({
  id: row.id,
  runId: row.runId,
  formats: row.formats,
  sha256: row.sha256,
  size: row.size,
  manifest: row.manifest,
  createdAt: row.createdAt.toISOString(),
});

/** Records a bundle that was built for a run (the zip itself is streamed, not stored). */
export async function recordBundle(actor: Actor, runId: string, input: BundleInput): Promise<BundleRecord> {
  assertWritable(actor, "run", runId);
  const data = parseInput(bundleInput, input);
  await requireRun(actor, runId);
  const row = await db().bundle.create({
    data: {
      teamId: actor.teamId,
      runId,
      formats: data.formats,
      sha256: data.sha256,
      size: data.size,
      manifest: data.manifest === undefined ? Prisma.DbNull : (data.manifest as Prisma.InputJsonValue),
    },
  });
  return toRecord(row);
}

export async function listBundles(actor: Actor, runId: string): Promise<BundleRecord[]> {
  await requireRun(actor, runId);
  const rows = await db().bundle.findMany({
    where: { runId, teamId: actor.teamId },
    orderBy: { createdAt: "desc" },
  });
  return rows.map(toRecord);
}
