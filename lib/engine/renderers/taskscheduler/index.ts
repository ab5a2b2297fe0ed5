import type { Host, ProcessInfo, TaskInfo, User } from "../../world/types";
import type { World } from "../../world/world";
import type { Renderer, RenderContext, ResolvedAction } from "../types";
import {
  actionCompleted,
  actionStarted,
  taskCompleted,
  taskDeleted,
  taskProcessCreated,
  taskRegistered,
  taskSchedulerTemplates,
  taskStarted,
  taskUpdated,
} from "./templates";

/** A task instance, remembered until its action process exits (201/102 are written then). */
interface TaskInstance {
  readonly taskName: string;
  readonly instanceId: string;
  readonly actionName: string;
  readonly userContext: string;
}

/** Action processes of running instances. */
const running = new WeakMap<ProcessInfo, TaskInstance>();
/** Instances started (100) whose action process has not appeared yet, per Schedule service process. */
const pending = new WeakMap<ProcessInfo, TaskInstance[]>();

/** Process priority the Schedule service reports in 129 for the default task priority 7 (BELOW_NORMAL). */
const defaultPriority = 16384;

function account(user: User): string {
  return `${user.domain}\\${user.sam}`;
}

/** The Schedule service's svchost writes every TaskScheduler event. */
function scheduleWriter(world: World, host: Host): { pid: number; tid: number } | undefined {
  const svc = world.proc(host, "@svchost:Schedule") ?? world.proc(host, "@taskhost");
  return svc ? { pid: svc.pid, tid: svc.threadId } : undefined;
}

/**
 * Microsoft-Windows-TaskScheduler/Operational: 106/140/141 when a task is registered/updated/deleted, and for a
 * run 129 (process created), 100 (task started), 200 (action started); 201 (action completed) and 102
 * (task finished) follow when the action's process exits. Instance IDs are the events' Correlation ActivityID.
 */
export const taskSchedulerRenderer: Renderer = {
  id: "taskscheduler",
  channels: ["Microsoft-Windows-TaskScheduler/Operational"],
  handles: ["task.create", "task.update", "task.delete", "task.run", "process.create", "process.terminate"],
  templates: taskSchedulerTemplates,
  render(r: ResolvedAction, ctx: RenderContext): void {
    const writer = scheduleWriter(ctx.world, r.host);
    const options = { writer, userId: "S-1-5-18" };
    const caller = r.session?.user ?? r.actor?.user;
    switch (r.action.kind) {
      case "task.create":
        ctx.emit(taskRegistered, [r.action.name, caller ? account(caller) : "NT AUTHORITY\\SYSTEM"], options);
        return;
      case "task.update":
        ctx.emit(taskUpdated, [r.action.name, caller ? account(caller) : "NT AUTHORITY\\SYSTEM"], options);
        return;
      case "task.delete":
        ctx.emit(taskDeleted, [r.action.name, caller ? account(caller) : "NT AUTHORITY\\SYSTEM"], options);
        return;
      case "task.run":
        runTask(r, r.task, ctx, writer);
        return;
      case "process.create":
        if (r.actor) actionProcessStarted(r.actor, ctx, writer);
        return;
      case "process.terminate":
        if (r.actor) finishTask(r.actor, ctx, writer);
        return;
    }
  },
};

function scheduleService(world: World, host: Host): ProcessInfo | undefined {
  return world.proc(host, "@svchost:Schedule");
}

/**
 * 100 when the instance starts; 129 and 200 once its action process exists. The process is the resolved
 * `target` when the engine spawned it for the run, else the next process the Schedule service creates.
 */
function runTask(
  r: ResolvedAction,
  task: TaskInfo | undefined,
  ctx: RenderContext,
  writer: { pid: number; tid: number } | undefined,
): void {
  if (r.action.kind !== "task.run") return;
  const user = task?.runAs;
  const instance: TaskInstance = {
    taskName: task?.name ?? r.action.name,
    instanceId: ctx.rng.guid(),
    actionName: task?.command ?? "",
    userContext: user ? account(user) : "NT AUTHORITY\\SYSTEM",
  };
  const spawned = r.target;
  if (spawned) {
    launched({ ...instance, actionName: spawned.image.path }, spawned, ctx, writer, true);
    return;
  }
  ctx.emit(taskStarted, [instance.taskName, instance.userContext, instance.instanceId], {
    writer,
    userId: "S-1-5-18",
    activityId: instance.instanceId,
  });
  const schedule = scheduleService(ctx.world, r.host);
  if (!schedule) return;
  const queue = pending.get(schedule) ?? [];
  queue.push(instance);
  pending.set(schedule, queue);
}

function actionProcessStarted(
  process: ProcessInfo,
  ctx: RenderContext,
  writer: { pid: number; tid: number } | undefined,
) {
  const parent = process.parent;
  if (!parent || parent.name !== "@svchost:Schedule") return;
  const queue = pending.get(parent);
  const instance = queue?.shift();
  if (!instance) return;
  launched({ ...instance, actionName: process.image.path }, process, ctx, writer, false);
}

/** 129 (process created), [100 (task started),] 200 (action started) for an instance whose process exists. */
function launched(
  instance: TaskInstance,
  process: ProcessInfo,
  ctx: RenderContext,
  writer: { pid: number; tid: number } | undefined,
  withStart: boolean,
): void {
  const correlated = { writer, userId: "S-1-5-18", activityId: instance.instanceId };
  ctx.emit(taskProcessCreated, [instance.taskName, instance.actionName, process.pid, defaultPriority], {
    writer,
    userId: "S-1-5-18",
    activityId: null,
  });
  let offset = ctx.rng.int(300, 900);
  if (withStart) {
    ctx.emit(taskStarted, [instance.taskName, instance.userContext, instance.instanceId], {
      ...correlated,
      offsetUs: offset,
    });
    offset += ctx.rng.int(5, 40);
  }
  ctx.emit(actionStarted, [instance.taskName, instance.actionName, instance.instanceId, process.pid], {
    ...correlated,
    offsetUs: offset,
  });
  running.set(process, instance);
}

function finishTask(
  process: ProcessInfo,
  ctx: RenderContext,
  writer: { pid: number; tid: number } | undefined,
): void {
  const instance = running.get(process);
  if (!instance) return;
  running.delete(process);
  const correlated = { writer, userId: "S-1-5-18", activityId: instance.instanceId };
  // Written once the Schedule service notices the exit, a few hundred microseconds later.
  const offset = ctx.rng.int(200, 2_000);
  ctx.emit(actionCompleted, [instance.taskName, instance.instanceId, instance.actionName, 0, process.pid], {
    ...correlated,
    offsetUs: offset,
  });
  ctx.emit(taskCompleted, [instance.taskName, instance.userContext, instance.instanceId], {
    ...correlated,
    offsetUs: offset + ctx.rng.int(200, 800),
  });
}
