import type { InspectedSet } from "./inspect";

/** Compiled rule sets per process, keyed by set id + updatedAt: an edit makes a new key, old ones age out. */
const MAX_ENTRIES = 12;
const cache = new Map<string, InspectedSet>();

export function cachedInspection(key: string, build: () => InspectedSet): InspectedSet {
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key); // re-insert: most recently used last
    cache.set(key, hit);
    return hit;
  }
  const value = build();
  cache.set(key, value);
  while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return value;
}

export function forgetInspection(id: string): void {
  for (const key of cache.keys()) if (key.startsWith(`${id}@`)) cache.delete(key);
}
