import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { AttackSourceError } from "./errors";
import { PINNED_ATTACK } from "./pinned";

export { AttackSourceError, PINNED_ATTACK };

export type BundleOrigin = "file" | "cache" | "download";

export interface BundleBytes {
  bytes: Buffer;
  sha256: string;
  origin: BundleOrigin;
  /** The file read, or the URL downloaded (then also written to the cache). */
  location: string;
}

export interface DownloadOptions {
  url: string;
  sha256: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface SourceOptions {
  /** ATTACK_STIX_FILE. */
  stixFile?: string;
  /** ATTACK_CACHE_DIR: holds the downloaded bundle and the built indexes. */
  cacheDir: string;
  /** Where to download from; defaults to the pinned release. `false` disables downloading. */
  download?: DownloadOptions | false;
  log?: (message: string) => void;
}

export function sha256(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Where the downloaded bundle is cached. */
export function cachedBundlePath(cacheDir: string, download: DownloadOptions | false | undefined): string {
  const name = download
    ? path.basename(new URL(download.url).pathname) || PINNED_ATTACK.fileName
    : PINNED_ATTACK.fileName;
  return path.join(cacheDir, name);
}

async function readIfPresent(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

async function downloadBundle(options: DownloadOptions): Promise<Buffer> {
  const doFetch = options.fetch ?? fetch;
  const response = await doFetch(options.url, { signal: AbortSignal.timeout(options.timeoutMs ?? 120_000) });
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
  const bytes = Buffer.from(await response.arrayBuffer());
  const actual = sha256(bytes);
  if (actual !== options.sha256) {
    throw new Error(`checksum mismatch: expected SHA-256 ${options.sha256}, got ${actual}`);
  }
  return bytes;
}

/** Writes via a temporary file so a crash never leaves a half-written bundle in the cache. */
export async function writeAtomically(file: string, data: string | Buffer): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, file);
}

/**
 * The bundle's bytes: ATTACK_STIX_FILE, else the cached download, else a fresh download checked against the
 * pinned SHA-256 (then cached). A set ATTACK_STIX_FILE that cannot be read is reported, not skipped silently.
 */
export async function obtainBundle(options: SourceOptions): Promise<BundleBytes> {
  const failures: string[] = [];
  if (options.stixFile) {
    const file = path.resolve(options.stixFile);
    try {
      const bytes = await readFile(file);
      return { bytes, sha256: sha256(bytes), origin: "file", location: file };
    } catch (error) {
      failures.push(`1. ATTACK_STIX_FILE=${options.stixFile}: ${(error as Error).message}`);
      options.log?.(
        `Cannot read ATTACK_STIX_FILE=${options.stixFile} (${(error as Error).message}); trying the cache`,
      );
    }
  } else {
    failures.push("1. ATTACK_STIX_FILE: not set");
  }

  const download =
    options.download === undefined
      ? { url: PINNED_ATTACK.url, sha256: PINNED_ATTACK.sha256 }
      : options.download;
  const cached = path.resolve(cachedBundlePath(options.cacheDir, download));
  try {
    const bytes = await readIfPresent(cached);
    if (!bytes) failures.push(`2. cache ${cached}: no cached bundle`);
    else {
      const digest = sha256(bytes);
      if (!download || digest === download.sha256)
        return { bytes, sha256: digest, origin: "cache", location: cached };
      failures.push(`2. cache ${cached}: SHA-256 ${digest} is not the pinned ${download.sha256} (corrupt?)`);
    }
  } catch (error) {
    failures.push(`2. cache ${cached}: ${(error as Error).message}`);
  }

  if (download) {
    try {
      options.log?.(`Downloading ATT&CK from ${download.url}`);
      const bytes = await downloadBundle(download);
      await writeAtomically(cached, bytes);
      options.log?.(`Saved ${(bytes.length / 1e6).toFixed(1)} MB to ${cached}`);
      return { bytes, sha256: download.sha256, origin: "download", location: download.url };
    } catch (error) {
      const cause = (error as Error & { cause?: Error }).cause?.message;
      failures.push(`3. download ${download.url}: ${(error as Error).message}${cause ? ` (${cause})` : ""}`);
    }
  } else {
    failures.push("3. download: disabled");
  }

  throw new AttackSourceError(
    [
      "No ATT&CK data: set ATTACK_STIX_FILE to an ATT&CK Enterprise STIX 2.1 bundle, or put the bundle in the cache",
      `(ATTACK_CACHE_DIR), or let Mimicry download MITRE's ${PINNED_ATTACK.version} release. Tried:`,
      ...failures.map((f) => `  ${f}`),
    ].join("\n"),
  );
}
