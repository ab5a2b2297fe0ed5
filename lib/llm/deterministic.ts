import type { EstateNames, Procedure } from "@/lib/engine/procedure";
import type { ActionInput } from "@/lib/engine/actions";
import type { DeterministicEvaluation } from "./evaluate";
import type { AgentStepInput, DeterministicPlanner } from "./loop";
import type { AgentPlan, PlanStep } from "./plan";

interface Choice {
  procedure: string;
  variant?: string;
}

/** Every (procedure, variant) for a technique, in registry order: what the deterministic improver walks. */
export function choicesFor(technique: string, procedures: readonly Procedure[]): Choice[] {
  return procedures
    .filter((p) => p.technique === technique)
    .flatMap((p) =>
      p.variants?.length
        ? p.variants.map((variant) => ({ procedure: p.id, variant }))
        : [{ procedure: p.id }],
    );
}

function sameChoice(step: PlanStep, choice: Choice, first: Choice | undefined): boolean {
  const procedure = step.procedure ?? first?.procedure;
  const variant = step.variant ?? (procedure === first?.procedure ? first?.variant : undefined);
  return procedure === choice.procedure && (choice.variant === undefined || variant === choice.variant);
}

/** The procedures' free-text parser, as the planner calls it (lib/procedures/freetext). */
export type TextParser = (
  text: string,
  context: {
    names: EstateNames;
    technique: string;
    procedures: readonly Procedure[];
    seed: number;
    host?: string;
  },
) => { actions: ActionInput[]; unmapped: readonly string[]; procedure: string | null };

/**
 * Without a model: each step's free text through the parser (merged with the technique's procedure), else the
 * technique's procedure; after a failed round, the next procedure or variant for each step whose own rules did
 * not fire.
 */
export function deterministicPlanner(
  procedures: readonly Procedure[],
  parse?: TextParser,
): DeterministicPlanner {
  return {
    initial(steps: readonly AgentStepInput[], estate: EstateNames | null, seed: number): AgentPlan {
      return {
        steps: steps.map((s) => {
          const step: PlanStep = { technique: s.technique.toUpperCase() };
          if (s.host) step.host = s.host;
          if (s.user) step.user = s.user;
          if (s.text) step.text = s.text;
          if (s.procedure) step.procedure = s.procedure;
          if (s.variant) step.variant = s.variant;
          if (s.text && parse && estate) {
            const parsed = parse(s.text, {
              names: estate,
              technique: step.technique,
              procedures,
              seed,
              host: s.host,
            });
            if (parsed.actions.length) {
              step.actions = parsed.actions;
              if (parsed.procedure) step.procedure = parsed.procedure;
              step.rationale = `parsed from the step's text${parsed.procedure ? ` with procedure ${parsed.procedure}` : ""}`;
              if (parsed.unmapped.length) step.notes = parsed.unmapped.map((u) => `not mapped: ${u}`);
            }
          }
          return step;
        }),
      };
    },
    next(plan: AgentPlan, evaluation: DeterministicEvaluation): AgentPlan | null {
      let changed = false;
      const steps = plan.steps.map((step, index) => {
        const check = evaluation.summary.steps.find((s) => s.step === index);
        const failing = check !== undefined && check.rulesAvailable > 0 && check.rulesFired.length === 0;
        if (!failing || step.actions?.length) return step;
        const choices = choicesFor(step.technique, procedures);
        const at = choices.findIndex((c) => sameChoice(step, c, choices[0]));
        const next = choices[at + 1];
        if (!next) return step;
        changed = true;
        const updated: PlanStep = { ...step, procedure: next.procedure };
        if (next.variant) updated.variant = next.variant;
        else delete updated.variant;
        return updated;
      });
      return changed ? { steps } : null;
    },
  };
}
