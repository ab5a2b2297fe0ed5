import { SigmaError } from "./errors";

/**
 * Catastrophic backtracking guard. JavaScript regexes cannot be interrupted, so time is bounded two ways:
 * 1. at compile time, patterns with nested unbounded quantifiers (star height > 1, e.g. `(a+)+`, `(\w*\s)*`)
 *    are detected — the classic exponential shape — and run on LinearRegex (a Pike VM, linear time) instead
 *    of V8's backtracking engine; patterns that matcher cannot express (lookarounds, backreferences) are refused;
 * 2. at match time, the input is capped to MAX_REGEX_INPUT characters, which bounds the polynomial cases
 *    (`\s*\s*\s*x`) that remain.
 */
export const MAX_REGEX_INPUT = 32_768;

interface Frame {
  unbounded: boolean;
}

function quantifierAt(source: string, i: number): { unbounded: boolean; length: number } | undefined {
  const c = source[i];
  if (c === "*" || c === "+")
    return { unbounded: true, length: source[i + 1] === "?" || source[i + 1] === "+" ? 2 : 1 };
  if (c === "?") return { unbounded: false, length: 1 };
  if (c === "{") {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
    if (m) return { unbounded: m[2] !== undefined && m[3] === "", length: m[0].length };
  }
  return undefined;
}

/** Throws REGEX_UNSAFE when the pattern nests unbounded quantifiers. */
export function assertSafeRegex(source: string): void {
  const stack: Frame[] = [{ unbounded: false }];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") {
      i++;
      const q = quantifierAt(source, i + 1);
      if (q?.unbounded) stack[stack.length - 1].unbounded = true;
      continue;
    }
    if (inClass) {
      if (c === "]") {
        inClass = false;
        const q = quantifierAt(source, i + 1);
        if (q?.unbounded) stack[stack.length - 1].unbounded = true;
      }
      continue;
    }
    if (c === "[") {
      inClass = true;
      if (source[i + 1] === "]") i++;
      continue;
    }
    if (c === "(") {
      stack.push({ unbounded: false });
      continue;
    }
    if (c === ")") {
      const group = stack.length > 1 ? stack.pop()! : { unbounded: false };
      const q = quantifierAt(source, i + 1);
      if (q?.unbounded && group.unbounded) {
        throw new SigmaError(
          "REGEX_UNSAFE",
          `regex '${source}' nests unbounded quantifiers (catastrophic backtracking); rewrite it without a repeated group that itself repeats`,
        );
      }
      if (group.unbounded || q?.unbounded) stack[stack.length - 1].unbounded = true;
      if (q) i += q.length;
      continue;
    }
    const q = quantifierAt(source, i);
    if (q) {
      if (q.unbounded) stack[stack.length - 1].unbounded = true;
      i += q.length - 1;
    }
  }
}
