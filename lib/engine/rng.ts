/**
 * Seeded pseudo-random numbers (sfc32): fast, 32-bit state words, identical on every platform.
 * Streams are forked by label so adding a consumer in one place does not shift numbers elsewhere.
 */
/** Byte → two lowercase hex digits. */
const HEX2 = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
/** Byte → two uppercase hex digits; nibble → one. */
const U2 = HEX2.map((h) => h.toUpperCase());
const U1 = "0123456789ABCDEF";

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, salt = 0) {
    this.a = 0x9e3779b9 ^ salt;
    this.b = 0x243f6a88 ^ seed;
    this.c = 0xb7e15162 ^ Math.imul(seed, 0x85ebca6b);
    this.d = 1 ^ Math.imul(salt ^ seed, 0xc2b2ae35);
    for (let i = 0; i < 15; i++) this.u32();
  }

  /** A new independent stream for a named purpose. */
  fork(label: string): Rng {
    return new Rng(this.u32(), hash32(label));
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** [0, 1) */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** Integer in [min, max] inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** n lowercase hex digits. */
  hex(n: number): string {
    let s = "";
    while (s.length < n) {
      const t = this.u32();
      s += HEX2[t >>> 24] + HEX2[(t >>> 16) & 255] + HEX2[(t >>> 8) & 255] + HEX2[t & 255];
    }
    return s.length === n ? s : s.slice(0, n);
  }

  /**
   * Random GUID, uppercase without braces (version-4 shape): 32 hex digits from four words (as hex(32)),
   * digit 12 replaced by the version "4" and digit 16 by the variant, built from tables in one pass.
   */
  guid(): string {
    const a = this.u32();
    const b = this.u32();
    const c = this.u32();
    const d = this.u32();
    const variant = "89AB"[this.int(0, 3)];
    return (
      `${U2[a >>> 24]}${U2[(a >>> 16) & 255]}${U2[(a >>> 8) & 255]}${U2[a & 255]}-` +
      `${U2[b >>> 24]}${U2[(b >>> 16) & 255]}-4${U1[(b >>> 8) & 15]}${U2[b & 255]}-` +
      `${variant}${U1[(c >>> 24) & 15]}${U2[(c >>> 16) & 255]}-${U2[(c >>> 8) & 255]}${U2[c & 255]}` +
      `${U2[d >>> 24]}${U2[(d >>> 16) & 255]}${U2[(d >>> 8) & 255]}${U2[d & 255]}`
    );
  }
}

/** FNV-1a, 32-bit. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Deterministic hex digest of a text, any length (not cryptographic; for stable fake hashes). */
export function stableHex(text: string, length: number): string {
  const key = `${length}|${text}`;
  let h = stableCache.get(key);
  if (h === undefined) {
    const rng = new Rng(hash32(text), hash32(`${text.length}:${text}`) ^ length);
    h = rng.hex(length);
    // A pure function's memo: bounded so long runs keep flat memory.
    if (stableCache.size >= 4096) stableCache.clear();
    stableCache.set(key, h);
  }
  return h;
}

const stableCache = new Map<string, string>();
