import {
  SigmaError,
  compileCorrelation,
  compileRule,
  parseSigmaText,
  type CompiledRule,
  type LoadedRules,
  type ParsedDocument,
  type RuleSource,
} from "@/lib/detect";

/** One row of a rule set's table: what the rule says about itself and whether it loads. */
export interface RuleRow {
  /** Position in the set (0-based); stable between reads of the same version. */
  index: number;
  file: string;
  id: string;
  title: string;
  level: string;
  tags: string[];
  logsource: string;
  /** ok: compiles and sees Windows events; out_of_scope: compiles, no Windows log reaches it; error: refused. */
  status: "ok" | "out_of_scope" | "error";
  /** The first problem: parse/compile error with its line, or why the rule is out of scope. */
  problem?: string;
  line?: number;
}

export interface InspectedSet {
  rows: RuleRow[];
  loaded: LoadedRules;
}

function logsourceText(doc: ParsedDocument): string {
  if (doc.kind === "correlation") return "correlation";
  const logsource = doc.doc.logsource as Record<string, unknown>;
  return ["product", "category", "service"]
    .map((k) => logsource[k])
    .filter((v): v is string => typeof v === "string" && v !== "")
    .join(" / ");
}

function errorRow(index: number, file: string, error: SigmaError): RuleRow {
  return {
    index,
    file,
    id: "",
    title: file,
    level: "",
    tags: [],
    logsource: "",
    status: "error",
    problem: error.message,
    line: error.location?.line,
  };
}

/**
 * Parses each source once, compiles its documents (correlations last, so they may refer to rules in other
 * files) and describes every document as a row; YAML that yields no document becomes an error row.
 */
export function inspectSources(sources: readonly RuleSource[]): InspectedSet {
  const loaded: LoadedRules = { rules: [], correlations: [], failures: [], warnings: [] };
  const rows: RuleRow[] = [];
  const cache = new Map();
  const pending: Array<{ row: RuleRow; doc: ParsedDocument & { kind: "correlation" } }> = [];
  const fail = (row: RuleRow, error: SigmaError, file: string) => {
    row.status = "error";
    row.problem = error.message;
    row.line = error.location?.line;
    loaded.failures.push({ file, line: row.line, code: error.code, error: error.message });
  };
  for (const source of sources) {
    const { documents, errors } = parseSigmaText(source.text, source.file);
    for (const error of errors) {
      const row = errorRow(rows.length, source.file, error);
      rows.push(row);
      loaded.failures.push({ file: source.file, line: row.line, code: error.code, error: error.message });
    }
    for (const doc of documents) {
      const meta = doc.doc as { id?: string; title: string; level?: string; tags?: string[] };
      const row: RuleRow = {
        index: rows.length,
        file: source.file,
        id: meta.id ?? "",
        title: meta.title,
        level: meta.level ?? "",
        tags: meta.tags ?? [],
        logsource: logsourceText(doc),
        status: "ok",
      };
      rows.push(row);
      if (doc.kind === "correlation") {
        pending.push({ row, doc });
        continue;
      }
      let rule: CompiledRule;
      try {
        rule = compileRule(doc, { cache });
      } catch (error) {
        if (!(error instanceof SigmaError)) throw error;
        fail(row, error, source.file);
        continue;
      }
      loaded.rules.push(rule);
      loaded.warnings.push(...rule.warnings);
      if (rule.outOfScope) {
        row.status = "out_of_scope";
        row.problem = rule.outOfScope;
      }
    }
  }
  for (const { row, doc } of pending) {
    try {
      loaded.correlations.push(compileCorrelation(doc, loaded.rules));
    } catch (error) {
      if (!(error instanceof SigmaError)) throw error;
      fail(row, error, doc.file);
    }
  }
  return { rows, loaded };
}
