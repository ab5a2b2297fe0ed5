// Chooses and opens the database: PostgreSQL when DATABASE_URL is set, else PGlite in the data folder.
// Not 'server-only': scripts/migrate.ts uses it too.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";

export type DatabaseTarget = { kind: "postgres"; url: string } | { kind: "pglite"; dir: string };

export interface OpenedAdapter {
  target: DatabaseTarget;
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** Closes what this module opened (the PGlite instance); Prisma closes its own pg pool. */
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
    return { target, factory: new PrismaPg({ connectionString: target.url }), close: async () => {} };
  }
  // PGlite does not create parent folders; "memory://" runs in memory.
  if (!target.dir.startsWith("memory://")) mkdirSync(target.dir, { recursive: true });
  const pglite = new PGlite(target.dir);
  return {
    target,
    factory: new PrismaPGlite(pglite),
    close: async () => {
      if (!pglite.closed) await pglite.close();
    },
  };
}

export async function openAdapter(target: DatabaseTarget): Promise<OpenedAdapter> {
  return createAdapter(target);
}
