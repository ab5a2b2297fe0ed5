/** Colour helpers for layer scores: hex parsing, gradient interpolation, readable text colour. */

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

export interface Gradient {
  colors: string[];
  minValue: number;
  maxValue: number;
}

/** Navigator's default gradient (red → yellow → green over 0–100). */
export const DEFAULT_GRADIENT: Gradient = {
  colors: ["#ff6666", "#ffe766", "#8ec843"],
  minValue: 0,
  maxValue: 100,
};

/** Only hex colours are accepted: they are safe to put into style attributes and SVG. */
export function isHexColor(value: string): boolean {
  return HEX.test(value.trim());
}

function toRgb(hex: string): [number, number, number] {
  let h = hex.trim().slice(1);
  if (h.length === 3) h = [...h].map((c) => c + c).join("");
  return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
}

function toHex([r, g, b]: [number, number, number]): string {
  return `#${[r, g, b].map((v) => Math.round(v).toString(16).padStart(2, "0")).join("")}`;
}

/** The colour of a score on a gradient (clamped to its range); null when the gradient has no usable colours. */
export function gradientColor(score: number, gradient: Gradient): string | null {
  const colors = gradient.colors.filter(isHexColor);
  if (colors.length === 0) return null;
  if (colors.length === 1 || gradient.maxValue <= gradient.minValue) return toHex(toRgb(colors[0]));
  const t = Math.min(1, Math.max(0, (score - gradient.minValue) / (gradient.maxValue - gradient.minValue)));
  const pos = t * (colors.length - 1);
  const i = Math.min(colors.length - 2, Math.floor(pos));
  const f = pos - i;
  const a = toRgb(colors[i]);
  const b = toRgb(colors[i + 1]);
  return toHex([a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f]);
}

/** Black or white, whichever reads better on the background (WCAG relative luminance). */
export function textColorOn(background: string): "#000000" | "#ffffff" {
  if (!isHexColor(background)) return "#000000";
  const lin = toRgb(background).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
  return luminance > 0.4 ? "#000000" : "#ffffff";
}

/** A CSS linear-gradient for a legend bar. */
export function gradientCss(gradient: Gradient): string {
  const colors = gradient.colors.filter(isHexColor);
  return colors.length ? `linear-gradient(to right, ${colors.join(", ")})` : "none";
}
