import type { Variant } from "../types";

/** Extra variants (see ../extras.ts). */
export const extrasN: Readonly<Record<string, readonly Variant[]>> = {};
