import type { FieldValue } from "../../event";
import type { Session } from "../../world/types";
import { hex } from "../common";
import type { RenderContext, ResolvedAction } from "../types";
import { SECURITY } from "./templates";

/** Logons and logoffs, explicit credentials and special privileges of the Security log. */

const ZERO_GUID = "00000000-0000-0000-0000-000000000000";

/** Subject fields of a Security event: the session's account as LSA reports it (SYSTEM is "HOST$"). */
export function subjectOf(session: Session | null | undefined): FieldValue[] {
  if (!session) return ["S-1-0-0", "-", "-", "0x0"];
  const name = session.subject ?? session.user;
  return [session.user.sid, name.sam, name.domain, session.logonIdHex];
}

/** The session's own account (4672 names the new logon's user, SYSTEM included). */
function accountOf(session: Session): FieldValue[] {
  return [session.user.sid, session.user.sam, session.user.domain, session.logonIdHex];
}

const ADMIN_PRIVILEGES = [
  "SeSecurityPrivilege",
  "SeBackupPrivilege",
  "SeRestorePrivilege",
  "SeTakeOwnershipPrivilege",
  "SeDebugPrivilege",
  "SeSystemEnvironmentPrivilege",
  "SeLoadDriverPrivilege",
  "SeImpersonatePrivilege",
  "SeDelegateSessionUserImpersonatePrivilege",
].join("\n\t\t\t");
const SYSTEM_PRIVILEGES = [
  "SeAssignPrimaryTokenPrivilege",
  "SeTcbPrivilege",
  "SeSecurityPrivilege",
  "SeTakeOwnershipPrivilege",
  "SeLoadDriverPrivilege",
  "SeBackupPrivilege",
  "SeRestorePrivilege",
  "SeDebugPrivilege",
  "SeAuditPrivilege",
  "SeSystemEnvironmentPrivilege",
  "SeImpersonatePrivilege",
  "SeDelegateSessionUserImpersonatePrivilege",
].join("\n\t\t\t");

const logonProcess: Record<number, string> = {
  2: "User32 ",
  3: "NtLmSsp ",
  4: "Advapi  ",
  5: "Advapi  ",
  7: "User32 ",
  10: "User32 ",
  11: "User32 ",
};

export function renderLogon(r: ResolvedAction<"logon">, ctx: RenderContext): void {
  if (r.session?.outbound) return renderNewCredentials(r, r.session, ctx);
  const s = r.session!;
  const u = s.user;
  const type = s.logonType;
  const network = type === 3;
  const kerberos = s.authPackage === "Kerberos";
  const process =
    type === 5
      ? ctx.world.proc(r.host, "@services")
      : type === 4
        ? ctx.world.proc(r.host, "@svchost:Schedule")
        : network
          ? null
          : ctx.world.proc(r.host, "@svchost:netsvcs");
  const subject = network
    ? ["S-1-0-0", "-", "-", "0x0"]
    : ["S-1-5-18", `${r.host.name}$`, ctx.world.domain.netbios, "0x3e7"];
  const emit = (session: Session, offsetUs: number) =>
    ctx.emit(
      SECURITY.logon,
      [
        ...subject,
        u.sid,
        u.sam,
        u.kind === "domain" ? ctx.world.domain.netbios : u.domain,
        session.logonIdHex,
        type,
        network ? (kerberos ? "Kerberos" : "NtLmSsp ") : (logonProcess[type] ?? "Advapi  "),
        network ? s.authPackage : "Negotiate",
        network && kerberos ? "-" : s.sourceHost,
        session.kerberosGuid,
        "-",
        network && !kerberos ? "NTLM V2" : "-",
        network && !kerberos ? 128 : 0,
        process ? hex(process.pid) : "0x0",
        process ? process.image.path : "-",
        s.sourceIp,
        String(s.sourcePort),
        "%%1833",
        type === 10 ? "%%1843" : "-",
        "-",
        "-",
        "%%1843",
        session.linked ? session.linked.logonIdHex : "0x0",
        session.elevated ? "%%1842" : "%%1843",
      ],
      { offsetUs },
    );
  // Elevated half first, as LSA creates it first.
  if (s.linked && s.linked.elevated) emit(s.linked, 0);
  emit(s, 40);
  if (u.admin || u.sid === "S-1-5-18") {
    const priv = u.sid === "S-1-5-18" ? SYSTEM_PRIVILEGES : ADMIN_PRIVILEGES;
    ctx.emit(SECURITY.specialPrivileges, [...accountOf(s.linked?.elevated ? s.linked : s), priv], {
      offsetUs: 60,
    });
  }
  // NTLM with a domain account: the DC validates the credentials.
  const dc = ctx.world.dc;
  if (network && !kerberos && u.kind === "domain" && dc) {
    ctx.emitOn(
      dc,
      SECURITY.credentialValidation,
      ["MICROSOFT_AUTHENTICATION_PACKAGE_V1_0", u.sam, s.sourceHost, "0x0"],
      { offsetUs: 10 },
    );
  }
}

