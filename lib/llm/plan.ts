import { z } from "zod";
import { Action, type ActionInput } from "@/lib/engine/actions";
import { techniqueId } from "@/lib/engine/spec";
import { fromStrictValue, toStrictSchema, toStrictValue } from "./strict-schema";

/** One step of an agent plan: a technique and the engine actions that carry it out. */
export interface PlanStep {
  technique: string;
  host?: string;
  user?: string;
  /** The analyst's free text for this step (deterministic mode hands it to the parser). */
  text?: string;
  procedure?: string;
  variant?: string;
  /** Explicit actions (model mode, or the parser's output); absent: the technique's procedure. */
  actions?: ActionInput[];
  /** The planner's one-line reason, shown in the trace. */
  rationale?: string;
  /** What the free-text parser saw but could not map, for display. */
  notes?: string[];
}

export interface AgentPlan {
  steps: PlanStep[];
}

const strictAction = toStrictSchema(Action);

/** What the planner and the improver must return (strict structured output). */
export const ModelPlan = z.object({
  steps: z
    .array(
      z.object({
        technique: z.string().describe("ATT&CK ID of this step, one of the requested techniques"),
        host: z.string().nullable().describe('Host reference for the step, e.g. "@workstation", "@server"'),
        user: z.string().nullable().describe('User reference, e.g. "@user", "@admin"'),
        rationale: z.string().describe("One sentence: what this step does and why these actions"),
        actions: z.array(strictAction),
      }),
    )
    .min(1),
});
export type ModelPlan = z.infer<typeof ModelPlan>;

export interface PlanProblem {
  step: number | null;
  action: string | null;
  reason: string;
}

export interface CheckedPlan {
  plan: AgentPlan;
  /** Actions or steps dropped, with the reason (fed back to the model next round). */
  rejected: PlanProblem[];
}

const issueText = (error: z.ZodError) =>
  error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join(".") : "action"}: ${i.message}`)
    .join("; ");

/** World references ("@explorer", "@lsass", "@svchost:Schedule" …) are the engine's to resolve; plan names must be defined. */
const WORLD_PROCESS = /^@[A-Za-z0-9_.:-]+$/;

/**
 * Re-validates a model plan with the engine's own schema and the plan's own references. Invalid actions and
 * steps for techniques that were not asked for are dropped with reasons; the model never reaches the engine
 * with anything outside the vocabulary.
 */
export function checkModelPlan(reply: ModelPlan, allowedTechniques: readonly string[]): CheckedPlan {
  const rejected: PlanProblem[] = [];
  const allowed = new Set(allowedTechniques.map((t) => t.toUpperCase()));
  const ids = new Set<string>();
  const procs = new Set<string>();
  const sessions = new Set<string>();
  const steps: PlanStep[] = [];
  reply.steps.forEach((raw, stepIndex) => {
    const technique = raw.technique.trim().toUpperCase();
    if (!techniqueId.safeParse(technique).success || !allowed.has(technique)) {
      rejected.push({
        step: stepIndex,
        action: null,
        reason: `technique ${JSON.stringify(raw.technique)} was not requested`,
      });
      return;
    }
    const actions: ActionInput[] = [];
    for (const candidate of raw.actions) {
      const input = fromStrictValue(Action, candidate);
      const parsed = Action.safeParse(input);
      const label =
        typeof (candidate as { id?: unknown }).id === "string" ? (candidate as { id: string }).id : null;
      if (!parsed.success) {
        rejected.push({
          step: stepIndex,
          action: label,
          reason: `not a valid engine action: ${issueText(parsed.error)}`,
        });
        continue;
      }
      const problem = referenceProblem(parsed.data, ids, procs, sessions);
      if (problem) {
        rejected.push({ step: stepIndex, action: parsed.data.id, reason: problem });
        continue;
      }
      ids.add(parsed.data.id);
      if (parsed.data.kind === "process.create") procs.add(parsed.data.proc);
      if (parsed.data.kind === "task.run" && parsed.data.spawn) procs.add(parsed.data.spawn);
      if (parsed.data.kind === "logon") sessions.add(parsed.data.session);
      actions.push(input as ActionInput);
    }
    if (actions.length === 0) {
      rejected.push({ step: stepIndex, action: null, reason: `step ${technique} has no valid action left` });
      return;
    }
    steps.push({
      technique,
      host: raw.host ?? undefined,
      user: raw.user ?? undefined,
      rationale: raw.rationale,
      actions,
    });
  });
  for (const technique of allowed) {
    if (!steps.some((s) => s.technique === technique)) {
      rejected.push({
        step: null,
        action: null,
        reason: `no step carries out the requested technique ${technique}`,
      });
    }
  }
  return { plan: { steps }, rejected };
}

function referenceProblem(
  action: Action,
  ids: Set<string>,
  procs: Set<string>,
  sessions: Set<string>,
): string | null {
  if (ids.has(action.id)) return `duplicate action id ${action.id}`;
  const missing = (action.after ?? []).filter((id) => !ids.has(id));
  if (missing.length) return `"after" names actions that do not come earlier: ${missing.join(", ")}`;
  const actor = action.kind === "process.create" ? action.parent : "proc" in action ? action.proc : undefined;
  if (typeof actor === "string" && !procs.has(actor) && !WORLD_PROCESS.test(actor)) {
    return `process ${JSON.stringify(actor)} is neither created earlier in the plan nor a world process (@explorer, @services …)`;
  }
  if (action.kind === "process.access" || action.kind === "thread.remote") {
    if (!procs.has(action.target) && !WORLD_PROCESS.test(action.target)) {
      return `target process ${JSON.stringify(action.target)} is not known`;
    }
  }
  if ("session" in action && action.kind !== "logon" && typeof action.session === "string") {
    if (!sessions.has(action.session) && action.session !== "@interactive") {
      return `session ${JSON.stringify(action.session)} is not opened by an earlier logon`;
    }
  }
  return null;
}

/** The plan in the reply schema's own shape (nulls for absent fields), as the improver must return it. */
export function planForPrompt(plan: AgentPlan): ModelPlan {
  return {
    steps: plan.steps.map((s) => ({
      technique: s.technique,
      host: s.host ?? null,
      user: s.user ?? null,
      rationale: s.rationale ?? "",
      actions: (s.actions ?? []).map((a) => toStrictValue(Action, a)),
    })),
  };
}
