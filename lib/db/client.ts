import "server-only";
import { serverConfig } from "@/lib/config/server";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createAdapter, databaseTarget, type DatabaseTarget } from "./adapter";

interface Connection {
  prisma: PrismaClient;
  target: DatabaseTarget;
  statement(sql: string, params: readonly unknown[]): Promise<void>;
  close(): Promise<void>;
}

// One client per process, kept on globalThis so dev-mode module reloads reuse it.
const holder = globalThis as typeof globalThis & { __mimicryDb?: Connection };

function connect(target: DatabaseTarget): Connection {
  const opened = createAdapter(target);
  const prisma = new PrismaClient({ adapter: opened.factory });
  return {
    prisma,
    target,
    statement: opened.statement,
    close: async () => {
      await prisma.$disconnect();
      await opened.close();
    },
  };
}

/** The Prisma client: PostgreSQL when DATABASE_URL is set, else PGlite under MIMICRY_DATA_DIR. */
export function db(): PrismaClient {
  holder.__mimicryDb ??= connect(databaseTarget(serverConfig()));
  return holder.__mimicryDb.prisma;
}

/** One statement outside Prisma, on the same database (see OpenedAdapter.statement): atomic on its own. */
export function runStatement(sql: string, params: readonly unknown[]): Promise<void> {
  db();
  return holder.__mimicryDb!.statement(sql, params);
}

/** Which database this process talks to. */
export function dbTarget(): DatabaseTarget {
  db();
  return holder.__mimicryDb!.target;
}

/** Points the process at another database (tests, scripts); closes the previous connection. */
export async function switchDatabase(target: DatabaseTarget): Promise<PrismaClient> {
  await closeDb();
  holder.__mimicryDb = connect(target);
  return holder.__mimicryDb.prisma;
}

export async function closeDb(): Promise<void> {
  const current = holder.__mimicryDb;
  holder.__mimicryDb = undefined;
  if (current) await current.close();
}

/** Round-trip to the database (health checks). */
export async function pingDatabase(): Promise<{ ok: true; target: DatabaseTarget["kind"]; ms: number }> {
  const start = performance.now();
  await db().$queryRawUnsafe("SELECT 1");
  return { ok: true, target: dbTarget().kind, ms: Math.round(performance.now() - start) };
}
