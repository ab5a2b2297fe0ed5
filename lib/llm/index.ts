/** lib/llm's public surface: the agent loop, its trace, settings and the connection test. */
export { runAgentLoop, type RunAgentLoopInput, type AgentLoopResult, type AgentStepInput } from "./run";
export {
  summarizeTrace,
  type LlmTrace,
  type LlmTraceRound,
  type RunStatus,
  type TraceSummary,
  type DeterministicSummary,
} from "./trace";
export {
  llmSettings,
  publicLlmSettings,
  type LlmSettings,
  type PublicLlmSettings,
  type LlmMode,
} from "./settings";
export { testConnection, type ConnectionResult } from "./connection";
export type { PlanDiffOp } from "./diff";
export type { AgentPlan, PlanStep } from "./plan";
export type { JudgeScores, Critique } from "./judge";
export { LlmError, type LlmErrorCode } from "./errors";
