/**
 * Sigma string values as patterns: literal text, `*` and `?` wildcards, and character choices (windash).
 * Escaping follows pySigma: `\*`, `\?` and `\\` are literal; a backslash before anything else stays a backslash.
 */
export const STAR = { wildcard: "*" } as const;
export const ONE = { wildcard: "?" } as const;
export interface AnyOf {
  anyOf: string[];
}
export type PatternPart = string | typeof STAR | typeof ONE | AnyOf;
export type Pattern = PatternPart[];

export function isAnyOf(part: PatternPart): part is AnyOf {
  return typeof part === "object" && "anyOf" in part;
}

/** Parses a Sigma string value into a pattern, honouring wildcards and escapes. */
export function parseSigmaString(text: string): Pattern {
  const parts: Pattern = [];
  let literal = "";
  const flush = () => {
    if (literal) parts.push(literal);
    literal = "";
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\\") {
      const next = text[i + 1];
      if (next === "*" || next === "?" || next === "\\") {
        literal += next;
        i++;
      } else literal += c;
    } else if (c === "*" || c === "?") {
      flush();
      parts.push(c === "*" ? STAR : ONE);
    } else literal += c;
  }
  flush();
  return parts;
}

/** A pattern with no wildcards at all (used for base64 output and numbers). */
export function literalPattern(text: string): Pattern {
  return text ? [text] : [];
}

/** Merges adjacent literals and collapses repeated `*`. */
export function normalisePattern(parts: Pattern): Pattern {
  const out: Pattern = [];
  for (const part of parts) {
    const last = out[out.length - 1];
    if (typeof part === "string") {
      if (!part) continue;
      if (typeof last === "string") out[out.length - 1] = last + part;
      else out.push(part);
    } else if (part === STAR && last === STAR) continue;
    else out.push(part);
  }
  return out;
}

/** Text of a pattern that has no wildcard or choice, else undefined. */
export function plainText(pattern: Pattern): string | undefined {
  let text = "";
  for (const part of pattern) {
    if (typeof part !== "string") return undefined;
    text += part;
  }
  return text;
}

/** Renders a pattern back to Sigma string syntax (wildcards live, literals escaped). */
export function patternToSigma(pattern: Pattern): string {
  return pattern
    .map((part) => {
      if (part === STAR) return "*";
      if (part === ONE) return "?";
      if (isAnyOf(part)) return part.anyOf[0];
      return (part as string).replace(/[\\*?]/g, (c) => `\\${c}`);
    })
    .join("");
}

const REGEX_SPECIAL = /[.*+?^${}()|[\]\\/-]/g;
export function escapeRegex(text: string): string {
  return text.replace(REGEX_SPECIAL, "\\$&");
}

/** Regex source of a pattern, anchored. `*` may span newlines (dotAll set by the caller). */
export function patternToRegexSource(pattern: Pattern): string {
  let source = "^";
  for (const part of pattern) {
    if (part === STAR) source += ".*";
    else if (part === ONE) source += ".";
    else if (isAnyOf(part)) source += `(?:${part.anyOf.map(escapeRegex).join("|")})`;
    else source += escapeRegex(part as string);
  }
  return `${source}$`;
}
