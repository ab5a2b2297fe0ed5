import { z } from "zod";

/** Inputs of the rule-set API and page. Every string is bounded so a huge field is a 400, not a slow path. */

export const ruleSetNameSchema = z
  .string({ error: "a name is required" })
  .trim()
  .min(1, "a name is required")
  .max(100, "at most 100 characters");

const description = z.string().trim().max(2_000, "at most 2,000 characters");
const ruleText = z
  .string({ error: "a rule text is required" })
  .min(1, "a rule text is required")
  .max(200_000, "at most 200,000 characters");

export const ruleSetCreateSchema = z.strictObject({
  name: ruleSetNameSchema,
  description: description.optional(),
  /** Optional first rule (pasted YAML). */
  rule: ruleText.optional(),
  /** Import every rule under this folder; it must lie inside SIGMA_RULES_DIR. */
  folder: z.string().trim().min(1).max(1_000, "at most 1,000 characters").optional(),
});
export type RuleSetCreate = z.infer<typeof ruleSetCreateSchema>;

export const ruleSetPatchSchema = z
  .strictObject({
    name: ruleSetNameSchema.optional(),
    description: description.optional(),
    /** Whether runs are matched against the set. */
    enabled: z.boolean({ error: "true or false" }).optional(),
  })
  .refine(
    (p) => p.name !== undefined || p.description !== undefined || p.enabled !== undefined,
    "send a name, a description or enabled",
  );

export const pasteRuleSchema = z.strictObject({ rule: ruleText });

export const ruleTestSchema = z.strictObject({
  rule: ruleText,
  events: z
    .string({ error: "events are required (evtx-json NDJSON)" })
    .min(1, "events are required (evtx-json NDJSON)")
    .max(240_000, "at most 240,000 characters of events"),
  logsource: z.enum(["strict", "ignore"]).optional(),
});

export const ruleSetViewQuerySchema = z.strictObject({
  q: z.string().trim().max(200, "at most 200 characters").optional(),
  status: z.enum(["ok", "out_of_scope", "error"]).optional(),
});
