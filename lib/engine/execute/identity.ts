import type { ActionOf } from "../actions";
import type { ResolvedAction } from "../renderers/types";
import type { Host, User } from "../world/types";
import { ExecError, type ExecContext, hostOf, procOf, sessionOf, sourceOf, userOf } from "./context";
import { base } from "./process";

/** Logons, accounts, Kerberos and share access. */

const GROUPS: Record<
  string,
  { sid: (domainSid: string) => string; local: boolean; domain: "Builtin" | "domain" }
> = {
  administrators: { sid: () => "S-1-5-32-544", local: true, domain: "Builtin" },
  users: { sid: () => "S-1-5-32-545", local: true, domain: "Builtin" },
  "remote desktop users": { sid: () => "S-1-5-32-555", local: true, domain: "Builtin" },
  "backup operators": { sid: () => "S-1-5-32-551", local: true, domain: "Builtin" },
  "domain admins": { sid: (d) => `${d}-512`, local: false, domain: "domain" },
  "domain users": { sid: (d) => `${d}-513`, local: false, domain: "domain" },
  "enterprise admins": { sid: (d) => `${d}-519`, local: false, domain: "domain" },
};

export function executeLogon(a: ActionOf<"logon">, ctx: ExecContext): ResolvedAction {
  const host = hostOf(a, ctx);
  const user = userOf(a.user, host, a, ctx);
  if (a.logonType === 9) return executeNewCredentials(a, host, user, ctx);
  const source = withWorkstation(sourceOf(a.source, ctx, host), a.workstation);
  const interactive = a.logonType === 2 || a.logonType === 10 || a.logonType === 11;
  const mk = (name: string, elevated: boolean) =>
    ctx.world.createSession({
      host: host.name,
      name,
      user,
      logonType: a.logonType,
      elevated,
      authPackage: a.authPackage,
      sourceIp: a.logonType === 3 || a.logonType === 10 ? source.ip : interactive ? "127.0.0.1" : "-",
      sourcePort: a.logonType === 3 || a.logonType === 10 ? source.port : 0,
      sourceHost: source.workstation,
      startUs: ctx.timeUs,
      terminalSession: interactive ? 2 : 0,
    });
  // Admins logging on interactively get two linked sessions (UAC split token); network logons are full tokens.
  const elevated = user.admin && interactive ? mk(`${a.session}#elevated`, true) : null;
  const session = mk(a.session, user.admin && !interactive);
  if (elevated) {
    elevated.linked = session;
    session.linked = elevated;
  }
  const actor = a.proc ? procOf(a.proc, host, a, ctx) : null;
  return { ...base(a, host, ctx, actor, session, user), source };
}

/**
 * Type 9 (NewCredentials: runas /netonly, mimikatz sekurlsa::pth): LSA clones the caller's token, so locally
 * the new session is the caller's account; the supplied account is only used for network authentication.
 */
function executeNewCredentials(
  a: ActionOf<"logon">,
  host: Host,
  outbound: User,
  ctx: ExecContext,
): ResolvedAction {
  const actor = a.proc ? procOf(a.proc, host, a, ctx) : null;
  const caller = actor?.session ?? null;
  if (!actor || !caller) {
    throw new ExecError("invalid", a.id, "a type 9 (NewCredentials) logon needs the calling process as proc");
  }
  const session = ctx.world.createSession({
    host: host.name,
    name: a.session,
    user: caller.user,
    logonType: 9,
    elevated: caller.elevated,
    authPackage: "Negotiate",
    sourceIp: "::1",
    sourcePort: 0,
    sourceHost: "-",
    startUs: ctx.timeUs,
    terminalSession: caller.terminalSession,
    outbound,
    caller,
  });
  return base(a, host, ctx, actor, session, outbound);
}

export function executeLogonFailure(a: ActionOf<"logon.failure">, ctx: ExecContext): ResolvedAction {
  const host = hostOf(a, ctx);
  const user = ctx.world.userByRef(a.user, host) ?? null;
  const source = withWorkstation(sourceOf(a.source, ctx, host), a.workstation);
  return { ...base(a, host, ctx, null, null, user), source };
}

/** The client's own name for itself (NTLM carries it; tools like Ruler hard-code one) overrides the source host's. */
function withWorkstation<S extends { workstation: string }>(source: S, workstation: string | undefined): S {
  return workstation ? { ...source, workstation } : source;
}

