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

/** "0x1a2c" */
export function hex(n: number): string {
  return `0x${n.toString(16)}`;
}

/** Kernel device path 5156 prints: "\\device\\harddiskvolume3\\windows\\system32\\svchost.exe". */
export function devicePath(path: string): string {
  return path.replace(/^[A-Za-z]:/, "\\device\\harddiskvolume3").toLowerCase();
}
