import { z } from "zod";

/**
 * ATT&CK Navigator layer files (format 4.5, older 4.x read too). Objects are parsed loosely: fields this
 * matrix does not use (metadata, links, layout…) are kept, so an exported layer re-imports identically.
 */

/** Navigator layers of the whole Enterprise matrix with comments stay well under this. */
export const MAX_LAYER_BYTES = 10 * 1024 * 1024;

export const ENTERPRISE_DOMAINS = ["enterprise-attack", "mitre-enterprise"];

const layerTechniqueSchema = z.looseObject({
  techniqueID: z.string().min(1).max(64),
  tactic: z.string().max(80).optional(),
  score: z.number().finite().nullable().optional(),
  color: z.string().max(64).optional(),
  comment: z.string().max(20_000).optional(),
  enabled: z.boolean().optional(),
  showSubtechniques: z.boolean().optional(),
});

const gradientSchema = z
  .looseObject({
    colors: z.array(z.string().max(64)).min(2, "a gradient needs at least two colours"),
    minValue: z.number().finite(),
    maxValue: z.number().finite(),
  })
  .refine((g) => g.maxValue > g.minValue, { message: "maxValue must be greater than minValue" });

export const navigatorLayerSchema = z.looseObject({
  name: z.string().max(500),
  domain: z.string().max(80),
  versions: z
    .looseObject({
      attack: z.string().optional(),
      navigator: z.string().optional(),
      layer: z.string().optional(),
    })
    .optional(),
  description: z.string().max(20_000).optional(),
  techniques: z.array(layerTechniqueSchema).max(20_000).optional(),
  gradient: gradientSchema.optional(),
  legendItems: z.array(z.looseObject({ label: z.string().max(500), color: z.string().max(64) })).optional(),
  hideDisabled: z.boolean().optional(),
  filters: z.looseObject({ platforms: z.array(z.string()).optional() }).optional(),
});

export type NavigatorLayer = z.infer<typeof navigatorLayerSchema>;
export type LayerTechnique = z.infer<typeof layerTechniqueSchema>;

export interface LayerFileResult {
  layers: NavigatorLayer[];
  /** One clear sentence per problem; layers with problems are not in `layers`. */
  problems: string[];
}

/** A size check to run before reading a file, so a huge upload never reaches JSON.parse. */
export function checkLayerFileSize(name: string, size: number): string | null {
  if (size > MAX_LAYER_BYTES) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    return `${name} is ${mb(size)}; layer files over ${mb(MAX_LAYER_BYTES)} are refused (a full Enterprise layer is well under 1 MB).`;
  }
  if (size === 0) return `${name} is empty.`;
  return null;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => {
      const path = issue.path
        .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
        .join("")
        .replace(/^\./, "");
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join("; ");
}

function parseOne(value: unknown, label: string): { layer?: NavigatorLayer; problem?: string } {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return {
      problem: `${label} is not a Navigator layer (expected a JSON object with name, domain and techniques).`,
    };
  }
  const domain = (value as { domain?: unknown }).domain;
  if (typeof domain === "string" && !ENTERPRISE_DOMAINS.includes(domain)) {
    const name = (value as { name?: unknown }).name;
    const title = typeof name === "string" ? `“${name.slice(0, 80)}”` : label;
    return {
      problem: `Layer ${title} is for the ${domain.slice(0, 40)} domain; this matrix shows Enterprise ATT&CK (enterprise-attack), so it was not loaded.`,
    };
  }
  const parsed = navigatorLayerSchema.safeParse(value);
  if (!parsed.success)
    return { problem: `${label} is not a valid Navigator layer: ${describeIssues(parsed.error)}.` };
  return { layer: parsed.data };
}

/** Parses the text of a layer file: one layer object, or a list of them (Navigator 4.5 multi-layer export). */
export function parseLayerFile(text: string, fileName = "The file"): LayerFileResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { layers: [], problems: [`${fileName} is not JSON (${detail.slice(0, 160)}).`] };
  }
  const items = Array.isArray(json) ? json : [json];
  if (items.length === 0) return { layers: [], problems: [`${fileName} holds an empty list of layers.`] };
  const layers: NavigatorLayer[] = [];
  const problems: string[] = [];
  items.forEach((item, i) => {
    const label = Array.isArray(json) ? `${fileName}, layer ${i + 1},` : fileName;
    const { layer, problem } = parseOne(item, label);
    if (layer) layers.push(layer);
    if (problem) problems.push(problem);
  });
  return { layers, problems };
}

/** The JSON text of one layer (what Navigator writes: 4-space indent is not required, 2 is used). */
export function serializeLayer(layer: NavigatorLayer): string {
  return `${JSON.stringify(layer, null, 2)}\n`;
}

/** A file name for a layer: its name, lower-cased, non-word characters as dashes. */
export function layerFileName(name: string): string {
  const base = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `${base || "layer"}.json`;
}
