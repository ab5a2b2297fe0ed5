import type { Variant } from "../types";

/** Extra variants (see ../extras.ts). */
export const extrasO: Readonly<Record<string, readonly Variant[]>> = {};
