import { z } from "zod";

/** Field types and fields shared by every family of actions (see ../actions.ts for the reference forms). */

export const ref = z.string().min(1).max(200);
export const path = z.string().min(1).max(32_767);
export const hexMask = z.string().regex(/^0x[0-9a-fA-F]{1,16}$/, "expected hex like 0x1fffff");
export const ipv4 = z.string().regex(/^(\d{1,3})(\.\d{1,3}){3}$/, "expected an IPv4 address");

export const base = {
  /** Plan-local ID, unique within the plan. */
  id: z.string().min(1).max(100),
  /** Actions that must happen before this one. */
  after: z.array(z.string()).optional(),
  host: ref.optional(),
  /** Ground truth for every event this action renders; default "malicious" in steps, "benign" in noise. */
  verdict: z.enum(["malicious", "benign"]).optional(),
  /** Extra delay after the dependencies, in milliseconds (overrides the scheduler's gap). */
  delayMs: z.number().int().min(0).max(86_400_000).optional(),
};

/** Actions performed by a process carry `proc` (the actor). */
export const byProc = { ...base, proc: ref };
