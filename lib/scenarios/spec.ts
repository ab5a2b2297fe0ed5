import type { ScenarioSpecInput } from "@/lib/engine/spec";
import type { EnvironmentInput, ScenarioCreateInput, StepInput } from "@/lib/schemas/scenario";

/** The one boundary where a stored scenario becomes the engine's spec. */

export interface ScenarioDefinition {
  title: string;
  narrative?: string;
  steps: StepInput[];
  environment?: EnvironmentInput;
  startTime?: string;
  formats?: string[];
}

export const DEFAULT_FORMATS = ["evtx-json", "evtx-xml"] as const;

export function toEngineSpec(def: ScenarioDefinition, seed: number): ScenarioSpecInput {
  const env = def.environment;
  const domain = env?.domain
    ? { dns: env.domain.toLowerCase(), netbios: env.domain.split(".")[0].slice(0, 15).toUpperCase() }
    : {};
  return {
    name: def.title.slice(0, 200),
    seed,
    ...(def.startTime ? { start: def.startTime } : {}),
    environment: {
      domain,
      ...(env?.hosts?.length ? { hosts: env.hosts.map((h) => ({ name: h.name, role: h.role })) } : {}),
      ...(env?.users?.length ? { users: env.users.map((u) => ({ sam: u.name, admin: u.admin })) } : {}),
    },
    steps: def.steps.map((s) => ({
      technique: s.technique,
      ...(s.procedure ? { procedure: s.procedure } : {}),
      ...(s.variant ? { variant: s.variant } : {}),
      ...(s.action ? { text: s.action } : {}),
      ...(s.host ? { host: s.host } : {}),
      ...(s.user ? { user: s.user } : {}),
      ...(s.delaySeconds !== undefined ? { delaySeconds: s.delaySeconds } : {}),
    })),
    formats: (def.formats?.length ? def.formats : [...DEFAULT_FORMATS]) as ScenarioSpecInput["formats"],
  };
}

/** A seed for scenarios that did not give one: random, but within Postgres' int range. */
export function randomSeed(): number {
  return Math.floor(Math.random() * 2_147_483_647);
}

export function definitionOf(input: ScenarioCreateInput): ScenarioDefinition {
  return {
    title: input.title,
    narrative: input.narrative,
    steps: input.steps,
    environment: input.environment,
    startTime: input.startTime,
    formats: input.formats,
  };
}
