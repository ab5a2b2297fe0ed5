// Throwaway databases for integration tests: PGlite in a temp folder, and, when DATABASE_URL is set, a fresh
// PostgreSQL database on that server. Both are migrated with the same code as `npm run db:migrate`.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openAdapter, type DatabaseTarget } from "../adapter";
import { closeDb, switchDatabase } from "../client";
import { applyMigrations, defaultPaths } from "../migrate/engine";

export type DatabaseKind = "pglite" | "postgres";

/** PGlite always; PostgreSQL too when DATABASE_URL names a server. */
export const databaseKinds: DatabaseKind[] = process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

export interface TestDatabase {
  kind: DatabaseKind;
  target: DatabaseTarget;
  /** Closes the process's client and removes the database. */
  drop(): Promise<void>;
}

export async function migrateTarget(target: DatabaseTarget): Promise<string[]> {
  const opened = await openAdapter(target);
  try {
    return await applyMigrations(opened.factory, defaultPaths().migrationsDir);
  } finally {
    await opened.close();
  }
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Creates, migrates and selects (switchDatabase) a fresh database of that kind. */
export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === "pglite") {
    const dir = await mkdtemp(path.join(os.tmpdir(), "mimicry-db-"));
    const target: DatabaseTarget = { kind: "pglite", dir: path.join(dir, "pglite") };
    await migrateTarget(target);
    await switchDatabase(target);
    return {
      kind,
      target,
      drop: async () => {
        await closeDb();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error("DATABASE_URL is not set");
  const name = `mimicry_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const target: DatabaseTarget = { kind: "postgres", url: url.toString() };
  await migrateTarget(target);
  await switchDatabase(target);
  return {
    kind,
    target,
    drop: async () => {
      await closeDb();
      await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}
