import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { ConfigError, parseConfig } from "@/lib/config/schema";
import { serialize } from "@/lib/engine/generate";
import { formatById, formats } from "@/lib/engine/formats/registry";
import { techniqueId } from "@/lib/engine/spec";
import { runAgentLoop } from "@/lib/llm/run";
import { summarizeTrace } from "@/lib/llm/trace";
import { CheckFailed, UsageError } from "../errors";

interface AgentOptions {
  technique: string[];
  narrative?: string;
  action: string[];
  seed: string;
  format: string;
  noise: string;
  out?: string;
  trace?: string;
  spec?: string;
}

const collect = (value: string, previous: string[]) => [...previous, value];

function write(path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (error) {
    throw new UsageError(
      `cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
}

/** `mimicry agent`: the generate → evaluate → improve loop (issue 7) with the configured model, or deterministic. */
export function registerAgent(program: Command): void {
  program
    .command("agent")
    .description(
      "plan, render, evaluate and improve a scenario with the configured model (deterministic without one)",
    )
    .option("-t, --technique <id>", "ATT&CK technique of a step, in attack order (repeatable)", collect, [])
    .option("-n, --narrative <text>", "the attack narrative (data for the model, never instructions)")
    .option(
      "-a, --action <text>",
      "free-text actions of the step with the same position (repeatable)",
      collect,
      [],
    )
    .option("-s, --seed <n>", "seed (integer 0-4294967295)", "1")
    .option("-f, --format <format>", "output format for the events", "evtx-json")
    .option("--noise <level>", "benign background: none|low|normal|high", "low")
    .option("-o, --out <file>", "write events to FILE instead of stdout")
    .option(
      "--trace <file>",
      "write the loop's trace (JSON: rounds, prompt hashes, plan diffs, scores, tokens)",
    )
    .option("--spec <file>", "write the final scenario spec (JSON; `generate` reproduces the events from it)")
    .action(async (options: AgentOptions) => {
      if (options.technique.length === 0) throw new UsageError("give at least one --technique");
      const bad = options.technique.find((t) => !techniqueId.safeParse(t.toUpperCase()).success);
      if (bad) throw new UsageError(`bad technique "${bad}": IDs look like T1059 or T1059.001`);
      const seed = Number(options.seed);
      if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
        throw new UsageError(`bad --seed "${options.seed}"`);
      const format = formatById(options.format);
      if (!format)
        throw new UsageError(
          `unknown format "${options.format}"; available: ${formats.map((f) => f.id).join(", ")}`,
        );
      if (!["none", "low", "normal", "high"].includes(options.noise)) {
        throw new UsageError(`bad --noise "${options.noise}": none|low|normal|high`);
      }
      let config;
      try {
        config = parseConfig(process.env);
      } catch (error) {
        if (error instanceof ConfigError) throw new UsageError(error.message);
        throw error;
      }
      const result = await runAgentLoop({
        narrative: options.narrative ?? "",
        steps: options.technique.map((technique, i) => ({ technique, text: options.action[i] })),
        seed,
        config,
        scenario: { noise: { level: options.noise as "none" | "low" | "normal" | "high" } },
      });
      const summary = summarizeTrace(result.trace);
      process.stderr.write(`${summary.headline}${result.fallback ? " (deterministic fallback)" : ""}\n`);
      for (const line of summary.lines) process.stderr.write(`  ${line}\n`);
      process.stderr.write(`  ${result.trace.stopReason}\n`);
      if (options.trace) write(options.trace, `${JSON.stringify(result.trace, null, 2)}\n`);
      if (options.spec) write(options.spec, `${JSON.stringify(result.spec, null, 2)}\n`);
      const text = serialize(result.events ?? [], format.id, result.labels);
      if (options.out) write(options.out, text);
      else process.stdout.write(text);
      if (result.status !== "passed") throw new CheckFailed(`the loop stopped with status ${result.status}`);
    });
}
