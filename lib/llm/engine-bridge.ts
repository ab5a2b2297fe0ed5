import type { EventLabel, WinEvent } from "@/lib/engine/event";
import { serializeEvtxJson } from "@/lib/engine/formats/evtx-json";
import { generate, type GenerateReport } from "@/lib/engine/generate";
import type { EstateNames, Procedure } from "@/lib/engine/procedure";
import { estateFor } from "@/lib/engine/plan";
import type { ScenarioSpecInput } from "@/lib/engine/spec";
import type { RenderedScenario } from "./evaluate";
import type { ScenarioEngine } from "./loop";

/** The coherence validator's view: one finding per violation, with the event it points at. */
export type EventValidator = (events: readonly WinEvent[], labels: readonly EventLabel[]) => string[];

/** The engine's repairs, prunes and step errors, as sentences the model and the trace can read. */
export function reportNotes(report: GenerateReport): string[] {
  const notes: string[] = [];
  for (const step of report.steps) {
    for (const r of step.repairs)
      notes.push(`step ${step.index} action ${r.actionId} repaired (${r.rule}): ${r.reason}`);
    for (const r of step.pruned)
      notes.push(`step ${step.index} action ${r.actionId} pruned (${r.rule}): ${r.reason}`);
  }
  for (const issue of report.issues) {
    notes.push(`${issue.step === null ? "" : `step ${issue.step} `}${issue.code}: ${issue.message}`);
  }
  return [...new Set(notes)];
}

/** The names the engine will give the estate of this spec (hosts, FQDNs, IPs, users). */
export function estateOf(spec: ScenarioSpecInput): EstateNames {
  return estateFor(spec);
}

/** The real engine behind the loop: generate, validate, and evtx-json objects for the Sigma self-check. */
export function engineRenderer(procedures: readonly Procedure[], validate: EventValidator): ScenarioEngine {
  return {
    render(spec): RenderedScenario {
      const { events, labels, report } = generate(spec, { procedures });
      let raw: unknown[] | null = null;
      return {
        events,
        labels,
        raw: () => (raw ??= events.map((e) => JSON.parse(serializeEvtxJson(e)) as unknown)),
        violations: validate(events, labels),
        notes: reportNotes(report),
      };
    },
    estate: estateOf,
  };
}
