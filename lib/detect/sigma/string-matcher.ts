import type { FieldEntry } from "../events/entry";
import { ONE, STAR, escapeRegex, normalisePattern, patternToRegexSource, type Pattern } from "./pattern";
import { expandChoices, lowerPattern } from "./values";

/** Tests one text value. Built once per rule value; at match time it only compares. */
export type TextTest = (text: string) => boolean;
export type EntryTest = (entry: FieldEntry) => boolean;

function plainTest(pattern: Pattern): TextTest {
  const [a, b, c] = pattern;
  if (pattern.length === 0) return (t) => t === "";
  if (pattern.length === 1 && typeof a === "string") return (t) => t === a;
  if (pattern.length === 1 && a === STAR) return () => true;
  if (pattern.length === 2 && typeof a === "string" && b === STAR) return (t) => t.startsWith(a);
  if (pattern.length === 2 && a === STAR && typeof b === "string") return (t) => t.endsWith(b);
  if (pattern.length === 3 && a === STAR && typeof b === "string" && c === STAR) return (t) => t.includes(b);
  const re = new RegExp(patternToRegexSource(pattern), "s");
  return (t) => re.test(t);
}

/** Compiles a wildcard pattern (with windash choices) into a text test; `cased` keeps case. */
export function compilePattern(pattern: Pattern, cased: boolean): TextTest {
  const prepared = normalisePattern(cased ? pattern : lowerPattern(pattern));
  const variants = expandChoices(prepared);
  if (!variants) {
    const re = new RegExp(patternToRegexSource(prepared), "s");
    return (t) => re.test(t);
  }
  const tests = variants.map(plainTest);
  return tests.length === 1 ? tests[0] : (t) => tests.some((test) => test(t));
}

/**
 * Compiles a set of patterns OR'ed together, grouped by kind: a Set for exact values, loops of startsWith /
 * endsWith / includes for the rest, regexes only for wildcards in the middle. One closure per field item.
 */
export function compilePatternSet(patterns: readonly Pattern[], cased: boolean): TextTest {
  const exact = new Set<string>();
  const starts: string[] = [];
  const ends: string[] = [];
  const contains: string[] = [];
  const regexes: RegExp[] = [];
  let any = false;
  for (const pattern of patterns) {
    const prepared = normalisePattern(cased ? pattern : lowerPattern(pattern));
    const variants = expandChoices(prepared);
    if (!variants) {
      regexes.push(new RegExp(patternToRegexSource(prepared), "s"));
      continue;
    }
    for (const v of variants) {
      const [a, b, c] = v;
      if (v.length === 0) exact.add("");
      else if (v.length === 1 && typeof a === "string") exact.add(a);
      else if (v.length === 1 && a === STAR) any = true;
      else if (v.length === 2 && typeof a === "string" && b === STAR) starts.push(a);
      else if (v.length === 2 && a === STAR && typeof b === "string") ends.push(b);
      else if (v.length === 3 && a === STAR && typeof b === "string" && c === STAR) contains.push(b);
      else regexes.push(new RegExp(patternToRegexSource(v), "s"));
    }
  }
  if (any) return () => true;
  // V8 compiles an alternation of literals into one scan: ~30x faster than a loop of includes() for long lists.
  if (contains.length >= 3) {
    regexes.push(new RegExp(contains.map(escapeRegex).join("|")));
    contains.length = 0;
  }
  return (t) => {
    if (exact.size && exact.has(t)) return true;
    for (let i = 0; i < ends.length; i++) if (t.endsWith(ends[i])) return true;
    for (let i = 0; i < starts.length; i++) if (t.startsWith(starts[i])) return true;
    for (let i = 0; i < contains.length; i++) if (t.includes(contains[i])) return true;
    for (let i = 0; i < regexes.length; i++) if (regexes[i].test(t)) return true;
    return false;
  };
}

/** Lifts a text test to a field entry: lowered or original text, any item of an array. */
export function entryTest(test: TextTest, cased: boolean): EntryTest {
  const single = cased
    ? (e: FieldEntry) => e.text !== null && test(e.text)
    : (e: FieldEntry) => e.lower !== null && test(e.lower);
  return (entry) => (entry.items ? entry.items.some(single) : single(entry));
}

/** True when a pattern is a bare `*` (any non-null value). */
export function isMatchAll(pattern: Pattern): boolean {
  return pattern.length === 1 && pattern[0] === STAR;
}

export { ONE };
