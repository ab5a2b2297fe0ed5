import { describe, expect, it } from "vitest";
import { seededRandom } from "./clock";
import { backoffDelay, isRetryableStatus, retryAfterMs, retryDelay } from "./retry";

const policy = { retries: 5, baseDelayMs: 500, maxDelayMs: 8_000 };

describe("retry policy", () => {
  it("retries 429, 408 and 5xx only", () => {
    expect([429, 408, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 422].some(isRetryableStatus)).toBe(false);
  });

  it("backs off exponentially within [ceiling/2, ceiling], capped, and is reproducible with a seed", () => {
    const a = seededRandom(7);
    const delays = [0, 1, 2, 3, 4, 5].map((n) => backoffDelay(n, policy, a));
    const ceilings = [500, 1000, 2000, 4000, 8000, 8000];
    delays.forEach((d, n) => {
      expect(d).toBeGreaterThanOrEqual(ceilings[n] / 2);
      expect(d).toBeLessThanOrEqual(ceilings[n]);
    });
    const b = seededRandom(7);
    expect([0, 1, 2, 3, 4, 5].map((n) => backoffDelay(n, policy, b))).toEqual(delays);
  });

  it("reads Retry-After as seconds, as an HTTP date, and retry-after-ms", () => {
    const now = Date.parse("2026-11-22T10:00:00Z");
    expect(retryAfterMs(new Headers({ "retry-after": "12" }), now)).toBe(12_000);
    expect(retryAfterMs({ "Retry-After": "Sun, 22 Nov 2026 10:00:30 GMT" }, now)).toBe(30_000);
    expect(retryAfterMs(new Headers({ "retry-after-ms": "250", "retry-after": "9" }), now)).toBe(250);
    expect(retryAfterMs(new Headers({ "retry-after": "soon" }), now)).toBeNull();
    expect(retryAfterMs(undefined, now)).toBeNull();
  });

  it("honours Retry-After over backoff but never beyond the cap", () => {
    const random = () => 0.5;
    expect(retryDelay(0, policy, random, new Headers({ "retry-after": "3" }), 0)).toBe(3_000);
    expect(retryDelay(0, policy, random, new Headers({ "retry-after": "3600" }), 0)).toBe(8_000);
    expect(retryDelay(1, policy, random, null, 0)).toBe(750);
  });
});
