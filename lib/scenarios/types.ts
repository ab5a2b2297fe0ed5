/** Plain shapes that cross from lib/scenarios to the UI and the API (no Prisma or engine types). */

export interface PlanAction {
  id: string;
  kind: string;
  /** One line saying what happens: image and command line, registry path, destination … */
  summary: string;
  after: string[];
  host: string | null;
  verdict: "malicious" | "benign";
}

export interface PlanStep {
  index: number;
  technique: string;
  procedure: string | null;
  source: "procedure" | "text" | "plan";
  actions: PlanAction[];
}

export interface PlanPreview {
  steps: PlanStep[];
  issues: { step: number | null; message: string }[];
  /** Events the plan renders to (filled when the preview had to render to decompose). */
  eventCount: number | null;
}

export type ActionResult<T> =
  | { ok: true; value: T }
  | { ok: false; error: { code: string; message: string; issues?: { path: string; message: string }[] } };

export interface ScenarioSummary {
  id: string;
  title: string;
  narrative: string;
  techniques: string[];
  tags: string[];
  author: string | null;
  createdAt: string;
  runCount: number;
  lastRun: { id: string; status: RunStatus; eventCount: number; createdAt: string } | null;
}

export type RunStatus = "queued" | "running" | "succeeded" | "failed";

export interface RunSummary {
  id: string;
  scenarioId: string;
  status: RunStatus;
  seed: number;
  engineVersion: string;
  attackVersion: string | null;
  mode: "deterministic" | "model";
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  eventCount: number;
  error: string | null;
  counts: RunCounts | null;
}

export interface RunCounts {
  byHost: Record<string, number>;
  byChannel: Record<string, number>;
  byEventId: Record<string, number>;
  malicious?: number;
}

/**
 * The viewer's own event shape: one flat row per stored event, built on the server from the database row
 * (viewer-data.ts) so the client never sees Prisma or engine internals.
 */
export interface ViewerEvent {
  /** 0-based position in the run (stable id for selection and pivots). */
  seq: number;
  /** ISO time with 7-digit fraction as Windows writes it. */
  time: string;
  host: string;
  channel: string;
  eventId: number;
  provider: string;
  /** EventData fields in Windows' order. */
  data: Record<string, string>;
  label: EventLabel;
}

export interface EventLabel {
  step: number | null;
  technique: string | null;
  action: string | null;
  malicious: boolean;
}

/** Detection results stored with a run (Run.detections), built in lib/scenarios/detection.ts. */
export interface RunDetections {
  /** Totals over every rule set used; `sets` (absent on runs stored before team rule sets) lists each. */
  rules: { source: string; loaded: number; failed: number; sets?: DetectionRuleSet[] };
  /** Expected vs fired per step: the loaded rules tagged with the step's technique. */
  steps: {
    step: number;
    technique: string;
    expected: {
      ruleId: string;
      title: string;
      level: string;
      fired: boolean;
      events: number[];
      /** Name of the rule set the rule came from (absent on older runs: SIGMA_RULES_DIR). */
      ruleSet?: string;
    }[];
  }[];
  /** Every rule that fired, with the events (seq) it fired on and the rule set it came from. */
  fired: {
    ruleId: string;
    title: string;
    level: string;
    techniques: string[];
    events: number[];
    ruleSet?: string;
    ruleSetId?: string;
  }[];
  templates: {
    step: number | null;
    technique: string | null;
    language: string;
    title: string;
    query: string;
  }[];
}

/** A rule set that took part in a run's detection: SIGMA_RULES_DIR ("sigmahq") or a team set. */
export interface DetectionRuleSet {
  id: string;
  name: string;
  loaded: number;
  failed: number;
}

/** The least the viewer's timeline needs per event. */
export interface TimelineMark {
  seq: number;
  time: string;
  host: string;
  channel: string;
  malicious: boolean;
}

/** Values offered by the event table's filter selects (from the run's facets). */
export interface FilterOptions {
  hosts: string[];
  channels: string[];
  eventIds: number[];
  techniques: string[];
}

/** A procedure the builder can offer for a technique (from lib/procedures, via catalog.ts). */
export interface ProcedureOption {
  id: string;
  technique: string;
  name: string;
  description: string;
  variants: string[];
}
