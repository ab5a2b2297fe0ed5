import { prepareEvent } from "../events/prepare";
import type { PreparedEvent } from "../events/prepared";

/** What a malicious event says, in one shape whatever the source (Sysmon or Security). */
export type EventKind = "process" | "registry" | "network" | "file" | "dns" | "script" | "image_load";

export interface EventFacts {
  index: number;
  kind: EventKind;
  eventId: number;
  source: "sysmon" | "security" | "powershell";
  image?: string;
  parentImage?: string;
  commandLine?: string;
  registryPath?: string;
  registryData?: string;
  destIp?: string;
  destPort?: string;
  destHost?: string;
  file?: string;
  query?: string;
  script?: string;
}

const SYSMON_KINDS: Record<number, EventKind> = {
  1: "process",
  3: "network",
  7: "image_load",
  11: "file",
  12: "registry",
  13: "registry",
  14: "registry",
  22: "dns",
};

function text(event: PreparedEvent, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = event.fields.get(name)?.text;
    if (value) return value;
  }
  return undefined;
}

/** Facts of one event, or undefined for events no template covers. */
export function eventFacts(raw: unknown, index: number): EventFacts | undefined {
  const e = prepareEvent(raw, index);
  const id = e.eventId ?? -1;
  if (e.channel === "microsoft-windows-sysmon/operational" && SYSMON_KINDS[id]) {
    return {
      index,
      kind: SYSMON_KINDS[id],
      eventId: id,
      source: "sysmon",
      image: text(e, "Image"),
      parentImage: text(e, "ParentImage"),
      commandLine: text(e, "CommandLine"),
      registryPath: text(e, "TargetObject"),
      registryData: text(e, "Details"),
      destIp: text(e, "DestinationIp"),
      destPort: text(e, "DestinationPort"),
      destHost: text(e, "DestinationHostname"),
      file: text(e, id === 7 ? "ImageLoaded" : "TargetFilename"),
      query: text(e, "QueryName"),
    };
  }
  if (e.channel === "security" && (id === 4688 || id === 4657 || id === 5156)) {
    const kind: EventKind = id === 4688 ? "process" : id === 4657 ? "registry" : "network";
    const key = text(e, "ObjectName");
    const valueName = text(e, "ObjectValueName");
    return {
      index,
      kind,
      eventId: id,
      source: "security",
      image: text(e, "NewProcessName", "ProcessName", "Application"),
      parentImage: text(e, "ParentProcessName"),
      commandLine: text(e, "CommandLine"),
      registryPath: key && valueName ? `${key}\\${valueName}` : key,
      registryData: text(e, "NewValue"),
      destIp: text(e, "DestAddress"),
      destPort: text(e, "DestPort"),
    };
  }
  if (e.channel.includes("powershell") && id === 4104) {
    return { index, kind: "script", eventId: id, source: "powershell", script: text(e, "ScriptBlockText") };
  }
  return undefined;
}

export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/**
 * Distinctive pieces of a command line or script: the longest tokens that are not the program itself,
 * without quotes, at most `limit`. These make templates that still match when paths or IDs vary.
 */
export function fragments(line: string | undefined, limit = 3): string[] {
  if (!line) return [];
  const program = line.trim().match(/^"[^"]+"|^\S+/)?.[0] ?? "";
  const rest = line.slice(line.indexOf(program) + program.length);
  const tokens = rest
    .split(/\s+/)
    .map((t) => t.replace(/^["']+|["']+$/g, ""))
    .filter((t) => t.length >= 3 && !/[\r\n]/.test(t));
  const unique = [...new Set(tokens)];
  return unique
    .sort((a, b) => b.length - a.length)
    .slice(0, limit)
    .map((t) => (t.length > 80 ? t.slice(0, 80) : t));
}

/** Registry path without the hive prefix (HKLM\, \REGISTRY\MACHINE\, HKEY_LOCAL_MACHINE\…): the part every product spells the same. */
export function registryTail(path: string): string {
  return path.replace(
    /^(\\REGISTRY\\(MACHINE|USER(\\[^\\]+)?)|HK(LM|CU|U|CR|EY_[A-Z_]+)(\\S-1-[^\\]+)?)\\/i,
    "",
  );
}

/** Splits a registry value path into key and value name (Defender keeps them apart). */
export function registryKeyAndValue(path: string): { key: string; value: string } {
  const tail = registryTail(path);
  const at = tail.lastIndexOf("\\");
  return at < 0 ? { key: tail, value: "" } : { key: tail.slice(0, at), value: tail.slice(at + 1) };
}
