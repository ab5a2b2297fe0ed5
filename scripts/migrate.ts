// npm run db:migrate (deploy) | db:migrate:dev [-- --name NAME] | db:check — offline, through the WASM
// schema engine (lib/db/migrate). `prisma migrate …` would print nothing and do nothing here.
import path from "node:path";
import { parseConfig, ConfigError } from "@/lib/config/schema";
import { databaseTarget, describeTarget, openAdapter } from "@/lib/db/adapter";
import {
  applyMigrations,
  createMigration,
  defaultPaths,
  diagnoseMigrations,
  diffMigrationsToSchema,
  type MigrationPaths,
} from "@/lib/db/migrate/engine";

const USAGE = `usage: tsx scripts/migrate.ts <command> [--schema FILE] [--migrations DIR]
  deploy             apply pending migrations to DATABASE_URL, or to PGlite in \${MIMICRY_DATA_DIR:-.data}/pglite
  dev [--name NAME]  write prisma/migrations/<timestamp>_NAME from the schema.prisma diff, then deploy it
  check              exit 1 when schema.prisma and prisma/migrations disagree (prints the missing SQL)
  status             show which migrations the database has applied`;

/** prisma/schema.prisma and prisma/migrations, or the files named by --schema / --migrations. */
function pathsFrom(args: string[]): MigrationPaths {
  const paths = defaultPaths();
  const value = (flag: string) => {
    const at = args.indexOf(flag);
    return at >= 0 ? args[at + 1] : undefined;
  };
  return {
    schemaPath: value("--schema") ? path.resolve(value("--schema")!) : paths.schemaPath,
    migrationsDir: value("--migrations") ? path.resolve(value("--migrations")!) : paths.migrationsDir,
  };
}

const seconds = (start: number) => `${((performance.now() - start) / 1000).toFixed(2)} s`;

async function deploy(paths: MigrationPaths): Promise<number> {
  const target = databaseTarget(parseConfig(process.env));
  const start = performance.now();
  const opened = await openAdapter(target);
  try {
    const applied = await applyMigrations(opened.factory, paths.migrationsDir);
    if (applied.length === 0)
      console.log(`database is up to date (${describeTarget(target)}, ${seconds(start)})`);
    else {
      console.log(
        `applied ${applied.length} migration(s) to ${describeTarget(target)} in ${seconds(start)}:`,
      );
      for (const name of applied) console.log(`  ${name}`);
    }
    return 0;
  } finally {
    await opened.close();
  }
}

async function dev(args: string[]): Promise<number> {
  const at = args.indexOf("--name");
  const name = at >= 0 ? args[at + 1] : "migration";
  if (!name || name.startsWith("-")) {
    console.error("migrate dev: --name needs a value");
    return 2;
  }
  const paths = pathsFrom(args);
  const created = await createMigration(paths, name);
  if (!created) console.log("schema.prisma and prisma/migrations agree: no new migration");
  else console.log(`wrote ${created.file}\n\n${created.sql}`);
  return deploy(paths);
}

async function check(paths: MigrationPaths): Promise<number> {
  const start = performance.now();
  const sql = await diffMigrationsToSchema(paths);
  if (!sql.trim()) {
    console.log(`schema.prisma and prisma/migrations agree (${seconds(start)})`);
    return 0;
  }
  console.error("schema.prisma and prisma/migrations disagree; the missing migration would be:\n");
  console.error(sql);
  console.error("Create it with: npm run db:migrate:dev -- --name <what_changed>");
  return 1;
}

async function status(paths: MigrationPaths): Promise<number> {
  const target = databaseTarget(parseConfig(process.env));
  const opened = await openAdapter(target);
  try {
    const out = await diagnoseMigrations(opened.factory, paths.migrationsDir);
    console.log(`${describeTarget(target)}: ${JSON.stringify(out, null, 2)}`);
    return out.history || out.failedMigrationNames.length || out.editedMigrationNames.length ? 1 : 0;
  } finally {
    await opened.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === "deploy") return deploy(pathsFrom(rest));
  if (command === "dev") return dev(rest);
  if (command === "check") return check(pathsFrom(rest));
  if (command === "status") return status(pathsFrom(rest));
  console.error(USAGE);
  return command === "--help" || command === "-h" ? 0 : 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError) console.error(`migrate: ${error.message}`);
    else console.error(`migrate: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(error instanceof ConfigError ? 2 : 1);
  },
);
