import "server-only";
import { rawPublicKey } from "@/lib/bundle/keys";
import { getPublicSigningKey } from "@/lib/db/signing-keys";

/** The bundle-signing public key as the UI shows it (PEM, raw base64, fingerprint). */
export interface SigningKeyInfo {
  algorithm: "ed25519";
  publicKeyPem: string;
  publicKeyBase64: string;
  fingerprint: string;
}

export async function signingKeyInfo(): Promise<SigningKeyInfo> {
  const key = await getPublicSigningKey();
  return {
    algorithm: key.algorithm,
    publicKeyPem: key.publicKeyPem,
    publicKeyBase64: rawPublicKey(key.publicKeyPem),
    fingerprint: key.fingerprint,
  };
}
