import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { z } from "zod";

/** Atomic Red Team test files (atomics/T*.yaml or atomics/T*\/T*.yaml), parsed and checked at the edge. */

const scalar = z.union([z.string(), z.number(), z.boolean()]).transform((v) => String(v));

export const AtomicInputArgument = z.object({
  description: z.string().optional(),
  type: z.string().optional(),
  default: scalar.nullish().transform((v) => v ?? ""),
});

export const AtomicTest = z.object({
  name: z.string(),
  auto_generated_guid: z.string().regex(/^[0-9a-f-]{36}$/i),
  description: z.string().optional().default(""),
  supported_platforms: z.array(z.string()),
  input_arguments: z
    .record(z.string(), AtomicInputArgument)
    .nullish()
    .transform((v) => v ?? {}),
  executor: z.object({
    name: z.string(),
    command: z.string().nullish(),
    cleanup_command: z.string().nullish(),
    elevation_required: z.boolean().optional().default(false),
  }),
});
export type AtomicTest = z.infer<typeof AtomicTest>;

export const AtomicFile = z.object({
  attack_technique: z.string().regex(/^T\d{4}(\.\d{3})?$/),
  display_name: z.string(),
  atomic_tests: z.array(z.unknown()),
});

export interface LoadedTest extends AtomicTest {
  readonly technique: string;
  readonly file: string;
  /** Index of the test in its file (Invoke-AtomicTest's -TestNumbers, 1-based there). */
  readonly number: number;
}

export interface AtomicLoadResult {
  readonly tests: LoadedTest[];
  /** Files or tests that could not be read, with the reason; never fatal. */
  readonly errors: { file: string; message: string }[];
}

function zodMessage(error: z.ZodError): string {
  const i = error.issues[0];
  return i ? `${i.path.join(".") || "(root)"}: ${i.message}` : "invalid";
}

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile() && /^T\d{4}(\.\d{3})?\.ya?ml$/i.test(entry.name)) out.push(join(dir, entry.name));
    else if (entry.isDirectory() && /^T\d{4}(\.\d{3})?$/.test(entry.name)) {
      for (const f of readdirSync(join(dir, entry.name)))
        if (/^T\d{4}(\.\d{3})?\.ya?ml$/i.test(f)) out.push(join(dir, entry.name, f));
    }
  }
  return out.sort();
}

export function loadAtomics(dir: string): AtomicLoadResult {
  const tests: LoadedTest[] = [];
  const errors: AtomicLoadResult["errors"] = [];
  let files: string[];
  try {
    files = yamlFiles(dir);
  } catch (error) {
    return { tests, errors: [{ file: dir, message: `cannot read directory: ${(error as Error).message}` }] };
  }
  for (const file of files) {
    let doc: unknown;
    try {
      doc = parse(readFileSync(file, "utf8"), { maxAliasCount: 100 });
    } catch (error) {
      errors.push({ file, message: `YAML: ${(error as Error).message.split("\n")[0]}` });
      continue;
    }
    const parsed = AtomicFile.safeParse(doc);
    if (!parsed.success) {
      errors.push({ file, message: zodMessage(parsed.error) });
      continue;
    }
    parsed.data.atomic_tests.forEach((raw, i) => {
      const t = AtomicTest.safeParse(raw);
      if (!t.success) errors.push({ file, message: `test ${i + 1}: ${zodMessage(t.error)}` });
      else tests.push({ ...t.data, technique: parsed.data.attack_technique, file, number: i + 1 });
    });
  }
  return { tests, errors };
}

/** Windows tests Mimicry can import: command_prompt or powershell executors with a command. */
export function importable(test: AtomicTest): boolean {
  return (
    test.supported_platforms.includes("windows") &&
    (test.executor.name === "command_prompt" || test.executor.name === "powershell") &&
    !!test.executor.command?.trim()
  );
}
