import { compileRule, type CompileOptions, type CompiledRule } from "./compile";
import { compileCorrelation, type CompiledCorrelation } from "./correlation";
import { SigmaError, type SigmaWarning } from "./errors";
import { parseSigmaText } from "./parse";
import type { ParsedCorrelation } from "./types";

export interface RuleSource {
  file: string;
  text: string;
}

export interface RuleFailure {
  file: string;
  line?: number;
  code: string;
  error: string;
}

/** Everything a rule set compiled to: rules, correlations, what failed (with file and line) and warnings. */
export interface LoadedRules {
  rules: CompiledRule[];
  correlations: CompiledCorrelation[];
  failures: RuleFailure[];
  warnings: SigmaWarning[];
}

export function failureOf(error: SigmaError, file: string): RuleFailure {
  return {
    file: error.location?.file ?? file,
    line: error.location?.line,
    code: error.code,
    error: error.message,
  };
}

/**
 * Parses and compiles every source. A bad rule becomes a failure entry; the rest still load. Correlations
 * are bound after all rules so they may refer to rules in other files.
 */
export function compileSources(sources: readonly RuleSource[], options: CompileOptions = {}): LoadedRules {
  const loaded: LoadedRules = { rules: [], correlations: [], failures: [], warnings: [] };
  const pending: ParsedCorrelation[] = [];
  const compileOptions = { ...options, cache: options.cache ?? new Map() };
  for (const source of sources) {
    const { documents, errors } = parseSigmaText(source.text, source.file);
    for (const error of errors) loaded.failures.push(failureOf(error, source.file));
    for (const doc of documents) {
      if (doc.kind === "correlation") {
        pending.push(doc);
        continue;
      }
      try {
        const rule = compileRule(doc, compileOptions);
        loaded.rules.push(rule);
        loaded.warnings.push(...rule.warnings);
      } catch (error) {
        if (!(error instanceof SigmaError)) throw error;
        loaded.failures.push(failureOf(error, source.file));
      }
    }
  }
  for (const doc of pending) {
    try {
      loaded.correlations.push(compileCorrelation(doc, loaded.rules));
    } catch (error) {
      if (!(error instanceof SigmaError)) throw error;
      loaded.failures.push(failureOf(error, doc.file));
    }
  }
  return loaded;
}
