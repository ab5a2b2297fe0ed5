import type { ViewerEvent } from "@/lib/scenarios/types";

export type { EventLabel, ViewerEvent } from "@/lib/scenarios/types";

/** Field accessors that hold for Sysmon and Security events alike. */
export function processGuidOf(e: ViewerEvent): string | undefined {
  return e.data.ProcessGuid || e.data.SourceProcessGuid || undefined;
}

export function logonIdOf(e: ViewerEvent): string | undefined {
  return e.data.LogonId || e.data.TargetLogonId || e.data.SubjectLogonId || undefined;
}

export function imageOf(e: ViewerEvent): string | undefined {
  return e.data.Image || e.data.NewProcessName || e.data.SourceImage || undefined;
}

export function baseName(path: string | undefined): string {
  if (!path) return "";
  const i = Math.max(path.lastIndexOf("\\"), path.lastIndexOf("/"));
  return i >= 0 ? path.slice(i + 1) : path;
}

export function channelShort(channel: string): string {
  if (channel.startsWith("Microsoft-Windows-Sysmon")) return "Sysmon";
  if (channel.startsWith("Microsoft-Windows-PowerShell")) return "PowerShell";
  if (channel === "Windows PowerShell") return "Windows PowerShell";
  if (channel.startsWith("Microsoft-Windows-TaskScheduler")) return "TaskScheduler";
  if (channel.startsWith("Microsoft-Windows-WMI-Activity")) return "WMI";
  return channel;
}
