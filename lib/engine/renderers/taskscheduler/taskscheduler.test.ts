import { describe, expect, it } from "vitest";
import type { EventTemplate, FieldValue } from "../../event";
import { fieldValue } from "../../event";
import { generateChannels } from "../../formats/ecs-fixture";
import { Rng } from "../../rng";
import type { ProcessInfo, TaskInfo } from "../../world/types";
import type { EmitOptions, RenderContext, ResolvedAction } from "../types";
import { taskSchedulerRenderer } from ".";
import {
  actionCompleted,
  actionStarted,
  taskCompleted,
  taskDeleted,
  taskProcessCreated,
  taskRegistered,
  taskStarted,
  taskUpdated,
} from "./templates";

/** Real Windows 10/11 TaskScheduler/Operational events (Event Viewer XML, public samples). */
const real: [EventTemplate & { eventDataName: string }, number, number, number, string, string, string[]][] =
  [
    // template, Version, Task, Opcode, Keywords, EventData Name, Data names
    [taskRegistered, 0, 106, 0, "0x8000000000000000", "TaskRegisteredEvent", ["TaskName", "UserContext"]],
    [
      taskProcessCreated,
      0,
      129,
      0,
      "0x8000000000000000",
      "CreatedTaskProcess",
      ["TaskName", "Path", "ProcessID", "Priority"],
    ],
    [
      taskStarted,
      0,
      100,
      1,
      "0x8000000000000001",
      "TaskStartEvent",
      ["TaskName", "UserContext", "InstanceId"],
    ],
    [
      actionStarted,
      1,
      200,
      1,
      "0x8000000000000000",
      "ActionStart",
      ["TaskName", "ActionName", "TaskInstanceId", "EnginePID"],
    ],
    [
      actionCompleted,
      2,
      201,
      2,
      "0x8000000000000000",
      "ActionSuccess",
      ["TaskName", "TaskInstanceId", "ActionName", "ResultCode", "EnginePID"],
    ],
    [
      taskCompleted,
      0,
      102,
      2,
      "0x8000000000000001",
      "TaskSuccessEvent",
      ["TaskName", "UserContext", "InstanceId"],
    ],
  ];

describe("TaskScheduler renderer", () => {
  it("matches real events' System part, EventData name and field order", () => {
    for (const [t, version, task, opcode, keywords, dataName, names] of real) {
      expect([t.provider.guid, t.version, t.level, t.task, t.opcode, t.keywords, t.eventDataName]).toEqual([
        "DE7B24EA-73C8-4A09-985D-5BDADCFA9017",
        version,
        4,
        task,
        opcode,
        keywords,
        dataName,
      ]);
      expect(t.fields.map((f) => f.name)).toEqual(names);
    }
    expect([taskUpdated.eventDataName, taskDeleted.eventDataName]).toEqual([
      "TaskUpdated",
      "TaskRegistrationDeleted",
    ]);
  });

  it("renders a registration, a run whose action process exits, an update and a deletion coherently", () => {
    const { events, labels } = generateChannels(41);
    const mine = events.filter(
      (e, i) => labels[i].step === 0 && e.template.channel === "Microsoft-Windows-TaskScheduler/Operational",
    );
    expect(mine.map((e) => e.template.eventId)).toEqual([106, 100, 129, 200, 201, 102, 140, 141]);
    const [reg, started, created, action, done, finished, updated, deleted] = mine;
    const cmd1 = events.find(
      (e) =>
        e.template.eventId === 1 && fieldValue(e, "ParentImage") === "C:\\Windows\\System32\\svchost.exe",
    )!;
    const cmdEnd = events.find(
      (e) => e.template.eventId === 5 && fieldValue(e, "ProcessGuid") === fieldValue(cmd1, "ProcessGuid"),
    )!;
    expect(reg.data[0]).toBe("\\Updater");
    // Registered by the PowerShell process: UserContext is its account.
    const ps1 = events.find(
      (e) => e.template.eventId === 1 && /powershell\.exe$/.test(String(fieldValue(e, "Image"))),
    )!;
    expect(reg.data[1]).toBe(fieldValue(ps1, "User"));
    const pid = fieldValue(cmd1, "ProcessId");
    expect(created.data).toEqual(["\\Updater", "C:\\Windows\\System32\\cmd.exe", pid, 16384]);
    expect(action.data).toEqual(["\\Updater", "C:\\Windows\\System32\\cmd.exe", started.data[2], pid]);
    expect(done.data).toEqual(["\\Updater", started.data[2], "C:\\Windows\\System32\\cmd.exe", 0, pid]);
    expect(finished.data).toEqual(["\\Updater", started.data[1], started.data[2]]);
    for (const e of [started, action, done, finished]) expect(e.activityId).toBe(started.data[2]);
    for (const e of [reg, created, updated, deleted]) expect(e.activityId).toBeNull();
    for (const e of mine) {
      expect(e.userId).toBe("S-1-5-18");
      expect(e.processId).toBe(fieldValue(cmd1, "ParentProcessId"));
    }
    expect(done.timeUs).toBeGreaterThan(cmdEnd.timeUs);
    expect([updated.data[0], deleted.data[0]]).toEqual(["\\Updater", "\\Updater"]);
  });

  it("uses the spawned process the engine resolves as the run's target", () => {
    const emitted: { template: EventTemplate; data: FieldValue[]; options?: EmitOptions }[] = [];
    const proc = {
      pid: 7340,
      threadId: 7344,
      image: { path: "C:\\Windows\\System32\\cmd.exe" },
      name: "x",
    } as unknown as ProcessInfo;
    const task = {
      name: "\\T",
      command: "cmd.exe",
      runAs: { domain: "CORP", sam: "svc" },
    } as unknown as TaskInfo;
    const ctx = {
      world: { proc: () => undefined },
      rng: new Rng(1),
      emit: (template: EventTemplate, data: FieldValue[], options?: EmitOptions) =>
        emitted.push({ template, data, options }),
      emitOn: () => undefined,
    } as unknown as RenderContext;
    const r = {
      action: { kind: "task.run", name: "\\T" },
      host: {},
      actor: null,
      target: proc,
      task,
    } as unknown as ResolvedAction;
    taskSchedulerRenderer.render(r, ctx);
    expect(emitted.map((e) => e.template.eventId)).toEqual([129, 100, 200]);
    expect(emitted[2].data).toEqual(["\\T", "C:\\Windows\\System32\\cmd.exe", emitted[1].data[2], 7340]);
    expect(emitted[1].data[1]).toBe("CORP\\svc");
    taskSchedulerRenderer.render(
      { ...r, action: { kind: "process.terminate" }, actor: proc } as unknown as ResolvedAction,
      ctx,
    );
    expect(emitted.map((e) => e.template.eventId)).toEqual([129, 100, 200, 201, 102]);
  });
});
