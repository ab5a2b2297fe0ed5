import { lookup, type PreparedEvent } from "../events/prepared";
import { cidrContains, parseCidr } from "./cidr";
import { SigmaError } from "./errors";
import { literalPattern, parseSigmaString, type Pattern } from "./pattern";
import { LinearRegex } from "./linear-regex";
import { MAX_REGEX_INPUT, assertSafeRegex } from "./regex-guard";
import { compilePatternSet, entryTest, type EntryTest } from "./string-matcher";
import {
  base64Offsets,
  encodeBytes,
  expandPlaceholders,
  requirePlain,
  toBase64,
  windash,
  wrap,
  type Placeholders,
  type Utf16,
} from "./values";

export type EventTest = (event: PreparedEvent) => boolean;

export interface CompileContext {
  /** Rule field name → event field name (logsource field mapping, e.g. Image → NewProcessName on 4688). */
  resolveField: (field: string) => string;
  placeholders: Placeholders;
  warn: (message: string) => void;
  /** Identical field items across rules share one test, memoised per event (see sharedTest). */
  cache?: Map<string, EventTest>;
}

/** Remembers the result for the last event: rules sharing an item (e.g. Image|endswith powershell.exe) test it once. */
function memo(test: EventTest): EventTest {
  let last: PreparedEvent | undefined;
  let result = false;
  return (event) => {
    if (event !== last) {
      last = event;
      result = test(event);
    }
    return result;
  };
}

export const MODIFIERS = new Set([
  "contains",
  "startswith",
  "endswith",
  "all",
  "re",
  "i",
  "m",
  "s",
  "base64",
  "base64offset",
  "utf16le",
  "utf16be",
  "utf16",
  "wide",
  "windash",
  "cidr",
  "exists",
  "fieldref",
  "lt",
  "lte",
  "gt",
  "gte",
  "expand",
  "cased",
]);

type Scalar = string | number | boolean | null;

function fieldTest(name: string, test: EntryTest): EventTest {
  const lower = name.toLowerCase();
  return (event) => {
    const entry = lookup(event, name, lower);
    return entry !== undefined && test(entry);
  };
}

function keywordTest(test: (text: string) => boolean): EventTest {
  return (event) => event.keywords().some(test);
}

function combine(tests: EventTest[], all: boolean): EventTest {
  if (tests.length === 1) return tests[0];
  return all ? (e) => tests.every((t) => t(e)) : (e) => tests.some((t) => t(e));
}

function regexTest(value: Scalar, mods: string[]): (text: string) => boolean {
  if (typeof value !== "string")
    throw new SigmaError("VALUE", `|re needs a string, got ${JSON.stringify(value)}`);
  let source = value;
  let flags = mods.filter((m) => m === "i" || m === "m" || m === "s").join("");
  const inline = /^\(\?([imsx]+)\)/.exec(source);
  if (inline) {
    source = source.slice(inline[0].length);
    flags += inline[1].replace(/x/g, "");
  }
  const unique = [...new Set(flags)].join("");
  let re: RegExp;
  try {
    re = new RegExp(source, unique);
  } catch (error) {
    throw new SigmaError("REGEX", `invalid regex '${value}': ${(error as Error).message}`);
  }
  try {
    assertSafeRegex(source);
  } catch (unsafe) {
    // Nested unbounded quantifiers: run it on the linear-time matcher instead of V8's backtracking one.
    try {
      const linear = new LinearRegex(source, unique);
      return (text) => linear.test(text);
    } catch (error) {
      throw new SigmaError("REGEX_UNSAFE", `${(unsafe as Error).message}; ${(error as Error).message}`);
    }
  }
  return (text) => re.test(text.length > MAX_REGEX_INPUT ? text.slice(0, MAX_REGEX_INPUT) : text);
}

function numberTest(value: Scalar, op: string): (text: string) => boolean {
  const limit = typeof value === "number" ? value : Number(value);
  if (typeof value === "boolean" || value === null || value === "" || !Number.isFinite(limit)) {
    throw new SigmaError("VALUE", `|${op} needs a number, got ${JSON.stringify(value)}`);
  }
  return (text) => {
    const n = Number(text);
    if (text.trim() === "" || Number.isNaN(n)) return false;
    return op === "lt" ? n < limit : op === "lte" ? n <= limit : op === "gt" ? n > limit : n >= limit;
  };
}

/** The patterns one raw value stands for after expand, windash, utf16 and base64 modifiers. */
function valuePatterns(value: Scalar, mods: string[], ctx: CompileContext): Pattern[] {
  if (value === null) return [];
  let patterns: Pattern[] =
    typeof value === "string"
      ? (mods.includes("expand") ? expandPlaceholders(value, ctx.placeholders, ctx.warn) : [value]).map(
          parseSigmaString,
        )
      : [literalPattern(String(value))];
  let encoding: Utf16 | "utf8" = "utf8";
  for (const mod of mods) {
    if (mod === "windash") patterns = patterns.map(windash);
    else if (mod === "utf16le" || mod === "wide") encoding = "utf16le";
    else if (mod === "utf16be" || mod === "utf16") encoding = mod;
    else if (mod === "base64")
      patterns = patterns.map((p) => literalPattern(toBase64(encodeBytes(requirePlain(p, mod), encoding))));
    else if (mod === "base64offset")
      patterns = patterns.flatMap((p) =>
        base64Offsets(encodeBytes(requirePlain(p, mod), encoding)).map(literalPattern),
      );
    else if (mod === "contains" || mod === "startswith" || mod === "endswith")
      patterns = patterns.map((p) => wrap(p, mod));
  }
  if (encoding !== "utf8" && !mods.includes("base64") && !mods.includes("base64offset")) {
    throw new SigmaError(
      "MODIFIER",
      "|utf16le, |utf16be, |utf16 and |wide must be followed by |base64 or |base64offset",
    );
  }
  return patterns;
}

