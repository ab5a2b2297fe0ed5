import type { User } from "../world/types";

export { systemTime, sysmonUtc } from "../time";

/** "CORP\\alice", "NT AUTHORITY\\SYSTEM" as Sysmon and Security print accounts. */
const names = new WeakMap<User, string>();

export function userName(user: User): string {
  let n = names.get(user);
  if (n === undefined) names.set(user, (n = `${user.domain}\\${user.sam}`));
  return n;
}

/** "{5aa13a44-…}" as Event Viewer writes GUIDs. */
export function bracedGuid(guid: string): string {
  return `{${guid.toLowerCase()}}`;
}

const SMALL = 65_536;
const hexTexts: string[] = new Array(SMALL);
const decimalTexts: string[] = new Array(SMALL);

/** "0x1a2c" */
export function hex(n: number): string {
  // PIDs and handles repeat across a run: small values come from a lazily filled table.
  if (n >= 0 && n < SMALL && Number.isInteger(n)) return (hexTexts[n] ??= `0x${n.toString(16)}`);
  return `0x${n.toString(16)}`;
}

/** Decimal text of a port (or any small number), from a lazily filled table. */
export function portText(n: number): string {
  if (n >= 0 && n < SMALL && Number.isInteger(n)) return (decimalTexts[n] ??= String(n));
  return String(n);
}

/** Kernel device path 5156 prints: "\\device\\harddiskvolume3\\windows\\system32\\svchost.exe". */
const devicePaths = new Map<string, string>();

export function devicePath(path: string): string {
  let d = devicePaths.get(path);
  if (d === undefined) {
    d = path.replace(/^[A-Za-z]:/, "\\device\\harddiskvolume3").toLowerCase();
    // A pure function's memo (every 5156 prints one): bounded so long runs keep flat memory.
    if (devicePaths.size >= 4096) devicePaths.clear();
    devicePaths.set(path, d);
  }
  return d;
}
