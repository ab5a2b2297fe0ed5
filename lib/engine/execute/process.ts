import type { ActionOf } from "../actions";
import type { ResolvedAction } from "../renderers/types";
import { baseName } from "../world/catalog";
import type { Host, ImageInfo, Integrity, ProcessInfo, Session, User } from "../world/types";
import { lower } from "../world/lower";
import type { HostState } from "../world/world";
import { ExecError, type ExecContext, expandPath, hostOf, procOf, userOf } from "./context";

/** Applies process.create: picks the session/token the way Windows does, then creates the process. */
export function executeProcessCreate(
  a: ActionOf<"process.create">,
  ctx: ExecContext,
  asUser?: User,
): ResolvedAction {
  const host = hostOf(a, ctx);
  const parent = procOf(a.parent, host, a, ctx);
  const user = asUser ?? (a.user ? userOf(a.user, host, a, ctx) : parent.user);
  const wantsHigh = a.elevated === true || a.integrity === "High";
  const session = pickSession(ctx, host, parent, user, wantsHigh, a.id);
  const integrity: Integrity =
    a.integrity ??
    (user.sid === "S-1-5-18"
      ? "System"
      : session.elevated && session.linked
        ? "High"
        : parent.integrity === "System" && user !== parent.user
          ? "Medium"
          : wantsHigh
            ? "High"
            : parent.integrity);
  const tokenElevation: ProcessInfo["tokenElevation"] = !session.linked
    ? "%%1936"
    : session.elevated
      ? "%%1937"
      : "%%1938";
  const st = ctx.world.state(host.name);
  if (a.image.includes("%")) a = { ...a, image: expandPath(a.image, user) };
  const image = imageOf(a, st, user);
  if (ctx.world.proc(host, a.proc)) {
    // Reusing a live name: the old process keeps running but loses the name.
    st.named.delete(a.proc);
  }
  const p = ctx.world.createProcess({
    host: host.name,
    name: a.proc,
    parent,
    image,
    commandLine: expandRefs(a.commandLine, host, ctx),
    currentDirectory: normalizeDir(a.currentDirectory ?? parent.currentDirectory),
    user,
    session,
    integrity,
    tokenElevation,
    startUs: ctx.timeUs,
  });
  const imageKey = lower(image.path);
  if (!st.files.has(imageKey)) st.files.set(imageKey, st.bootUs);
  return base(a, host, ctx, p, session, user);
}

/**
 * PE identity of the started image: a renamed copy of a known binary (`copyOf`, or a file an earlier
 * `file.create` copied) keeps the original's metadata and hashes under its new path and name.
 */
function imageOf(a: ActionOf<"process.create">, st: HostState, user: User): ImageInfo {
  const key = lower(a.image);
  let original = st.copies.get(key);
  if (a.copyOf) {
    const from = expandPath(a.copyOf, user);
    original = st.copies.get(from.toLowerCase()) ?? st.catalog.image(from);
    st.copies.set(key, original);
  }
  if (!original) return st.catalog.image(a.image);
  return { ...original, path: a.image, fileName: baseName(a.image) };
}

/** "{pid:@lsass}" in a command line → the PID the engine gave that process. */
export function expandRefs(text: string, host: Host, ctx: ExecContext): string {
  return text.includes("{pid:")
    ? text.replace(/\{pid:([^}]+)\}/g, (m, ref: string) => String(ctx.world.proc(host, ref)?.pid ?? m))
    : text;
}

function normalizeDir(dir: string): string {
  return dir.endsWith("\\") ? dir : `${dir}\\`;
}

function pickSession(
  ctx: ExecContext,
  host: Host,
  parent: ProcessInfo,
  user: User,
  elevated: boolean,
  id: string,
): Session {
  const world = ctx.world;
  if (user.sid === parent.user.sid) {
    const s = parent.session;
    if (elevated && s.linked && !s.elevated) return s.linked;
    return s;
  }
  if (user.sid === "S-1-5-18") return world.session(host, "@system")!;
  if (user.sid === "S-1-5-19") return world.session(host, "@localservice")!;
  if (user.sid === "S-1-5-20") return world.session(host, "@networkservice")!;
  // Another account: reuse a live session of it on this host, else a new batch/service logon.
  const st = world.state(host.name);
  for (const s of st.sessions.values()) {
    if (s.user.sid === user.sid && s.endUs === null && (!s.linked || s.elevated === elevated)) return s;
  }
  if (!user.admin && elevated)
    throw new ExecError("invalid", id, `${user.sam} is not an administrator and cannot run elevated`);
  return world.createSession({
    host: host.name,
    name: `@auto:${user.sam}:${ctx.timeUs}`,
    user,
    logonType: parent.image.fileName.toLowerCase() === "services.exe" ? 5 : 4,
    elevated: user.admin,
    authPackage: "Negotiate",
    sourceIp: "-",
    sourcePort: 0,
    sourceHost: "-",
    startUs: ctx.timeUs,
    terminalSession: 0,
  });
}

export function base(
  a: ResolvedAction["action"],
  host: Host,
  ctx: ExecContext,
  actor: ProcessInfo | null,
  session: Session | null = actor?.session ?? null,
  user: ResolvedAction["user"] = actor?.user ?? null,
): ResolvedAction {
  return { action: a, host, timeUs: ctx.timeUs, actor, target: null, session, user };
}

export function executeProcessTerminate(a: ActionOf<"process.terminate">, ctx: ExecContext): ResolvedAction {
  const host = hostOf(a, ctx);
  const p = procOf(a.proc, host, a, ctx);
  ctx.world.terminate(p, ctx.timeUs);
  return base(a, host, ctx, p);
}

/** CallTrace as Sysmon prints it: ntdll and KERNELBASE frames, then the given modules, with offsets. */
export function callTrace(
  modules: readonly string[] | undefined,
  actor: ProcessInfo,
  ctx: ExecContext,
): string {
  const frames = ["C:\\Windows\\SYSTEM32\\ntdll.dll", "C:\\Windows\\System32\\KERNELBASE.dll"];
  for (const m of modules ?? []) {
    if (m.includes("\\")) frames.push(m);
    else if (m.toLowerCase() === actor.image.fileName.toLowerCase()) frames.push(actor.image.path);
    else frames.push(`C:\\Windows\\System32\\${m}`);
  }
  if (!modules?.length) frames.push(actor.image.path);
  return frames.map((f) => `${f}+${ctx.rng.int(0x1000, 0xfffff).toString(16)}`).join("|");
}

export function executeProcessAccess(
  a: ActionOf<"process.access"> | ActionOf<"thread.remote">,
  ctx: ExecContext,
): ResolvedAction {
  const host = hostOf(a, ctx);
  const actor = procOf(a.proc, host, a, ctx);
  const target = procOf(a.target, host, a, ctx);
  const trace = a.kind === "process.access" ? callTrace(a.callTrace, actor, ctx) : undefined;
  return { ...base(a, host, ctx, actor), target, callTrace: trace };
}