/**
 * 4624 type 9 as runas /netonly and sekurlsa::pth leave it: the caller is subject and target (a new LogonId),
 * logon process "seclogo", the supplied account only in TargetOutbound*, the Secondary Logon service, loopback.
 */
function renderNewCredentials(r: ResolvedAction<"logon">, s: Session, ctx: RenderContext): void {
  const caller = s.caller!;
  const out = s.outbound!;
  const u = s.user;
  // CreateProcessWithLogonW: the Secondary Logon service (in the netsvcs svchost) performs the logon.
  const seclogon = ctx.world.proc(r.host, "@svchost:netsvcs") ?? r.actor;
  const domainOf = (x: typeof u) => (x.kind === "domain" ? ctx.world.domain.netbios : x.domain);
  ctx.emit(SECURITY.logon, [
    ...subjectOf(caller),
    u.sid,
    u.sam,
    domainOf(u),
    s.logonIdHex,
    9,
    "seclogo",
    "Negotiate",
    "-",
    ZERO_GUID,
    "-",
    "-",
    0,
    seclogon ? hex(seclogon.pid) : "0x0",
    seclogon ? seclogon.image.path : "-",
    "::1",
    "0",
    "%%1833",
    "-",
    out.sam,
    domainOf(out),
    "%%1843",
    "0x0",
    s.elevated ? "%%1842" : "%%1843",
  ]);
  if (u.admin && s.elevated) {
    const priv = u.sid === "S-1-5-18" ? SYSTEM_PRIVILEGES : ADMIN_PRIVILEGES;
    ctx.emit(SECURITY.specialPrivileges, [...accountOf(s), priv], { offsetUs: 20 });
  }
}

export function renderLogonFailure(r: ResolvedAction<"logon.failure">, ctx: RenderContext): void {
  const a = r.action;
  const src = r.source!;
  const network = a.logonType === 3;
  ctx.emit(SECURITY.logonFailure, [
    ...(network
      ? ["S-1-0-0", "-", "-", "0x0"]
      : ["S-1-5-18", `${r.host.name}$`, ctx.world.domain.netbios, "0x3e7"]),
    "S-1-0-0",
    a.user,
    r.user?.domain ?? ctx.world.domain.netbios,
    a.status.toLowerCase(),
    "%%2313",
    a.subStatus.toLowerCase(),
    a.logonType,
    network ? "NtLmSsp " : "User32 ",
    a.authPackage,
    src.workstation,
    "-",
    "-",
    0,
    "0x0",
    "-",
    src.ip,
    String(src.port),
  ]);
}

export function renderLogoff(r: ResolvedAction<"logoff">, ctx: RenderContext): void {
  const s = r.session!;
  const u = s.user;
  const who = [u.sid, u.sam, u.domain];
  if (s.logonType === 2 || s.logonType === 10 || s.logonType === 11)
    ctx.emit(SECURITY.userLogoff, [...who, s.logonIdHex]);
  if (s.linked) ctx.emit(SECURITY.logoff, [...who, s.linked.logonIdHex, s.logonType], { offsetUs: 500 });
  ctx.emit(SECURITY.logoff, [...who, s.logonIdHex, s.logonType], { offsetUs: 800 });
}

export function renderExplicitCredentials(
  r: ResolvedAction<"credentials.explicit">,
  ctx: RenderContext,
): void {
  const a = r.action;
  const p = r.actor!;
  const t = r.user!;
  const server = r.targetHost ? r.targetHost.fqdn : a.targetServer;
  ctx.emit(SECURITY.explicitCredentials, [
    ...subjectOf(p.session),
    ZERO_GUID,
    t.sam,
    t.kind === "domain" ? ctx.world.domain.netbios : t.domain,
    ZERO_GUID,
    server,
    a.targetInfo ?? server,
    hex(p.pid),
    p.image.path,
    "-",
    "-",
  ]);
}

export function renderSpecialPrivileges(r: ResolvedAction<"privileges.special">, ctx: RenderContext): void {
  const s = r.session!;
  ctx.emit(SECURITY.specialPrivileges, [
    ...accountOf(s),
    s.user.sid === "S-1-5-18" ? SYSTEM_PRIVILEGES : ADMIN_PRIVILEGES,
  ]);
}
