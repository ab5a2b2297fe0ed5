import type { MatrixPayload } from "@/lib/attack/types";
import { DEFAULT_GRADIENT, gradientColor, isHexColor, textColorOn, type Gradient } from "./color";
import { compareTechniqueIds } from "./url-state";
import type { LayerTechnique, NavigatorLayer } from "./layer-file";

/** What one layer says about one technique (for all its tactics, or one). */
export interface LayerMark {
  background: string | null;
  score: number | null;
  comment: string;
  enabled: boolean;
}

export interface ResolvedLayer {
  name: string;
  /** Keyed by technique id (all tactics) or "tactic:id" (one tactic). */
  marks: Map<string, LayerMark>;
  /** Technique ids the layer names that this ATT&CK version does not have, sorted. */
  unknownIds: string[];
  /** Revoked ids that were applied to their replacement, e.g. ["T1086", "T1059.001"]. */
  remapped: [string, string][];
  /** Parents the layer asks to show with their sub-techniques. */
  expand: string[];
  gradient: Gradient;
  /** True when some technique is coloured by its score (then the gradient belongs in the legend). */
  usesGradient: boolean;
  legend: { label: string; color: string }[];
  hideDisabled: boolean;
  warnings: string[];
}

/** Matches a layer's technique entries to the matrix; unknown ids are listed rather than failing the layer. */
export function resolveLayer(layer: NavigatorLayer, payload: MatrixPayload): ResolvedLayer {
  const gradient = layer.gradient ?? DEFAULT_GRADIENT;
  const marks = new Map<string, LayerMark>();
  const unknown = new Set<string>();
  const expand = new Set<string>();
  const badColors = new Set<string>();
  const badTactics = new Set<string>();
  let usesGradient = false;
  const remapped = new Map<string, string>();
  const retiredNoReplacement: string[] = [];
  for (const entry of layer.techniques ?? []) {
    const written = entry.techniqueID.trim().toUpperCase();
    const retired = payload.retired?.[written];
    const id = retired?.replacedBy && payload.techniques[retired.replacedBy] ? retired.replacedBy : written;
    const technique = payload.techniques[id];
    if (!technique) {
      unknown.add(written);
      if (retired) retiredNoReplacement.push(`${written} (${retired.reason})`);
      continue;
    }
    if (id !== written) remapped.set(written, id);
    if (entry.tactic && !technique.tactics.includes(entry.tactic)) badTactics.add(`${id} (${entry.tactic})`);
    const score = typeof entry.score === "number" ? entry.score : null;
    let background: string | null = null;
    if (entry.color && isHexColor(entry.color)) background = entry.color.trim();
    else {
      if (entry.color) badColors.add(entry.color);
      if (score !== null) {
        background = gradientColor(score, gradient);
        usesGradient = true;
      }
    }
    if (entry.showSubtechniques && technique.children.length) expand.add(id);
    marks.set(entry.tactic ? `${entry.tactic}:${id}` : id, {
      background,
      score,
      comment: entry.comment ?? "",
      enabled: entry.enabled ?? true,
    });
  }
  const warnings: string[] = [];
  if (remapped.size) {
    const pairs = [...remapped].map(([from, to]) => `${from} → ${to}`);
    warnings.push(`Revoked IDs were applied to their replacements: ${pairs.slice(0, 8).join(", ")}.`);
  }
  if (retiredNoReplacement.length) {
    warnings.push(`Retired in ATT&CK without a replacement: ${retiredNoReplacement.slice(0, 8).join(", ")}.`);
  }
  if (badColors.size)
    warnings.push(`Ignored colours that are not hex values: ${[...badColors].slice(0, 5).join(", ")}.`);
  if (badTactics.size)
    warnings.push(`Tactics that do not hold these techniques: ${[...badTactics].slice(0, 5).join(", ")}.`);
  return {
    name: layer.name || "Untitled layer",
    marks,
    unknownIds: [...unknown].sort(compareTechniqueIds),
    remapped: [...remapped],
    expand: [...expand],
    gradient,
    usesGradient,
    legend: (layer.legendItems ?? []).filter((item) => isHexColor(item.color)),
    hideDisabled: layer.hideDisabled === true,
    warnings,
  };
}

/** How a cell is painted once every visible layer has had its say. */
export interface CellPaint {
  background: string | null;
  color: string | null;
  /** Score of the topmost layer that scores this cell (for sorting by score). */
  score: number | null;
  /** Disabled in a layer that asks to hide disabled techniques (Navigator's hideDisabled). */
  hidden: boolean;
  disabled: boolean;
  /** Tooltip lines: "Layer: score 75 — comment". */
  notes: string[];
}

