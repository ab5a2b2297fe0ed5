import { toEntry, type FieldEntry } from "./entry";

/**
 * An event reduced once to what Sigma matching needs: the log channel and event ID for the logsource
 * prefilter, and a flat field map (System + EventData for evtx-json, dotted paths and Sysmon-style aliases
 * for ECS). Rules then only look fields up.
 */
export interface PreparedEvent {
  index: number;
  /** Channel lowercased ("microsoft-windows-sysmon/operational"), "" when unknown. */
  channel: string;
  eventId: number | undefined;
  /** Provider name lowercased. */
  provider: string;
  /** Epoch milliseconds from TimeCreated / @timestamp, when present. */
  time: number | undefined;
  fields: Map<string, FieldEntry>;
  /** Lowercased string values searched by keyword selections. */
  keywords: () => string[];
  source: unknown;
}

const lowerNames = new Map<string, string>();
function lowerName(name: string): string {
  let lower = lowerNames.get(name);
  if (lower === undefined) {
    lower = name.toLowerCase();
    if (lowerNames.size < 100_000) lowerNames.set(name, lower);
  }
  return lower;
}

export class FieldMapBuilder {
  readonly fields = new Map<string, FieldEntry>();
  private readonly exact = new Set<string>();
  private readonly keywordEntries: FieldEntry[] = [];
  private readonly extraKeywords: string[] = [];

  set(name: string, raw: unknown, keyword = false): void {
    if (raw === undefined) return;
    const entry = toEntry(raw);
    this.fields.set(name, entry);
    this.exact.add(name);
    const lower = lowerName(name);
    // The lowercased name finds a field whose spelling differs only in case; real names always win.
    if (lower !== name && !this.exact.has(lower)) this.fields.set(lower, entry);
    if (keyword) this.keywordEntries.push(entry);
  }

  /** Sets only when the field is not already present (aliases never hide real fields). */
  alias(name: string, raw: unknown): void {
    if (!this.exact.has(name)) this.set(name, raw);
  }

  addKeyword(text: string): void {
    this.extraKeywords.push(text.toLowerCase());
  }

  build(): Map<string, FieldEntry> {
    return this.fields;
  }

  /** Lowercased keyword texts, computed on first use (only keyword rules need them). */
  keywordSource(): () => string[] {
    let cached: string[] | undefined;
    const entries = this.keywordEntries;
    const extra = this.extraKeywords;
    return () => {
      if (!cached) {
        cached = [...extra];
        for (const entry of entries) {
          if (entry.lower !== null) cached.push(entry.lower);
          for (const item of entry.items ?? []) if (item.lower !== null) cached.push(item.lower);
        }
      }
      return cached;
    };
  }
}

/** Looks a field up by its exact name, then by its lowercased name (prepared once per matcher). */
export function lookup(event: PreparedEvent, name: string, lowerName: string): FieldEntry | undefined {
  return event.fields.get(name) ?? event.fields.get(lowerName);
}
