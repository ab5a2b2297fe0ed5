import { Action } from "../actions";
import type { World } from "../world/world";

/**
 * Checks a plan from outside (model, user edits, free text) against the world before it runs, repairing
 * what a rule says how to repair and pruning the rest, each with a reason.
 */

export interface PlanRepair {
  readonly actionId: string;
  readonly rule: string;
  readonly reason: string;
}

export interface PlanCheckResult {
  readonly actions: Action[];
  readonly repairs: PlanRepair[];
  readonly pruned: PlanRepair[];
}

function zodMessage(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const i = error.issues[0];
  return i ? `${i.path.map(String).join(".") || "action"}: ${i.message}` : "invalid action";
}

/** Process and session names a plan has started so far; pass one across steps so later steps see them. */
export interface PlanState {
  readonly procs: Map<string, { host: string; ended: boolean }>;
  readonly sessions: Set<string>;
}

export function newPlanState(): PlanState {
  return { procs: new Map(), sessions: new Set() };
}

export function checkPlan(
  input: readonly unknown[],
  world: World,
  defaultHost: string,
  state: PlanState = newPlanState(),
): PlanCheckResult {
  const repairs: PlanRepair[] = [];
  const pruned: PlanRepair[] = [];
  const actions: Action[] = [];
  const ids = new Set<string>();
  const { procs, sessions } = state;
  const fallbackHost = world.hostByRef(defaultHost) ?? world.hosts[0];

  input.forEach((raw, index) => {
    const parsed = Action.safeParse(raw);
    const rawId =
      raw && typeof raw === "object" && "id" in raw ? String((raw as { id: unknown }).id) : `#${index + 1}`;
    if (!parsed.success) {
      pruned.push({ actionId: rawId, rule: "schema", reason: zodMessage(parsed.error) });
      return;
    }
    let a: Action = parsed.data;
    if (ids.has(a.id)) {
      let n = 2;
      while (ids.has(`${a.id}-${n}`)) n++;
      repairs.push({ actionId: a.id, rule: "unique-id", reason: `duplicate id renamed to ${a.id}-${n}` });
      a = { ...a, id: `${a.id}-${n}` };
    }
    if (a.after) {
      const kept = a.after.filter((d) => ids.has(d));
      if (kept.length !== a.after.length) {
        repairs.push({
          actionId: a.id,
          rule: "dependency",
          reason: `dropped unknown dependencies ${a.after.filter((d) => !ids.has(d)).join(", ")}`,
        });
        a = { ...a, after: kept };
      }
    }
    let host = a.host ? world.hostByRef(a.host) : fallbackHost;
    if (!host) {
      repairs.push({
        actionId: a.id,
        rule: "host",
        reason: `unknown host "${a.host}" replaced by ${fallbackHost.name}`,
      });
      host = fallbackHost;
      a = { ...a, host: fallbackHost.name };
    }
    const known = (ref: string) => {
      const p = procs.get(ref);
      if (p) return p.host === host!.name && !p.ended;
      return ref.startsWith("@") && world.proc(host!, ref) !== undefined;
    };
    if (a.kind === "process.create") {
      if (!known(a.parent)) {
        const parent = world.proc(host, "@explorer") ? "@explorer" : "@services";
        repairs.push({
          actionId: a.id,
          rule: "parent-exists",
          reason: `parent "${a.parent}" is not running on ${host.name}; started from ${parent}`,
        });
        a = { ...a, parent };
      }
      if (!/^[a-z]:\\|^\\\\/i.test(a.image)) {
        const image = `C:\\Windows\\System32\\${a.image.replace(/^.*[\\/]/, "")}`;
        repairs.push({
          actionId: a.id,
          rule: "image-path",
          reason: `relative image "${a.image}" resolved to ${image}`,
        });
        a = { ...a, image };
      }
      if (a.user && !world.userByRef(a.user, host)) {
        repairs.push({
          actionId: a.id,
          rule: "user-exists",
          reason: `unknown user "${a.user}"; runs as the parent's user`,
        });
        a = { ...a, user: undefined };
      }
    } else if ("proc" in a && a.proc && a.kind !== "logon") {
      if (!known(a.proc)) {
        pruned.push({
          actionId: a.id,
          rule: "actor-alive",
          reason: `process "${a.proc}" is not running on ${host.name} at that point`,
        });
        return;
      }
    }
    if ((a.kind === "process.access" || a.kind === "thread.remote") && !known(a.target)) {
      pruned.push({
        actionId: a.id,
        rule: "target-alive",
        reason: `target process "${a.target}" is not running on ${host.name}`,
      });
      return;
    }
    if (
      (a.kind === "logoff" || a.kind === "share.access" || a.kind === "privileges.special") &&
      !sessions.has(a.session) &&
      !world.session(host, a.session)
    ) {
      pruned.push({
        actionId: a.id,
        rule: "session-alive",
        reason: `no session "${a.session}" on ${host.name}`,
      });
      return;
    }
    if (
      (a.kind === "logon" || a.kind === "kerberos.tgt" || a.kind === "kerberos.tgs") &&
      !world.userByRef(a.user, host)
    ) {
      repairs.push({
        actionId: a.id,
        rule: "user-exists",
        reason: `unknown user "${a.user}" replaced by the interactive user`,
      });
      a = { ...a, user: "@user" };
    }
    if (a.kind === "process.create") procs.set(a.proc, { host: host.name, ended: false });
    if (a.kind === "process.terminate") procs.set(a.proc, { host: host.name, ended: true });
    if (a.kind === "task.run" && a.spawn) procs.set(a.spawn, { host: host.name, ended: false });
    if (a.kind === "logon") sessions.add(a.session);
    ids.add(a.id);
    actions.push(a);
  });
  return { actions, repairs, pruned };
}