/** The paint of each annotated cell ("tactic:id"); layers later in the list are drawn on top. */
export function paintCells(payload: MatrixPayload, layers: readonly ResolvedLayer[]): Map<string, CellPaint> {
  const paints = new Map<string, CellPaint>();
  if (!layers.length) return paints;
  for (const technique of Object.values(payload.techniques)) {
    for (const tactic of technique.tactics) {
      let paint: CellPaint | null = null;
      for (let i = layers.length - 1; i >= 0; i--) {
        const layer = layers[i];
        const mark = layer.marks.get(`${tactic}:${technique.id}`) ?? layer.marks.get(technique.id);
        if (!mark) continue;
        paint ??= { background: null, color: null, score: null, hidden: false, disabled: false, notes: [] };
        if (paint.score === null) paint.score = mark.score;
        if (!mark.enabled && layer.hideDisabled) paint.hidden = true;
        if (!paint.background && mark.background) {
          paint.background = mark.background;
          paint.color = textColorOn(mark.background);
        }
        if (!mark.enabled) paint.disabled = true;
        const parts = [mark.score !== null ? `score ${mark.score}` : "", mark.comment].filter(Boolean);
        if (parts.length) paint.notes.push(`${layer.name}: ${parts.join(" — ")}`);
      }
      if (paint) paints.set(`${tactic}:${technique.id}`, paint);
    }
  }
  return paints;
}

const NAVIGATOR_VERSION = "5.2.0";

function attackMajor(version: string): string {
  return /^\d+/.exec(version)?.[0] ?? version;
}

/** A Navigator 4.5 layer marking the given techniques (parents of selected sub-techniques are shown expanded). */
export function selectionToLayer(
  ids: readonly string[],
  payload: MatrixPayload,
  options: { name?: string; color?: string } = {},
): NavigatorLayer {
  const color = options.color ?? "#3b82f6";
  const known = ids.filter((id) => payload.techniques[id]).sort(compareTechniqueIds);
  const expanded = new Set(
    known.map((id) => payload.techniques[id].parent).filter((p): p is string => p !== null),
  );
  const techniques: LayerTechnique[] = known.map((id) => ({
    techniqueID: id,
    score: 1,
    color,
    comment: "",
    enabled: true,
    showSubtechniques: expanded.has(id),
  }));
  for (const parent of expanded) {
    // Unselected parents are listed unscored, only so Navigator shows their selected sub-techniques.
    if (!known.includes(parent))
      techniques.push({ techniqueID: parent, enabled: true, showSubtechniques: true });
  }
  techniques.sort((a, b) => compareTechniqueIds(a.techniqueID, b.techniqueID));
  return {
    name: options.name ?? "Mimicry selection",
    versions: { attack: attackMajor(payload.version), navigator: NAVIGATOR_VERSION, layer: "4.5" },
    domain: "enterprise-attack",
    description: `${known.length} techniques selected in Mimicry's ATT&CK ${payload.version} matrix.`,
    techniques,
    gradient: { colors: ["#ffffff", color], minValue: 0, maxValue: 1 },
    legendItems: [{ label: "Selected", color }],
    hideDisabled: false,
  };
}

/** Per-technique counts another part of Mimicry can overlay (e.g. curated procedures and their variants). */
export type CoverageMap = Record<string, { procedures: number; variants?: number }>;

/** A coverage map as a layer: score = procedures, on a white → green gradient up to the largest count. */
export function coverageToLayer(
  coverage: CoverageMap,
  payload: MatrixPayload,
  name = "Coverage",
): NavigatorLayer {
  const entries = Object.entries(coverage).filter(([, c]) => c.procedures > 0);
  const max = Math.max(1, ...entries.map(([, c]) => c.procedures));
  return {
    name,
    versions: { attack: attackMajor(payload.version), navigator: NAVIGATOR_VERSION, layer: "4.5" },
    domain: "enterprise-attack",
    description: "Techniques Mimicry can generate telemetry for (score = procedures).",
    techniques: entries
      .sort(([a], [b]) => compareTechniqueIds(a, b))
      .map(([id, c]) => ({
        techniqueID: id,
        score: c.procedures,
        comment: `${c.procedures} procedure${c.procedures === 1 ? "" : "s"}${c.variants ? `, ${c.variants} variants` : ""}`,
      })),
    gradient: { colors: ["#ecfdf5", "#059669"], minValue: 0, maxValue: max },
    legendItems: [],
  };
}

export interface Annotation {
  color?: string;
  score?: number;
  comment?: string;
}

/** The layer with the given techniques (re)annotated; a new "Mimicry annotations" layer when there is none. */
export function annotateLayer(
  layer: NavigatorLayer | null,
  ids: readonly string[],
  annotation: Annotation | null,
  payload: MatrixPayload,
): NavigatorLayer {
  const base: NavigatorLayer = layer ?? {
    name: "Mimicry annotations",
    versions: { attack: attackMajor(payload.version), navigator: NAVIGATOR_VERSION, layer: "4.5" },
    domain: "enterprise-attack",
    description: "Annotations made in Mimicry's ATT&CK matrix.",
    techniques: [],
    gradient: { colors: ["#ff6666", "#ffe766", "#8ec843"], minValue: 0, maxValue: 100 },
    legendItems: [],
  };
  const targets = new Set(ids);
  const kept = (base.techniques ?? []).filter((t) => !targets.has(t.techniqueID));
  const added: LayerTechnique[] = annotation
    ? [...targets].map((techniqueID) => ({
        techniqueID,
        ...(annotation.color && isHexColor(annotation.color) ? { color: annotation.color } : {}),
        ...(annotation.score !== undefined && Number.isFinite(annotation.score)
          ? { score: annotation.score }
          : {}),
        ...(annotation.comment ? { comment: annotation.comment } : {}),
        enabled: true,
      }))
    : [];
  const techniques = [...kept, ...added].sort((a, b) => compareTechniqueIds(a.techniqueID, b.techniqueID));
  return { ...base, techniques };
}
