import type { EventLabel, WinEvent } from "../event";

export const formatIds = ["evtx-json", "evtx-xml", "ecs", "sentinel"] as const;
export type FormatId = (typeof formatIds)[number];

/** Output of a parser: events rebuilt from text plus per-line problems (never throws on bad input). */
export interface ParseResult {
  readonly events: WinEvent[];
  readonly errors: readonly { readonly line: number; readonly message: string }[];
}

/**
 * A serialization of events. `serialize` returns one record WITHOUT the trailing separator; a format may
 * return "" to skip an event (no row for it) or several newline-joined rows (Sentinel tables).
 * `label` is passed for formats that carry ground truth in a side column; evtx formats ignore it.
 */
export interface EventFormat {
  readonly id: FormatId;
  readonly extension: string;
  readonly mediaType: string;
  /** Written once before the first record (XML root element), "" if none. */
  readonly header: string;
  readonly footer: string;
  serialize(event: WinEvent, label?: EventLabel): string;
  /**
   * A fresh serializer for one output stream (state such as earlier events of the same stream is kept
   * inside it, never at module level). Writers of a whole file/stream use it when present, else `serialize`.
   */
  open?(): (event: WinEvent, label?: EventLabel) => string;
  /** Rebuilds events from the format's text; formats that cannot be read back omit it. */
  parse?(text: string): ParseResult;
}
