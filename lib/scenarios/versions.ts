import "server-only";
import { getAttackIndex } from "@/lib/attack/server";

/** Recorded on every run and in bundle manifests: the engine's own version. */
export { ENGINE_VERSION } from "@/lib/engine/version";

const RETRY_MS = 5 * 60_000;
let unavailableUntil = 0;

/**
 * The loaded ATT&CK release, or undefined when no ATT&CK data is available (generation does not need it).
 * A failed load is not retried for a few minutes, so generating never waits on a download that cannot work.
 */
export async function currentAttackVersion(): Promise<string | undefined> {
  if (Date.now() < unavailableUntil) return undefined;
  try {
    return (await getAttackIndex()).version;
  } catch {
    unavailableUntil = Date.now() + RETRY_MS;
    return undefined;
  }
}
