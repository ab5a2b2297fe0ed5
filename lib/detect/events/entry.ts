/** One field of a prepared event: the raw value plus its text and lowercased text, computed once. */
export interface FieldEntry {
  raw: unknown;
  /** null for null/absent values and for objects. */
  text: string | null;
  lower: string | null;
  /** Present when the raw value is an array (ECS): matchers test each item. */
  items?: FieldEntry[];
}

/** Lowercases on first use: most fields of an event are never looked at by any rule. */
class ScalarEntry implements FieldEntry {
  private lowered: string | null | undefined;
  constructor(
    readonly raw: unknown,
    readonly text: string | null,
  ) {}
  get lower(): string | null {
    if (this.lowered === undefined) this.lowered = this.text === null ? null : this.text.toLowerCase();
    return this.lowered;
  }
}

export function toEntry(raw: unknown): FieldEntry {
  if (Array.isArray(raw)) {
    const items = raw.map(toEntry);
    return { raw, text: null, lower: null, items };
  }
  return new ScalarEntry(raw, scalarText(raw));
}

export function scalarText(raw: unknown): string | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === "string") return raw;
  if (typeof raw === "number" || typeof raw === "boolean" || typeof raw === "bigint") return String(raw);
  return null;
}

/** ISO time, "YYYY-MM-DD hh:mm:ss.sss" (UTC, as Sysmon writes UtcTime) or epoch ms → epoch ms. */
export function parseTime(value: unknown): number | undefined {
  if (typeof value !== "string" && typeof value !== "number") return undefined;
  const ms =
    typeof value === "number"
      ? value
      : Date.parse(value.includes("T") || value.endsWith("Z") ? value : `${value.replace(" ", "T")}Z`);
  return Number.isFinite(ms) ? ms : undefined;
}
