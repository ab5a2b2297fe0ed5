import type { MatrixPayload } from "@/lib/attack/types";
import type { ColumnModel } from "./columns";
import type { CellPaint, ResolvedLayer } from "./layer-paint";

/** The current view of the matrix as a standalone SVG document (what is shown: filters, layers, selection). */

const COLUMN_WIDTH = 180;
const GAP = 6;
const HEADER = 46;
const CELL = 30;
const TITLE = 40;
const PAD = 12;

export interface SvgOptions {
  title: string;
  paints: ReadonlyMap<string, CellPaint>;
  selection: ReadonlySet<string>;
  layers: readonly ResolvedLayer[];
}

export function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!,
  );
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function matrixToSvg(
  columns: readonly ColumnModel[],
  payload: MatrixPayload,
  options: SvgOptions,
): string {
  const rows = Math.max(0, ...columns.map((c) => c.cells.length));
  const legendItems = options.layers.flatMap((l) => l.legend.map((item) => ({ ...item, layer: l.name })));
  const gradients = options.layers.filter((l) => l.usesGradient);
  const legendRows = legendItems.length + gradients.length;
  const width = PAD * 2 + columns.length * (COLUMN_WIDTH + GAP) - GAP;
  const gridHeight = HEADER + rows * (CELL + 2);
  const height = TITLE + gridHeight + (legendRows ? 24 + legendRows * 20 : 0) + PAD * 2;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Inter, Arial, sans-serif">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="${PAD}" y="${PAD + 18}" font-size="16" font-weight="600" fill="#0f172a">${escapeXml(options.title)}</text>`,
  ];
  const defs: string[] = [];
  columns.forEach((column, c) => {
    const x = PAD + c * (COLUMN_WIDTH + GAP);
    const top = PAD + TITLE;
    out.push(
      `<g><rect x="${x}" y="${top}" width="${COLUMN_WIDTH}" height="${HEADER - 4}" fill="#1e293b" rx="3"/>`,
      `<text x="${x + 8}" y="${top + 18}" font-size="12" font-weight="600" fill="#ffffff">${escapeXml(clip(column.tactic.name, 26))}</text>`,
      `<text x="${x + 8}" y="${top + 34}" font-size="10" fill="#cbd5e1">${column.techniqueTotal} techniques · ${column.subtechniqueTotal} sub-techniques</text></g>`,
    );
    column.cells.forEach((cell, r) => {
      const technique = payload.techniques[cell.id];
      const y = top + HEADER + r * (CELL + 2);
      const paint = options.paints.get(cell.key);
      const indent = cell.isSub ? 12 : 0;
      const fill = paint?.background ?? (cell.isSub ? "#f8fafc" : "#ffffff");
      const ink = paint?.color ?? "#0f172a";
      const faded = cell.state === "miss" || paint?.disabled ? ` opacity="0.35"` : "";
      const stroke = options.selection.has(cell.id)
        ? `stroke="#2563eb" stroke-width="2"`
        : `stroke="#cbd5e1"`;
      const label = cell.isSub ? technique.id.slice(5) : technique.id;
      out.push(
        `<g${faded}><rect x="${x + indent}" y="${y}" width="${COLUMN_WIDTH - indent}" height="${CELL}" fill="${fill}" ${stroke} rx="2"/>`,
        `<text x="${x + indent + 6}" y="${y + 12}" font-size="9" fill="${ink}" opacity="0.75">${escapeXml(label)}${cell.childCount ? ` (${cell.childCount})` : ""}</text>`,
        `<text x="${x + indent + 6}" y="${y + 24}" font-size="11" fill="${ink}">${escapeXml(clip(technique.name, cell.isSub ? 28 : 30))}</text></g>`,
      );
    });
  });
  let y = PAD + TITLE + gridHeight + 24;
  if (legendRows)
    out.push(`<text x="${PAD}" y="${y - 6}" font-size="12" font-weight="600" fill="#0f172a">Legend</text>`);
  gradients.forEach((layer, i) => {
    const id = `g${i}`;
    const stops = layer.gradient.colors
      .map(
        (color, k, all) =>
          `<stop offset="${(k / Math.max(1, all.length - 1)) * 100}%" stop-color="${escapeXml(color)}"/>`,
      )
      .join("");
    defs.push(`<linearGradient id="${id}">${stops}</linearGradient>`);
    out.push(
      `<rect x="${PAD}" y="${y}" width="120" height="12" fill="url(#${id})" stroke="#cbd5e1"/>`,
      `<text x="${PAD + 128}" y="${y + 10}" font-size="11" fill="#0f172a">${escapeXml(`${layer.name}: score ${layer.gradient.minValue} → ${layer.gradient.maxValue}`)}</text>`,
    );
    y += 20;
  });
  for (const item of legendItems) {
    out.push(
      `<rect x="${PAD}" y="${y}" width="12" height="12" fill="${escapeXml(item.color)}" stroke="#cbd5e1"/>`,
      `<text x="${PAD + 20}" y="${y + 10}" font-size="11" fill="#0f172a">${escapeXml(`${item.label} (${item.layer})`)}</text>`,
    );
    y += 20;
  }
  if (defs.length) out.splice(1, 0, `<defs>${defs.join("")}</defs>`);
  out.push(`</svg>`);
  return out.join("\n");
}
