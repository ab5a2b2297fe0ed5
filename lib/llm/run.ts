import type { MimicryConfig } from "@/lib/config/schema";
import type { EventLabel, WinEvent } from "@/lib/engine/event";
import type { Procedure } from "@/lib/engine/procedure";
import { validateEvents } from "@/lib/engine/validate";
import { parseActionText } from "@/lib/procedures/freetext/parse";
import { procedures as registeredProcedures } from "@/lib/procedures/registry";
import type { LlmClientOptions } from "./client";
import type { LlmClock } from "./clock";
import { deterministicPlanner } from "./deterministic";
import { engineRenderer, type EventValidator } from "./engine-bridge";
import type { Thresholds } from "./judge";
import {
  runLoop,
  type AgentLoopResult,
  type AgentStepInput,
  type LoopInput,
  type ScenarioEngine,
} from "./loop";
import { llmSettings, type LlmSettings } from "./settings";
import { loadSelfCheckRules, type SelfCheckRules } from "./sigma-check";

export interface RunAgentLoopInput {
  narrative: string;
  steps: AgentStepInput[];
  seed: number;
  /** The server configuration (model, judge, timeouts, rounds, budget, SIGMA_RULES_DIR). */
  config: MimicryConfig;
  signal?: AbortSignal;
  /** Passed to the spec: name, start, environment, noise. */
  scenario?: LoopInput["scenario"];
  thresholds?: Thresholds;
  /** A rule set for the Sigma self-check; default: the steps' technique families from SIGMA_RULES_DIR; null: skip. */
  rules?: SelfCheckRules | null;
  /** Default: the procedure registry. */
  procedures?: readonly Procedure[];
  /** Tests: clock, seeded jitter, streaming. */
  client?: LlmClientOptions;
  clock?: LlmClock;
  /** Tests may override the engine or settings derived from `config`. */
  engine?: ScenarioEngine;
  settings?: Partial<LlmSettings>;
}

/** The engine's coherence validator, as one sentence per violation. */
export const engineValidator: EventValidator = (
  events: readonly WinEvent[],
  _labels: readonly EventLabel[],
) =>
  validateEvents(events).map(
    (issue) => `${issue.check} at event ${issue.eventIndex} (${issue.ref}): ${issue.message}`,
  );

/**
 * The app's entry point: plan → render → evaluate → improve, with the configured model or, without one, the
 * deterministic parser/procedures and evaluator. The result names the mode and models for provenance.
 */
export async function runAgentLoop(input: RunAgentLoopInput): Promise<AgentLoopResult> {
  const settings = { ...llmSettings(input.config), ...input.settings };
  const procedures = input.procedures ?? registeredProcedures;
  const rules =
    input.rules !== undefined
      ? input.rules
      : input.config.SIGMA_RULES_DIR
        ? loadSelfCheckRules(
            input.config.SIGMA_RULES_DIR,
            input.steps.map((s) => s.technique.toUpperCase()),
          )
        : null;
  return runLoop(
    {
      narrative: input.narrative,
      steps: input.steps,
      seed: input.seed,
      scenario: input.scenario,
      signal: input.signal,
      thresholds: input.thresholds,
    },
    {
      settings,
      engine: input.engine ?? engineRenderer(procedures, engineValidator),
      planner: deterministicPlanner(procedures, parseActionText),
      rules,
      client: input.client,
      clock: input.clock,
    },
  );
}

export type { AgentLoopResult, AgentStepInput } from "./loop";
