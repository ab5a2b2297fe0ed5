import type { ProcedureOption } from "@/lib/scenarios/types";
import type { EnvironmentInput, ScenarioCreateInput, StepInput } from "@/lib/schemas/scenario";

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
  /** Step fields the builder does not edit (user, delay), kept as saved when a scenario is edited. */
  kept?: Pick<StepInput, "user" | "delaySeconds">;
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
  /** Comma-separated. */
  tags: string;
  /** Who may read it: the author only, the team, or every team (read-only). */
  visibility: "private" | "team" | "public";
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
      ...s.kept,
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
    ...(tagsOf(state.tags).length ? { tags: tagsOf(state.tags) } : {}),
    visibility: state.visibility,
  };
}

function tagsOf(text: string): string[] {
  return [
    ...new Set(
      text
        .split(",")
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}

/**
 * The builder's state as an edit of a saved scenario: like a creation, but a cleared narrative,
 * environment or tag list is sent as empty so the saved value is replaced.
 */
export function toUpdateInput(state: BuilderState): ScenarioCreateInput {
  const create = toCreateInput(state);
  return {
    ...create,
    narrative: state.narrative.trim(),
    environment: create.environment ?? {},
    tags: tagsOf(state.tags),
  };
}

/** A saved scenario as the builder's state (`names`: technique id → name, for the step headers). */
export function builderStateOf(
  scenario: {
    title: string;
    narrative: string;
    steps: StepInput[];
    environment: EnvironmentInput | null;
    seed: number;
    startTime: string | null;
    formats: string[];
    tags: string[];
    visibility?: BuilderState["visibility"];
  },
  names: ReadonlyMap<string, string>,
): BuilderState {
  const env = scenario.environment ?? {};
  return {
    title: scenario.title,
    narrative: scenario.narrative,
    steps: scenario.steps.map((s) => ({
      ...emptyStep(s.technique, names.get(s.technique) ?? ""),
      mode: s.action && !s.procedure ? "text" : "procedure",
      procedure: s.procedure ?? "",
      variant: s.variant ?? "",
      action: s.action ?? "",
      host: s.host ?? "",
      kept: {
        ...(s.user ? { user: s.user } : {}),
        ...(s.delaySeconds !== undefined ? { delaySeconds: s.delaySeconds } : {}),
      },
    })),
    domain: env.domain ?? "",
    hosts: env.hosts ?? [],
    users: env.users ?? [],
    seed: String(scenario.seed),
    // datetime-local wants "YYYY-MM-DDTHH:MM:SS" (UTC here, as the builder labels it).
    startTime: scenario.startTime ? scenario.startTime.slice(0, 19) : "",
    formats: scenario.formats.length ? scenario.formats : ["evtx-json", "evtx-xml"],
    tags: scenario.tags.join(", "),
    visibility: scenario.visibility ?? "team",
  };
}
