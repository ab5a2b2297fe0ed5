// Chooses and opens the database: PostgreSQL when DATABASE_URL is set, else PGlite in the data folder.
// Not 'server-only': scripts/migrate.ts uses it too.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";

export type DatabaseTarget = { kind: "postgres"; url: string } | { kind: "pglite"; dir: string };

export interface OpenedAdapter {
  target: DatabaseTarget;
  factory: SqlMigrationAwareDriverAdapterFactory;
  /**
   * Runs one statement on the database without Prisma (the builder's Generate: one INSERT of a few hundred KB
   * of JSON, where Prisma's handling of the parameters costs a few ms). PostgreSQL: a small pool of its own;
   * PGlite: the same instance Prisma uses.
   */
  statement(sql: string, params: readonly unknown[]): Promise<void>;
  /** Closes what this module opened (the PGlite instance, the statement pool); Prisma closes its own. */
  close(): Promise<void>;
}

/** Where the data lives, from the parsed configuration. */
export function databaseTarget(config: { DATABASE_URL?: string; MIMICRY_DATA_DIR: string }): DatabaseTarget {
  if (config.DATABASE_URL) return { kind: "postgres", url: config.DATABASE_URL };
  return { kind: "pglite", dir: path.resolve(config.MIMICRY_DATA_DIR, "pglite") };
}

/** A printable description that never shows a password. */
export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === "pglite") return `PGlite at ${target.dir}`;
  try {
    const url = new URL(target.url);
    if (url.password) url.password = "***";
    return `PostgreSQL at ${url.toString()}`;
  } catch {
    return "PostgreSQL";
  }
}

/** Opens the database synchronously (the app's client is made on first use, outside any await). */
export function createAdapter(target: DatabaseTarget): OpenedAdapter {
  if (target.kind === "postgres") {
    let pool: pg.Pool | undefined;
    return {
      target,
      factory: new PrismaPg({ connectionString: target.url }),
      statement: async (sql, params) => {
        pool ??= new pg.Pool({ connectionString: target.url, max: 4 });
        await pool.query(sql, params as unknown[]);
      },
      close: async () => {
        await pool?.end();
      },
    };
  }
  // PGlite does not create parent folders; "memory://" runs in memory.
  if (!target.dir.startsWith("memory://")) mkdirSync(target.dir, { recursive: true });
  const pglite = new PGlite(target.dir);
  return {
    target,
    factory: new PrismaPGlite(pglite),
    statement: async (sql, params) => {
      await pglite.query(sql, params as unknown[]);
    },
    close: async () => {
      if (!pglite.closed) await pglite.close();
    },
  };
}

export async function openAdapter(target: DatabaseTarget): Promise<OpenedAdapter> {
  return createAdapter(target);
}
