import type { CorrelationDoc, RuleDoc } from "./schema";

/** Line of each top-level detection key, for errors and explanations. */
export type SelectionLines = Record<string, number | undefined>;

export interface ParsedRule {
  kind: "rule";
  doc: RuleDoc;
  file: string;
  line: number;
  selectionLines: SelectionLines;
}

export interface ParsedCorrelation {
  kind: "correlation";
  doc: CorrelationDoc;
  file: string;
  line: number;
}

export type ParsedDocument = ParsedRule | ParsedCorrelation;

/** Summary of a rule every consumer shows: CLI, API, viewer, coverage. */
export interface RuleInfo {
  id: string;
  title: string;
  level: string;
  tags: string[];
  /** ATT&CK technique IDs from tags (attack.t1059.001 → T1059.001). */
  techniques: string[];
  file: string;
}

export function techniquesFromTags(tags: readonly string[]): string[] {
  return tags
    .map((t) => /^attack\.(t\d{4}(?:\.\d{3})?)$/i.exec(t)?.[1]?.toUpperCase())
    .filter((t): t is string => t !== undefined);
}
