// Signed bundles: pure (node:crypto and fflate only, no database).
export { canonicalJson, canonicalBytes } from "./canonical";
export {
  generateSigningKeyPair,
  keyFingerprint,
  parsePublicKey,
  rawPublicKey,
  signBytes,
  verifyBytes,
  type SigningKeyPair,
} from "./keys";
export * from "./manifest";
export { safeEntryPath } from "./paths";
export { bundleReadme } from "./readme";
export {
  verifyBundle,
  type BundleProblem,
  type BundleProblemCode,
  type BundleVerification,
  type VerifyOptions,
} from "./verify";
export {
  buildBundle,
  writeBundle,
  type BundleResult,
  type BundleSource,
  type Chunk,
  type FileContent,
} from "./write";
export { DEFAULT_LIMITS, ZipFormatError, readZipEntries, type ZipEntry, type ZipLimits } from "./zip-read";
