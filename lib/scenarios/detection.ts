import "server-only";
import path from "node:path";
import { existsSync } from "node:fs";
import { serverConfig } from "@/lib/config/server";
import {
  buildBundleTemplates,
  compileSources,
  expectedVsFired,
  prepareEvents,
  readRuleSources,
  SigmaEngine,
} from "@/lib/detect";
import type { Actor } from "@/lib/db/actors";
import { teamDetectionSets, type DetectionSet } from "@/lib/rules/detection-sets";
import type { StepInput } from "@/lib/schemas/scenario";
import type { RenderedRun } from "./render";
import type { RunDetections } from "./types";

/**
 * Detection results for a run: the Sigma rules of SIGMA_RULES_DIR (compiled once per process) and of the
 * team's stored rule sets (compiled once per set version) over the run's evtx-json events, each fired rule
 * attributed to its set; expected vs fired per step; query templates built from the malicious events.
 */

export const BUILTIN_SET = { id: "sigmahq", name: "SigmaHQ (SIGMA_RULES_DIR)" } as const;

let loading: { dir: string; value: (DetectionSet & { source: string }) | null } | null = null;

function builtinSet(): (DetectionSet & { source: string }) | null {
  const dir = serverConfig().SIGMA_RULES_DIR;
  if (!dir || !existsSync(dir)) return null;
  if (loading?.dir === dir) return loading.value;
  // Only Windows rules can fire on Windows events; reading the rest would only cost start-up time.
  const windows = path.join(dir, "windows");
  const root = existsSync(windows) ? windows : dir;
  const { sources, failures } = readRuleSources(root);
  const compiled = compileSources(sources);
  const value = {
    ...BUILTIN_SET,
    source: root,
    engine: new SigmaEngine(compiled.rules, compiled.correlations),
    loaded: compiled.rules.length,
    failed: failures.length + compiled.failures.length,
  };
  loading = { dir, value };
  return value;
}

type StepEvents = { id: string; technique: string; title: string; maliciousEvents: number[] }[];

function templatesOf(events: unknown[], stepEvents: StepEvents): RunDetections["templates"] {
  const templates: RunDetections["templates"] = [];
  const built = buildBundleTemplates(events, stepEvents);
  for (const step of built.steps) {
    const index = Number(step.stepId);
    for (const q of step.queries) {
      templates.push({
        step: index,
        technique: step.technique,
        language: q.language === "kql" ? `kql-${q.target}` : "spl",
        title: `${q.language.toUpperCase()} ${q.target} · ${q.kind}`,
        query: q.query,
      });
    }
    for (const rule of step.sigma) {
      templates.push({
        step: index,
        technique: step.technique,
        language: "sigma",
        title: `Sigma · ${rule.kind}${rule.verified ? " (verified on this run)" : ""}`,
        query: rule.yaml,
      });
    }
  }
  for (const q of built.bundle) {
    templates.push({
      step: null,
      technique: null,
      language: `kql-${q.target}`,
      title: `KQL ${q.target} · whole run`,
      query: q.query,
    });
  }
  return templates;
}

/** The sets a run of this team is matched against: SIGMA_RULES_DIR (when set) then the team's own. */
export async function detectionSets(actor: Actor): Promise<{ sets: DetectionSet[]; source: string }> {
  const builtin = builtinSet();
  const team = await teamDetectionSets(actor);
  const sets = [...(builtin ? [builtin] : []), ...team];
  const names = [...(builtin ? [builtin.source] : []), ...team.map((s) => `rule set “${s.name}”`)];
  return {
    sets,
    source: names.length
      ? names.join(" + ")
      : "none (SIGMA_RULES_DIR is not set and the team has no rule sets)",
  };
}

export async function detectRun(
  actor: Actor,
  steps: StepInput[],
  rendered: RenderedRun,
): Promise<RunDetections | null> {
  const events = rendered.rows.map((r) => r.raw);
  const stepEvents: StepEvents = steps.map((s, index) => ({
    id: String(index),
    technique: s.technique,
    title: `Step ${index + 1}`,
    maliciousEvents: rendered.labels.flatMap((l, i) =>
      l.step === index && l.verdict === "malicious" ? [i] : [],
    ),
  }));
  const templates = templatesOf(events, stepEvents);
  const { sets, source } = await detectionSets(actor);

  const prepared = sets.length ? prepareEvents(events) : [];
  const expected: RunDetections["steps"] = steps.map((s, index) => ({
    step: index,
    technique: s.technique,
    expected: [],
  }));
  const fired = new Map<string, RunDetections["fired"][number]>();
  for (const set of sets) {
    const result = set.engine.run(prepared);
    const coverage = expectedVsFired(set.engine.rules, result.matches, stepEvents);
    for (const entry of expected) {
      const tech = coverage.techniques.find((t) => t.technique === entry.technique.toUpperCase());
      for (const r of tech?.rules ?? []) {
        entry.expected.push({
          ruleId: r.rule.id,
          title: r.rule.title,
          level: r.rule.level,
          fired: r.fired,
          events: r.truePositives.length ? r.truePositives : r.falsePositives,
          ruleSet: set.name,
        });
      }
    }
    for (const m of result.matches) {
      const key = `${set.id}\u0000${m.rule.id}`;
      const entry = fired.get(key) ?? {
        ruleId: m.rule.id,
        title: m.rule.title,
        level: m.rule.level,
        techniques: m.rule.techniques,
        events: [],
        ruleSet: set.name,
        ruleSetId: set.id,
      };
      if (!entry.events.includes(m.event)) entry.events.push(m.event);
      fired.set(key, entry);
    }
  }
  // Fired rules first whatever their set (the sort is stable: set order holds within each group).
  for (const entry of expected) entry.expected.sort((a, b) => Number(b.fired) - Number(a.fired));
  return {
    rules: {
      source,
      loaded: sets.reduce((n, s) => n + s.loaded, 0),
      failed: sets.reduce((n, s) => n + s.failed, 0),
      sets: sets.map((s) => ({ id: s.id, name: s.name, loaded: s.loaded, failed: s.failed })),
    },
    steps: sets.length ? expected : [],
    fired: [...fired.values()],
    templates,
  };
}
