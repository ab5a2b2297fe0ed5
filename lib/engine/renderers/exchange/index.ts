import type { FieldValue } from "../../event";
import type { RenderContext, Renderer, ResolvedAction } from "../types";
import {
  cmdletParameters,
  EXCHANGE_MANAGEMENT_CHANNEL,
  exchangeCmdletSucceeded,
  exchangeTemplates,
} from "./templates";

/**
 * MSExchange Management 1: the cmdlet log entry Exchange writes when a cmdlet completes, in the process that ran
 * it (remote PowerShell's w3wp.exe or a local shell). Classic source: no writer or user in the System part.
 */
function render(r: ResolvedAction, ctx: RenderContext): void {
  const p = r.actor;
  if (!p || r.action.kind !== "exchange.cmdlet") return;
  const a = r.action;
  const user = (a.user ? ctx.world.userByRef(a.user, r.host) : undefined) ?? p.user;
  const dns = r.host.fqdn.includes(".") ? r.host.fqdn.slice(r.host.fqdn.indexOf(".") + 1) : r.host.fqdn;
  const caller = user.kind === "domain" ? `${dns}/Users/${user.fullName}` : `${user.domain}\\${user.sam}`;
  const image = p.image.fileName.replace(/\.exe$/i, "");
  const process = /^w3wp$/i.test(image) ? "w3wp#MSExchangePowerShellAppPool" : image;
  const dc = ctx.world.dc?.fqdn ?? r.host.fqdn;
  const ms = ctx.rng.int(40, 2500);
  const duration = `00:00:${String(Math.floor(ms / 1000)).padStart(2, "0")}.${String(ms % 1000).padStart(3, "0")}${ctx.rng.int(0, 9999).toString().padStart(4, "0")}`;
  const data: FieldValue[] = [
    a.cmdlet,
    cmdletParameters(a.parameters),
    caller,
    user.sid,
    user.sid,
    a.hostName,
    `${p.pid} ${process}`,
    "",
    "0 objects execution has been proxied to remote server.",
    "",
    duration,
    `View Entire Forest: 'False', Configuration Domain Controller: '${dc}', Preferred Global Catalog: '${dc}', Preferred Domain Controllers: '{ ${dc} }'`,
  ];
  // Logged when the cmdlet's pipeline completes.
  ctx.emit(exchangeCmdletSucceeded, data, { userId: null, writer: { pid: 0, tid: 0 }, offsetUs: ms * 1000 });
}

export const exchangeRenderer: Renderer = {
  id: "exchange",
  channels: [EXCHANGE_MANAGEMENT_CHANNEL],
  handles: ["exchange.cmdlet"],
  templates: exchangeTemplates,
  render,
};
