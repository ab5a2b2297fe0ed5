import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createMigration, defaultPaths, diffMigrationsToSchema } from "@/lib/db/migrate/engine";

const root = process.cwd();
const dir = mkdtempSync(path.join(tmpdir(), "mimicry-migrate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const tsx = (args: string[], env: Record<string, string | undefined> = {}) => {
  const childEnv: Record<string, string | undefined> = { ...process.env, ...env };
  if (env.DATABASE_URL === undefined) delete childEnv.DATABASE_URL;
  return spawnSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), ...args], {
    cwd: root,
    encoding: "utf8",
    env: childEnv as NodeJS.ProcessEnv,
  });
};

/** schema.prisma with one more column on Scenario. */
function driftedSchema(): string {
  const schema = readFileSync(defaultPaths().schemaPath, "utf8");
  const drifted = schema.replace(
    '  narrative   String      @default("")\n',
    '  narrative   String      @default("")\n  summary     String?\n',
  );
  expect(drifted).not.toBe(schema);
  const file = path.join(dir, "schema.prisma");
  writeFileSync(file, drifted);
  return file;
}

describe("migrations", () => {
  it("the committed migrations match schema.prisma", async () => {
    expect(await diffMigrationsToSchema(defaultPaths())).toBe("");
  }, 180_000);

  it("db:check fails when the schema gains a field, and db:migrate:dev writes the missing migration", async () => {
    const schemaPath = driftedSchema();
    const check = tsx(["scripts/migrate.ts", "check", "--schema", schemaPath]);
    expect(check.status).toBe(1);
    expect(check.stderr).toContain('ADD COLUMN     "summary" TEXT');
    expect(check.stderr).toContain("npm run db:migrate:dev");

    const migrationsDir = path.join(dir, "migrations");
    cpSync(defaultPaths().migrationsDir, migrationsDir, { recursive: true });
    const created = await createMigration(
      { schemaPath, migrationsDir },
      "add summary",
      new Date("2030-01-02T03:04:05Z"),
    );
    expect(created?.name).toBe("20300102030405_add_summary");
    expect(created?.sql).toMatch(/ALTER TABLE "Scenario" ADD COLUMN\s+"summary" TEXT/);
    expect(readdirSync(migrationsDir)).toContain("20300102030405_add_summary");
    expect(await createMigration({ schemaPath, migrationsDir }, "again")).toBeNull();
  }, 300_000);

  it("db:migrate deploys to a fresh data folder and then reports nothing to do", () => {
    const dataDir = path.join(dir, "fresh", ".data");
    const first = tsx(["scripts/migrate.ts", "deploy"], { MIMICRY_DATA_DIR: dataDir });
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    const committed = readdirSync(defaultPaths().migrationsDir).filter((name) => /^\d{14}_/.test(name));
    expect(first.stdout).toContain(`applied ${committed.length} migration(s) to PGlite at ${dataDir}/pglite`);
    for (const name of committed) expect(first.stdout).toContain(`  ${name}`);
    expect(existsSync(path.join(dataDir, "pglite", "PG_VERSION"))).toBe(true);
    const again = tsx(["scripts/migrate.ts", "deploy"], { MIMICRY_DATA_DIR: dataDir });
    expect(again.stdout).toMatch(/database is up to date/);
  }, 180_000);

  it("refuses Prisma commands that would silently do nothing", () => {
    for (const args of [
      ["migrate", "deploy"],
      ["db", "push"],
      ["migrate", "dev"],
    ]) {
      const run = spawnSync(process.execPath, [path.join(root, "scripts/prisma.mjs"), ...args], {
        encoding: "utf8",
      });
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/refusing `prisma .*`.*silently do nothing/s);
      expect(run.stderr).toContain("npm run db:migrate");
    }
    const config = spawnSync(
      process.execPath,
      [path.join(root, "node_modules/prisma/build/index.js"), "migrate", "deploy"],
      {
        cwd: root,
        encoding: "utf8",
        env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, CHECKPOINT_DISABLE: "1" },
      },
    );
    expect(config.status).not.toBe(0);
    expect(config.stdout + config.stderr).toContain("does not work offline here");
  });
});
