import { matrixPayloadFor } from "@/lib/attack";
import { getAttackIndex } from "@/lib/attack/server";
import { attackFailure } from "./respond";

export const dynamic = "force-dynamic";

/**
 * The matrix: tactics in kill-chain order with their technique ids, and a compact record per technique.
 * The ETag is the bundle's hash, so a client that already holds this release gets a 304.
 */
export async function GET(request: Request): Promise<Response> {
  try {
    const index = await getAttackIndex();
    const etag = `"attack-${index.bundleSha256.slice(0, 32)}"`;
    const headers = { ETag: etag, "Cache-Control": "no-cache" };
    if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
    return Response.json(matrixPayloadFor(index), { headers });
  } catch (error) {
    return attackFailure(error);
  }
}
