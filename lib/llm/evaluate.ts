import { eventDataRecord, type EventLabel, type WinEvent } from "@/lib/engine/event";
import { checkArtifacts, type Artifact, type ArtifactCheck } from "./artifacts";
import { selfCheck, type SelfCheckRules, type StepRuleCheck } from "./sigma-check";
import type { DeterministicSummary } from "./trace";

/** What the engine gave back for one plan. */
export interface RenderedScenario {
  events: WinEvent[];
  labels: EventLabel[];
  /** The events as evtx-json objects (what the Sigma engine reads), aligned with `events`. */
  raw: () => unknown[];
  /** Coherence validator findings, human-readable with event references. */
  violations: string[];
  /** The engine's repairs and prunes of the plan, with reasons. */
  notes: string[];
}

export interface DeterministicEvaluation {
  summary: DeterministicSummary;
  /** Sentences for the model (and the trace) saying what to fix. */
  findings: string[];
  rules: StepRuleCheck[] | null;
  artifacts: ArtifactCheck[];
}

export interface EvaluateInput {
  rendered: RenderedScenario;
  steps: readonly { technique: string }[];
  artifacts: readonly Artifact[];
  /** null: no rule set configured; the Sigma half is skipped (and says so). */
  rules: SelfCheckRules | null;
  /** Plan actions or steps rejected before rendering. */
  rejected: string[];
}

/** Text of every step event's data, for the artifact check. */
function stepEventTexts(rendered: RenderedScenario): string[] {
  const texts: string[] = [];
  rendered.events.forEach((event, i) => {
    if (rendered.labels[i]?.step === null) return;
    texts.push(
      Object.values(eventDataRecord(event))
        .filter((v) => v !== null)
        .join("\n"),
    );
  });
  return texts;
}

/** The deterministic half: coherence, the Sigma self-check, the narrative's artifacts. */
export function evaluateDeterministic(input: EvaluateInput): DeterministicEvaluation {
  const { rendered } = input;
  const findings: string[] = [];
  for (const reason of input.rejected) findings.push(`rejected: ${reason}`);
  for (const violation of rendered.violations.slice(0, 30)) findings.push(`coherence: ${violation}`);
  if (rendered.violations.length > 30)
    findings.push(`coherence: … ${rendered.violations.length - 30} more violations`);
  for (const note of rendered.notes.slice(0, 20)) findings.push(`engine: ${note}`);

  const rules = input.rules
    ? selfCheck(
        input.rules,
        rendered.raw(),
        rendered.labels.map((l) => l.step),
        input.steps,
      )
    : null;
  for (const check of rules ?? []) {
    if (check.rulesAvailable > 0 && check.rulesFired.length === 0) {
      findings.push(
        `detection: none of the ${check.rulesAvailable} Sigma rules tagged ${check.technique} fired on step ${check.step}; ` +
          "the step's events do not show the technique the way defenders' detections expect",
      );
    }
  }
  const artifacts = checkArtifacts(input.artifacts, stepEventTexts(rendered));
  const missing = artifacts.filter((a) => !a.present).map((a) => `${a.artifact.kind} ${a.artifact.value}`);
  for (const item of missing)
    findings.push(`narrative: the ${item} named in the narrative appears in no event`);

  const passed =
    rendered.violations.length === 0 &&
    input.rejected.length === 0 &&
    missing.length === 0 &&
    (rules ?? []).every((c) => c.rulesAvailable === 0 || c.rulesFired.length > 0);
  return {
    summary: {
      events: rendered.events.length,
      violations: rendered.violations.length,
      steps: (
        rules ??
        input.steps.map((s, step) => ({ step, technique: s.technique, rulesAvailable: 0, rulesFired: [] }))
      ).map((c) => ({
        step: c.step,
        technique: c.technique,
        rulesAvailable: c.rulesAvailable,
        rulesFired: c.rulesFired,
      })),
      artifactsMissing: missing,
      rejected: [...input.rejected, ...rendered.notes],
      findings: findings.slice(0, 50),
      passed,
    },
    findings,
    rules,
    artifacts,
  };
}

const DIGEST_FIELDS = [
  "Image",
  "CommandLine",
  "ParentImage",
  "User",
  "IntegrityLevel",
  "TargetFilename",
  "TargetObject",
  "Details",
  "DestinationIp",
  "DestinationPort",
  "DestinationHostname",
  "QueryName",
  "SourceImage",
  "TargetImage",
  "GrantedAccess",
  "ImageLoaded",
  "PipeName",
  "ServiceName",
  "ImagePath",
  "TaskName",
  "TargetUserName",
  "LogonType",
  "IpAddress",
  "ShareName",
  "RelativeTargetName",
  "ScriptBlockText",
];

/** One line per step event (at most `limit`), the fields a reviewer reads, for the judge. */
export function eventDigest(rendered: RenderedScenario, limit = 160): string {
  const lines: string[] = [];
  let skipped = 0;
  rendered.events.forEach((event, i) => {
    const label = rendered.labels[i];
    if (!label || label.step === null) return;
    if (lines.length >= limit) {
      skipped++;
      return;
    }
    const data = eventDataRecord(event);
    const fields = DIGEST_FIELDS.filter((f) => data[f] !== undefined && data[f] !== null && data[f] !== "")
      .map((f) => `${f}=${String(data[f]).slice(0, 240)}`)
      .join(" | ");
    const source = event.template.key;
    lines.push(
      `#${i} step ${label.step} ${event.timeCreated} ${label.host} ${source} ${label.actionKind}: ${fields}`,
    );
  });
  if (skipped) lines.push(`… ${skipped} more step events`);
  return lines.join("\n");
}
