import type { Variant } from "../types";

/** Extra variants (see ../extras.ts). */
export const extrasK: Readonly<Record<string, readonly Variant[]>> = {};
