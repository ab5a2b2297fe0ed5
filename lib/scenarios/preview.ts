import type { Action } from "@/lib/engine/actions";
import { planScenario } from "@/lib/engine/plan";
import { procedures } from "@/lib/procedures/registry";
import { toEngineSpec, type ScenarioDefinition } from "./spec";
import type { PlanAction, PlanPreview, PlanStep } from "./types";

/**
 * "Preview plan": the engine's own step expansion (procedure build, free-text parse, plan checks), stopped
 * before anything is rendered or stored. Without `after`, an action follows the one before it (as scheduled).
 */
export function previewPlan(def: ScenarioDefinition, seed: number): PlanPreview {
  const plan = planScenario(toEngineSpec(def, seed), { procedures });
  const steps: PlanStep[] = plan.steps.map((s) => ({
    index: s.step,
    technique: s.technique,
    procedure: s.procedure,
    source: s.source,
    actions: s.actions.map((a, i): PlanAction => ({
      id: a.id,
      kind: a.kind,
      summary: summarize(a),
      after: a.after ?? (i > 0 ? [s.actions[i - 1].id] : []),
      host: a.host ?? def.steps[s.step]?.host ?? "@workstation",
      verdict: a.verdict ?? "malicious",
    })),
  }));
  return { steps, issues: plan.issues.map((i) => ({ step: i.step, message: i.message })), eventCount: null };
}

/** Fields worth a glance, in the order they are shown; the actor (`proc`) leads. */
const SUMMARY_FIELDS = [
  "commandLine",
  "key",
  "value",
  "data",
  "path",
  "image",
  "remote",
  "port",
  "name",
  "query",
  "text",
  "script",
  "service",
  "task",
  "target",
  "user",
  "session",
  "share",
  "group",
] as const;

function summarize(action: Action): string {
  const record = action as unknown as Record<string, unknown>;
  if (action.kind === "process.create") return `${action.parent} → ${action.image} ${action.commandLine}`;
  const parts: string[] = [];
  for (const field of SUMMARY_FIELDS) {
    const value = record[field];
    if (typeof value === "string" && value) parts.push(field === "port" ? `:${value}` : value);
    else if (typeof value === "number") parts.push(field === "port" ? `:${value}` : String(value));
    if (parts.length >= 3) break;
  }
  const actor = typeof record.proc === "string" ? `${record.proc}: ` : "";
  return `${actor}${parts.join(" ") || action.kind}`.slice(0, 400);
}

export type { PlanAction };
