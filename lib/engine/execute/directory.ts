import type { ActionOf } from "../actions";
import { stableHex } from "../rng";
import type { ResolvedAction, ResolvedDirectoryObject } from "../renderers/types";
import type { Host, Session, User } from "../world/types";
import type { World } from "../world/world";
import { ExecError, type ExecContext, hostOf, procOf, sessionOf } from "./context";
import { base } from "./process";

/** Directory-service access and changes, audited on the domain controller that serves them. */

/** schemaIDGUID of the classes procedures touch (4662 ObjectType is "%{<this>}"). */
export const CLASS_GUIDS: Record<string, string> = {
  domaindns: "19195a5b-6da0-11d0-afd3-00c04fd930c9",
  user: "bf967aba-0de6-11d0-a285-00aa003049e2",
  computer: "bf967a86-0de6-11d0-a285-00aa003049e2",
  group: "bf967a9c-0de6-11d0-a285-00aa003049e2",
  grouppolicycontainer: "f30e3bc2-9ff0-11d1-b603-0000f80367c1",
  organizationalunit: "bf967aa5-0de6-11d0-a285-00aa003049e2",
  server: "bf967a92-0de6-11d0-a285-00aa003049e2",
  ntdsdsa: "f0f8ffab-1191-11d0-a060-00aa006c33ed",
  container: "bf967a8b-0de6-11d0-a285-00aa003049e2",
};

export function domainDn(world: World): string {
  return world.domain.dns
    .split(".")
    .map((p) => `DC=${p}`)
    .join(",");
}

/** objectGUID of a DN: stable per domain, so every event about the object names the same GUID. */
export function objectGuid(world: World, dn: string): string {
  const h = stableHex(`objectGUID|${world.domain.sid}|${dn.toLowerCase()}`, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** DN of an account: users under CN=Users, member computers under CN=Computers, DCs under their OU. */
export function accountDn(world: World, user: User): string {
  const root = domainDn(world);
  if (!user.sam.endsWith("$")) return `CN=${user.fullName},CN=Users,${root}`;
  const host = world.hostByRef(user.sam.slice(0, -1));
  return host?.role === "dc"
    ? `CN=${host.name},OU=Domain Controllers,${root}`
    : `CN=${user.sam.slice(0, -1)},CN=Computers,${root}`;
}

function resolveObject(
  a: ActionOf<"directory.access" | "directory.change">,
  dc: Host,
  ctx: ExecContext,
): ResolvedDirectoryObject {
  const world = ctx.world;
  const root = domainDn(world);
  const cls = a.objectClass;
  let dn: string;
  let account: User | null = null;
  if (a.object.toLowerCase() === "domain") dn = root;
  else if (a.object.includes("=")) dn = /(^|,)DC=/i.test(a.object) ? a.object : `${a.object},${root}`;
  else {
    // An account reference: a user, or a host whose machine account is meant.
    const host = cls.toLowerCase() === "computer" ? world.hostByRef(a.object) : undefined;
    account = world.userByRef(host ? `${host.name}$` : a.object, dc) ?? null;
    if (!account || account.kind !== "domain")
      throw new ExecError("unknown-user", a.id, `no domain account "${a.object}" for a directory object`);
    dn = accountDn(world, account);
  }
  return { dn, guid: objectGuid(world, dn), objectClass: cls, account };
}

export function executeDirectory(
  a: ActionOf<"directory.access" | "directory.change">,
  ctx: ExecContext,
): ResolvedAction {
  const host = a.host ? hostOf(a, ctx) : ctx.world.dc;
  if (!host) throw new ExecError("unknown-host", a.id, "no domain controller in the environment");
  if (host.role !== "dc")
    throw new ExecError(
      "invalid",
      a.id,
      `directory events are written by a domain controller, not ${host.name}`,
    );
  let session: Session;
  let actor = null;
  if (a.session) session = sessionOf(a.session, host, a, ctx);
  else if (a.proc) {
    actor = procOf(a.proc, host, a, ctx);
    session = actor.session;
  } else throw new ExecError("invalid", a.id, "a directory action needs the session or process acting");
  const directory = resolveObject(a, host, ctx);
  let values: ReadonlyMap<string, readonly string[]> | undefined;
  if (a.kind === "directory.change") values = applyChanges(a, directory.dn, ctx.world);
  return {
    ...base(a, host, ctx, actor, session, directory.account ?? session.user),
    directory: { ...directory, values },
  };
}

/** Applies value adds/deletes to the world's copy of the object; returns the object's changed attributes. */
function applyChanges(a: ActionOf<"directory.change">, dn: string, world: World): Map<string, string[]> {
  let attrs = world.directory.get(dn.toLowerCase());
  if (!attrs) world.directory.set(dn.toLowerCase(), (attrs = new Map()));
  for (const c of a.changes) {
    const name = c.attribute.toLowerCase();
    const list = attrs.get(name) ?? [];
    const i = list.findIndex((v) => v.toLowerCase() === c.value.toLowerCase());
    if (c.op === "add" && i < 0) list.push(c.value);
    if (c.op === "delete" && i >= 0) list.splice(i, 1);
    attrs.set(name, list);
  }
  return new Map(attrs);
}
