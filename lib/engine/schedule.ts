import type { Action } from "./actions";
import type { Rng } from "./rng";

/** An action with its provenance, before times are assigned. */
export interface PlannedAction {
  readonly action: Action;
  readonly step: number | null;
  readonly technique: string | null;
  readonly procedure: string | null;
  readonly verdict: "malicious" | "benign";
  /** Host reference actions without `host` run on. */
  readonly host: string;
}

export interface TimedAction extends PlannedAction {
  readonly timeUs: number;
}

export interface ScheduleIssue {
  readonly actionId: string;
  readonly message: string;
}

const INTERACTIVE_PARENTS = new Set(["@explorer"]);

/**
 * Orders a plan topologically (plan order breaks ties) and gives each action a time: child processes a few
 * milliseconds after their parent, actions inside one process tens of milliseconds apart, things a user
 * starts from the shell seconds apart. Without `after`, an action depends on the one before it.
 */
export function schedulePlan(
  plan: readonly PlannedAction[],
  startUs: number,
  rng: Rng,
): { timed: TimedAction[]; endUs: number; issues: ScheduleIssue[] } {
  const issues: ScheduleIssue[] = [];
  const index = new Map<string, number>();
  plan.forEach((p, i) => index.set(p.action.id, i));
  const deps: number[][] = plan.map((p, i) => {
    const after = p.action.after ?? (i > 0 ? [plan[i - 1].action.id] : []);
    const out: number[] = [];
    for (const id of after) {
      const j = index.get(id);
      if (j === undefined)
        issues.push({ actionId: p.action.id, message: `depends on unknown action "${id}" (ignored)` });
      else if (j !== i) out.push(j);
    }
    return out;
  });
  // Kahn's algorithm, lowest plan index first.
  const indegree = deps.map((d) => d.length);
  const children: number[][] = plan.map(() => []);
  deps.forEach((d, i) => d.forEach((j) => children[j].push(i)));
  const ready: number[] = [];
  indegree.forEach((d, i) => d === 0 && ready.push(i));
  const order: number[] = [];
  while (ready.length) {
    ready.sort((a, b) => a - b);
    const i = ready.shift()!;
    order.push(i);
    for (const c of children[i]) if (--indegree[c] === 0) ready.push(c);
  }
  if (order.length < plan.length) {
    for (let i = 0; i < plan.length; i++)
      if (indegree[i] > 0)
        issues.push({ actionId: plan[i].action.id, message: "part of a dependency cycle (dropped)" });
  }

  const time = new Array<number>(plan.length).fill(NaN);
  const createdBy = new Map<string, number>();
  let endUs = startUs;
  for (const i of order) {
    const a = plan[i].action;
    const depTimes = deps[i].map((j) => time[j]).filter((t) => !Number.isNaN(t));
    const base = depTimes.length ? Math.max(...depTimes) : startUs;
    let gap: number;
    if (a.delayMs !== undefined) gap = a.delayMs * 1000 + rng.int(0, 999);
    else if (a.kind === "process.create" && INTERACTIVE_PARENTS.has(a.parent))
      gap = rng.int(1_500_000, 12_000_000);
    else if (a.kind === "process.create" && createdBy.has(a.parent)) gap = rng.int(3_000, 60_000);
    else if (a.kind === "process.create") gap = rng.int(20_000, 900_000);
    else if (a.kind === "process.terminate") gap = rng.int(50_000, 2_500_000);
    else if ("proc" in a && a.proc && createdBy.has(a.proc)) gap = rng.int(1_000, 250_000);
    else gap = rng.int(20_000, 800_000);
    time[i] = base + Math.max(1, gap);
    // A script cannot run before its PowerShell engine is available (~250 ms after the process starts):
    // clamp without drawing from the rng so other actions keep their times.
    if (a.kind.startsWith("powershell.") && "proc" in a && a.proc && createdBy.has(a.proc))
      time[i] = Math.max(time[i], time[createdBy.get(a.proc)!] + 250_000 + (gap % 150_000));
    if (a.kind === "process.create") createdBy.set(a.proc, i);
    else if (a.kind === "task.run" && a.spawn) createdBy.set(a.spawn, i);
    endUs = Math.max(endUs, time[i]);
  }
  const timed = order.map((i) => ({ ...plan[i], timeUs: time[i] }));
  timed.sort((x, y) => x.timeUs - y.timeUs);
  return { timed, endUs, issues };
}
