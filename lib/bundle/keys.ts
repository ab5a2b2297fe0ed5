// Ed25519 keys for bundle signatures (node:crypto only).
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from "node:crypto";

export interface SigningKeyPair {
  publicKeyPem: string;
  privateKeyPem: string;
  /** SHA-256 of the raw 32-byte public key, hex: what the UI shows and the manifest names. */
  fingerprint: string;
}

export function generateSigningKeyPair(): SigningKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const publicKeyPem = publicKey.export({ type: "spki", format: "pem" }).toString();
  return {
    publicKeyPem,
    privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    fingerprint: keyFingerprint(publicKeyPem),
  };
}

const rawOf = (key: KeyObject) => {
  const der = key.export({ type: "spki", format: "der" });
  return der.subarray(der.length - 32);
};

/** Raw 32-byte Ed25519 public key, base64 (the last 32 bytes of the SPKI DER). */
export function rawPublicKey(publicKey: string): string {
  return rawOf(parsePublicKey(publicKey)).toString("base64");
}

/** Accepts a PEM public key or a raw 32-byte key in base64; throws on anything else. */
export function parsePublicKey(text: string) {
  const trimmed = text.trim();
  if (trimmed.startsWith("-----BEGIN")) {
    const key = createPublicKey(trimmed);
    if (key.asymmetricKeyType !== "ed25519") throw new Error("the public key is not an Ed25519 key");
    return key;
  }
  const raw = Buffer.from(trimmed, "base64");
  if (raw.length !== 32 || raw.toString("base64") !== trimmed.replace(/\s+/g, "")) {
    throw new Error("the public key is neither a PEM key nor 32 bytes of base64");
  }
  const prefix = Buffer.from("302a300506032b6570032100", "hex"); // SPKI header of an Ed25519 key
  return createPublicKey({ key: Buffer.concat([prefix, raw]), format: "der", type: "spki" });
}

export function keyFingerprint(publicKey: string): string {
  return createHash("sha256")
    .update(rawOf(parsePublicKey(publicKey)))
    .digest("hex");
}

export function signBytes(bytes: Uint8Array, privateKeyPem: string): string {
  return sign(null, bytes, createPrivateKey(privateKeyPem)).toString("base64");
}

export function verifyBytes(bytes: Uint8Array, signatureBase64: string, publicKey: string): boolean {
  try {
    return verify(null, bytes, parsePublicKey(publicKey), Buffer.from(signatureBase64.trim(), "base64"));
  } catch {
    return false;
  }
}