export function executeLogoff(a: ActionOf<"logoff">, ctx: ExecContext): ResolvedAction {
  const host = hostOf(a, ctx);
  const session = sessionOf(a.session, host, a, ctx);
  ctx.world.endSession(session, ctx.timeUs);
  if (session.linked) ctx.world.endSession(session.linked, ctx.timeUs);
  return base(a, host, ctx, null, session, session.user);
}

export function executeExplicitCredentials(
  a: ActionOf<"credentials.explicit">,
  ctx: ExecContext,
): ResolvedAction {
  const host = hostOf(a, ctx);
  const actor = procOf(a.proc, host, a, ctx);
  const target = userOf(a.targetUser, host, a, ctx);
  const targetHost = ctx.world.hostByRef(a.targetServer) ?? null;
  return { ...base(a, host, ctx, actor, actor.session, target), targetHost };
}

export function executeSpecialPrivileges(
  a: ActionOf<"privileges.special">,
  ctx: ExecContext,
): ResolvedAction {
  const host = hostOf(a, ctx);
  const session = sessionOf(a.session, host, a, ctx);
  return base(a, host, ctx, null, session, session.user);
}

export function executeAccount(
  a: ActionOf<
    "account.create" | "account.enable" | "account.password.reset" | "account.change" | "group.member.add"
  >,
  ctx: ExecContext,
): ResolvedAction {
  const host = hostOf(a, ctx);
  const actor = procOf(a.proc, host, a, ctx);
  const world = ctx.world;
  let user: User | undefined;
  if (a.kind === "account.create") {
    if (world.userByRef(a.user, host))
      throw new ExecError("invalid", a.id, `account "${a.user}" already exists`);
    const local = a.local || host.role !== "dc";
    const rid = 1000 + world.estate.users.length * 3 + ctx.rng.int(0, 2);
    user = {
      sam: a.user,
      domain: local ? host.name : world.domain.netbios,
      sid: `${local ? host.machineSid : world.domain.sid}-${rid}`,
      rid,
      kind: local ? "local" : "domain",
      fullName: a.user,
      admin: false,
      groups: [],
      host: local ? host.name : undefined,
      upn: local ? undefined : `${a.user}@${world.domain.dns}`,
    };
    world.addUser(user);
  } else user = userOf(a.user, host, a, ctx);
  let group: ResolvedAction["group"];
  if (a.kind === "group.member.add") {
    const g = GROUPS[a.group.toLowerCase()];
    const local = g ? g.local : host.role !== "dc";
    group = {
      name: a.group,
      sid: g
        ? g.sid(world.domain.sid)
        : `${local ? host.machineSid : world.domain.sid}-${1100 + ctx.rng.int(0, 400)}`,
      domain: g?.domain === "Builtin" ? "Builtin" : local ? host.name : world.domain.netbios,
      local,
    };
    if (user.groups.indexOf(a.group) < 0) (user.groups as string[]).push(a.group);
  }
  return { ...base(a, host, ctx, actor, actor.session, user), group };
}

export function executeKerberos(
  a: ActionOf<"kerberos.tgt" | "kerberos.tgs">,
  ctx: ExecContext,
): ResolvedAction {
  const host = a.host ? hostOf(a, ctx) : ctx.world.dc;
  if (!host) throw new ExecError("unknown-host", a.id, "no domain controller in the environment");
  const user = userOf(a.user, host, a, ctx);
  const source = sourceOf(a.source ?? "@workstation", ctx, host);
  const targetHost = a.kind === "kerberos.tgs" ? (ctx.world.hostByRef(a.service) ?? null) : null;
  // Built directly, not spread from base(): Kerberos is a large share of DC noise.
  return {
    action: a,
    host,
    timeUs: ctx.timeUs,
    actor: null,
    target: null,
    session: null,
    user,
    source,
    targetHost,
  };
}

export function executeShareAccess(a: ActionOf<"share.access">, ctx: ExecContext): ResolvedAction {
  const host = hostOf(a, ctx);
  const session = sessionOf(a.session, host, a, ctx);
  const srcHost = ctx.world.hostByRef(session.sourceIp) ?? null;
  return {
    ...base(a, host, ctx, null, session, session.user),
    source: {
      host: srcHost,
      ip: session.sourceIp,
      port: session.sourcePort,
      workstation: session.sourceHost,
    },
  };
}
