export interface RetryPolicy {
  /** Attempts after the first. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 4, baseDelayMs: 500, maxDelayMs: 30_000 };

export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 408 || status >= 500;
}

/** "Full jitter" backoff: a random delay in [base*2^n / 2, base*2^n], capped. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

type HeaderSource = Headers | Record<string, string | null | undefined> | undefined | null;

function header(headers: HeaderSource, name: string): string | null {
  if (!headers) return null;
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name);
  const record = headers as Record<string, string | null | undefined>;
  const key = Object.keys(record).find((k) => k.toLowerCase() === name);
  return key ? (record[key] ?? null) : null;
}

/** Milliseconds the server asked us to wait (retry-after-ms, Retry-After seconds or HTTP date), or null. */
export function retryAfterMs(headers: HeaderSource, now: number): number | null {
  const ms = header(headers, "retry-after-ms");
  if (ms && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  const value = header(headers, "retry-after");
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.max(0, Math.round(Number(value) * 1000));
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** The wait before retry `attempt` (0-based): the server's Retry-After when given (capped), else backoff. */
export function retryDelay(
  attempt: number,
  policy: RetryPolicy,
  random: () => number,
  headers: HeaderSource,
  now: number,
): number {
  const asked = retryAfterMs(headers, now);
  if (asked !== null) return Math.min(asked, policy.maxDelayMs);
  return backoffDelay(attempt, policy, random);
}
