import { z } from "zod";
import { ref, base, byProc } from "./common";

// WMI subscriptions, services and scheduled tasks.

export const WmiSubscription = z.object({
  ...byProc,
  kind: z.literal("wmi.subscription"),
  name: z.string().min(1).max(256),
  query: z.string().min(1).max(4096),
  consumerType: z.enum(["CommandLineEventConsumer", "ActiveScriptEventConsumer"]),
  destination: z.string().min(1).max(8192),
  namespace: z.string().default("root\\subscription"),
});

/** The SERVICE_*_START code of each start type: the service key's Start value and 4697's ServiceStartType. */
export const serviceStartCodes: Readonly<Record<string, number>> = {
  "boot start": 0,
  "system start": 1,
  "auto start": 2,
  "demand start": 3,
  disabled: 4,
};
export const ServiceInstall = z.object({
  ...byProc,
  kind: z.literal("service.install"),
  name: z.string().min(1).max(256),
  displayName: z.string().max(256).optional(),
  imagePath: z.string().min(1).max(32_767),
  serviceType: z.enum(["user mode service", "kernel mode driver"]).default("user mode service"),
  startType: z
    .enum(["demand start", "auto start", "boot start", "system start", "disabled"])
    .default("demand start"),
  account: z.string().default("LocalSystem"),
  /** Session of the account that installed it (a remote admin's network logon); default the actor's. */
  session: ref.optional(),
});
export const ServiceState = z.object({
  ...base,
  kind: z.literal("service.state"),
  name: z.string().min(1).max(256),
  state: z.enum(["running", "stopped"]),
});

const taskBase = {
  ...byProc,
  name: z.string().regex(/^\\/, "task names start with \\").max(512),
  /** Session of the account acting over RPC (atexec, schtasks /s: a remote admin's network logon); default the actor's. */
  session: ref.optional(),
};
export const TaskCreate = z.object({
  ...taskBase,
  kind: z.literal("task.create"),
  command: z.string().min(1).max(32_767),
  arguments: z.string().max(32_767).optional(),
  trigger: z.enum(["logon", "boot", "daily", "once", "minute"]).default("logon"),
  runAs: ref.optional(),
  runLevel: z.enum(["LeastPrivilege", "HighestAvailable"]).default("LeastPrivilege"),
});
export const TaskUpdate = z.object({
  ...taskBase,
  kind: z.literal("task.update"),
  command: z.string().max(32_767).optional(),
  enabled: z.boolean().optional(),
});
export const TaskDelete = z.object({ ...taskBase, kind: z.literal("task.delete") });
export const TaskRun = z.object({
  ...base,
  kind: z.literal("task.run"),
  name: z.string().regex(/^\\/).max(512),
  /** Name for the process the task starts (child of the Schedule service host). */
  spawn: ref.optional(),
});

/** WMI, service and task actions, in the order of the Action union. */
export const serviceActions = [
  WmiSubscription,
  ServiceInstall,
  ServiceState,
  TaskCreate,
  TaskUpdate,
  TaskDelete,
  TaskRun,
] as const;
