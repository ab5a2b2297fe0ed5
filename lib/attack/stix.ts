import { z } from "zod";

/**
 * The part of the STIX 2.1 bundle that the index reads, validated with zod. Objects of other types only need
 * `type` and `id`; unknown fields pass through (ATT&CK adds fields between releases).
 */

const externalReference = z.looseObject({
  source_name: z.string(),
  external_id: z.string().optional(),
  url: z.string().optional(),
  description: z.string().optional(),
});

const common = {
  id: z.string().min(1),
  name: z.string(),
  description: z.string().optional(),
  revoked: z.boolean().optional(),
  x_mitre_deprecated: z.boolean().optional(),
  x_mitre_version: z.string().optional(),
  external_references: z.array(externalReference).optional(),
};

export const attackPatternSchema = z.looseObject({
  type: z.literal("attack-pattern"),
  ...common,
  kill_chain_phases: z
    .array(z.looseObject({ kill_chain_name: z.string(), phase_name: z.string() }))
    .optional(),
  x_mitre_platforms: z.array(z.string()).optional(),
  x_mitre_is_subtechnique: z.boolean().optional(),
});

export const tacticSchema = z.looseObject({
  type: z.literal("x-mitre-tactic"),
  ...common,
  x_mitre_shortname: z.string().min(1),
});

export const matrixSchema = z.looseObject({
  type: z.literal("x-mitre-matrix"),
  ...common,
  tactic_refs: z.array(z.string()),
});

export const collectionSchema = z.looseObject({
  type: z.literal("x-mitre-collection"),
  ...common,
});

export const courseOfActionSchema = z.looseObject({ type: z.literal("course-of-action"), ...common });

export const detectionStrategySchema = z.looseObject({
  type: z.literal("x-mitre-detection-strategy"),
  ...common,
  x_mitre_analytic_refs: z.array(z.string()).optional(),
});

export const analyticSchema = z.looseObject({
  type: z.literal("x-mitre-analytic"),
  ...common,
  x_mitre_platforms: z.array(z.string()).optional(),
  x_mitre_log_source_references: z
    .array(
      z.looseObject({
        x_mitre_data_component_ref: z.string().optional(),
        name: z.string(),
        channel: z.string(),
      }),
    )
    .optional(),
  x_mitre_mutable_elements: z.array(z.looseObject({ field: z.string(), description: z.string() })).optional(),
});

export const dataComponentSchema = z.looseObject({ type: z.literal("x-mitre-data-component"), ...common });

export const relationshipSchema = z.looseObject({
  type: z.literal("relationship"),
  id: z.string().min(1),
  relationship_type: z.string(),
  source_ref: z.string(),
  target_ref: z.string(),
  description: z.string().optional(),
  revoked: z.boolean().optional(),
  x_mitre_deprecated: z.boolean().optional(),
});

export type StixAttackPattern = z.infer<typeof attackPatternSchema>;
export type StixTactic = z.infer<typeof tacticSchema>;
export type StixMatrix = z.infer<typeof matrixSchema>;
export type StixCollection = z.infer<typeof collectionSchema>;
export type StixCourseOfAction = z.infer<typeof courseOfActionSchema>;
export type StixDetectionStrategy = z.infer<typeof detectionStrategySchema>;
export type StixAnalytic = z.infer<typeof analyticSchema>;
export type StixDataComponent = z.infer<typeof dataComponentSchema>;
export type StixRelationship = z.infer<typeof relationshipSchema>;
export type StixExternalReference = z.infer<typeof externalReference>;

/** Schema per object type the index reads; every other type is kept unchecked beyond `type` and `id`. */
const schemaByType: Record<string, z.ZodType> = {
  "attack-pattern": attackPatternSchema,
  "x-mitre-tactic": tacticSchema,
  "x-mitre-matrix": matrixSchema,
  "x-mitre-collection": collectionSchema,
  "course-of-action": courseOfActionSchema,
  "x-mitre-detection-strategy": detectionStrategySchema,
  "x-mitre-analytic": analyticSchema,
  "x-mitre-data-component": dataComponentSchema,
  relationship: relationshipSchema,
};

