import { z } from "zod";

/**
 * Inputs of the scenario surface, shared by server actions, route handlers and the CLI.
 * Bounds are deliberate: every string has a maximum so a 300 KB field is a 400, never a slow path.
 */

export const TECHNIQUE_ID = /^T\d{4}(\.\d{3})?$/;
export const OUTPUT_FORMATS = ["evtx-json", "evtx-xml", "ecs", "sentinel"] as const;
export const HOST_ROLES = ["workstation", "server", "dc"] as const;

const text = (max: number) => z.string().trim().max(max, `at most ${max} characters`);

export const techniqueIdSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(TECHNIQUE_ID, "an ATT&CK technique id such as T1059 or T1059.001");

export const stepInputSchema = z.strictObject({
  technique: techniqueIdSchema,
  /** Free-text action, parsed by the procedure library when no procedure is chosen. */
  action: text(2_000).optional(),
  /** Procedure id from the procedure library (lib/procedures); default: the technique's first procedure. */
  procedure: text(200).optional(),
  variant: text(200).optional(),
  /** Host the step runs on: a host name or a role reference such as "@workstation". */
  host: text(255).optional(),
  /** User the step runs as: a sAMAccountName or "@user". */
  user: text(255).optional(),
  /** Seconds after the previous step. */
  delaySeconds: z.number().min(0).max(86_400).optional(),
});
export type StepInput = z.infer<typeof stepInputSchema>;

export const hostInputSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,14}$/, "a NetBIOS host name (1-15 letters, digits or '-')"),
  role: z.enum(HOST_ROLES).default("workstation"),
});

export const userInputSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9._-]{1,20}$/, "a user name (1-20 letters, digits, '.', '_' or '-')"),
  admin: z.boolean().default(false),
});

export const environmentInputSchema = z.strictObject({
  domain: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{1,15}(\.[A-Za-z0-9-]{1,63}){0,4}$/, "a DNS domain such as corp.example")
    .optional(),
  hosts: z.array(hostInputSchema).max(20, "at most 20 hosts").optional(),
  users: z.array(userInputSchema).max(50, "at most 50 users").optional(),
});
export type EnvironmentInput = z.infer<typeof environmentInputSchema>;

export const seedSchema = z
  .number({ error: "a whole number" })
  .int("a whole number")
  .min(0, "at least 0")
  .max(2 ** 31 - 1, "at most 2147483647");

export const startTimeSchema = z.iso.datetime({
  offset: true,
  error: "an ISO 8601 date-time such as 2026-03-01T09:00:00Z",
});

export const formatsSchema = z
  .array(z.enum(OUTPUT_FORMATS))
  .min(1, "pick at least one format")
  .max(OUTPUT_FORMATS.length)
  .transform((list) => [...new Set(list)]);

export const scenarioCreateSchema = z.strictObject({
  title: text(200).min(1, "a title is required"),
  narrative: text(20_000).optional(),
  steps: z.array(stepInputSchema).min(1, "add at least one step").max(50, "at most 50 steps"),
  seed: seedSchema.optional(),
  startTime: startTimeSchema.optional(),
  environment: environmentInputSchema.optional(),
  formats: formatsSchema.optional(),
  tags: z.array(text(40).min(1)).max(20).optional(),
  /** Default team. `public` shares the scenario read-only with every team from the start. */
  visibility: z.enum(["private", "team", "public"], { error: "private, team or public" }).optional(),
});
export type ScenarioCreateInput = z.infer<typeof scenarioCreateSchema>;

export const runCreateSchema = z.strictObject({
  seed: seedSchema.optional(),
  formats: formatsSchema.optional(),
});
export type RunCreateInput = z.infer<typeof runCreateSchema>;

/** Opaque ids from the database: cuid/uuid-ish, bounded so junk never reaches a query. */
export const idSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, "an id");
