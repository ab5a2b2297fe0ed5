/** Public API of the detection library: Sigma engine, log sources, events, rule sets, coverage, templates. */
export * from "./sigma";
export { prepareEvent, prepareEvents } from "./events/prepare";
export type { PreparedEvent } from "./events/prepared";
export { parseEventsText, EventsFormatError } from "./events/read";
export { readEventsFromZip, isEventsEntry, isSafeEntryName, EVENT_ZIP_LIMITS } from "./events/zip";
export {
  resolveLogsource,
  type LogTarget,
  type Logsource,
  type LogsourceResolution,
} from "./logsources/resolve";
export { readRuleSources } from "./rulesets/files";
export {
  FileRuleSetStore,
  ruleSetNameSchema,
  RuleSetError,
  type ImportReport,
  type RuleSetSummary,
} from "./rulesets/store";
export { extractRuleZip, RuleZipError, RULE_ZIP_LIMITS } from "./rulesets/zip";
export {
  expectedVsFired,
  coverageStepSchema,
  type CoverageReport,
  type CoverageStep,
  type TechniqueCoverage,
  type RuleExpectation,
} from "./coverage";
export {
  coversTechnique,
  detectJson,
  firedFor,
  groupByTechnique,
  TECHNIQUE_ID,
  type TechniqueGroup,
  type FiredRule,
} from "./report";
export {
  buildBundleTemplates,
  buildStepTemplates,
  templateStepSchema,
  type QueryTemplate,
  type StepTemplates,
  type TemplateStep,
  type GeneratedSigmaRule,
} from "./templates";
export { runConformance, type ConformanceReport } from "./conformance/report";
