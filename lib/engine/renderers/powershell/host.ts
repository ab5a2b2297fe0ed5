import { stableHex } from "../../rng";
import { lower } from "../../world/lower";
import type { Host, ProcessInfo } from "../../world/types";
import type { PsHostContext } from "./text";

/**
 * Per-process PowerShell logging state: LogContext sequence numbers advance by two per logged event (PowerShell
 * numbers the analytic companion events too), pipelines count from 1, and Operational events carry ETW
 * activity IDs made by EventActivityIdControl (fixed per process except a counter and two random bytes).
 * Kept in a WeakMap keyed by the world's ProcessInfo, so state lives and dies with one generation run.
 */
export interface PsProcessState {
  readonly host: PsHostContext;
  sequence: number;
  pipeline: number;
  activity: number;
  readonly activityPrefix: string;
  readonly activitySuffix: string;
  started: boolean;
}

const states = new WeakMap<ProcessInfo, PsProcessState>();

/** Image file names that host the Windows PowerShell 5.1 engine and log to the classic channel at start. */
const hostNames: Record<string, string> = {
  "powershell.exe": "ConsoleHost",
  "powershell_ise.exe": "Windows PowerShell ISE Host",
  "wsmprovhost.exe": "ServerRemoteHost",
};

export function isPowerShellHost(process: ProcessInfo): boolean {
  return lower(process.image.fileName) in hostNames;
}

/** `-Version 2` (any unambiguous prefix of -Version) starts the 2.0 engine: no script block logging, no HostApplication. */
export function requestsVersion2(commandLine: string): boolean {
  return /\s[-/]v(?:e(?:r(?:s(?:i(?:o(?:n)?)?)?)?)?)?\s+2(?:\.0)?(?:\s|$)/i.test(commandLine);
}

/** "10.0.19041.3636 (WinBuild…)" → "5.1.19041.3636" (Windows PowerShell ships with the OS build). */
export function engineVersionFor(host: Host): string {
  const parts = host.os.fileVersion.split(" ")[0].split(".");
  return `5.1.${parts[2] ?? host.os.build}.${parts[3] ?? 1}`;
}

function lowerGuid(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function psState(process: ProcessInfo, host: Host): PsProcessState {
  let state = states.get(process);
  if (state) return state;
  const legacy = requestsVersion2(process.commandLine);
  const engine = legacy ? "2.0" : engineVersionFor(host);
  const fileName = process.image.fileName.toLowerCase();
  const hostName = hostNames[fileName] ?? "Default Host";
  const seed = `${host.name}|${process.guid}`;
  const activity = stableHex(`${seed}|activity`, 24).toUpperCase();
  state = {
    host: {
      hostName,
      hostVersion: hostName === "ServerRemoteHost" ? "1.0.0.0" : engine,
      hostId: lowerGuid(stableHex(`${seed}|host`, 32)),
      hostApplication: process.commandLine,
      engineVersion: engine,
      runspaceId: lowerGuid(stableHex(`${seed}|runspace`, 32)),
      user: `${process.user.domain}\\${process.user.sam}`,
      legacy,
    },
    sequence: 0,
    pipeline: 0,
    activity: 0,
    activityPrefix: `${activity.slice(0, 8)}-${activity.slice(8, 12)}`,
    activitySuffix: `${activity.slice(12, 20)}D${"9A8C"[activity.charCodeAt(20) % 4]}01`,
    started: false,
  };
  states.set(process, state);
  return state;
}

export function nextSequence(state: PsProcessState): number {
  state.sequence += state.sequence === 0 ? 1 : 2;
  return state.sequence;
}

/** Next ETW activity ID of the process, uppercase without braces (the engine's GUID form). */
export function nextActivityId(state: PsProcessState, randomWord: number): string {
  const counter = (state.activity++ & 0xffff).toString(16).toUpperCase().padStart(4, "0");
  const word = (randomWord & 0xffff).toString(16).toUpperCase().padStart(4, "0");
  return `${state.activityPrefix}-${counter}-${word}-${state.activitySuffix}`;
}
