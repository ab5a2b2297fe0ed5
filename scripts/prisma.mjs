#!/usr/bin/env node
// Runs the Prisma CLI for the commands that work offline (generate, validate, format, version).
// Every Prisma command first fetches a native schema engine; PRISMA_SCHEMA_ENGINE_BINARY pointing at any
// existing file skips that. With that fake engine, `migrate …` and `db …` print nothing and exit 0 having
// done nothing, so they are refused here: migrations go through scripts/migrate.ts (the WASM engine).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const ALLOWED = new Set(["generate", "validate", "format", "version", "-v", "--version"]);
const INSTEAD = {
  migrate: "npm run db:migrate (deploy), npm run db:migrate:dev (new migration), npm run db:check (drift)",
  db: "npm run db:migrate (apply migrations); there is no db push: change schema.prisma, then npm run db:migrate:dev",
  introspect: "edit prisma/schema.prisma, then npm run db:migrate:dev",
};

const args = process.argv.slice(2);
const command = args[0];
if (!command || !ALLOWED.has(command)) {
  const hint =
    INSTEAD[command] ??
    "npm run db:generate, db:migrate, db:migrate:dev or db:check (see scripts/migrate.ts)";
  console.error(
    `scripts/prisma.mjs: refusing \`prisma ${args.join(" ") || "(no command)"}\`: offline, Prisma's native engine ` +
      `is missing and this command would silently do nothing.\nUse instead: ${hint}`,
  );
  process.exit(2);
}

const require = createRequire(import.meta.url);
const cli = path.join(path.dirname(require.resolve("prisma/package.json")), "build", "index.js");
const engine = process.env.PRISMA_SCHEMA_ENGINE_BINARY;
const env = {
  ...process.env,
  // Never executed by the allowed commands; it only has to exist.
  PRISMA_SCHEMA_ENGINE_BINARY: engine && existsSync(engine) ? engine : process.execPath,
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};
const result = spawnSync(process.execPath, [cli, ...args], { stdio: "inherit", env });
if (result.error) {
  console.error(`scripts/prisma.mjs: ${result.error.message}`);
  process.exit(1);
}
process.exit(result.status ?? 1);
