import type { Renderer, RenderContext, ResolvedAction } from "../types";
import { mofInstance, sidBytes } from "./mof";
import { consumerBinding, wmiTemplates } from "./templates";

/** The event namespace filters watch unless told otherwise. */
const filterNamespace = "root\\cimv2";

/**
 * Microsoft-Windows-WMI-Activity/Operational 5861, written by the WMI service (svchost -s Winmgmt) as SYSTEM
 * when a __FilterToConsumerBinding joins a permanent consumer to an event filter.
 */
export const wmiRenderer: Renderer = {
  id: "wmi",
  channels: ["Microsoft-Windows-WMI-Activity/Operational"],
  handles: ["wmi.subscription"],
  templates: wmiTemplates,
  render(r: ResolvedAction, ctx: RenderContext): void {
    if (r.action.kind !== "wmi.subscription") return;
    const a = r.action;
    const creator = sidBytes(r.actor?.user.sid ?? "S-1-5-18");
    const filter = mofInstance("__EventFilter", {
      CreatorSID: creator,
      EventNamespace: filterNamespace,
      Name: a.name,
      Query: a.query,
      QueryLanguage: "WQL",
    });
    const consumer =
      a.consumerType === "CommandLineEventConsumer"
        ? mofInstance(a.consumerType, {
            CommandLineTemplate: a.destination,
            CreatorSID: creator,
            Name: a.name,
          })
        : mofInstance(a.consumerType, {
            CreatorSID: creator,
            Name: a.name,
            ScriptingEngine: "VBScript",
            ScriptText: a.destination,
          });
    const namespace = `//./${a.namespace.replace(/\\/g, "/")}`;
    const winmgmt = ctx.world.proc(r.host, "@svchost:Winmgmt");
    ctx.emit(
      consumerBinding,
      [
        namespace,
        a.name,
        `${a.consumerType}="${a.name}"`,
        `Binding EventFilter: ${filter}Perm. Consumer: ${consumer}`,
      ],
      { userId: "S-1-5-18", writer: winmgmt ? { pid: winmgmt.pid, tid: winmgmt.threadId } : undefined },
    );
  },
};
