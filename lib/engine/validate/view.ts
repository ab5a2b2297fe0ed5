import { fieldIndex, type FieldValue, type WinEvent } from "../event";

/** An event as the checks read it: where, when, which, and its fields by name. */
export interface EventView {
  readonly index: number;
  /** Computer, lowercased. */
  readonly host: string;
  readonly channel: string;
  readonly provider: string;
  readonly eventId: number;
  readonly timeUs: number;
  readonly recordId: number;
  readonly event: WinEvent;
  get(name: string): FieldValue | undefined;
  str(name: string): string | undefined;
}

export const SYSMON = "Microsoft-Windows-Sysmon/Operational";

export function toViews(events: readonly WinEvent[]): EventView[] {
  return events.map((event, index) => {
    const idx = fieldIndex(event.template);
    const get = (name: string) => {
      const i = idx.get(name);
      return i === undefined ? undefined : event.data[i];
    };
    return {
      index,
      host: event.computer.toLowerCase(),
      channel: event.template.channel,
      provider: event.template.provider.name,
      eventId: event.template.eventId,
      timeUs: event.timeUs,
      recordId: event.recordId,
      event,
      get,
      str: (name: string) => {
        const v = get(name);
        return v === undefined || v === null ? undefined : String(v);
      },
    };
  });
}

export interface Issue {
  /** Check that found it ("parent-child", "record-order" …). */
  readonly check: string;
  /** Index of the offending event in the input. */
  readonly eventIndex: number;
  /** "WS01.corp.local Security #123456 (4624)" */
  readonly ref: string;
  readonly message: string;
}

export function ref(v: EventView): string {
  return `${v.event.computer} ${v.channel} #${v.recordId} (${v.eventId})`;
}

export function issue(check: string, v: EventView, message: string): Issue {
  return { check, eventIndex: v.index, ref: ref(v), message };
}

/** A coherence rule over the whole event set. */
export interface Check {
  readonly id: string;
  readonly description: string;
  run(views: readonly EventView[]): Issue[];
}

/** "0x3e7" → 999; NaN when not hex. */
export function parseHex(v: string | undefined): number {
  return v && /^0x[0-9a-f]+$/i.test(v) ? parseInt(v, 16) : NaN;
}

/** Sorted by time, stable on input order. */
export function byTime(views: readonly EventView[]): EventView[] {
  return views.slice().sort((a, b) => a.timeUs - b.timeUs || a.index - b.index);
}
