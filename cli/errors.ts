/** Exit codes shared by every command: 0 success, 1 a failed check, 2 bad usage. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** Bad usage: unknown option, bad value, missing argument. Printed as one line; exit 2. */
export class UsageError extends Error {
  readonly exitCode = EXIT.usage;
}

/** A check that ran and failed (validation violations, expected rule did not fire, bad signature); exit 1. */
export class CheckFailed extends Error {
  readonly exitCode = EXIT.failed;
}
