import { LlmError, type TokenUsage } from "./errors";

/** Rough count for servers that send no usage: about four characters a token. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** Tokens spent by one run, against MIMICRY_LLM_TOKEN_BUDGET. */
export class TokenMeter {
  prompt = 0;
  completion = 0;
  /** True once any usage had to be estimated. */
  estimated = false;

  constructor(readonly budget: number) {}

  get total(): number {
    return this.prompt + this.completion;
  }

  get exceeded(): boolean {
    return this.total >= this.budget;
  }

  ensureRemaining(): void {
    if (this.exceeded) {
      throw new LlmError(
        "budget",
        `token budget exhausted: ${this.total} of ${this.budget} tokens used (MIMICRY_LLM_TOKEN_BUDGET)`,
        { usage: { prompt: this.prompt, completion: this.completion } },
      );
    }
  }

  /** Adds the server's usage, or an estimate from the texts when it sent none; returns what was added. */
  charge(usage: TokenUsage | null, promptText: string, completionText: string): TokenUsage {
    const added = usage ?? { prompt: estimateTokens(promptText), completion: estimateTokens(completionText) };
    if (!usage) this.estimated = true;
    this.prompt += added.prompt;
    this.completion += added.completion;
    return added;
  }
}
