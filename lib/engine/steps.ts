import type { Action, ActionInput } from "./actions";
import type { RunIssue } from "./engine";
import type { EstateNames, Procedure, ProcedureContext } from "./procedure";
import type { Rng } from "./rng";
import { type PlannedAction, schedulePlan, type TimedAction } from "./schedule";
import type { ScenarioSpec, StepSpec } from "./spec";
import { planFromText } from "./text";
import { checkPlan, newPlanState, type PlanRepair } from "./validate/plan";
import type { World } from "./world/world";
import { addWorkers } from "./workers";

/** Free-text → actions, supplied from outside lib/engine (lib/procedures/freetext's parseActionText fits). */
export type TextParser = (
  text: string,
  ctx: {
    readonly names: EstateNames;
    readonly technique: string;
    readonly host: string;
    readonly seed: number;
    readonly procedures: readonly Procedure[];
  },
) => {
  readonly actions: ActionInput[];
  readonly extracted?: readonly {
    readonly kind: string;
    readonly value: string;
    readonly span: readonly [number, number];
  }[];
  readonly unmapped?: readonly string[];
  readonly procedure?: string | null;
};

export interface StepReport {
  readonly index: number;
  readonly technique: string;
  readonly procedure: string | null;
  readonly source: "procedure" | "plan" | "text";
  readonly actions: number;
  readonly events: number;
  readonly repairs: PlanRepair[];
  readonly pruned: PlanRepair[];
  readonly error?: string;
  /** What the free-text parser recognised in `step.text` (when a TextParser ran). */
  readonly extracted?: ReturnType<TextParser>["extracted"];
  readonly unmapped?: readonly string[];
}

export function estateNames(world: World): EstateNames {
  const roleCount = new Map<string, number>();
  return {
    domain: { netbios: world.domain.netbios, dns: world.domain.dns, sid: world.domain.sid },
    hosts: world.hosts.map((h) => {
      const n = (roleCount.get(h.role) ?? 0) + 1;
      roleCount.set(h.role, n);
      return { ref: `@${h.role}${n > 1 ? n : ""}`, name: h.name, fqdn: h.fqdn, ip: h.ip, role: h.role };
    }),
    user: world.estate.interactive.sam,
    admin: world.estate.admin.sam,
  };
}

/** Finds the procedure for a step: by ID, else the technique's first (sub-technique IDs also match their parent's only if none). */
export function procedureFor(step: StepSpec, procedures: readonly Procedure[]): Procedure | undefined {
  if (step.procedure) return procedures.find((p) => p.id === step.procedure);
  return procedures.find((p) => p.technique === step.technique);
}

/** Turns steps into scheduled actions: procedure/plan/text → checked plan → times, steps one after another. */
export function planSteps(
  spec: ScenarioSpec,
  world: World,
  procedures: readonly Procedure[],
  startUs: number,
  rng: Rng,
  parseText?: TextParser,
) {
  const names = estateNames(world);
  const steps: StepReport[] = [];
  const issues: RunIssue[] = [];
  const timed: TimedAction[] = [];
  /** Per step, the checked actions with namespaced IDs (what the plan preview shows). */
  const plans: { step: number; actions: Action[] }[] = [];
  // One name state for all steps: a later step may use a process or session an earlier one started.
  const planState = newPlanState();
  let cursor = startUs + rng.int(30, 120) * 1_000_000;
  spec.steps.forEach((step, index) => {
    const hostRef = step.host ?? "@workstation";
    const srng = rng.fork(`step:${index}`);
    const fail = (
      error: string,
      procedure: string | null = null,
      source: StepReport["source"] = "procedure",
    ) => {
      steps.push({
        index,
        technique: step.technique,
        procedure,
        source,
        actions: 0,
        events: 0,
        repairs: [],
        pruned: [],
        error,
      });
      issues.push({ actionId: `step:${index}`, step: index, code: "step", message: error });
    };
    if (!world.hostByRef(hostRef)) return fail(`unknown host "${hostRef}"`);
    let raw: ActionInput[] | null = null;
    let source: StepReport["source"] = "procedure";
    let procedureId: string | null = null;
    let parsed: ReturnType<TextParser> | null = null;
    if (step.text && !step.plan && parseText) {
      parsed = parseText(step.text, {
        names,
        technique: step.technique,
        host: hostRef,
        seed: spec.seed,
        procedures,
      });
      if (parsed.actions.length === 0) parsed = null;
    }
    const fromText = parsed ? parsed.actions : step.text ? planFromText(step.text) : null;
    if (parsed?.procedure) procedureId = parsed.procedure;
    if (step.plan) {
      raw = step.plan;
      source = "plan";
    } else if (fromText) {
      raw = fromText;
      source = "text";
    } else {
      const proc = procedureFor(step, procedures);
      if (!proc) {
        if (step.procedure) return fail(`unknown procedure "${step.procedure}"`);
        if (step.text)
          return fail(
            "free text needs a technique procedure (the free-text parser comes with the procedure library); quote the commands to run them as written",
            null,
            "text",
          );
        return fail(`no procedure for ${step.technique}`);
      }
      procedureId = proc.id;
      const ctx: ProcedureContext = {
        rng: srng.fork("build"),
        host: hostRef,
        user: step.user ?? "@user",
        variant: step.variant,
        names,
        hostOf: (ref) => {
          const h = world.hostByRef(ref) ?? world.hosts[0];
          return names.hosts.find((n) => n.name === h.name)!;
        },
      };
      raw = proc.build(ctx);
    }
    const checked = checkPlan(addWorkers(raw), world, hostRef, planState);
    const prefix = `s${index}:`;
    const plan: PlannedAction[] = checked.actions.map((a) => ({
      action: { ...a, id: prefix + a.id, after: a.after?.map((d) => prefix + d) },
      step: index,
      technique: step.technique,
      procedure: procedureId,
      verdict: "malicious",
      host: hostRef,
    }));
    plans.push({ step: index, actions: plan.map((p) => p.action) });
    if (step.delaySeconds !== undefined) cursor += step.delaySeconds * 1_000_000;
    else if (index > 0) cursor += srng.int(20, 90) * 1_000_000;
    const s = schedulePlan(plan, cursor, srng.fork("schedule"));
    for (const i of s.issues)
      issues.push({ actionId: i.actionId, step: index, code: "schedule", message: i.message });
    timed.push(...s.timed);
    cursor = s.endUs;
    steps.push({
      index,
      technique: step.technique,
      procedure: procedureId,
      source,
      actions: s.timed.length,
      events: 0,
      repairs: checked.repairs,
      pruned: checked.pruned,
      ...(parsed ? { extracted: parsed.extracted ?? [], unmapped: parsed.unmapped ?? [] } : {}),
    });
  });
  timed.sort((a, b) => a.timeUs - b.timeUs);
  return { timed, endUs: cursor, steps, issues, plans };
}
