import type { PlanBuilder } from "./builder";
import { expandPsVars } from "./env";

/** PowerShell text: tokens, statement splitting, string literals and parameter binding. */

/** PowerShell tokens: quoted strings, (…)/{…}/@(…)/$(…) groups and bare words, with their text kept. */
export function psTokens(text: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (i >= text.length) break;
    const start = i;
    let depth = 0;
    let quote: string | null = null;
    for (; i < text.length; i++) {
      const c = text[i];
      if (quote) {
        if (c === "`" && quote === '"') i++;
        else if (c === quote) {
          if (text[i + 1] === quote) i++;
          else quote = null;
        }
        continue;
      }
      if (c === "'" || c === '"') quote = c;
      else if (c === "(" || c === "{" || c === "[") depth++;
      else if (c === ")" || c === "}" || c === "]") depth = Math.max(0, depth - 1);
      else if (/\s/.test(c) && depth === 0) break;
      else if (c === "," && depth === 0) break;
    }
    tokens.push(text.slice(start, i));
    if (text[i] === ",") i++;
  }
  return tokens;
}

/** Splits script text at top-level `;`, newlines or `|` (outside quotes and brackets). */
export function psSplit(text: string, sep: ";" | "|"): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === "`" && quote === '"') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === "#" && depth === 0 && (i === 0 || /\s/.test(text[i - 1]))) {
      const nl = text.indexOf("\n", i);
      parts.push(text.slice(start, i));
      i = nl < 0 ? text.length : nl;
      start = i;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if ("({[".includes(c)) depth++;
    else if (")}]".includes(c)) depth = Math.max(0, depth - 1);
    else if (
      depth === 0 &&
      (sep === ";" ? c === ";" || c === "\n" : c === "|" && text[i + 1] !== "|" && text[i - 1] !== "|")
    ) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** A string literal's value with $env: expanded; null for expressions. */
export function literal(token: string | undefined, b: PlanBuilder): string | null {
  if (token === undefined) return null;
  let t = token.trim();
  if (/^\(.*\)$/s.test(t)) t = t.slice(1, -1).trim();
  if (/^'.*'$/s.test(t)) return t.slice(1, -1).replace(/''/g, "'");
  if (/^\$\w+$/.test(t)) return b.psVars.get(t.slice(1).toLowerCase()) ?? null;
  if (/^".*"$/s.test(t)) t = t.slice(1, -1);
  const v = expandPsVars(t, b.env).replace(
    /\$(\w+)/g,
    (m, name: string) => b.psVars.get(name.toLowerCase()) ?? m,
  );
  if (/\$[a-z_{(]/i.test(v)) return null;
  return v.replace(/`(.)/g, "$1");
}

export interface Bound {
  named: Map<string, string | true>;
  positional: string[];
}

const SWITCHES = new Set(
  "force recurse passthru usebasicparsing wait nonewwindow confirm whatif verbose debug asjob noprofile append nonewline erroraction".split(
    " ",
  ),
);

export function bind(tokens: string[]): Bound {
  const named = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const m = /^-([A-Za-z][\w]*)(?::(.+))?$/s.exec(t);
    if (m) {
      const name = m[1].toLowerCase();
      if (m[2] !== undefined) named.set(name, m[2]);
      else if (SWITCHES.has(name) && name !== "erroraction") named.set(name, true);
      else if (i + 1 < tokens.length && !/^-[A-Za-z]/.test(tokens[i + 1])) named.set(name, tokens[++i]);
      else named.set(name, true);
    } else positional.push(t);
  }
  return { named, positional };
}

export function param(bound: Bound, names: string[], position?: number): string | undefined {
  for (const n of names) {
    const v = bound.named.get(n);
    if (typeof v === "string") return v;
  }
  return position === undefined ? undefined : bound.positional[position];
}

/** Offsets inside a '…' or "…" string literal are data, not code. */
export function insideString(text: string, index: number): boolean {
  let quote: string | null = null;
  for (let i = 0; i < index; i++) {
    const c = text[i];
    if (quote) {
      if (c === "`") i++;
      else if (c === quote) quote = null;
    } else if (c === "'" || c === '"') quote = c;
  }
  return quote !== null;
}
