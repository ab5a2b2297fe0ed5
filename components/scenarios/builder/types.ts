import type { ProcedureOption } from "@/lib/scenarios/types";
import type { ScenarioCreateInput } from "@/lib/schemas/scenario";

export type { ProcedureOption };

export interface BuilderStep {
  /** Client-side identity for React keys and drag and drop. */
  key: string;
  technique: string;
  techniqueName: string;
  mode: "procedure" | "text";
  procedure: string;
  variant: string;
  action: string;
  host: string;
}

export interface BuilderHost {
  name: string;
  role: "workstation" | "server" | "dc";
}

export interface BuilderUser {
  name: string;
  admin: boolean;
}

export interface BuilderState {
  title: string;
  narrative: string;
  steps: BuilderStep[];
  domain: string;
  hosts: BuilderHost[];
  users: BuilderUser[];
  seed: string;
  startTime: string;
  formats: string[];
}

let counter = 0;
export function newStepKey(): string {
  counter += 1;
  return `step-${Date.now().toString(36)}-${counter}`;
}

export function emptyStep(technique = "", techniqueName = ""): BuilderStep {
  return {
    key: newStepKey(),
    technique,
    techniqueName,
    mode: "procedure",
    procedure: "",
    variant: "",
    action: "",
    host: "",
  };
}

/** The builder's state as the server action's input (validated again on the server). */
export function toCreateInput(state: BuilderState): ScenarioCreateInput {
  const seed = state.seed.trim() === "" ? undefined : Number(state.seed);
  return {
    title: state.title.trim() || "Untitled scenario",
    narrative: state.narrative.trim() || undefined,
    steps: state.steps.map((s) => ({
      technique: s.technique,
      ...(s.mode === "text" && s.action.trim() ? { action: s.action.trim() } : {}),
      ...(s.mode === "procedure" && s.procedure ? { procedure: s.procedure } : {}),
      ...(s.mode === "procedure" && s.variant ? { variant: s.variant } : {}),
      ...(s.host ? { host: s.host } : {}),
    })),
    seed,
    startTime: state.startTime ? new Date(`${state.startTime}Z`).toISOString() : undefined,
    environment:
      state.hosts.length || state.users.length || state.domain
        ? {
            ...(state.domain ? { domain: state.domain } : {}),
            ...(state.hosts.length ? { hosts: state.hosts } : {}),
            ...(state.users.length ? { users: state.users } : {}),
          }
        : undefined,
    formats: state.formats as ScenarioCreateInput["formats"],
  };
}
