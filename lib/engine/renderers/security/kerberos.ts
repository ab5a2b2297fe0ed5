import { portText } from "../common";
import type { RenderContext, ResolvedAction } from "../types";
import { SECURITY } from "./templates";

/** Kerberos ticket requests on the DC (4768, 4769). */
export function renderKerberos(r: ResolvedAction<"kerberos.tgt" | "kerberos.tgs">, ctx: RenderContext): void {
  const a = r.action;
  const u = r.user!;
  const src = r.source!;
  const realm = ctx.world.domain.dns.toUpperCase();
  if (a.kind === "kerberos.tgt") {
    ctx.emit(SECURITY.tgtRequested, [
      u.sam,
      ctx.world.domain.netbios,
      u.sid,
      "krbtgt",
      `${ctx.world.domain.sid}-502`,
      "0x40810010",
      a.status.toLowerCase(),
      a.encryption.toLowerCase(),
      a.preAuthType ?? "2",
      `::ffff:${src.ip}`,
      portText(src.port),
      a.certificate?.issuer ?? "",
      a.certificate?.serial.toUpperCase() ?? "",
      a.certificate?.thumbprint.toUpperCase() ?? "",
    ]);
    return;
  }
  const svcHost = r.targetHost;
  const serviceAccount = svcHost ? ctx.world.userByRef(`${svcHost.name}$`) : undefined;
  ctx.emit(SECURITY.tgsRequested, [
    `${u.sam}@${realm}`,
    realm,
    serviceAccount ? serviceAccount.sam : a.service,
    serviceAccount ? serviceAccount.sid : "S-1-0-0",
    "0x40810000",
    a.encryption.toLowerCase(),
    `::ffff:${src.ip}`,
    portText(src.port),
    a.status.toLowerCase(),
    ctx.rng.guid(),
    "-",
  ]);
}
