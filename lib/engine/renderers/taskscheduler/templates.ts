import { defineTemplate, type EventTemplate } from "../../event";

/**
 * Microsoft-Windows-TaskScheduler/Operational, written by the Schedule service (svchost -k netsvcs -p -s
 * Schedule) as SYSTEM. Every event's EventData element carries a Name attribute naming its template
 * (`<EventData Name="TaskRegisteredEvent">`); it is kept in `eventDataName` until EventTemplate has the slot.
 */
export type TaskTemplate = EventTemplate & { readonly eventDataName: string };

const provider = {
  name: "Microsoft-Windows-TaskScheduler",
  guid: "DE7B24EA-73C8-4A09-985D-5BDADCFA9017",
} as const;
const base = {
  provider,
  level: 4,
  keywords: "0x8000000000000000",
  channel: "Microsoft-Windows-TaskScheduler/Operational",
} as const;

function taskTemplate(
  spec: Omit<Parameters<typeof defineTemplate>[0], "provider" | "level" | "channel" | "keywords"> & {
    keywords?: string;
    eventDataName: string;
  },
): TaskTemplate {
  const { eventDataName, ...rest } = spec;
  const template = defineTemplate({ ...base, ...rest });
  return Object.freeze({ ...template, eventDataName });
}

/** 106 "User %2 registered Task Scheduler task %1". */
export const taskRegistered = taskTemplate({
  key: "taskscheduler/106",
  eventId: 106,
  version: 0,
  task: 106,
  opcode: 0,
  eventDataName: "TaskRegisteredEvent",
  fields: ["TaskName", "UserContext"],
});

/** 140 "User %2 updated Task Scheduler task %1". */
export const taskUpdated = taskTemplate({
  key: "taskscheduler/140",
  eventId: 140,
  version: 0,
  task: 140,
  opcode: 0,
  eventDataName: "TaskUpdated",
  fields: ["TaskName", "UserName"],
});

/** 141 "User %2 deleted Task Scheduler task %1". */
export const taskDeleted = taskTemplate({
  key: "taskscheduler/141",
  eventId: 141,
  version: 0,
  task: 141,
  opcode: 0,
  eventDataName: "TaskRegistrationDeleted",
  fields: ["TaskName", "UserName"],
});

/** 129 "Task Scheduler launch task %1, instance %2 with process ID %3." */
export const taskProcessCreated = taskTemplate({
  key: "taskscheduler/129",
  eventId: 129,
  version: 0,
  task: 129,
  opcode: 0,
  eventDataName: "CreatedTaskProcess",
  fields: ["TaskName", "Path", "ProcessID:int", "Priority:int"],
});

/** 100 "Task Scheduler started %3 instance of the %1 task for user %2." */
export const taskStarted = taskTemplate({
  key: "taskscheduler/100",
  eventId: 100,
  version: 0,
  task: 100,
  opcode: 1,
  keywords: "0x8000000000000001",
  eventDataName: "TaskStartEvent",
  fields: ["TaskName", "UserContext", "InstanceId:guid"],
});

/** 200 "Task Scheduler launched action %2 in instance %3 of task %1." */
export const actionStarted = taskTemplate({
  key: "taskscheduler/200",
  eventId: 200,
  version: 1,
  task: 200,
  opcode: 1,
  eventDataName: "ActionStart",
  fields: ["TaskName", "ActionName", "TaskInstanceId:guid", "EnginePID:int"],
});

/** 201 "Task Scheduler successfully completed task %1, instance %2, action %3 with return code %4." */
export const actionCompleted = taskTemplate({
  key: "taskscheduler/201",
  eventId: 201,
  version: 2,
  task: 201,
  opcode: 2,
  eventDataName: "ActionSuccess",
  fields: ["TaskName", "TaskInstanceId:guid", "ActionName", "ResultCode:int", "EnginePID:int"],
});

/** 102 "Task Scheduler successfully finished %3 instance of the %1 task for user %2." */
export const taskCompleted = taskTemplate({
  key: "taskscheduler/102",
  eventId: 102,
  version: 0,
  task: 102,
  opcode: 2,
  keywords: "0x8000000000000001",
  eventDataName: "TaskSuccessEvent",
  fields: ["TaskName", "UserContext", "InstanceId:guid"],
});

export const taskSchedulerTemplates: readonly TaskTemplate[] = [
  taskRegistered,
  taskUpdated,
  taskDeleted,
  taskProcessCreated,
  taskStarted,
  actionStarted,
  actionCompleted,
  taskCompleted,
];
