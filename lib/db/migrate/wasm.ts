// Loads Prisma's schema engine compiled to WebAssembly: migrations work with no native binary or download.
// Not 'server-only': scripts/migrate.ts and the tests run it outside Next.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

type EngineClass = typeof SchemaEngine;
let loading: Promise<EngineClass> | undefined;

/** The SchemaEngine class, once its WASM module is instantiated (done once per process). */
export function loadSchemaEngine(): Promise<EngineClass> {
  loading ??= (async () => {
    const require = createRequire(import.meta.url);
    const jsPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(path.join(path.dirname(jsPath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports,
    });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg.SchemaEngine as EngineClass;
  })();
  return loading;
}
