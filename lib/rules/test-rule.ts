import {
  EventsFormatError,
  SigmaEngine,
  compileSources,
  parseEventsText,
  prepareEvents,
  type RuleInfo,
} from "@/lib/detect";
import { InputError } from "@/lib/schemas/errors";

export const MAX_TEST_EVENTS = 5_000;

export interface RuleTestHit {
  /** 0-based index of the event in the pasted input. */
  event: number;
  ruleId: string;
  title: string;
  selections: string[];
  /** How the rule saw the event, e.g. "sysmon:1" or "security:4688". */
  source: string;
}

export interface RuleTestResult {
  rules: Array<Pick<RuleInfo, "id" | "title" | "level" | "tags"> & { outOfScope?: string }>;
  events: number;
  /** Events the rule's logsource let through (strict mode), i.e. those it was evaluated on. */
  evaluated: number;
  fired: RuleTestHit[];
  /** Events that no rule fired on, for a quick look. */
  quiet: number[];
  warnings: string[];
}

/**
 * Compiles the pasted rule(s) and runs them over pasted events. Bad YAML, bad rules and bad event JSON
 * become an InputError whose message and issues name the line.
 */
export function testRule(
  ruleText: string,
  eventsText: string,
  options: { logsource?: "strict" | "ignore" } = {},
): RuleTestResult {
  const loaded = compileSources([{ file: "rule.yml", text: ruleText }]);
  if (loaded.failures.length) {
    const issues = loaded.failures.map((f) => ({
      path: f.line ? `rule:${f.line}` : "rule",
      message: `${f.line ? `line ${f.line}: ` : ""}${f.error}`,
    }));
    throw new InputError("validation_failed", `The rule does not load — ${issues[0].message}`, issues);
  }
  if (loaded.rules.length === 0 && loaded.correlations.length === 0)
    throw new InputError("validation_failed", "The rule text holds no Sigma rule", [
      { path: "rule", message: "no rule in the text" },
    ]);
  let events: Record<string, unknown>[];
  try {
    events = parseEventsText(eventsText);
  } catch (error) {
    if (!(error instanceof EventsFormatError)) throw error;
    throw new InputError("validation_failed", `The events are not valid JSON — ${error.message}`, [
      { path: "events", message: error.message },
    ]);
  }
  if (events.length > MAX_TEST_EVENTS)
    throw new InputError("validation_failed", `At most ${MAX_TEST_EVENTS} events per test`, [
      { path: "events", message: `${events.length} events` },
    ]);
  // No key index: a handful of events, and `evaluated` should count what the logsource lets through.
  const engine = new SigmaEngine(loaded.rules, loaded.correlations, {
    logsource: options.logsource,
    keyIndex: false,
  });
  const prepared = prepareEvents(events);
  const seen = new Set<number>();
  let evaluated = 0;
  const fired: RuleTestHit[] = [];
  for (const event of prepared) {
    for (const m of engine.matchEvent(event, (n) => {
      if (n > 0 && !seen.has(event.index)) {
        seen.add(event.index);
        evaluated++;
      }
    })) {
      fired.push({
        event: m.event,
        ruleId: m.rule.id,
        title: m.rule.title,
        selections: m.selections,
        source: m.source,
      });
    }
  }
  const firedEvents = new Set(fired.map((f) => f.event));
  return {
    rules: loaded.rules.map((r) => ({
      id: r.info.id,
      title: r.info.title,
      level: r.info.level,
      tags: r.info.tags,
      ...(r.outOfScope ? { outOfScope: r.outOfScope } : {}),
    })),
    events: events.length,
    evaluated,
    fired,
    quiet: prepared.map((e) => e.index).filter((i) => !firedEvents.has(i)),
    warnings: loaded.warnings.map((w) => (w.location?.line ? `line ${w.location.line}: ` : "") + w.message),
  };
}
