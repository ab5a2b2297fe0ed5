import { AttackSourceError, StixFormatError } from "@/lib/attack";

/** The JSON error shape of every /api/attack route: {"error":{"code","message"}}. */
export function jsonError(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status });
}

/** Maps a failure to load ATT&CK (no data, malformed bundle) to 503; anything else is a 500. */
export function attackFailure(error: unknown): Response {
  if (error instanceof AttackSourceError || error instanceof StixFormatError) {
    return jsonError(503, "attack_unavailable", error.message);
  }
  console.error("[attack] unexpected error", error);
  return jsonError(500, "internal", "Unexpected error while reading ATT&CK data");
}
