#!/usr/bin/env node
// Entry point of `npx mimicry`: runs the TypeScript CLI through tsx so no build step is needed.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

// A closed pipe (`mimicry … | head`) is a normal way to stop reading, not an error.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

register({ tsconfig: fileURLToPath(new URL("../tsconfig.json", import.meta.url)) });
const { main } = await import("./main.ts");
process.exitCode = await main(process.argv.slice(2));
