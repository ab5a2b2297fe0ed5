import "server-only";
import { serverConfig } from "@/lib/config/server";
import { loadAttack, type LoadedAttack } from "./load";
import type { AttackIndex } from "./types";

// Kept on globalThis so dev-mode module reloads do not rebuild the index.
const holder = globalThis as typeof globalThis & { __mimicryAttack?: Promise<LoadedAttack> };

/** The ATT&CK index for this server process, loaded once (a failed load is retried on the next call). */
export async function getAttackIndex(): Promise<AttackIndex> {
  if (!holder.__mimicryAttack) {
    const config = serverConfig();
    const loading = loadAttack({
      stixFile: config.ATTACK_STIX_FILE,
      cacheDir: config.ATTACK_CACHE_DIR,
      log: (message) => console.info(`[attack] ${message}`),
    });
    holder.__mimicryAttack = loading;
    loading.then(
      ({ index, stats }) => {
        if (!stats.built)
          console.info(`[attack] ATT&CK ${index.version}: cached index read in ${stats.indexMs} ms`);
      },
      () => {
        if (holder.__mimicryAttack === loading) holder.__mimicryAttack = undefined;
      },
    );
  }
  return (await holder.__mimicryAttack).index;
}

/** Forgets the loaded index (tests switch ATTACK_STIX_FILE between cases). */
export function resetAttackIndex(): void {
  holder.__mimicryAttack = undefined;
}
