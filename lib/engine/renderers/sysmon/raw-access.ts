import { defineTemplate } from "../../event";
import { sysmonUtc, userName } from "../common";
import type { RenderContext, Renderer, ResolvedAction } from "../types";
import { SYSMON_CHANNEL } from "./templates";

/** Sysmon 9 RawAccessRead: a process opened a volume or disk device for direct reads (\\.\C:, \\.\PhysicalDrive0). */
export const rawAccessRead = defineTemplate({
  key: "sysmon/9",
  provider: { name: "Microsoft-Windows-Sysmon", guid: "5770385F-C22A-43E0-BF4C-06F5698FFBD9" },
  eventId: 9,
  version: 2,
  level: 4,
  task: 9,
  opcode: 0,
  keywords: "0x8000000000000000",
  channel: SYSMON_CHANNEL,
  fields: ["RuleName", "UtcTime", "ProcessGuid:guid", "ProcessId:int", "Image", "Device", "User"],
});

function render(r: ResolvedAction, ctx: RenderContext): void {
  const p = r.actor;
  if (!p || r.action.kind !== "disk.rawread") return;
  ctx.emit(rawAccessRead, [
    "-",
    sysmonUtc(r.timeUs),
    p.guid,
    p.pid,
    p.image.path,
    r.action.device,
    userName(p.user),
  ]);
}

/** Kept beside the main Sysmon renderer (same channel and provider) so its module stays small. */
export const sysmonRawAccessRenderer: Renderer = {
  id: "sysmon-raw-access",
  channels: [SYSMON_CHANNEL],
  handles: ["disk.rawread"],
  templates: [rawAccessRead],
  render,
};
