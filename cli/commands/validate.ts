import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { parseEvtxJson } from "@/lib/engine/formats/evtx-json";
import { parseEvtxXml } from "@/lib/engine/formats/evtx-xml";
import { Rng } from "@/lib/engine/rng";
import { checkPlan, validateEvents } from "@/lib/engine/validate";
import { bootHost } from "@/lib/engine/world/boot";
import { World } from "@/lib/engine/world/world";
import { CheckFailed, UsageError } from "../errors";

interface ValidateOptions {
  plan?: boolean;
  json?: boolean;
  max: string;
}

function read(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new UsageError(
      `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
}

function validatePlan(text: string, options: ValidateOptions): void {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`plan is not JSON: ${(error as Error).message}`);
  }
  const actions = Array.isArray(raw)
    ? raw
    : raw && typeof raw === "object" && Array.isArray((raw as { actions?: unknown }).actions)
      ? (raw as { actions: unknown[] }).actions
      : null;
  if (!actions) throw new UsageError('plan must be a JSON array of actions or {"actions": […]}');
  const world = new World({ domain: {} }, new Rng(1));
  for (const h of world.hosts)
    bootHost(world, h, Date.parse("2026-03-02T09:00:00Z") * 1000, new Rng(1).fork(h.name));
  const result = checkPlan(actions, world, "@workstation");
  if (options.json)
    process.stdout.write(
      `${JSON.stringify({ repairs: result.repairs, pruned: result.pruned, actions: result.actions }, null, 2)}\n`,
    );
  else {
    process.stdout.write(
      `Plan: ${actions.length} actions, ${result.actions.length} kept, ${result.repairs.length} repaired, ${result.pruned.length} pruned\n`,
    );
    for (const r of result.repairs)
      process.stdout.write(`  repaired ${r.actionId} [${r.rule}]: ${r.reason}\n`);
    for (const r of result.pruned)
      process.stdout.write(`  pruned   ${r.actionId} [${r.rule}]: ${r.reason}\n`);
  }
  if (result.pruned.length) throw new CheckFailed(`${result.pruned.length} action(s) pruned`);
}

export function registerValidate(program: Command): void {
  program
    .command("validate")
    .description("Check events (evtx-json NDJSON or Event Viewer XML) for coherence; exit 1 on violations")
    .argument("<file>", "events file, or a plan with --plan")
    .option("--plan", "FILE is an action plan (JSON): repair what can be repaired, list what is pruned")
    .option("--json", "print issues as JSON")
    .option("--max <n>", "issues to print", "50")
    .action((file: string, options: ValidateOptions) => {
      const text = read(file);
      if (options.plan) return validatePlan(text, options);
      const parsed = text.trimStart().startsWith("<") ? parseEvtxXml(text) : parseEvtxJson(text);
      if (parsed.events.length === 0 && parsed.errors.length === 0)
        throw new UsageError(`${file}: no events`);
      const issues = validateEvents(parsed.events);
      const max = Math.max(0, Number(options.max) || 50);
      if (options.json)
        process.stdout.write(
          `${JSON.stringify({ events: parsed.events.length, parseErrors: parsed.errors, issues }, null, 2)}\n`,
        );
      else {
        for (const e of parsed.errors.slice(0, max))
          process.stdout.write(`unreadable event at ${e.line}: ${e.message}\n`);
        for (const i of issues.slice(0, max))
          process.stdout.write(`${i.check.padEnd(13)} ${i.ref}: ${i.message}\n`);
        if (issues.length > max) process.stdout.write(`… and ${issues.length - max} more\n`);
        process.stdout.write(
          `${parsed.events.length} events, ${parsed.errors.length} unreadable, ${issues.length} violations\n`,
        );
      }
      if (issues.length || parsed.errors.length)
        throw new CheckFailed(
          `${issues.length} violation(s), ${parsed.errors.length} unreadable event(s) in ${file}`,
        );
    });
}
