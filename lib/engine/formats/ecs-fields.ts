import type { FieldType, FieldValue, WinEvent } from "../event";

/** A flat ECS document under construction: dotted path → value, in insertion order. */
export type Flat = Record<string, unknown>;

/**
 * A value as Winlogbeat puts it in winlog.event_data: every value a string; GUIDs braced uppercase; XML
 * parsing turns CRLF into LF and Winlogbeat drops trailing line breaks; empty values are left out (undefined).
 */
export function winlogbeatString(value: FieldValue | undefined, type: FieldType): string | undefined {
  if (value === null || value === undefined) return undefined;
  let s: string;
  if (type === "guid" && typeof value === "string") s = `{${value.toUpperCase()}}`;
  else s = String(value);
  s = s.replace(/\r\n?/g, "\n").replace(/\n+$/, "");
  return s === "" ? undefined : s;
}

/** winlog.event_data (or user_data) as Winlogbeat writes it; unnamed <Data> become param1…paramN. */
export function eventDataStrings(event: WinEvent): Record<string, string> {
  const out: Record<string, string> = {};
  let unnamed = 0;
  event.template.fields.forEach((f, i) => {
    const key = f.name ?? `param${++unnamed}`;
    const s = winlogbeatString(event.data[i], f.type);
    if (s !== undefined) out[key] = s;
  });
  return out;
}

/** The inverse for one value: text from ECS back to the engine's typed value. */
export function fromWinlogbeatString(text: string | undefined, type: FieldType): FieldValue {
  if (text === undefined) return type === "string" ? "" : null;
  switch (type) {
    case "int": {
      const n = Number(text);
      return Number.isFinite(n) ? n : text;
    }
    case "bool":
      return text === "true" ? true : text === "false" ? false : text;
    case "guid":
      return text.replace(/^\{|\}$/g, "").toUpperCase();
    default:
      return text;
  }
}

const splitCache = new Map<string, readonly string[]>();

/** Nests a flat dotted-path record; the first key of each branch fixes its position. */
export function nest(flat: Flat): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const path in flat) {
    const value = flat[path];
    if (value === undefined) continue;
    let parts = splitCache.get(path);
    if (!parts) {
      parts = path.split(".");
      // Paths come from a fixed vocabulary; the cap only guards against unbounded input.
      if (splitCache.size < 10_000) splitCache.set(path, parts);
    }
    let node = root;
    const last = parts.length - 1;
    for (let i = 0; i < last; i++) {
      let next = node[parts[i]] as Record<string, unknown> | undefined;
      if (typeof next !== "object" || next === null || Array.isArray(next)) node[parts[i]] = next = {};
      node = next;
    }
    node[parts[last]] = value;
  }
  return root;
}

/** Windows' CommandLineToArgvW rules as the Winlogbeat pipelines implement them (process.args). */
export function commandLineToArgv(cmd: string): string[] {
  const args: string[] = [];
  let i = 0;
  while (i < cmd.length) {
    while (i < cmd.length && (cmd[i] === " " || cmd[i] === "\t")) i++;
    if (i >= cmd.length) break;
    let arg = "";
    let inQuote = false;
    let slashes = 0;
    for (; i < cmd.length; i++) {
      const c = cmd[i];
      if ((c === " " || c === "\t") && !inQuote) break;
      if (c === '"') {
        arg += "\\".repeat(Math.floor(slashes / 2));
        if (slashes % 2 === 0) {
          if (inQuote && cmd[i + 1] === '"') {
            arg += '"';
            i++;
          }
          inQuote = !inQuote;
        } else arg += '"';
        slashes = 0;
        continue;
      }
      if (c === "\\") {
        slashes++;
        continue;
      }
      arg += "\\".repeat(slashes) + c;
      slashes = 0;
    }
    args.push(arg + "\\".repeat(slashes));
  }
  return args;
}

/** "C:\\Windows\\System32\\cmd.exe" → "cmd.exe". */
export function baseName(path: string): string {
  const i = path.lastIndexOf("\\");
  return i >= 0 ? path.slice(i + 1) : path;
}

/** Parses "0x1a2c" or "6700" to a number; undefined when not numeric. */
export function toNumber(text: string | undefined): number | undefined {
  if (text === undefined || text === "" || text === "-") return undefined;
  const n = /^0x[0-9a-f]+$/i.test(text) ? parseInt(text, 16) : Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/** Splits "DOMAIN\\user". */
export function splitAccount(account: string | undefined): { domain?: string; name?: string } {
  if (!account) return {};
  const i = account.indexOf("\\");
  return i < 0 ? { name: account } : { domain: account.slice(0, i), name: account.slice(i + 1) };
}
