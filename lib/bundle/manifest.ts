import { z } from "zod";

export const MANIFEST_FILE = "manifest.json";
export const SIGNATURE_FILE = "manifest.sig";
export const BUNDLE_FORMAT = "mimicry-bundle/1";

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, "a lower-case hex SHA-256");

export const manifestFileSchema = z.object({
  path: z.string().min(1).max(300),
  sha256: sha256Hex,
  size: z.number().int().min(0),
});

export const stepSummarySchema = z.object({
  technique: z.string().nullable(),
  procedure: z.string().nullable(),
  action: z.string().nullable(),
});

export const manifestSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  createdAt: z.string(),
  scenario: z.object({
    id: z.string().nullable(),
    title: z.string(),
    steps: z.array(stepSummarySchema),
  }),
  run: z.object({
    id: z.string().nullable(),
    seed: z.number().int(),
    mode: z.string(),
    engineVersion: z.string(),
    attackVersion: z.string().nullable(),
  }),
  formats: z.array(z.string()),
  provenance: z.object({
    procedures: z.array(z.string()),
    atomicGuids: z.array(z.string()),
    model: z.string().nullable(),
  }),
  files: z.array(manifestFileSchema),
  signature: z.object({
    algorithm: z.literal("ed25519"),
    /** Raw 32-byte Ed25519 public key, base64. */
    publicKey: z.string(),
    /** SHA-256 of the raw public key, hex: compare with the key the app shows. */
    fingerprint: sha256Hex,
  }),
});

export type BundleManifest = z.infer<typeof manifestSchema>;
export type ManifestFile = z.infer<typeof manifestFileSchema>;
export type StepSummary = z.infer<typeof stepSummarySchema>;
