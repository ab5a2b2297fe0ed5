import { z } from "zod";
import { byProc, ref } from "./common";

/** An account is disabled (Security 4725, with the 4738 of its UserAccountControl change). */
export const AccountDisable = z.object({
  ...byProc,
  kind: z.literal("account.disable"),
  /** sAMAccountName or a user reference ("@user"). */
  user: ref,
});
/** An account is deleted (Security 4726). The world keeps it: later references still resolve. */
export const AccountDelete = z.object({
  ...byProc,
  kind: z.literal("account.delete"),
  user: ref,
});

export const accountRemovalActions = [AccountDisable, AccountDelete] as const;
