import "server-only";
import path from "node:path";
import { existsSync } from "node:fs";
import { serverConfig } from "@/lib/config/server";
import {
  buildBundleTemplates,
  compileSources,
  expectedVsFired,
  readRuleSources,
  SigmaEngine,
} from "@/lib/detect";
import type { StepInput } from "@/lib/schemas/scenario";
import type { RenderedRun } from "./render";
import type { RunDetections } from "./types";

/**
 * Detection results for a run: the Sigma rules of SIGMA_RULES_DIR (compiled once per process) over the
 * run's evtx-json events, expected vs fired per step, and query templates built from the malicious events.
 */

interface LoadedEngine {
  source: string;
  engine: SigmaEngine;
  loaded: number;
  failed: number;
}

let loading: { dir: string; value: LoadedEngine | null } | null = null;

function rulesEngine(): LoadedEngine | null {
  const dir = serverConfig().SIGMA_RULES_DIR;
  if (!dir) return null;
  if (loading?.dir === dir) return loading.value;
  // Only Windows rules can fire on Windows events; reading the rest would only cost start-up time.
  const windows = path.join(dir, "windows");
  const root = existsSync(windows) ? windows : dir;
  const { sources, failures } = readRuleSources(root);
  const compiled = compileSources(sources);
  const value: LoadedEngine = {
    source: root,
    engine: new SigmaEngine(compiled.rules, compiled.correlations),
    loaded: compiled.rules.length,
    failed: failures.length + compiled.failures.length,
  };
  loading = { dir, value };
  return value;
}

export async function detectRun(steps: StepInput[], rendered: RenderedRun): Promise<RunDetections | null> {
  const events = rendered.rows.map((r) => r.raw);
  const stepEvents = steps.map((s, index) => ({
    id: String(index),
    technique: s.technique,
    title: `Step ${index + 1}`,
    maliciousEvents: rendered.labels.flatMap((l, i) =>
      l.step === index && l.verdict === "malicious" ? [i] : [],
    ),
  }));

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

  const loaded = rulesEngine();
  if (!loaded) {
    return {
      rules: { source: "none (SIGMA_RULES_DIR is not set)", loaded: 0, failed: 0 },
      steps: [],
      fired: [],
      templates,
    };
  }
  const result = loaded.engine.run(events);
  const coverage = expectedVsFired(loaded.engine.rules, result.matches, stepEvents);
  const byRule = new Map<
    string,
    { ruleId: string; title: string; level: string; techniques: string[]; events: number[] }
  >();
  for (const m of result.matches) {
    const entry = byRule.get(m.rule.id) ?? {
      ruleId: m.rule.id,
      title: m.rule.title,
      level: m.rule.level,
      techniques: m.rule.techniques,
      events: [],
    };
    if (!entry.events.includes(m.event)) entry.events.push(m.event);
    byRule.set(m.rule.id, entry);
  }
  return {
    rules: { source: loaded.source, loaded: loaded.loaded, failed: loaded.failed },
    steps: steps.map((s, index) => {
      const tech = coverage.techniques.find((t) => t.technique === s.technique.toUpperCase());
      return {
        step: index,
        technique: s.technique,
        expected: (tech?.rules ?? []).map((r) => ({
          ruleId: r.rule.id,
          title: r.rule.title,
          level: r.rule.level,
          fired: r.fired,
          events: r.truePositives.length ? r.truePositives : r.falsePositives,
        })),
      };
    }),
    fired: [...byRule.values()],
    templates,
  };
}
