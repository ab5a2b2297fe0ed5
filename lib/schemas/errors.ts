import type { z } from "zod";

/** One validation problem, pointing at the field: `steps.0.technique`. */
export interface InputIssue {
  path: string;
  message: string;
}

export type ErrorCode =
  | "bad_request"
  | "validation_failed"
  | "not_found"
  | "unsupported_media_type"
  | "payload_too_large"
  | "conflict"
  | "generation_failed"
  | "internal";

/** The error body every route handler and server action returns: `{"error":{"code","message","issues"?}}`. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; issues?: InputIssue[] };
}

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  not_found: 404,
  unsupported_media_type: 415,
  payload_too_large: 413,
  conflict: 409,
  generation_failed: 422,
  internal: 500,
};

/** An expected failure with a code; throw it from lib/scenarios, map it at the edge. */
export class InputError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: InputIssue[],
  ) {
    super(message);
    this.name = "InputError";
  }

  get status(): number {
    return STATUS[this.code];
  }

  toBody(): ErrorBody {
    return {
      error: { code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) },
    };
  }
}

export function zodIssues(error: z.ZodError): InputIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join("."),
    message: issue.message,
  }));
}

/** Parses or throws an InputError whose message names the first bad field. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = zodIssues(result.error);
  const first = issues[0];
  const where = first?.path ? `${first.path}: ` : "";
  throw new InputError("validation_failed", `Invalid input — ${where}${first?.message ?? "invalid"}`, issues);
}

export const notFound = (what: string, id: string) => new InputError("not_found", `${what} ${id} not found`);
