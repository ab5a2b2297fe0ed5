import type { Variant } from "./types";
import { extrasA } from "./extras/part-a";
import { extrasB } from "./extras/part-b";
import { extrasC } from "./extras/part-c";
import { extrasD } from "./extras/part-d";
import { extrasE } from "./extras/part-e";
import { extrasF } from "./extras/part-f";
import { extrasG } from "./extras/part-g";
import { extrasH } from "./extras/part-h";
import { extrasI } from "./extras/part-i";
import { extrasJ } from "./extras/part-j";
import { extrasK } from "./extras/part-k";
import { extrasL } from "./extras/part-l";
import { extrasM } from "./extras/part-m";
import { extrasN } from "./extras/part-n";
import { extrasO } from "./extras/part-o";

/**
 * More real-world variants for rows of the tables, kept apart so the rows stay short: named tools and the
 * exact command shapes from incident reports and Atomic tests (fgdump, Impacket, Qakbot injection, …).
 * They are listed first in their row.
 */
export const extraVariants: Readonly<Record<string, readonly Variant[]>> = mergeExtras([
  extrasA,
  extrasB,
  extrasC,
  extrasD,
  extrasE,
  extrasF,
  extrasG,
  extrasH,
  extrasI,
  extrasJ,
  extrasK,
  extrasL,
  extrasM,
  extrasN,
  extrasO,
]);

/** Concatenates the parts per technique (a technique in two parts keeps the variants of both, in part order). */
export function mergeExtras(
  parts: readonly Readonly<Record<string, readonly Variant[]>>[],
): Record<string, readonly Variant[]> {
  const merged: Record<string, Variant[]> = {};
  for (const part of parts)
    for (const [technique, variants] of Object.entries(part)) (merged[technique] ??= []).push(...variants);
  return merged;
}