function fieldrefTest(field: string, values: Scalar[], mods: string[], ctx: CompileContext): EventTest {
  const cased = mods.includes("cased");
  const how = mods.find((m) => m === "contains" || m === "startswith" || m === "endswith");
  const tests = values.map((value) => {
    if (typeof value !== "string")
      throw new SigmaError("VALUE", `|fieldref needs a field name, got ${JSON.stringify(value)}`);
    const other = ctx.resolveField(value);
    const otherLower = other.toLowerCase();
    return (event: PreparedEvent) => {
      const a = lookup(event, field, field.toLowerCase());
      const b = lookup(event, other, otherLower);
      const x = cased ? a?.text : a?.lower;
      const y = cased ? b?.text : b?.lower;
      if (x == null || y == null) return false;
      return how === "contains"
        ? x.includes(y)
        : how === "startswith"
          ? x.startsWith(y)
          : how === "endswith"
            ? x.endsWith(y)
            : x === y;
    };
  });
  return combine(tests, mods.includes("all"));
}

/** Compiles `Field|mod|mod: value(s)` (or a keyword list when the field is empty) into an event test. */
export function compileFieldItem(key: string, raw: unknown, ctx: CompileContext): EventTest {
  if (!ctx.cache) return buildFieldItem(key, raw, ctx);
  const [name, ...rest] = key.split("|");
  const cacheKey = `${name ? ctx.resolveField(name) : ""}|${rest.join("|")}\u0000${JSON.stringify(raw)}`;
  let test = ctx.cache.get(cacheKey);
  if (!test) {
    test = memo(buildFieldItem(key, raw, ctx));
    ctx.cache.set(cacheKey, test);
  }
  return test;
}

function buildFieldItem(key: string, raw: unknown, ctx: CompileContext): EventTest {
  const [fieldName, ...mods] = key.split("|");
  for (const mod of mods) {
    if (!MODIFIERS.has(mod)) throw new SigmaError("MODIFIER", `unknown modifier '${mod}' in '${key}'`);
  }
  const values: Scalar[] = (Array.isArray(raw) ? raw : [raw]).map((v) => {
    if (v === null || ["string", "number", "boolean"].includes(typeof v)) return v as Scalar;
    throw new SigmaError(
      "VALUE",
      `'${key}' holds a ${Array.isArray(v) ? "nested list" : "map"}; values must be strings, numbers, booleans or null`,
    );
  });
  const field = fieldName ? ctx.resolveField(fieldName) : "";
  const all = mods.includes("all");
  // base64 text is case-sensitive by nature: lowering it would match other byte sequences.
  const cased = mods.includes("cased") || mods.includes("base64") || mods.includes("base64offset");

  if (mods.includes("exists")) {
    if (!field || values.length !== 1 || typeof values[0] !== "boolean")
      throw new SigmaError("VALUE", `'${key}' needs a field and true or false`);
    const expected = values[0];
    const lower = field.toLowerCase();
    return (event) => {
      const entry = lookup(event, field, lower);
      return (entry !== undefined && entry.raw !== null) === expected;
    };
  }
  if (mods.includes("fieldref")) {
    if (!field) throw new SigmaError("VALUE", `'${key}': |fieldref needs a field`);
    return fieldrefTest(field, values, mods, ctx);
  }
  if (values.length === 0) return () => false;
  const plain =
    !["re", "cidr", "lt", "lte", "gt", "gte"].some((m) => mods.includes(m)) && !values.includes(null);
  // Without |all, the values of a plain item are one OR'ed pattern set: one closure, one field lookup.
  const groups: Scalar[][] = plain && !all ? [values] : values.map((v) => [v]);

  const tests: EventTest[] = groups.map((group) => {
    const value = group[0];
    let textTests: Array<(text: string) => boolean>;
    let casedMatch = cased;
    if (mods.includes("re")) {
      textTests = [regexTest(value, mods)];
      casedMatch = true; // case handled by the regex flags
    } else if (mods.includes("cidr")) {
      if (typeof value !== "string")
        throw new SigmaError("VALUE", `|cidr needs a network string, got ${JSON.stringify(value)}`);
      const cidr = parseCidr(value);
      textTests = [(text) => cidrContains(cidr, text)];
    } else if (mods.some((m) => m === "lt" || m === "lte" || m === "gt" || m === "gte")) {
      textTests = [
        numberTest(
          value,
          mods.find((m) => ["lt", "lte", "gt", "gte"].includes(m))!,
        ),
      ];
    } else if (value === null) {
      if (!field) throw new SigmaError("VALUE", "a keyword cannot be null");
      const lower = field.toLowerCase();
      return (event) => {
        const entry = lookup(event, field, lower);
        return entry === undefined || entry.raw === null;
      };
    } else {
      const patterns = group.flatMap((v) => valuePatterns(v, mods, ctx));
      const keyword = !field && !mods.some((m) => m === "contains" || m === "startswith" || m === "endswith");
      textTests = [compilePatternSet(keyword ? patterns.map((p) => wrap(p, "contains")) : patterns, cased)];
    }
    const text = textTests.length === 1 ? textTests[0] : (t: string) => textTests.some((test) => test(t));
    if (!field) {
      // Keywords are searched in lowercased values: |cased and case-sensitive regexes lose case there.
      if (casedMatch) ctx.warn(`keyword '${String(value)}' is matched case-insensitively`);
      return keywordTest(text);
    }
    return fieldTest(field, entryTest(text, casedMatch));
  });
  return combine(tests, all);
}
