import type { PreparedEvent } from "../events/prepared";
import { resolveLogsource, type LogTarget } from "../logsources/resolve";
import { compileCondition, parseCondition, referencedSelections, type ConditionNode } from "./condition";
import { SigmaError, type SigmaWarning } from "./errors";
import { compileFieldItem, type CompileContext, type EventTest } from "./field";
import { conditionNeed, selectionNeed, type NeedKey } from "./prefilter";
import { techniquesFromTags, type ParsedRule, type RuleInfo } from "./types";
import type { Placeholders } from "./values";

/** A rule compiled for one kind of event (its field mapping applied); evaluation only compares. */
export interface CompiledVariant {
  target: LogTarget;
  test: EventTest;
  selections: ReadonlyMap<string, EventTest>;
  /** Keys one of which must hold for a match (engine index), or null when none can be derived. */
  need: NeedKey[] | null;
}

export interface CompiledRule {
  info: RuleInfo;
  /** Rule `name` (correlations may refer to it), when set. */
  name?: string;
  variants: CompiledVariant[];
  /** The detection with no logsource filter and no mapping (used when logsource checking is off). */
  anyEvent: CompiledVariant;
  /** Selections the condition uses, in rule order (for "which selections fired"). */
  selectionNames: string[];
  outOfScope?: string;
  warnings: SigmaWarning[];
}

export interface CompileOptions {
  placeholders?: Placeholders;
  /** Shared across the rules of one set so identical field items are tested once per event. */
  cache?: Map<string, EventTest>;
}

type SelectionContext = CompileContext & { lineOf: (key: string) => number | undefined };

/** Compiles one field item; its errors point at the item's own line. */
function compileItem(name: string, key: string, value: unknown, ctx: SelectionContext): EventTest {
  try {
    return compileFieldItem(key, value, ctx);
  } catch (error) {
    if (error instanceof SigmaError && !error.location)
      throw new SigmaError(error.code, error.message, { file: "", line: ctx.lineOf(`${name}/${key}`) });
    throw error;
  }
}

function compileSelection(name: string, value: unknown, ctx: SelectionContext): EventTest {
  if (value === null || value === undefined) throw new SigmaError("VALUE", `selection '${name}' is empty`);
  if (Array.isArray(value)) {
    if (value.length === 0) throw new SigmaError("VALUE", `selection '${name}' is an empty list`);
    const scalars = value.filter((v) => typeof v !== "object" || v === null);
    const maps = value.filter((v) => typeof v === "object" && v !== null);
    const tests: EventTest[] = maps.map((m) => compileSelection(name, m, ctx));
    if (scalars.length) tests.push(compileFieldItem("", scalars, ctx));
    return tests.length === 1 ? tests[0] : (e) => tests.some((t) => t(e));
  }
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) throw new SigmaError("VALUE", `selection '${name}' is an empty map`);
    const tests = entries.map(([key, v]) => compileItem(name, key, v, ctx));
    return tests.length === 1 ? tests[0] : (e) => tests.every((t) => t(e));
  }
  return compileFieldItem("", value, ctx);
}

function eventTypeGuard(target: LogTarget, test: EventTest): EventTest {
  if (!target.eventTypes) return test;
  const allowed = new Set(target.eventTypes.map((t) => t.toLowerCase()));
  return (e) => {
    const type = e.fields.get("EventType")?.lower;
    return (type == null || allowed.has(type)) && test(e);
  };
}

function compileVariant(
  rule: ParsedRule,
  target: LogTarget,
  conditions: (names: string[]) => ConditionNode[],
  opts: CompileOptions,
  warnings: SigmaWarning[],
): CompiledVariant {
  const map = target.fieldMap;
  const ctx: SelectionContext = {
    resolveField: map ? (f) => map[f] ?? f : (f) => f,
    placeholders: opts.placeholders ?? {},
    cache: opts.cache,
    warn: (message) => {
      if (!warnings.some((w) => w.message === message))
        warnings.push({ message, location: { file: rule.file, line: rule.line } });
    },
    lineOf: (key: string) => rule.selectionLines[key],
  };
  const selections = new Map<string, EventTest>();
  for (const [name, value] of Object.entries(rule.doc.detection)) {
    if (name === "condition") continue;
    try {
      selections.set(name, compileSelection(name, value, ctx));
    } catch (error) {
      if (error instanceof SigmaError) {
        throw new SigmaError(error.code, `selection '${name}': ${error.message}`, {
          file: rule.file,
          line: error.location?.line ?? rule.selectionLines[name] ?? rule.line,
        });
      }
      throw error;
    }
  }
  const parsed = conditions([...selections.keys()]);
  const trees = parsed.map((tree) => compileCondition(tree, selections));
  const needs = new Map(
    Object.entries(rule.doc.detection).map(([name, value]) => [name, selectionNeed(value, ctx.resolveField)]),
  );
  const treeNeeds = parsed.map((tree) => conditionNeed(tree, needs));
  const need = treeNeeds.some((n) => n === null) ? null : treeNeeds.flatMap((n) => n!);
  const condition: EventTest = trees.length === 1 ? trees[0] : (e) => trees.some((t) => t(e));
  return { target, test: eventTypeGuard(target, condition), selections, need };
}

/** Compiles a parsed rule once per kind of event its logsource covers. Throws SigmaError with a location. */
export function compileRule(rule: ParsedRule, opts: CompileOptions = {}): CompiledRule {
  const doc = rule.doc;
  const warnings: SigmaWarning[] = [];
  const conditionTexts = Array.isArray(doc.detection.condition)
    ? doc.detection.condition
    : [doc.detection.condition];
  let selectionNames: string[] = [];
  const conditions = (names: string[]) => {
    try {
      const trees = conditionTexts.map((text) => parseCondition(String(text), names));
      const used = new Set<string>();
      trees.forEach((t) => referencedSelections(t, used));
      selectionNames = names.filter((n) => used.has(n));
      return trees;
    } catch (error) {
      if (error instanceof SigmaError)
        throw error.withLocation({ file: rule.file, line: rule.selectionLines.condition ?? rule.line });
      throw error;
    }
  };
  const resolution = resolveLogsource(doc.logsource);
  const anyEvent = compileVariant(
    rule,
    { label: "any", channels: null, eventIds: null },
    conditions,
    opts,
    warnings,
  );
  const variants = resolution.targets.map((target) =>
    target.fieldMap
      ? compileVariant(rule, target, conditions, opts, warnings)
      : { ...anyEvent, target, test: eventTypeGuard(target, anyEvent.test) },
  );
  const tags = doc.tags ?? [];
  return {
    info: {
      id: doc.id ?? doc.name ?? `${rule.file}:${rule.line}`,
      title: doc.title,
      level: doc.level ?? "medium",
      tags,
      techniques: techniquesFromTags(tags),
      file: rule.file,
    },
    name: doc.name,
    variants,
    anyEvent,
    selectionNames,
    outOfScope: resolution.outOfScope,
    warnings,
  };
}

/** Selections (of those the condition uses) that hold for an event, for explaining a match. */
export function firedSelections(
  rule: CompiledRule,
  variant: CompiledVariant,
  event: PreparedEvent,
): string[] {
  return rule.selectionNames.filter((name) => variant.selections.get(name)?.(event));
}
