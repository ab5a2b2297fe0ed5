import { crc32 } from "node:zlib";

/**
 * CRC-32 of each entry as the zip's central directory declares it. fflate inflates into a buffer of the
 * declared size, so a header that understates the size cannot inflate past it, but the data comes out cut
 * short; checking the CRC turns that into a clear refusal instead of a silently truncated file.
 */
export function declaredCrcs(bytes: Uint8Array): Map<string, number> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Map<string, number>();
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return out;
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const decoder = new TextDecoder();
  for (let n = 0; n < count && offset + 46 <= bytes.length; n++) {
    if (view.getUint32(offset, true) !== 0x02014b50) break;
    const crc = view.getUint32(offset + 16, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extra = view.getUint16(offset + 30, true);
    const comment = view.getUint16(offset + 32, true);
    out.set(decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)), crc);
    offset += 46 + nameLength + extra + comment;
  }
  return out;
}

/** Throws when an inflated entry does not match the CRC its header declares. */
export function assertEntryIntact(name: string, data: Uint8Array, crcs: ReadonlyMap<string, number>): void {
  const expected = crcs.get(name);
  if (expected !== undefined && crc32(data) >>> 0 !== expected >>> 0) {
    throw new Error(
      `entry '${name}' does not match its header (size or checksum lies: truncated or tampered zip)`,
    );
  }
}
