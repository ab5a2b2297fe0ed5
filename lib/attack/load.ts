import { readFile } from "node:fs/promises";
import path from "node:path";
import { buildIndex, INDEX_FORMAT } from "./build-index";
import { obtainBundle, writeAtomically, type BundleOrigin, type SourceOptions } from "./source";
import { parseStixBundle } from "./stix";
import type { AttackIndex } from "./types";

export interface LoadStats {
  origin: BundleOrigin;
  location: string;
  sha256: string;
  /** True when the index was built now (cold), false when read from the cache (warm). */
  built: boolean;
  /** Time to build the index from STIX (cold) or to read the cached index (warm), in ms. */
  indexMs: number;
  /** Wall time of the whole load, bundle hashing included, in ms. */
  totalMs: number;
  indexFile: string;
}

export interface LoadedAttack {
  index: AttackIndex;
  stats: LoadStats;
}

interface IndexFile {
  format: number;
  index: AttackIndex;
}

export function indexCachePath(cacheDir: string, bundleSha256: string): string {
  return path.join(cacheDir, `index-${bundleSha256}.json`);
}

/** The cached index, or null when absent, unreadable, or written by another index format. */
async function readCachedIndex(file: string, bundleSha256: string): Promise<AttackIndex | null> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return null;
  }
  try {
    const parsed = JSON.parse(text) as Partial<IndexFile>;
    const index = parsed.index;
    if (parsed.format !== INDEX_FORMAT || !index || index.bundleSha256 !== bundleSha256) return null;
    if (!Array.isArray(index.techniques) || !Array.isArray(index.tactics)) return null;
    return index;
  } catch {
    return null;
  }
}

/**
 * Loads the ATT&CK index: obtains the bundle (file, cache or download), then reads the index cached for the
 * bundle's SHA-256 or builds and caches it. `log` hears about downloads and builds (with their duration);
 * a warm read is silent, its timing is in the returned stats. `rebuild` ignores the cached index.
 */
export async function loadAttack(options: SourceOptions & { rebuild?: boolean }): Promise<LoadedAttack> {
  const started = performance.now();
  const bundle = await obtainBundle(options);
  const indexFile = path.resolve(indexCachePath(options.cacheDir, bundle.sha256));
  const readStart = performance.now();
  const cached = options.rebuild ? null : await readCachedIndex(indexFile, bundle.sha256);
  const stats = (built: boolean, indexMs: number): LoadStats => ({
    origin: bundle.origin,
    location: bundle.location,
    sha256: bundle.sha256,
    built,
    indexMs: Math.round(indexMs),
    totalMs: Math.round(performance.now() - started),
    indexFile,
  });
  if (cached) return { index: cached, stats: stats(false, performance.now() - readStart) };

  options.log?.(`Building the ATT&CK index from ${bundle.location}…`);

  const buildStart = performance.now();
  const label = bundle.origin === "download" ? "downloaded STIX bundle" : `STIX bundle ${bundle.location}`;
  const index = buildIndex(parseStixBundle(bundle.bytes.toString("utf8"), label), bundle.sha256);
  const buildMs = performance.now() - buildStart;
  const file: IndexFile = { format: INDEX_FORMAT, index };
  try {
    await writeAtomically(indexFile, JSON.stringify(file));
  } catch (error) {
    options.log?.(`Could not cache the ATT&CK index at ${indexFile}: ${(error as Error).message}`);
  }
  const result = { index, stats: stats(true, buildMs) };
  options.log?.(
    `ATT&CK ${index.version}: built index in ${result.stats.indexMs} ms (cached at ${indexFile})`,
  );
  return result;
}
