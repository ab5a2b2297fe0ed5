import "server-only";
import { randomUUID } from "node:crypto";
import { generateSigningKeyPair } from "@/lib/bundle/keys";
import { db } from "./client";

export interface PublicSigningKey {
  id: string;
  algorithm: "ed25519";
  publicKeyPem: string;
  fingerprint: string;
  createdAt: string;
}

/** Includes the private key: for the bundle signer on the server only, never for a response. */
export interface SigningKeyRecord extends PublicSigningKey {
  privateKeyPem: string;
}

const NAME = "default";

/** The server's bundle-signing key pair, created on first use (two racing first calls agree on one). */
export async function getOrCreateSigningKey(): Promise<SigningKeyRecord> {
  let row = await db().signingKey.findUnique({ where: { name: NAME } });
  if (!row) {
    // INSERT … ON CONFLICT: Prisma's upsert is a read then a write, which two first requests can both pass.
    const pair = generateSigningKeyPair();
    await db()
      .$executeRaw`INSERT INTO "SigningKey" ("id", "name", "publicKeyPem", "privateKeyPem", "fingerprint")
      VALUES (${randomUUID()}, ${NAME}, ${pair.publicKeyPem}, ${pair.privateKeyPem}, ${pair.fingerprint})
      ON CONFLICT ("name") DO NOTHING`;
    row = await db().signingKey.findUniqueOrThrow({ where: { name: NAME } });
  }
  return {
    id: row.id,
    algorithm: "ed25519",
    publicKeyPem: row.publicKeyPem,
    privateKeyPem: row.privateKeyPem,
    fingerprint: row.fingerprint,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The public half, safe to show in the UI and to hand to `mimicry verify --public-key`. */
export async function getPublicSigningKey(): Promise<PublicSigningKey> {
  const { privateKeyPem: _secret, ...publicPart } = await getOrCreateSigningKey();
  return publicPart;
}
