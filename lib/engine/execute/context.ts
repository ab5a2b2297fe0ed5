import type { Action } from "../actions";
import type { Rng } from "../rng";
import type { Host, ProcessInfo, Session, User } from "../world/types";
import type { World } from "../world/world";

/** Why an action could not be applied (unknown reference, dead process …). Carries the action ID. */
export class ExecError extends Error {
  constructor(
    readonly code: "unknown-host" | "unknown-process" | "unknown-user" | "unknown-session" | "invalid",
    readonly actionId: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ExecContext {
  readonly world: World;
  readonly rng: Rng;
  readonly timeUs: number;
  /** Host of the step, used when the action names none. */
  readonly defaultHost: Host;
}

export function hostOf(action: Action, ctx: ExecContext): Host {
  if (!action.host) return ctx.defaultHost;
  const h = ctx.world.hostByRef(action.host);
  if (!h) throw new ExecError("unknown-host", action.id, `unknown host "${action.host}"`);
  return h;
}

export function procOf(ref: string, host: Host, action: Action, ctx: ExecContext): ProcessInfo {
  const p = ctx.world.proc(host, ref);
  if (!p) {
    const ended = ctx.world.proc(host, ref, true);
    throw new ExecError(
      "unknown-process",
      action.id,
      ended ? `process "${ref}" on ${host.name} has already exited` : `no process "${ref}" on ${host.name}`,
    );
  }
  return p;
}

export function userOf(ref: string, host: Host, action: Action, ctx: ExecContext): User {
  const u = ctx.world.userByRef(ref, host);
  if (!u) throw new ExecError("unknown-user", action.id, `unknown user "${ref}"`);
  return u;
}

export function sessionOf(ref: string, host: Host, action: Action, ctx: ExecContext): Session {
  const s = ctx.world.session(host, ref === "@interactive" ? "@interactive" : ref);
  if (!s || s.endUs !== null)
    throw new ExecError("unknown-session", action.id, `no live session "${ref}" on ${host.name}`);
  return s;
}

/** Resolves a source reference (host ref or IP) to an address. */
export function sourceOf(ref: string | undefined, ctx: ExecContext, target: Host) {
  if (!ref) return { host: target, ip: "127.0.0.1", port: 0, workstation: target.name };
  const h = ctx.world.hostByRef(ref);
  if (h) return { host: h, ip: h.ip, port: ctx.world.ephemeralPort(h), workstation: h.name };
  return { host: null, ip: ref, port: 49152 + ctx.rng.int(0, 16_000), workstation: "-" };
}

/** "HKCU\\…" → "HKU\\<SID>\\…", long hive names → Sysmon's short ones. */
// By SID, then by key: the key strings usually come from constants, so no combined key is built per call.
const keyCache = new Map<string, Map<string, string>>();
let keyCacheSize = 0;

export function normalizeKey(key: string, user: User): string {
  let bySid = keyCache.get(user.sid);
  const hit = bySid?.get(key);
  if (hit !== undefined) return hit;
  const k = rewriteKey(key, user);
  if (keyCacheSize < 10_000) {
    if (!bySid) keyCache.set(user.sid, (bySid = new Map()));
    bySid.set(key, k);
    keyCacheSize++;
  }
  return k;
}

function rewriteKey(key: string, user: User): string {
  let k = key.replace(/\//g, "\\").replace(/\\+$/, "");
  k = k.replace(/^HKEY_LOCAL_MACHINE(?=\\|$)/i, "HKLM").replace(/^HKEY_CURRENT_USER(?=\\|$)/i, "HKCU");
  k = k.replace(/^HKEY_USERS(?=\\|$)/i, "HKU").replace(/^HKEY_CLASSES_ROOT(?=\\|$)/i, "HKCR");
  k = k.replace(/^HKCU\\Software\\Classes(?=\\|$)/i, `HKU\\${user.sid}_Classes`);
  k = k.replace(/^HKCU(?=\\|$)/i, `HKU\\${user.sid}`);
  k = k.replace(/^HKLM\\System\\CurrentControlSet/i, "HKLM\\System\\CurrentControlSet");
  return k;
}

/** Windows' per-user and system environment as an account sees it (profile under C:\Users\<sam>). */
function environmentOf(user: User): Record<string, string> {
  const system = user.sid === "S-1-5-18" || user.sid === "S-1-5-19" || user.sid === "S-1-5-20";
  const profile =
    user.sid === "S-1-5-18"
      ? "C:\\Windows\\system32\\config\\systemprofile"
      : user.sid === "S-1-5-19"
        ? "C:\\Windows\\ServiceProfiles\\LocalService"
        : user.sid === "S-1-5-20"
          ? "C:\\Windows\\ServiceProfiles\\NetworkService"
          : `C:\\Users\\${user.sam}`;
  const temp = system ? "C:\\Windows\\TEMP" : `${profile}\\AppData\\Local\\Temp`;
  return {
    userprofile: profile,
    appdata: `${profile}\\AppData\\Roaming`,
    localappdata: `${profile}\\AppData\\Local`,
    temp,
    tmp: temp,
    programdata: "C:\\ProgramData",
    allusersprofile: "C:\\ProgramData",
    public: "C:\\Users\\Public",
    systemroot: "C:\\Windows",
    windir: "C:\\Windows",
    systemdrive: "C:",
    programfiles: "C:\\Program Files",
    "programfiles(x86)": "C:\\Program Files (x86)",
    username: user.sam,
  };
}

/**
 * Expands %USERPROFILE%, %APPDATA%, %TEMP% … in an object path for `user`, as Windows does before a file
 * is opened. Command lines keep the variables as typed (that is what process creation records). Unknown
 * variables stay as written.
 */
export function expandPath(path: string, user: User): string {
  if (!path.includes("%")) return path;
  const env = environmentOf(user);
  return path.replace(/%([A-Za-z()0-9_]+)%/g, (m, name: string) => env[name.toLowerCase()] ?? m);
}
