import { z } from "zod";
import { Action } from "./actions";
import { formatIds } from "./formats/types";

/** A scenario: the estate, when, the seed, and the steps an attacker takes. Every field has a seeded default. */

const netbios = z
  .string()
  .regex(/^[A-Za-z0-9-]{1,15}$/, "NetBIOS names are 1-15 letters, digits or hyphens")
  .transform((s) => s.toUpperCase());

export const HostSpec = z.object({
  name: netbios,
  role: z.enum(["workstation", "server", "dc"]),
  ip: z
    .string()
    .regex(/^(\d{1,3})(\.\d{1,3}){3}$/)
    .optional(),
  os: z.enum(["win10", "win11", "server2019", "server2022"]).optional(),
});
export type HostSpec = z.infer<typeof HostSpec>;

export const UserSpec = z.object({
  sam: z.string().regex(/^[A-Za-z0-9._-]{1,20}$/, "sAMAccountName: 1-20 letters, digits, . _ -"),
  fullName: z.string().max(256).optional(),
  admin: z.boolean().default(false),
  /** Local account on this host instead of a domain account. */
  localOn: netbios.optional(),
});
export type UserSpec = z.infer<typeof UserSpec>;

export const EnvironmentSpec = z.object({
  domain: z
    .object({
      netbios: netbios.optional(),
      dns: z
        .string()
        .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i)
        .optional(),
      sid: z
        .string()
        .regex(/^S-1-5-21-\d+-\d+-\d+$/)
        .optional(),
    })
    .default({}),
  /** Default: two workstations, a file server and a domain controller, named from the seed. */
  hosts: z.array(HostSpec).max(50).optional(),
  /** Default: a handful of seeded users; the first non-admin is the interactive user. */
  users: z.array(UserSpec).max(500).optional(),
  /** sAMAccountName of the user logged on interactively at the workstations. */
  interactiveUser: z.string().optional(),
});
export type EnvironmentSpec = z.infer<typeof EnvironmentSpec>;

export const techniqueId = z
  .string()
  .regex(/^T\d{4}(\.\d{3})?$/, "technique IDs look like T1059 or T1059.001");

export const StepSpec = z
  .object({
    technique: techniqueId,
    /** Procedure ID from lib/procedures/registry.ts; default: the technique's first procedure. */
    procedure: z.string().max(200).optional(),
    variant: z.string().max(200).optional(),
    /** Free text describing the step (the parser turns it into a plan when no procedure/plan is given). */
    text: z.string().max(10_000).optional(),
    /** An explicit plan, e.g. from the LLM planner. */
    plan: z.array(Action).max(10_000).optional(),
    /** Host reference for the step (default "@workstation"). */
    host: z.string().max(255).optional(),
    /** User reference for the step (default "@user"). */
    user: z.string().max(255).optional(),
    /** Seconds after the previous step (default: seeded 20-90 s of "operator time"). */
    delaySeconds: z.number().min(0).max(86_400).optional(),
  })
  .strict();
export type StepSpec = z.infer<typeof StepSpec>;

export const NoiseSpec = z.object({
  level: z.enum(["none", "low", "normal", "high"]).default("normal"),
  /** Benign activity window per host, seconds, around the steps. */
  durationSeconds: z
    .number()
    .int()
    .min(0)
    .max(7 * 86_400)
    .optional(),
  /** Mean bursts of benign activity per minute per host; overrides `level` (bench, stress runs). */
  burstsPerMinute: z.number().min(0).max(100_000).optional(),
});

export const ScenarioSpec = z
  .object({
    name: z.string().max(200).default("scenario"),
    seed: z.number().int().min(0).max(0xffffffff).default(1),
    start: z.iso.datetime({ offset: true }).default("2026-03-02T09:14:00Z"),
    environment: EnvironmentSpec.default({ domain: {} }),
    steps: z.array(StepSpec).max(1000).default([]),
    noise: NoiseSpec.default({ level: "normal" }),
    formats: z.array(z.enum(formatIds)).min(1).default(["evtx-json"]),
  })
  .strict();
export type ScenarioSpec = z.infer<typeof ScenarioSpec>;
export type ScenarioSpecInput = z.input<typeof ScenarioSpec>;
