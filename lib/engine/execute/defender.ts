import type { ActionOf } from "../actions";
import type { ResolvedAction } from "../renderers/types";
import { type ExecContext, expandPath, hostOf, procOf } from "./context";
import { base } from "./process";

/**
 * Defender actions. A configuration change is MsMpEng's act (it owns the Defender keys and writes the events);
 * a detection concerns the scanned process, and the quarantined or removed file leaves the disk.
 */
export function executeDefender(
  a: ActionOf<"defender.config" | "defender.detection">,
  ctx: ExecContext,
): ResolvedAction {
  const host = hostOf(a, ctx);
  if (a.kind === "defender.config") return base(a, host, ctx, procOf("@msmpeng", host, a, ctx));
  const actor = a.proc ? procOf(a.proc, host, a, ctx) : null;
  const st = ctx.world.state(host.name);
  const file = actor && a.path.includes("%") ? expandPath(a.path, actor.user) : a.path;
  st.files.delete(file.toLowerCase());
  st.copies.delete(file.toLowerCase());
  return { ...base(a, host, ctx, actor), object: file };
}
