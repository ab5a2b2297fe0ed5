import { SigmaError } from "./errors";
import { ONE, STAR, isAnyOf, normalisePattern, parseSigmaString, plainText, type Pattern } from "./pattern";

/** Dash characters windash accepts in place of `-` or `/` before a command-line flag. */
export const WINDASH_CHARS = ["-", "/", "\u2013", "\u2014", "\u2015"];

/** Default placeholder values for `|expand` (user values override; unknown names widen to `*`). */
export const DEFAULT_PLACEHOLDERS: Readonly<Record<string, readonly string[]>> = {
  Admins_Workstations: ["*"],
  Admins: ["Administrator", "Admin"],
  DC_MACHINE_NAME: ["*$"],
  ServiceAccounts: ["svc_*", "*$"],
  DomainControllers: ["*DC*"],
  Windows: ["C:\\Windows"],
  ProgramFiles: ["C:\\Program Files", "C:\\Program Files (x86)"],
  AppData: ["C:\\Users\\*\\AppData"],
  Temp: ["C:\\Windows\\Temp", "C:\\Users\\*\\AppData\\Local\\Temp"],
};

export type Placeholders = Readonly<Record<string, readonly string[]>>;

/** `%name%` → each value of the placeholder (product over several placeholders). */
export function expandPlaceholders(
  text: string,
  table: Placeholders,
  warn: (message: string) => void,
): string[] {
  let results = [""];
  let rest = text;
  const re = /%([A-Za-z0-9_.-]+)%/;
  for (let m = re.exec(rest); m; m = re.exec(rest)) {
    const name = m[1];
    let values = table[name] ?? DEFAULT_PLACEHOLDERS[name];
    if (!values) {
      warn(`placeholder %${name}% has no value; matching it as '*'`);
      values = ["*"];
    }
    const before = rest.slice(0, m.index);
    results = results.flatMap((prefix) => values.map((value) => prefix + before + value));
    rest = rest.slice(m.index + m[0].length);
    if (results.length > 4096)
      throw new SigmaError("VALUE", `expanding '${text}' gives more than 4096 values`);
  }
  return results.map((prefix) => prefix + rest);
}

/** Replaces every `-` or `/` that starts a flag (pySigma's `\B[-/]\b`) with a choice of dash characters. */
export function windash(pattern: Pattern): Pattern {
  const out: Pattern = [];
  for (const part of pattern) {
    if (typeof part !== "string") {
      out.push(part);
      continue;
    }
    let last = 0;
    const re = /\B[-/]\b/g;
    for (let m = re.exec(part); m; m = re.exec(part)) {
      if (m.index > last) out.push(part.slice(last, m.index));
      out.push({ anyOf: WINDASH_CHARS });
      last = m.index + 1;
    }
    if (last < part.length) out.push(part.slice(last));
  }
  return out;
}

export type Utf16 = "utf16le" | "utf16be" | "utf16";

/** Encodes text to a binary string (one char per byte) as UTF-8 or UTF-16. */
export function encodeBytes(text: string, encoding: Utf16 | "utf8"): Uint8Array {
  if (encoding === "utf8") return new TextEncoder().encode(text);
  const bom = encoding === "utf16" ? 2 : 0;
  const bytes = new Uint8Array(bom + text.length * 2);
  if (bom) bytes.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const lo = code & 0xff;
    const hi = code >> 8;
    if (encoding === "utf16be") bytes.set([hi, lo], bom + i * 2);
    else bytes.set([lo, hi], bom + i * 2);
  }
  return bytes;
}

export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("base64");
}

/** The three base64 forms of a value at byte offsets 0, 1, 2 inside a longer blob (pySigma's trimming). */
export function base64Offsets(bytes: Uint8Array): string[] {
  const starts = [0, 2, 3];
  const ends = [undefined, -3, -2];
  const out: string[] = [];
  for (let i = 0; i < 3; i++) {
    const padded = new Uint8Array(i + bytes.length);
    padded.fill(0x20, 0, i);
    padded.set(bytes, i);
    const encoded = toBase64(padded);
    out.push(encoded.slice(starts[i], ends[(bytes.length + i) % 3]));
  }
  return out;
}

/** The literal text a transformation needs; wildcards cannot be encoded. */
export function requirePlain(pattern: Pattern, modifier: string): string {
  const text = plainText(pattern);
  if (text === undefined)
    throw new SigmaError("VALUE", `|${modifier} cannot encode a value with wildcards or windash choices`);
  return text;
}

export function wrap(pattern: Pattern, how: "contains" | "startswith" | "endswith"): Pattern {
  if (how === "contains") return normalisePattern([STAR, ...pattern, STAR]);
  if (how === "startswith") return normalisePattern([...pattern, STAR]);
  return normalisePattern([STAR, ...pattern]);
}

/** Lowercases the literal parts of a pattern (case-insensitive matching compares lowered text). */
export function lowerPattern(pattern: Pattern): Pattern {
  return pattern.map((part) => {
    if (typeof part === "string") return part.toLowerCase();
    if (isAnyOf(part)) return { anyOf: part.anyOf.map((c) => c.toLowerCase()) };
    return part;
  });
}

/** Expands choice parts into plain patterns when there are few combinations; else undefined (use a regex). */
export function expandChoices(pattern: Pattern, limit = 25): Pattern[] | undefined {
  let variants: Pattern[] = [[]];
  for (const part of pattern) {
    if (isAnyOf(part)) {
      variants = variants.flatMap((v) => part.anyOf.map((c) => [...v, c]));
      if (variants.length > limit) return undefined;
    } else variants = variants.map((v) => [...v, part]);
  }
  return variants.map(normalisePattern);
}

export { parseSigmaString, ONE };