const anyObject = z.looseObject({ type: z.string().min(1), id: z.string().min(1) });

const bundleSchema = z.looseObject({
  type: z.literal("bundle", { error: 'expected "type": "bundle" (a STIX 2.1 bundle)' }),
  id: z.string().optional(),
  objects: z.array(z.unknown(), { error: 'expected "objects" to be an array of STIX objects' }),
});

export interface StixObjects {
  bundleId: string | null;
  attackPatterns: StixAttackPattern[];
  tactics: StixTactic[];
  matrices: StixMatrix[];
  collections: StixCollection[];
  coursesOfAction: StixCourseOfAction[];
  detectionStrategies: StixDetectionStrategy[];
  analytics: StixAnalytic[];
  dataComponents: StixDataComponent[];
  relationships: StixRelationship[];
}

/** A STIX bundle that does not have the shape the index needs; the message names the object and field. */
export class StixFormatError extends Error {
  readonly code = "STIX_FORMAT";
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issue.path.length ? issue.path.map(String).join(".") : "(object)";
  return `${where}: ${issue.message}`;
}

/** Parses JSON text into validated, typed STIX objects. Throws StixFormatError naming the first problem. */
export function parseStixBundle(text: string, label = "STIX bundle"): StixObjects {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new StixFormatError(`${label} is not valid JSON: ${(error as Error).message}`);
  }
  const bundle = bundleSchema.safeParse(json);
  if (!bundle.success)
    throw new StixFormatError(`${label} is not a STIX bundle: ${describeIssue(bundle.error)}`);

  const out: StixObjects = {
    bundleId: bundle.data.id ?? null,
    attackPatterns: [],
    tactics: [],
    matrices: [],
    collections: [],
    coursesOfAction: [],
    detectionStrategies: [],
    analytics: [],
    dataComponents: [],
    relationships: [],
  };
  const lists: Record<string, unknown[]> = {
    "attack-pattern": out.attackPatterns,
    "x-mitre-tactic": out.tactics,
    "x-mitre-matrix": out.matrices,
    "x-mitre-collection": out.collections,
    "course-of-action": out.coursesOfAction,
    "x-mitre-detection-strategy": out.detectionStrategies,
    "x-mitre-analytic": out.analytics,
    "x-mitre-data-component": out.dataComponents,
    relationship: out.relationships,
  };
  bundle.data.objects.forEach((raw, i) => {
    const base = anyObject.safeParse(raw);
    if (!base.success) throw new StixFormatError(`${label}: objects[${i}]: ${describeIssue(base.error)}`);
    const schema = schemaByType[base.data.type];
    if (!schema) return;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      throw new StixFormatError(`${label}: objects[${i}] (${base.data.id}): ${describeIssue(parsed.error)}`);
    }
    lists[base.data.type].push(parsed.data);
  });
  const domains = out.matrices.map((m) => attackRef(m)?.external_id).filter((id) => id !== undefined);
  if (domains.length > 0 && !domains.includes("enterprise-attack")) {
    throw new StixFormatError(`${label} is not ATT&CK Enterprise: its matrix is ${domains.join(", ")}`);
  }
  if (out.tactics.length === 0 || out.attackPatterns.length === 0) {
    throw new StixFormatError(
      `${label} holds no ATT&CK tactics or techniques (x-mitre-tactic / attack-pattern objects): is it an ATT&CK Enterprise bundle?`,
    );
  }
  return out;
}

/** The mitre-attack external reference (ATT&CK id and URL) of an object, if any. */
export function attackRef(obj: {
  external_references?: StixExternalReference[];
}): StixExternalReference | undefined {
  return obj.external_references?.find((r) => r.source_name === "mitre-attack" && r.external_id);
}
