import { closeSync, openSync, writeSync } from "node:fs";
import type { Command } from "commander";
import { z } from "zod";
import type { EventLabel, WinEvent } from "@/lib/engine/event";
import { estateFor, generateStream, streamSerializer, type TextParser } from "@/lib/engine/generate";
import { formatById, formats } from "@/lib/engine/formats/registry";
import { formatIds } from "@/lib/engine/formats/types";
import { techniqueId, type StepSpec } from "@/lib/engine/spec";
import { planFromText } from "@/lib/engine/text";
import { procedures } from "@/lib/procedures/registry";
import { atomicSpec } from "@/lib/procedures/atomic/import";
import { parseActionText } from "@/lib/procedures/freetext/parse";
import { UsageError } from "../errors";
import { findAtomic } from "./atomic";

interface GenerateOptions {
  technique: string[];
  procedure?: string;
  action: string[];
  seed?: string;
  start?: string;
  format: string;
  noise: string;
  duration?: string;
  out?: string;
  labels?: string;
  report?: string;
  list?: boolean;
  atomic?: string;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** Buffered writer to a file descriptor; stdout when no path. */
class Output {
  private fd: number;
  private buffer: string[] = [];
  private size = 0;
  constructor(path: string | undefined) {
    try {
      this.fd = path ? openSync(path, "w") : 1;
    } catch (error) {
      throw new UsageError(
        `cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      );
    }
  }
  write(text: string): void {
    this.buffer.push(text);
    this.size += text.length;
    if (this.size > 1 << 20) this.flush();
  }
  flush(): void {
    if (this.buffer.length === 0) return;
    const chunk = this.buffer.join("");
    this.buffer = [];
    this.size = 0;
    // Pipes and files are written synchronously by Node on Linux; stdout goes through process.stdout.
    if (this.fd === 1) {
      process.stdout.write(chunk);
      return;
    }
    let offset = 0;
    const bytes = Buffer.from(chunk, "utf8");
    while (offset < bytes.length) {
      try {
        offset += writeSync(this.fd, bytes, offset);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EAGAIN") throw error;
      }
    }
  }
  close(): void {
    this.flush();
    if (this.fd !== 1) closeSync(this.fd);
  }
}

function listText(): string {
  const lines = ["Techniques with procedures (use --technique ID, optionally --procedure ID):"];
  for (const p of procedures) lines.push(`  ${p.technique.padEnd(10)} ${p.id.padEnd(36)} ${p.name}`);
  lines.push(`Formats: ${formats.map((f) => f.id).join(", ")}`);
  return `${lines.join("\n")}\n`;
}

/** The free-text parser of the procedure library, handed to the engine for `--action` steps. */
export const parseText: TextParser = (text, ctx) =>
  parseActionText(text, {
    names: ctx.names,
    technique: ctx.technique,
    procedures: ctx.procedures,
    seed: ctx.seed,
    host: ctx.host,
  });

function understood(text: string, technique: string, seed: number): boolean {
  if (planFromText(text) !== null) return true;
  const names = estateFor({ seed });
  // Something in the text must be recognised (a command, binary, path…), not only the technique's procedure.
  const parsed = parseText(text, { names, technique, host: "@workstation", seed, procedures });
  return parsed.actions.length > 0 && (parsed.extracted?.length ?? 0) > 0;
}

export function buildSteps(options: GenerateOptions, seed = 1): StepSpec[] {
  const steps: StepSpec[] = [];
  for (const t of options.technique) {
    const id = t.toUpperCase();
    if (!techniqueId.safeParse(id).success)
      throw new UsageError(`bad technique ID "${t}" (expected e.g. T1059.001)`);
    const hasProcedure = procedures.some(
      (p) => p.technique === id && (!options.procedure || p.id === options.procedure),
    );
    const coveredByText = options.action.some((a) => understood(a, id, seed));
    if (!hasProcedure && !coveredByText)
      throw new UsageError(
        `no procedure for technique ${id}${options.procedure ? ` with procedure ${options.procedure}` : ""}; run "mimicry generate --list" to see the available ones`,
      );
    if (hasProcedure) steps.push({ technique: id, procedure: options.procedure });
  }
  const fallbackTechnique = options.technique.at(-1)?.toUpperCase() ?? "T1059";
  for (const text of options.action) {
    if (!understood(text, fallbackTechnique, seed)) {
      throw new UsageError(
        `--action "${text.slice(0, 60)}": free text needs a technique procedure or a command the parser recognises (give --technique, or put the commands in quotes to run them as written)`,
      );
    }
    steps.push({ technique: fallbackTechnique, text });
  }
  if (steps.length === 0)
    throw new UsageError('nothing to generate: give --technique ID or --action "…" (see --list)');
  return steps;
}

function parseSeed(seed: string | undefined): number {
  if (seed === undefined) return 1;
  const n = /^\d+$/.test(seed) ? Number(seed) : NaN;
  if (!Number.isSafeInteger(n) || n > 0xffffffff)
    throw new UsageError(`bad seed "${seed}": expected an integer from 0 to 4294967295`);
  return n;
}

function parseStart(start: string | undefined): string | undefined {
  if (start === undefined) return undefined;
  if (!z.iso.datetime({ offset: true }).safeParse(start).success)
    throw new UsageError(`bad --start "${start}": expected an ISO date-time like 2026-03-02T09:14:00Z`);
  return start;
}

export function registerGenerate(program: Command): void {
  program
    .command("generate")
    .description("Generate the Windows logs of ATT&CK techniques (events on stdout or --out)")
    .option("-t, --technique <id>", "ATT&CK technique ID with a procedure (repeatable)", collect, [])
    .option("--procedure <id>", "procedure ID for the techniques (default: the technique's first)")
    .option("-a, --action <text>", "free-text step; quoted commands run as written (repeatable)", collect, [])
    .option("-s, --seed <n>", "seed (integer 0-4294967295)", undefined)
    .option("--start <iso>", "scenario start time (ISO 8601)")
    .option("-f, --format <format>", `output format: ${formatIds.join("|")}`, "evtx-json")
    .option("--noise <level>", "benign background: none|low|normal|high", "normal")
    .option("--duration <seconds>", "benign background window in seconds")
    .option("-o, --out <file>", "write events to FILE instead of stdout")
    .option("--labels <file>", "write ground-truth labels (NDJSON, one per event, same order)")
    .option("--report <file>", "write the generation report (JSON)")
    .option("--list", "list techniques with procedures and the formats")
    .option("--atomic <guid>", "run an Atomic Red Team test (ATOMICS_DIR) instead of --technique/--action")
    .action((options: GenerateOptions) => {
      if (options.list) {
        process.stdout.write(listText());
        return;
      }
      const format = formatById(options.format);
      if (!format)
        throw new UsageError(
          `unknown format "${options.format}"; available: ${formats.map((f) => f.id).join(", ")}`,
        );
      if (!["none", "low", "normal", "high"].includes(options.noise))
        throw new UsageError(`bad --noise "${options.noise}": none|low|normal|high`);
      const duration = options.duration === undefined ? undefined : Number(options.duration);
      if (duration !== undefined && (!Number.isInteger(duration) || duration < 0 || duration > 7 * 86400))
        throw new UsageError(`bad --duration "${options.duration}": seconds from 0 to 604800`);
      const seed = parseSeed(options.seed);
      const spec = {
        seed,
        start: parseStart(options.start),
        steps: options.atomic
          ? atomicSpec(findAtomic(options.atomic), { seed }).spec.steps!
          : buildSteps(options, seed),
        noise: { level: options.noise, durationSeconds: duration },
        formats: [format.id],
      };
      const out = new Output(options.out);
      const labels = options.labels ? new Output(options.labels) : null;
      if (format.header) out.write(`${format.header}\n`);
      const write = streamSerializer(format);
      const report = generateStream(spec, { procedures, parseText }, (event: WinEvent, label: EventLabel) => {
        const line = write(event, label);
        if (line !== "") out.write(`${line}\n`);
        labels?.write(
          `${JSON.stringify({ computer: event.computer, channel: event.template.channel, recordId: event.recordId, ...label })}\n`,
        );
      });
      if (format.footer) out.write(`${format.footer}\n`);
      out.close();
      labels?.close();
      if (options.report) {
        const r = new Output(options.report);
        r.write(`${JSON.stringify(report, null, 2)}\n`);
        r.close();
      }
      const failed = report.steps.filter((s) => s.error);
      for (const s of failed)
        process.stderr.write(`mimicry: step ${s.index + 1} (${s.technique}): ${s.error}\n`);
    });
}
