export { SigmaError, type SigmaWarning, type SourceLocation } from "./errors";
export { parseSigmaText, MAX_RULE_FILE_BYTES } from "./parse";
export { compileRule, firedSelections, type CompiledRule, type CompiledVariant } from "./compile";
export { compileSources, type LoadedRules, type RuleFailure, type RuleSource } from "./load";
export { SigmaEngine, type DetectionResult, type RuleMatch, type EngineOptions } from "./engine";
export {
  compileCorrelation,
  evaluateCorrelations,
  type CompiledCorrelation,
  type CorrelationMatch,
} from "./correlation";
export { techniquesFromTags, type RuleInfo, type ParsedRule, type ParsedDocument } from "./types";
export { DEFAULT_PLACEHOLDERS, type Placeholders } from "./values";
