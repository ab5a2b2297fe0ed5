/**
 * Canonical JSON: object keys sorted (by UTF-16 code units), no whitespace, arrays in order. The signature
 * covers these bytes, so re-indenting manifest.json does not break it but changing any value does.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    if (typeof value === "number" && !Number.isFinite(value))
      throw new Error("canonical JSON: a non-finite number");
    const text = JSON.stringify(value);
    if (text === undefined) throw new Error(`canonical JSON: cannot encode a ${typeof value}`);
    return text;
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export const canonicalBytes = (value: unknown): Uint8Array => new TextEncoder().encode(canonicalJson(value));
