import { z } from "zod";
import { scenarioCreateSchema } from "@/lib/schemas/scenario";

/** Inputs of scenario edits and lists that lib/db adds to lib/schemas (pure zod: the OpenAPI spec reads them). */

export const VISIBILITIES = ["private", "team", "public"] as const;
export type Visibility = (typeof VISIBILITIES)[number];
export const visibilitySchema = z.enum(VISIBILITIES, { error: "private, team or public" });

/**
 * An edit of a saved scenario: any of the builder's fields, at least one. Visibility may become `public`
 * here (sharing with every team is a deliberate change, not a creation default).
 */
export const scenarioUpdateSchema = scenarioCreateSchema
  .extend({ visibility: visibilitySchema.optional() })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { error: "nothing to change: send at least one field" });
export type ScenarioUpdateInput = z.input<typeof scenarioUpdateSchema>;

/** `team` (default): what the actor's team can see; `public`: every team's public scenarios. */
export const scenarioScopeSchema = z.enum(["team", "public"], { error: "team or public" });
export type ScenarioScope = z.infer<typeof scenarioScopeSchema>;
