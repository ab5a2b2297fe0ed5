import { lookup, type PreparedEvent } from "../events/prepared";
import type { CompiledRule } from "./compile";
import type { RuleMatch } from "./engine";
import { SigmaError } from "./errors";
import type { CountCondition } from "./schema";
import { techniquesFromTags, type ParsedCorrelation, type RuleInfo } from "./types";

/** A correlation rule bound to the rule IDs it counts over. */
export interface CompiledCorrelation {
  info: RuleInfo;
  type: "event_count" | "value_count" | "temporal" | "temporal_ordered";
  /** Referenced rule IDs, in the order the correlation lists them. */
  ruleIds: string[];
  groupBy: string[];
  timespanMs: number;
  condition?: CountCondition;
  /** alias → rule id → event field. */
  aliases: Record<string, Record<string, string>>;
}

export interface CorrelationMatch {
  rule: RuleInfo;
  type: CompiledCorrelation["type"];
  group: Record<string, string | null>;
  /** Input indexes of the events in the window that satisfied the condition. */
  events: number[];
  /** Event count, distinct value count, or number of distinct rules seen (temporal). */
  value: number;
}

/** Resolves rule references (by id or name) against loaded rules; unknown references are errors. */
export function compileCorrelation(
  parsed: ParsedCorrelation,
  rules: readonly CompiledRule[],
): CompiledCorrelation {
  const doc = parsed.doc;
  const byRef = new Map<string, CompiledRule>();
  for (const rule of rules) {
    byRef.set(rule.info.id, rule);
    if (rule.name) byRef.set(rule.name, rule);
  }
  const ruleIds = doc.correlation.rules.map((ref) => {
    const rule = byRef.get(ref);
    if (!rule)
      throw new SigmaError("CORRELATION", `correlation refers to rule '${ref}', which is not loaded`, {
        file: parsed.file,
        line: parsed.line,
      });
    return rule.info.id;
  });
  const aliases: Record<string, Record<string, string>> = {};
  for (const [alias, perRule] of Object.entries(doc.correlation.aliases ?? {})) {
    aliases[alias] = Object.fromEntries(
      Object.entries(perRule).map(([ref, field]) => [byRef.get(ref)?.info.id ?? ref, field]),
    );
  }
  const tags = doc.tags ?? [];
  return {
    info: {
      id: doc.id ?? doc.name ?? `${parsed.file}:${parsed.line}`,
      title: doc.title,
      level: doc.level ?? "medium",
      tags,
      techniques: techniquesFromTags(tags),
      file: parsed.file,
    },
    type: doc.correlation.type,
    ruleIds,
    groupBy: doc.correlation["group-by"],
    timespanMs: doc.correlation.timespan,
    condition: doc.correlation.condition,
    aliases,
  };
}

function holds(condition: CountCondition | undefined, n: number): boolean {
  if (!condition) return true;
  if (condition.gt !== undefined && !(n > condition.gt)) return false;
  if (condition.gte !== undefined && !(n >= condition.gte)) return false;
  if (condition.lt !== undefined && !(n < condition.lt)) return false;
  if (condition.lte !== undefined && !(n <= condition.lte)) return false;
  if (condition.eq !== undefined && n !== condition.eq) return false;
  return true;
}

interface Hit {
  ruleId: string;
  event: PreparedEvent;
  time: number;
}

function fieldText(correlation: CompiledCorrelation, hit: Hit, field: string): string | null {
  const name = correlation.aliases[field]?.[hit.ruleId] ?? field;
  return lookup(hit.event, name, name.toLowerCase())?.lower ?? null;
}

function windowValue(correlation: CompiledCorrelation, window: Hit[]): number {
  if (correlation.type === "event_count") return window.length;
  if (correlation.type === "value_count") {
    const field = correlation.condition?.field ?? "";
    return new Set(window.map((h) => fieldText(correlation, h, field)).filter((v) => v !== null)).size;
  }
  if (correlation.type === "temporal") return new Set(window.map((h) => h.ruleId)).size;
  let next = 0; // temporal_ordered: how far the rule list is seen in order
  for (const hit of window) if (hit.ruleId === correlation.ruleIds[next]) next++;
  return next;
}

function satisfied(correlation: CompiledCorrelation, value: number): boolean {
  if (correlation.type === "temporal" || correlation.type === "temporal_ordered")
    return value === new Set(correlation.ruleIds).size && holds(correlation.condition, value);
  return holds(correlation.condition, value);
}

/** Groups the base-rule matches, slides a timespan window per group and reports windows meeting the condition. */
export function evaluateCorrelations(
  correlations: readonly CompiledCorrelation[],
  matches: readonly RuleMatch[],
  events: readonly PreparedEvent[],
): CorrelationMatch[] {
  const out: CorrelationMatch[] = [];
  for (const correlation of correlations) {
    const wanted = new Set(correlation.ruleIds);
    const groups = new Map<string, { group: Record<string, string | null>; hits: Hit[] }>();
    for (const match of matches) {
      if (!wanted.has(match.rule.id)) continue;
      const event = events[match.event];
      const hit: Hit = { ruleId: match.rule.id, event, time: event.time ?? 0 };
      const group = Object.fromEntries(correlation.groupBy.map((f) => [f, fieldText(correlation, hit, f)]));
      const key = JSON.stringify(group);
      const entry = groups.get(key) ?? { group, hits: [] };
      entry.hits.push(hit);
      groups.set(key, entry);
    }
    for (const { group, hits } of groups.values()) {
      hits.sort((a, b) => a.time - b.time || a.event.index - b.event.index);
      let start = 0;
      while (start < hits.length) {
        let end = start;
        while (end < hits.length && hits[end].time - hits[start].time <= correlation.timespanMs) end++;
        const window = hits.slice(start, end);
        const value = windowValue(correlation, window);
        if (satisfied(correlation, value)) {
          out.push({
            rule: correlation.info,
            type: correlation.type,
            group,
            events: [...new Set(window.map((h) => h.event.index))],
            value,
          });
          start = end;
        } else start++;
      }
    }
  }
  return out;
}
