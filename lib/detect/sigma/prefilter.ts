import type { ConditionNode } from "./condition";
import { parseSigmaString, type Pattern } from "./pattern";

/**
 * Index keys for the engine's second prefilter. A rule's "need" is a list of keys, at least one of which
 * must hold for the rule to match (a necessary condition derived from the detection), e.g.
 * `Image` base name is `rundll32.exe` OR `OriginalFileName` is `rundll32.exe`. The engine indexes rules by
 * these keys and only evaluates a rule when the event has one of them; rules with no need are always run.
 */
export interface NeedKey {
  field: string;
  /** "eq": lowered value equals; "base": lowered text after the last backslash equals; "sub": contains. */
  kind: "eq" | "base" | "sub";
  value: string;
}

type Need = NeedKey[] | null;

const INDEXABLE_MODS = new Set(["endswith", "startswith", "contains", "cased", "all"]);

/** The longest run of literal text in a pattern: any match must contain it. */
function longestLiteral(pattern: Pattern): string {
  let best = "";
  for (const part of pattern) if (typeof part === "string" && part.length > best.length) best = part;
  return best;
}

function patternNeed(
  field: string,
  pattern: Pattern,
  how: "eq" | "contains" | "startswith" | "endswith",
): NeedKey | null {
  const literal = pattern.every((p) => typeof p === "string") ? pattern.join("") : undefined;
  if (how === "eq" && literal !== undefined) return { field, kind: "eq", value: literal.toLowerCase() };
  if (how === "endswith" && literal !== undefined) {
    const at = literal.lastIndexOf("\\");
    if (at >= 0 && at < literal.length - 1)
      return { field, kind: "base", value: literal.slice(at + 1).toLowerCase() };
  }
  const sub = longestLiteral(pattern);
  return sub ? { field, kind: "sub", value: sub.toLowerCase() } : null;
}

/** Rough cost of evaluating the rules behind a key list: fewer, exact and longer keys are better. */
function cost(need: NeedKey[]): number {
  return need.reduce(
    (n, k) => n + (k.kind !== "sub" ? 1 : k.value.length >= 5 ? 2 : k.value.length >= 3 ? 6 : 40),
    0,
  );
}

function itemNeed(key: string, value: unknown, resolve: (f: string) => string): Need {
  const [field, ...mods] = key.split("|");
  if (!field || mods.some((m) => !INDEXABLE_MODS.has(m))) return null;
  const values = Array.isArray(value) ? value : [value];
  if (values.length === 0) return null;
  const how = mods.includes("contains")
    ? "contains"
    : mods.includes("startswith")
      ? "startswith"
      : mods.includes("endswith")
        ? "endswith"
        : "eq";
  const keys: NeedKey[] = [];
  for (const v of values) {
    if (typeof v !== "string" && typeof v !== "number") {
      if (mods.includes("all")) continue;
      return null;
    }
    const k = patternNeed(resolve(field), parseSigmaString(String(v)), how);
    if (k) keys.push(k);
    else if (!mods.includes("all")) return null;
  }
  if (keys.length === 0) return null;
  // |all: every value must hold, so the single best one is necessary.
  return mods.includes("all") ? best(keys.map((k) => [k])) : keys;
}

function best(needs: Need[]): Need {
  const known = needs.filter((n): n is NeedKey[] => n !== null);
  if (known.length === 0) return null;
  return known.reduce((a, b) => (cost(b) < cost(a) ? b : a));
}

function union(needs: Need[]): Need {
  if (needs.some((n) => n === null)) return null;
  return (needs as NeedKey[][]).flat();
}

export function selectionNeed(value: unknown, resolve: (f: string) => string): Need {
  if (Array.isArray(value)) {
    if (value.length === 0 || value.some((v) => typeof v !== "object" || v === null)) return null;
    return union(value.map((v) => selectionNeed(v, resolve)));
  }
  if (typeof value !== "object" || value === null) return null;
  return best(Object.entries(value).map(([k, v]) => itemNeed(k, v, resolve)));
}

/** Necessary keys of a condition, given the need of each selection. */
export function conditionNeed(node: ConditionNode, needs: ReadonlyMap<string, Need>): Need {
  switch (node.kind) {
    case "ref":
      return needs.get(node.name) ?? null;
    case "not":
      return null;
    case "and":
      return best(node.items.map((i) => conditionNeed(i, needs)));
    case "or":
      return union(node.items.map((i) => conditionNeed(i, needs)));
    case "of":
      return node.quantifier === "all"
        ? best(node.names.map((n) => needs.get(n) ?? null))
        : union(node.names.map((n) => needs.get(n) ?? null));
  }
}
