import { z } from "zod";

export class EventsFormatError extends Error {
  readonly code = "EVENTS_FORMAT";
}

/** Where each top-level JSON value starts and ends: works for NDJSON, pretty-printed concatenations, arrays. */
function splitJsonValues(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) {
      inString = true;
      if (depth === 0)
        throw new EventsFormatError(`line ${lineAt(text, i)}: expected a JSON object, found a bare string`);
    } else if (c === 123 || c === 91) {
      if (depth === 0) start = i;
      depth++;
    } else if (c === 125 || c === 93) {
      depth--;
      if (depth < 0) throw new EventsFormatError(`line ${lineAt(text, i)}: unbalanced '${text[i]}'`);
      if (depth === 0) spans.push([start, i + 1]);
    } else if (depth === 0 && !(c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff || c === 44)) {
      throw new EventsFormatError(`line ${lineAt(text, i)}: unexpected '${text[i]}' between JSON documents`);
    }
  }
  if (depth !== 0 || inString) throw new EventsFormatError("input ends inside a JSON document");
  return spans;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

const eventSchema = z.record(z.string(), z.unknown());

/**
 * Reads events from evtx-json NDJSON, a file of concatenated (pretty-printed) JSON documents, or a JSON
 * array of events. Each event must be a JSON object; errors name the line.
 */
export function parseEventsText(text: string): Record<string, unknown>[] {
  const events: Record<string, unknown>[] = [];
  for (const [start, end] of splitJsonValues(text)) {
    let value: unknown;
    try {
      value = JSON.parse(text.slice(start, end));
    } catch (error) {
      throw new EventsFormatError(`line ${lineAt(text, start)}: ${(error as Error).message}`);
    }
    const items = Array.isArray(value) ? value : [value];
    for (const item of items) {
      const parsed = eventSchema.safeParse(item);
      if (!parsed.success)
        throw new EventsFormatError(`line ${lineAt(text, start)}: an event must be a JSON object`);
      events.push(parsed.data);
    }
  }
  return events;
}
