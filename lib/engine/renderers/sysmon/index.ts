import type { ActionKind } from "../../actions";
import type { Renderer, RenderContext, ResolvedAction } from "../types";
import { sysmonExtraTemplates, sysmonServiceState, wmiSubscription } from "./extra";
import { fileEvents } from "./file";
import { networkEvents } from "./network";
import { driverLoad, processEvents } from "./process";
import { registryEvents, serviceKeys, taskArtifacts } from "./registry";
import { SYSMON_CHANNEL, sysmonTemplates } from "./templates";

/** Sysmon v15 with a configuration that logs every event type (RuleName "-"). */

const handles: readonly ActionKind[] = [
  "process.create",
  "process.terminate",
  "process.tamper",
  "image.load",
  "driver.load",
  "file.create",
  "file.modify",
  "file.delete",
  "file.timestomp",
  "file.stream",
  "registry.key.create",
  "registry.key.delete",
  "registry.key.rename",
  "registry.value.set",
  "registry.value.delete",
  "network.connect",
  "dns.query",
  "pipe.create",
  "pipe.connect",
  "process.access",
  "thread.remote",
  "service.install",
  "task.create",
  "task.delete",
  "wmi.subscription",
  "service.state",
];

function render(r: ResolvedAction, ctx: RenderContext): void {
  const a = r.action;
  if (a.kind === "driver.load") return driverLoad(r as ResolvedAction<"driver.load">, ctx);
  if (a.kind === "service.install") return serviceKeys(r as ResolvedAction<"service.install">, ctx);
  if (a.kind === "task.create" || a.kind === "task.delete")
    return taskArtifacts(r as ResolvedAction<"task.create" | "task.delete">, ctx);
  if (a.kind === "service.state") return sysmonServiceState(r as ResolvedAction<"service.state">, ctx);
  const p = r.actor;
  if (!p) return;
  if (a.kind === "wmi.subscription") return wmiSubscription(r as ResolvedAction<"wmi.subscription">, ctx, p);
  switch (a.kind) {
    case "process.create":
    case "process.terminate":
    case "process.tamper":
    case "image.load":
    case "process.access":
    case "thread.remote":
      return processEvents(r, ctx, p);
    case "file.create":
    case "file.modify":
    case "file.timestomp":
    case "file.stream":
    case "file.delete":
      return fileEvents(r, ctx, p);
    case "network.connect":
    case "dns.query":
    case "pipe.create":
    case "pipe.connect":
      return networkEvents(r, ctx, p);
    default:
      registryEvents(r, ctx, p);
  }
}

export const sysmonRenderer: Renderer = {
  id: "sysmon",
  channels: [SYSMON_CHANNEL],
  handles,
  templates: [...sysmonTemplates, ...sysmonExtraTemplates],
  render,
};
