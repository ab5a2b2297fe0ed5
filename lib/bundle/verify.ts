// Checks a bundle: the manifest's signature over its canonical bytes, then every file's SHA-256.
import { createHash } from "node:crypto";
import { canonicalBytes } from "./canonical";
import { keyFingerprint, verifyBytes } from "./keys";
import { MANIFEST_FILE, SIGNATURE_FILE, manifestSchema, type BundleManifest } from "./manifest";
import {
  DEFAULT_LIMITS,
  ZipFormatError,
  inflateEntry,
  readEntry,
  readZipEntries,
  type ZipLimits,
} from "./zip-read";

export type BundleProblemCode =
  | "bad_zip"
  | "missing_manifest"
  | "bad_manifest"
  | "bad_signature"
  | "missing_file"
  | "file_mismatch"
  | "extra_file";

export interface BundleProblem {
  code: BundleProblemCode;
  /** The file concerned, when there is one. */
  file?: string;
  message: string;
}

export interface BundleVerification {
  ok: boolean;
  /** In the order found: the signature first, then files in manifest order. */
  problems: BundleProblem[];
  manifest?: BundleManifest;
  /** Fingerprint of the key the signature was checked with. */
  fingerprint?: string;
  filesChecked: number;
}

export interface VerifyOptions {
  /** Trust only this key (PEM or raw base64) instead of the one the manifest names. */
  publicKey?: string;
  limits?: Partial<ZipLimits>;
}

const MANIFEST_MAX = 16 * 1024 * 1024;

export function verifyBundle(zip: Uint8Array, options: VerifyOptions = {}): BundleVerification {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const result = (
    problems: BundleProblem[],
    extra: Partial<BundleVerification> = {},
  ): BundleVerification => ({
    ok: problems.length === 0,
    problems,
    filesChecked: 0,
    ...extra,
  });
  try {
    const entries = new Map(readZipEntries(zip, limits).map((e) => [e.name, e]));
    const manifestEntry = entries.get(MANIFEST_FILE);
    const sigEntry = entries.get(SIGNATURE_FILE);
    if (!manifestEntry || !sigEntry) {
      const missing = !manifestEntry ? MANIFEST_FILE : SIGNATURE_FILE;
      return result([{ code: "missing_manifest", file: missing, message: `${missing} is missing` }]);
    }
    let manifest: BundleManifest;
    try {
      const parsed = manifestSchema.safeParse(
        JSON.parse(Buffer.from(readEntry(zip, manifestEntry, MANIFEST_MAX)).toString("utf8")),
      );
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(`${issue.path.join(".") || "manifest"}: ${issue.message}`);
      }
      manifest = parsed.data;
    } catch (error) {
      const message = `manifest.json is not a valid manifest (${error instanceof Error ? error.message : String(error)})`;
      return result([{ code: "bad_manifest", file: MANIFEST_FILE, message }]);
    }
    const signature = Buffer.from(readEntry(zip, sigEntry, 4096))
      .toString("utf8")
      .trim();
    const key = options.publicKey ?? manifest.signature.publicKey;
    let fingerprint: string | undefined;
    try {
      fingerprint = keyFingerprint(key);
    } catch (error) {
      const message = `the public key cannot be read (${error instanceof Error ? error.message : String(error)})`;
      return result([{ code: "bad_signature", file: SIGNATURE_FILE, message }], { manifest });
    }
    if (!verifyBytes(canonicalBytes(manifest), signature, key)) {
      const message = options.publicKey
        ? "bad signature: manifest.json was changed or not signed with the given public key"
        : "bad signature: manifest.json does not match manifest.sig";
      return result([{ code: "bad_signature", file: SIGNATURE_FILE, message }], { manifest, fingerprint });
    }
    const problems: BundleProblem[] = [];
    let filesChecked = 0;
    for (const file of manifest.files) {
      const entry = entries.get(file.path);
      if (!entry) {
        problems.push({
          code: "missing_file",
          file: file.path,
          message: `${file.path} is listed in the manifest but missing`,
        });
        continue;
      }
      const hash = createHash("sha256");
      let size = 0;
      try {
        inflateEntry(zip, entry, (chunk) => {
          hash.update(chunk);
          size += chunk.length;
        });
      } catch (error) {
        const message = `${file.path} cannot be read (${error instanceof Error ? error.message : String(error)})`;
        problems.push({ code: "file_mismatch", file: file.path, message });
        continue;
      }
      filesChecked++;
      const digest = hash.digest("hex");
      if (digest !== file.sha256 || size !== file.size) {
        problems.push({
          code: "file_mismatch",
          file: file.path,
          message: `${file.path} does not match the manifest (sha256 ${digest}, expected ${file.sha256})`,
        });
      }
    }
    const listed = new Set([MANIFEST_FILE, SIGNATURE_FILE, ...manifest.files.map((f) => f.path)]);
    for (const name of entries.keys()) {
      if (!listed.has(name))
        problems.push({ code: "extra_file", file: name, message: `${name} is not in the manifest` });
    }
    return { ok: problems.length === 0, problems, manifest, fingerprint, filesChecked };
  } catch (error) {
    if (error instanceof ZipFormatError) return result([{ code: "bad_zip", message: error.message }]);
    throw error;
  }
}
