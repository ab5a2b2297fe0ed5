import type { Renderer, ResolvedAction, RenderContext } from "../types";
import {
  serviceInstalled,
  serviceStateChanged,
  serviceStateCodes,
  systemTemplates,
  utf16HexZ,
} from "./templates";

/**
 * System channel, Service Control Manager: 7045 when a service is created (CreateService), 7036 when it
 * changes state. services.exe writes both (the engine's default System writer); 7045 carries the installing
 * account's SID, 7036 an empty `<Security />`.
 */
export const systemRenderer: Renderer = {
  id: "system",
  channels: ["System"],
  handles: ["service.install", "service.state"],
  templates: systemTemplates,
  render(r: ResolvedAction, ctx: RenderContext): void {
    const service = r.service;
    if (!service) return;
    if (r.action.kind === "service.install") {
      // Drivers run in the kernel, not under an account: SCM logs an empty Service Account for them.
      const account = service.serviceType === "kernel mode driver" ? "" : service.account;
      ctx.emit(
        serviceInstalled,
        [service.name, service.imagePath, service.serviceType, service.startType, account],
        { userId: r.actor?.user.sid ?? "S-1-5-18" },
      );
      return;
    }
    if (r.action.kind === "service.state") {
      const state = r.action.state;
      ctx.emit(
        serviceStateChanged,
        [
          service.displayName || service.name,
          state,
          utf16HexZ(`${service.name}/${serviceStateCodes[state]}`),
        ],
        { userId: null },
      );
    }
  },
};
