import type { FieldValue } from "../../event";
import { subjectOf } from "../security/identity";
import { SECURITY } from "../security/templates";
import type { RenderContext, Renderer, ResolvedAction } from "../types";
import { accountRemovalTemplates, userDeleted, userDisabled } from "./templates";

const NOT_SET = "%%1793";

/**
 * Security 4725/4726 for account.disable/account.delete, by the acting process's logon session. Disabling also
 * changes UserAccountControl (0x10 → 0x11, "%%2080" Account Disabled), which SAM reports as a 4738 right after.
 */
function render(r: ResolvedAction, ctx: RenderContext): void {
  const a = r.action;
  if (a.kind !== "account.disable" && a.kind !== "account.delete") return;
  const u = ctx.world.userByRef(a.user, r.host);
  if (!u) return;
  const target: FieldValue[] = [u.sam, u.domain, u.sid];
  const subject = subjectOf(r.actor?.session);
  if (a.kind === "account.delete") {
    ctx.emit(userDeleted, [...target, ...subject, "-"]);
    return;
  }
  ctx.emit(userDisabled, [...target, ...subject]);
  const attributes: FieldValue[] = [
    u.sam,
    ...Array<FieldValue>(7).fill(NOT_SET),
    "-",
    "-",
    "513",
    "-",
    "0x10",
    "0x11",
    "\n\t\t%%2080",
    NOT_SET,
    "-",
    "-",
  ];
  attributes[2] = u.kind === "domain" ? (u.upn ?? "-") : "-";
  ctx.emit(SECURITY.userChanged, ["-", ...target, ...subject, "-", ...attributes], { offsetUs: 30 });
}

export const accountRemovalRenderer: Renderer = {
  id: "account-removal",
  channels: ["Security"],
  handles: ["account.disable", "account.delete"],
  templates: accountRemovalTemplates,
  render,
};
