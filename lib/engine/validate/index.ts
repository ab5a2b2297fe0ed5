import type { WinEvent } from "../event";
import { directoryCheck } from "./checks/directory";
import { hostEventCheck } from "./checks/host-events";
import { lateralCheck } from "./checks/lateral";
import { networkCheck } from "./checks/network";
import { objectCheck } from "./checks/objects";
import { processTreeCheck } from "./checks/process-tree";
import { recordOrderCheck } from "./checks/record-order";
import { sessionCheck } from "./checks/sessions";
import { sidCheck } from "./checks/sids";
import { type Check, type Issue, toViews } from "./view";

export type { Check, Issue } from "./view";
export { checkPlan, type PlanCheckResult, type PlanRepair } from "./plan";

/** Every coherence check, in report order. */
export const checks: readonly Check[] = [
  recordOrderCheck,
  processTreeCheck,
  sessionCheck,
  sidCheck,
  objectCheck,
  networkCheck,
  lateralCheck,
  directoryCheck,
  hostEventCheck,
];

/** Runs every check over events (generated or parsed from outside); returns violations with event references. */
export function validateEvents(events: readonly WinEvent[], only?: readonly string[]): Issue[] {
  const views = toViews(events);
  const issues: Issue[] = [];
  for (const c of checks) if (!only || only.includes(c.id)) issues.push(...c.run(views));
  return issues.sort((a, b) => a.eventIndex - b.eventIndex || a.check.localeCompare(b.check));
}
