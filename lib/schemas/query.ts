import { z } from "zod";
import { idSchema, techniqueIdSchema } from "./scenario";

/** Query-string inputs (GET /api/scenarios, GET /api/runs/{id}/events and the UI's React Query calls). */

const optionalParam = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `at most ${max} characters`)
    .transform((v) => (v === "" ? undefined : v))
    .optional();

const limit = (fallback: number, max: number) =>
  z.coerce
    .number({ error: "a whole number" })
    .int("a whole number")
    .min(1, "at least 1")
    .max(max, `at most ${max}`)
    .default(fallback);

const dateParam = z.iso
  .date({ error: "a date such as 2026-03-01" })
  .or(z.iso.datetime({ offset: true, error: "an ISO date or date-time" }))
  .optional();

export const scenarioListQuerySchema = z.strictObject({
  q: optionalParam(200),
  technique: techniqueIdSchema.optional(),
  tactic: z
    .string()
    .trim()
    .regex(/^[a-z-]{1,40}$/, "a tactic shortname such as execution")
    .optional(),
  author: optionalParam(100),
  from: dateParam,
  to: dateParam,
  cursor: idSchema.optional(),
  limit: limit(20, 100),
});
export type ScenarioListQuery = z.infer<typeof scenarioListQuerySchema>;

export const LABELS = ["malicious", "benign"] as const;

export const eventQuerySchema = z.strictObject({
  cursor: z.coerce.number().int().min(0, "at least 0").optional(),
  limit: limit(200, 5_000),
  host: optionalParam(255),
  channel: optionalParam(255),
  eventId: z.coerce.number({ error: "a number" }).int().min(0).max(65_535).optional(),
  technique: techniqueIdSchema.optional(),
  label: z.enum(LABELS).optional(),
  q: optionalParam(500),
  processGuid: optionalParam(64),
  logonId: optionalParam(32),
  image: optionalParam(520),
  parentProcessGuid: optionalParam(64),
  from: z.iso.datetime({ offset: true, error: "an ISO date-time" }).optional(),
  to: z.iso.datetime({ offset: true, error: "an ISO date-time" }).optional(),
  /** Include each event's evtx-json object (`raw=1`); the viewer's table leaves it out. */
  raw: z
    .enum(["0", "1", "true", "false"], { error: "0, 1, true or false" })
    .transform((v) => v === "1" || v === "true")
    .optional(),
});
export type EventQuery = z.infer<typeof eventQuerySchema>;

/** Turns URLSearchParams into a plain object; a repeated key keeps its last value. */
export function searchParamsObject(params: URLSearchParams): Record<string, string> {
  return Object.fromEntries(params.entries());
}
