import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { parseEventsText } from "../events/read";
import { prepareEvents } from "../events/prepare";
import { SigmaEngine } from "../sigma/engine";
import type { LoadedRules } from "../sigma/load";

const infoSchema = z.object({
  rule_metadata: z.array(z.object({ id: z.string(), title: z.string().optional() })).min(1),
  regression_tests_info: z
    .array(
      z.object({
        name: z.string().optional(),
        type: z.string().optional(),
        match_count: z.number().int().optional(),
        path: z.string().optional(),
      }),
    )
    .min(1),
});

export interface RegressionCase {
  dir: string;
  ruleId: string;
  title?: string;
  eventsFile: string;
  /** From info.yml; when absent every event in the file must fire the rule. */
  matchCount?: number;
}

export interface RegressionOutcome {
  case: RegressionCase;
  events: number;
  fired: number;
  passed: boolean;
  reason?: string;
}

function findInfoFiles(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) findInfoFiles(path, out);
    else if (entry.name === "info.yml") out.push(path);
  }
}

/** SigmaHQ regression cases: each info.yml names a rule and the JSON file of real events it must fire on. */
export function loadRegressionCases(root: string): RegressionCase[] {
  const infos: string[] = [];
  findInfoFiles(root, infos);
  return infos.sort().flatMap((infoPath) => {
    const dir = infoPath.slice(0, -"/info.yml".length);
    const info = infoSchema.parse(parse(readFileSync(infoPath, "utf8")));
    return info.regression_tests_info.map((test) => {
      const ruleId = info.rule_metadata[0].id;
      const base = test.path
        ? test.path
            .split("/")
            .pop()!
            .replace(/\.evtx$/, ".json")
        : `${ruleId}.json`;
      const candidate = join(dir, base);
      const eventsFile = existsSync(candidate)
        ? candidate
        : join(dir, readdirSync(dir).find((f) => f.endsWith(".json")) ?? base);
      return {
        dir: relative(root, dir),
        ruleId,
        title: info.rule_metadata[0].title,
        eventsFile,
        matchCount: test.match_count,
      };
    });
  });
}

/** Runs each case: the named rule must fire on match_count of the file's events (all of them if unset). */
export function runRegression(cases: readonly RegressionCase[], loaded: LoadedRules): RegressionOutcome[] {
  const byId = new Map(loaded.rules.map((r) => [r.info.id, r]));
  return cases.map((c) => {
    const rule = byId.get(c.ruleId);
    if (!rule)
      return { case: c, events: 0, fired: 0, passed: false, reason: `rule ${c.ruleId} is not loaded` };
    let events;
    try {
      events = prepareEvents(parseEventsText(readFileSync(c.eventsFile, "utf8")));
    } catch (error) {
      return {
        case: c,
        events: 0,
        fired: 0,
        passed: false,
        reason: `events unreadable: ${(error as Error).message}`,
      };
    }
    const engine = new SigmaEngine([rule]);
    const fired = new Set(engine.run(events).matches.map((m) => m.event)).size;
    const expected = c.matchCount ?? events.length;
    const passed = fired === expected;
    return {
      case: c,
      events: events.length,
      fired,
      passed,
      reason: passed ? undefined : `fired on ${fired} of ${events.length} events, expected ${expected}`,
    };
  });
}
