import type { Variant } from "../types";

/** Extra variants (see ../extras.ts). */
export const extrasM: Readonly<Record<string, readonly Variant[]>> = {};
