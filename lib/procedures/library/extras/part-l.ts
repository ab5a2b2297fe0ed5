import type { Variant } from "../types";

/** Extra variants (see ../extras.ts). */
export const extrasL: Readonly<Record<string, readonly Variant[]>> = {};
