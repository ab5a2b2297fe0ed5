import { serviceStartCodes } from "../../actions";
import type { FieldValue } from "../../event";
import type { ProcessInfo } from "../../world/types";
import { sysmonUtc, userName } from "../common";
import type { RenderContext, ResolvedAction } from "../types";
import { SYSMON } from "./templates";

/** The fields 12, 13 and 14 start with: RuleName, EventType, UtcTime and the writing process. */
function head(eventType: string, utc: string, p: ProcessInfo): FieldValue[] {
  return ["-", eventType, utc, p.guid, p.pid, p.image.path];
}

/** Registry keys and values a process creates, sets, renames or deletes (12, 13, 14). */
export function registryEvents(r: ResolvedAction, ctx: RenderContext, actor: ProcessInfo): void {
  const a = r.action;
  const utc = sysmonUtc(r.timeUs);
  const user = userName(actor.user);
  const { guid, pid } = actor;
  const image = actor.image.path;
  // Arrays written out in full (no head() spread): registry sets are a large share of background noise.
  switch (a.kind) {
    case "registry.key.create":
    case "registry.key.delete": {
      const type = a.kind === "registry.key.create" ? "CreateKey" : "DeleteKey";
      ctx.emit(SYSMON.registryObject, ["-", type, utc, guid, pid, image, r.object!, user]);
      return;
    }
    case "registry.value.delete":
      ctx.emit(SYSMON.registryObject, ["-", "DeleteValue", utc, guid, pid, image, r.object!, user]);
      return;
    case "registry.value.set":
      ctx.emit(SYSMON.registryValue, ["-", "SetValue", utc, guid, pid, image, r.object!, r.details!, user]);
      return;
    case "registry.key.rename":
      ctx.emit(SYSMON.registryRename, ["-", "RenameKey", utc, guid, pid, image, r.object!, r.details!, user]);
      return;
  }
}

/** What services.exe writes to the registry when a service is created. */
export function serviceKeys(r: ResolvedAction<"service.install">, ctx: RenderContext): void {
  const services = ctx.world.proc(r.host, "@services");
  const svc = r.service;
  if (!services || !svc) return;
  const key = `HKLM\\System\\CurrentControlSet\\Services\\${svc.name}`;
  const utc = sysmonUtc(r.timeUs);
  const user = userName(services.user);
  const dword = (n: number) => `DWORD (0x${n.toString(16).padStart(8, "0")})`;
  ctx.emit(SYSMON.registryObject, [...head("CreateKey", utc, services), key, user]);
  const values: [string, string][] = [
    ["Type", dword(svc.serviceType === "kernel mode driver" ? 1 : 16)],
    ["Start", dword(serviceStartCodes[svc.startType] ?? 3)],
    ["ErrorControl", dword(0)],
    ["ImagePath", svc.imagePath],
    ["DisplayName", svc.displayName],
    ["ObjectName", svc.account],
  ];
  values.forEach(([name, details], i) =>
    ctx.emit(SYSMON.registryValue, [...head("SetValue", utc, services), `${key}\\${name}`, details, user], {
      offsetUs: 150 + i * 40,
    }),
  );
}

/** What the Schedule service writes when a task is registered or deleted. */
export function taskArtifacts(r: ResolvedAction<"task.create" | "task.delete">, ctx: RenderContext): void {
  const schedule = ctx.world.proc(r.host, "@svchost:Schedule");
  const task = r.task;
  if (!schedule || !task) return;
  const utc = sysmonUtc(r.timeUs);
  const user = userName(schedule.user);
  const file = `C:\\Windows\\System32\\Tasks${task.name}`;
  const tree = `HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Schedule\\TaskCache\\Tree${task.name}`;
  const tasks = `HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Schedule\\TaskCache\\Tasks\\{${task.guid}}`;
  const key = (type: string, object: string, offsetUs: number) =>
    ctx.emit(SYSMON.registryObject, [...head(type, utc, schedule), object, user], { offsetUs });
  const value = (object: string, details: string, offsetUs: number) =>
    ctx.emit(SYSMON.registryValue, [...head("SetValue", utc, schedule), object, details, user], { offsetUs });
  if (r.action.kind === "task.create") {
    key("CreateKey", tree, 900);
    value(`${tree}\\Id`, `{${task.guid}}`, 1000);
    value(`${tree}\\Index`, "DWORD (0x00000003)", 1060);
    key("CreateKey", tasks, 1120);
    value(`${tasks}\\Path`, task.name, 1180);
    ctx.emit(
      SYSMON.fileCreate,
      ["-", utc, schedule.guid, schedule.pid, schedule.image.path, file, utc, user],
      { offsetUs: 1500 },
    );
  } else {
    key("DeleteKey", tree, 900);
    key("DeleteKey", tasks, 1000);
    ctx.emit(
      SYSMON.fileDeleteDetected,
      ["-", utc, schedule.guid, schedule.pid, user, schedule.image.path, file, "-", false],
      { offsetUs: 1300 },
    );
  }
}
