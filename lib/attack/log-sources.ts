import type { LogSource } from "./types";

/** An event id, optionally labelled: "5005 (WLAN)". */
const ID = String.raw`\d{1,5}(?:\s*\([^)]*\))?`;
const KEY = String.raw`Event(?:Code|ID)\s*=\s*`;
/** "EventCode=13, 14", "EventCode=4778, EventCode=4779", "EventCode=5005 (WLAN), EventCode=302 (Bluetooth)". */
const EVENT_CODE_CHANNEL = new RegExp(String.raw`^\s*${KEY}${ID}(?:\s*,\s*(?:${KEY})?${ID})*\s*$`, "i");

/**
 * Event ids of an ATT&CK channel such as "EventCode=13, 14" or "EventCode=4778, EventCode=4779".
 * Free-text channels ("Process creation with parent PID of 1") give [] and are kept as text by the caller.
 */
export function parseEventIds(channel: string): number[] {
  if (!EVENT_CODE_CHANNEL.test(channel)) return [];
  const ids = [...channel.matchAll(/(?:=|,)\s*(?:Event(?:Code|ID)\s*=\s*)?(\d{1,5})/gi)].map((m) =>
    Number(m[1]),
  );
  return [...new Set(ids)];
}

export function toLogSource(name: string, channel: string, dataComponent: string | null): LogSource {
  return { name: name.trim(), channel: channel.trim(), eventIds: parseEventIds(channel), dataComponent };
}

/** Filter keys of a log source: its name, plus "<name> EventCode <id>" per parsed event id. */
export function logSourceKeys(source: LogSource): string[] {
  return [source.name, ...source.eventIds.map((id) => `${source.name} EventCode ${id}`)];
}
