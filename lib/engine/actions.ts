import { z } from "zod";
import { processActions, crossProcessActions } from "./actions/process";
import { networkActions } from "./actions/network";
import { serviceActions } from "./actions/services";
import { identityActions } from "./actions/identity";
import { hostTelemetryActions } from "./actions/host-telemetry";

/**
 * The action vocabulary: what happens on the estate, as plain JSON a procedure, the free-text parser or an
 * LLM can produce. Entities are named plan-locally ("p1", "s1") or by world reference ("@explorer");
 * the engine assigns PIDs, GUIDs, LogonIds and times. See notes/engine-contract.md.
 *
 * References:
 * - host: a host name from the environment ("WS01") or a role: "@workstation" (default), "@workstation2",
 *   "@server", "@dc".
 * - process: a name a previous `process.create` gave (`proc: "p1"`), or a booted process on the same host:
 *   "@explorer" (the interactive user's shell), "@system", "@smss", "@csrss", "@wininit", "@winlogon",
 *   "@services", "@lsass", "@svchost" (netsvcs), "@svchost:<group>" (e.g. "@svchost:DcomLaunch"),
 *   "@taskhost" (taskhostw.exe), "@svchost:Schedule" (Task Scheduler service), "@wmiprvse", "@spoolsv",
 *   "@msmpeng" (Defender's MsMpEng.exe).
 * - user: a sAMAccountName from the environment, or "@user" (the interactive user), "@admin" (the domain
 *   admin), "@system", "@localservice", "@networkservice".
 * - session: a name a previous `logon` gave, or "@interactive" (the interactive user's session on the host).
 */

// The schemas live in ./actions/ by family; every name is exported from here as well.
export * from "./actions/process";
export * from "./actions/network";
export * from "./actions/services";
export * from "./actions/identity";
export * from "./actions/host-telemetry";

export const Action = z.discriminatedUnion("kind", [
  ...processActions,
  ...networkActions,
  ...crossProcessActions,
  ...serviceActions,
  ...identityActions,
  ...hostTelemetryActions,
]);
export type Action = z.infer<typeof Action>;
export type ActionInput = z.input<typeof Action>;
export type ActionKind = Action["kind"];
export type ActionOf<K extends ActionKind> = Extract<Action, { kind: K }>;

export const actionKinds = Action.options.map((o) => o.shape.kind.value) as readonly ActionKind[];

/** An ordered list of actions: what a procedure, the parser or a model produces. */
export const ActionPlan = z.object({ actions: z.array(Action).min(1).max(10_000) });
export type ActionPlan = z.infer<typeof ActionPlan>;
export type ActionPlanInput = z.input<typeof ActionPlan>;
