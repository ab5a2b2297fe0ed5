// A guarded zip reader for verification: entries come from the central directory, names must be safe
// relative paths, and inflating stops as soon as an entry exceeds its declared size or the limits (zip bombs).
import { Inflate } from "fflate";
import { safeEntryPath } from "./paths";

export interface ZipLimits {
  maxEntries: number;
  /** Per entry, after inflating. */
  maxEntryBytes: number;
  /** All entries together, after inflating. */
  maxTotalBytes: number;
  /** Inflated size ÷ compressed size, per entry. */
  maxRatio: number;
}

export const DEFAULT_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxEntryBytes: 2 * 1024 ** 3,
  maxTotalBytes: 4 * 1024 ** 3,
  maxRatio: 1_100,
};

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  dataStart: number;
}

export class ZipFormatError extends Error {}

const u16 = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number) =>
  (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
const decoder = new TextDecoder("utf-8", { fatal: false });

/** Lists entries from the central directory; throws ZipFormatError on anything malformed or unsafe. */
export function readZipEntries(zip: Uint8Array, limits: ZipLimits = DEFAULT_LIMITS): ZipEntry[] {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65_535); i--) {
    if (u32(zip, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError("not a zip file (no end of central directory)");
  const count = u16(zip, eocd + 10);
  const cdOffset = u32(zip, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff)
    throw new ZipFormatError("zip64 archives are not supported");
  if (count > limits.maxEntries)
    throw new ZipFormatError(`too many entries (${count} > ${limits.maxEntries})`);
  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let at = cdOffset;
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || u32(zip, at) !== 0x02014b50)
      throw new ZipFormatError("corrupt central directory");
    const flags = u16(zip, at + 8);
    const method = u16(zip, at + 10);
    const compressedSize = u32(zip, at + 20);
    const size = u32(zip, at + 24);
    const nameLen = u16(zip, at + 28);
    const next = at + 46 + nameLen + u16(zip, at + 30) + u16(zip, at + 32);
    const local = u32(zip, at + 42);
    const name = decoder.decode(zip.subarray(at + 46, at + 46 + nameLen));
    at = next;
    if (name.endsWith("/") && size === 0) continue; // a folder entry
    if (!safeEntryPath(name)) throw new ZipFormatError(`unsafe entry name ${JSON.stringify(name)}`);
    if (names.has(name)) throw new ZipFormatError(`entry ${name} appears twice`);
    names.add(name);
    if (flags & 1) throw new ZipFormatError(`entry ${name} is encrypted`);
    if (method !== 0 && method !== 8)
      throw new ZipFormatError(`entry ${name} uses compression method ${method}`);
    if (size > limits.maxEntryBytes) throw new ZipFormatError(`entry ${name} is too large (${size} bytes)`);
    if (size > Math.max(compressedSize, 1) * limits.maxRatio) {
      throw new ZipFormatError(
        `entry ${name} expands ${Math.round(size / Math.max(compressedSize, 1))}× (a zip bomb?)`,
      );
    }
    total += size;
    if (total > limits.maxTotalBytes)
      throw new ZipFormatError(`archive expands to more than ${limits.maxTotalBytes} bytes`);
    if (local + 30 > zip.length || u32(zip, local) !== 0x04034b50)
      throw new ZipFormatError(`entry ${name}: bad local header`);
    const dataStart = local + 30 + u16(zip, local + 26) + u16(zip, local + 28);
    if (dataStart + compressedSize > zip.length) throw new ZipFormatError(`entry ${name} is truncated`);
    entries.push({ name, method, compressedSize, size, dataStart });
  }
  return entries;
}

const SLICE = 16 * 1024;

/**
 * Feeds an entry's inflated bytes to `onChunk`, in slices, throwing as soon as more comes out than the
 * central directory declared (so a lying header cannot make us inflate gigabytes).
 */
export function inflateEntry(zip: Uint8Array, entry: ZipEntry, onChunk: (chunk: Uint8Array) => void): void {
  const data = zip.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  if (entry.method === 0) {
    if (data.length !== entry.size) throw new ZipFormatError(`entry ${entry.name}: stored size mismatch`);
    onChunk(data);
    return;
  }
  let produced = 0;
  const inflate = new Inflate((chunk) => {
    produced += chunk.length;
    if (produced > entry.size)
      throw new ZipFormatError(`entry ${entry.name} inflates beyond its declared size`);
    onChunk(chunk);
  });
  try {
    for (let at = 0; at < data.length; at += SLICE) {
      inflate.push(data.subarray(at, at + SLICE), at + SLICE >= data.length);
    }
    if (data.length === 0) inflate.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof ZipFormatError) throw error;
    throw new ZipFormatError(
      `entry ${entry.name} is corrupt (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (produced !== entry.size) throw new ZipFormatError(`entry ${entry.name}: inflated size mismatch`);
}

/** An entry's content, whole (for the small manifest files). */
export function readEntry(zip: Uint8Array, entry: ZipEntry, maxBytes: number): Uint8Array {
  if (entry.size > maxBytes) throw new ZipFormatError(`entry ${entry.name} is larger than ${maxBytes} bytes`);
  const parts: Uint8Array[] = [];
  inflateEntry(zip, entry, (chunk) => parts.push(chunk.slice()));
  return Buffer.concat(parts);
}
