// Read by every Prisma CLI command. Offline, `prisma migrate …` and `prisma db …` find no native engine and
// (with PRISMA_SCHEMA_ENGINE_BINARY set) exit 0 having done nothing: stop them here with a clear message.
import { defineConfig } from "prisma/config";

const command = process.argv.slice(2).find((arg) => !arg.startsWith("-"));
if (command === "migrate" || command === "db" || command === "introspect") {
  throw new Error(
    `\`prisma ${command}\` does not work offline here (it would silently do nothing). Use npm run db:migrate ` +
      "(deploy), npm run db:migrate:dev (new migration from schema.prisma) or npm run db:check (drift).",
  );
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
