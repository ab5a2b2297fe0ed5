import type { EventLabel, WinEvent } from "./event";
import { type GenerateReport, type RunOptions, runScenario } from "./engine";
import { formatById } from "./formats/registry";
import type { EventFormat } from "./formats/types";

export type { GenerateReport, RunIssue, RunOptions } from "./engine";
export type { TextParser } from "./steps";

export interface GenerateResult {
  readonly events: WinEvent[];
  /** labels[i] is the ground truth of events[i]. */
  readonly labels: EventLabel[];
  readonly report: GenerateReport;
}

/** Pure and deterministic: same spec (seed included) → same events, labels and report. */
export function generate(spec: unknown, options: RunOptions): GenerateResult {
  const events: WinEvent[] = [];
  const labels: EventLabel[] = [];
  const report = runScenario(spec, options, (event, label) => {
    events.push(event);
    labels.push(label);
  });
  return { events, labels, report };
}

/** Streaming variant: calls `sink` per event in time order; memory stays bounded. Returns the report. */
export function generateStream(
  spec: unknown,
  options: RunOptions,
  sink: (event: WinEvent, label: EventLabel) => void,
): GenerateReport {
  return runScenario(spec, options, sink);
}

/** Whole-document serialization in a format (header, one record per line, footer). */
export function serialize(
  events: readonly WinEvent[],
  formatId: string,
  labels?: readonly EventLabel[],
): string {
  const format = formatById(formatId);
  if (!format) throw new Error(`unknown format "${formatId}"`);
  const parts: string[] = [];
  if (format.header) parts.push(format.header);
  const write = streamSerializer(format);
  events.forEach((e, i) => {
    const s = write(e, labels?.[i]);
    if (s !== "") parts.push(s);
  });
  if (format.footer) parts.push(format.footer);
  return parts.length ? `${parts.join("\n")}\n` : "";
}

/** The serializer for one whole stream: the format's stateful `open()` when it has one, else `serialize`. */
export function streamSerializer(format: EventFormat): (event: WinEvent, label?: EventLabel) => string {
  return format.open ? format.open() : (event, label) => format.serialize(event, label);
}

export { ENGINE_VERSION } from "./version";
export { estateFor, planScenario, type PlannedStep, type PlanIssue, type ScenarioPlan } from "./plan";
