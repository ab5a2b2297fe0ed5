import { unzipSync, type UnzipFileInfo } from "fflate";
import { parseEventsText, EventsFormatError } from "./read";
import { assertEntryIntact, declaredCrcs } from "./zip-check";

export const EVENT_ZIP_LIMITS = {
  maxEntries: 10_000,
  maxEntryBytes: 512 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
};

/** True for entry names a bundle uses for events: `*.evtx.jsonl` or `events*.ndjson`, at any depth. */
export function isEventsEntry(name: string): boolean {
  const base = name.split("/").pop() ?? "";
  return base.endsWith(".evtx.jsonl") || /^events.*\.ndjson$/.test(base);
}

/** Rejects names that would leave the extraction folder (absolute, drive letters, `..`). */
export function isSafeEntryName(name: string): boolean {
  if (name.startsWith("/") || name.startsWith("\\") || /^[a-zA-Z]:/.test(name) || name.includes("\0"))
    return false;
  return !name.split(/[\\/]/).some((part) => part === "..");
}

/**
 * Reads the events of a bundle zip. Entries are filtered before inflating: unsafe names are refused, and
 * declared sizes are capped (zip bomb); the inflated size is checked again since a header can lie.
 */
export function readEventsFromZip(bytes: Uint8Array, limits = EVENT_ZIP_LIMITS): Record<string, unknown>[] {
  let entries = 0;
  let declared = 0;
  const problems: string[] = [];
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file: UnzipFileInfo) => {
        entries++;
        if (entries > limits.maxEntries) problems.push(`more than ${limits.maxEntries} entries`);
        if (!isSafeEntryName(file.name)) {
          problems.push(`entry '${file.name}' escapes the archive (path traversal)`);
          return false;
        }
        if (!isEventsEntry(file.name)) return false;
        if (file.originalSize > limits.maxEntryBytes)
          problems.push(`entry '${file.name}' declares ${file.originalSize} bytes, over the limit`);
        declared += file.originalSize;
        if (declared > limits.maxTotalBytes)
          problems.push("declared uncompressed size over the limit (zip bomb?)");
        return problems.length === 0;
      },
    });
  } catch (error) {
    throw new EventsFormatError(`not a readable zip: ${(error as Error).message}`);
  }
  if (problems.length) throw new EventsFormatError(`refusing zip: ${problems[0]}`);
  const names = Object.keys(files).sort();
  if (names.length === 0) throw new EventsFormatError("zip holds no *.evtx.jsonl or events*.ndjson entry");
  const crcs = declaredCrcs(bytes);
  let actual = 0;
  const events: Record<string, unknown>[] = [];
  const decoder = new TextDecoder();
  for (const name of names) {
    try {
      assertEntryIntact(name, files[name], crcs);
    } catch (error) {
      throw new EventsFormatError(`refusing zip: ${(error as Error).message}`);
    }
    actual += files[name].length;
    if (actual > limits.maxTotalBytes)
      throw new EventsFormatError("refusing zip: inflated size over the limit (zip bomb?)");
    events.push(...parseEventsText(decoder.decode(files[name])));
  }
  return events;
}
