/** Why a model call failed; the loop maps these to a run status and the UI shows `message`. */
export type LlmErrorCode =
  | "config"
  | "timeout"
  | "aborted"
  | "rate_limited"
  | "server"
  | "http"
  | "connection"
  | "refusal"
  | "malformed"
  | "schema"
  | "truncated"
  | "budget";

export interface TokenUsage {
  prompt: number;
  completion: number;
}

export class LlmError extends Error {
  constructor(
    readonly code: LlmErrorCode,
    message: string,
    readonly details: { status?: number; refusal?: string; issues?: string[]; usage?: TokenUsage } = {},
  ) {
    super(message);
    this.name = "LlmError";
  }
}

export function isLlmError(error: unknown): error is LlmError {
  return error instanceof LlmError;
}
