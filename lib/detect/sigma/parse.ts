import { LineCounter, isMap, isScalar, isSeq, parseAllDocuments, type Document } from "yaml";
import { SigmaError } from "./errors";
import { correlationSchema, ruleSchema } from "./schema";
import type { ParsedDocument, SelectionLines } from "./types";

/** Largest rule file accepted (SigmaHQ's biggest is ~100 KB); bigger files are refused before parsing. */
export const MAX_RULE_FILE_BYTES = 1024 * 1024;

export interface ParseResult {
  documents: ParsedDocument[];
  errors: SigmaError[];
}

function lineOf(doc: Document, lines: LineCounter, path: ReadonlyArray<PropertyKey>): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth) as unknown[], true) as
      { range?: [number, number, number] } | undefined;
    if (node?.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}

/** Line of every key under `detection`, keyed "selection" and "selection/Field|mod" (for errors). */
function keyLines(doc: Document, lines: LineCounter): SelectionLines {
  const out: SelectionLines = {};
  const detection = doc.getIn(["detection"], true);
  if (!isMap(detection)) return out;
  for (const pair of detection.items) {
    if (!isScalar(pair.key) || !pair.key.range) continue;
    const name = String(pair.key.value);
    out[name] = lines.linePos(pair.key.range[0]).line;
    const maps = isMap(pair.value) ? [pair.value] : isSeq(pair.value) ? pair.value.items.filter(isMap) : [];
    for (const map of maps) {
      for (const inner of map.items) {
        if (isScalar(inner.key) && inner.key.range)
          out[`${name}/${String(inner.key.value)}`] ??= lines.linePos(inner.key.range[0]).line;
      }
    }
  }
  return out;
}

/**
 * Parses one rule file: every YAML document is a rule or a correlation. Each problem becomes a SigmaError
 * naming file and line; the other documents of the file still load.
 */
export function parseSigmaText(text: string, file: string): ParseResult {
  const size = Buffer.byteLength(text);
  if (size > MAX_RULE_FILE_BYTES) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    return {
      documents: [],
      errors: [
        new SigmaError(
          "FILE_TOO_LARGE",
          `rule file is ${mb(size)}, over the ${mb(MAX_RULE_FILE_BYTES)} limit`,
          { file },
        ),
      ],
    };
  }
  const lines = new LineCounter();
  const documents: ParsedDocument[] = [];
  const errors: SigmaError[] = [];
  for (const doc of parseAllDocuments(text, { lineCounter: lines })) {
    if (doc.errors.length > 0) {
      const first = doc.errors[0];
      const line = first.linePos?.[0]?.line;
      errors.push(new SigmaError("YAML", `invalid YAML: ${first.message.split("\n")[0]}`, { file, line }));
      continue;
    }
    let data: unknown;
    try {
      data = doc.toJS({ maxAliasCount: 50 });
    } catch (error) {
      errors.push(
        new SigmaError("YAML", `invalid YAML: ${(error as Error).message}`, {
          file,
          line: lineOf(doc, lines, []),
        }),
      );
      continue;
    }
    if (data === null || data === undefined) continue;
    const line = lineOf(doc, lines, []) ?? 1;
    if (typeof data !== "object" || Array.isArray(data)) {
      errors.push(new SigmaError("SCHEMA", "a rule must be a YAML map", { file, line }));
      continue;
    }
    const record = data as Record<string, unknown>;
    if ("action" in record) {
      errors.push(
        new SigmaError(
          "UNSUPPORTED",
          `Sigma 1 rule collections ('action: ${String(record.action)}') are not supported; split the file into Sigma 2 rules`,
          { file, line },
        ),
      );
      continue;
    }
    if ("filter" in record && !("detection" in record)) {
      errors.push(
        new SigmaError("UNSUPPORTED", "Sigma filter documents are not supported yet", { file, line }),
      );
      continue;
    }
    const schemaError = (issue: { path: PropertyKey[]; message: string }) =>
      new SigmaError("SCHEMA", `${issue.path.length ? `'${issue.path.join(".")}': ` : ""}${issue.message}`, {
        file,
        line: lineOf(doc, lines, issue.path) ?? line,
      });
    if ("correlation" in record) {
      const result = correlationSchema.safeParse(record);
      if (result.success) documents.push({ kind: "correlation", doc: result.data, file, line });
      else errors.push(schemaError(result.error.issues[0]));
    } else {
      const result = ruleSchema.safeParse(record);
      if (result.success)
        documents.push({ kind: "rule", doc: result.data, file, line, selectionLines: keyLines(doc, lines) });
      else errors.push(schemaError(result.error.issues[0]));
    }
  }
  return { documents, errors };
}
