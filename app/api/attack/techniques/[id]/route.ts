import { z } from "zod";
import { findTechnique, normaliseTechniqueId } from "@/lib/attack";
import { getAttackIndex } from "@/lib/attack/server";
import { attackFailure, jsonError } from "../../respond";

export const dynamic = "force-dynamic";

const idParam = z
  .string()
  .max(32)
  .transform((raw, ctx) => {
    const id = normaliseTechniqueId(raw);
    if (!id)
      ctx.addIssue({ code: "custom", message: `"${raw}" is not an ATT&CK technique id such as T1059.001` });
    return id ?? "";
  });

/**
 * One technique with everything the detail view shows: `{ technique, retired: null }`. A revoked or deprecated id
 * answers `{ technique: <replacement or null>, retired: { id, name, reason, replacedBy } }`; an unknown id is a 404.
 */
export async function GET(
  _request: Request,
  context: { params: Promise<{ id: string }> },
): Promise<Response> {
  const parsed = idParam.safeParse((await context.params).id);
  if (!parsed.success) return jsonError(400, "invalid_id", parsed.error.issues[0].message);
  try {
    const found = findTechnique(await getAttackIndex(), parsed.data);
    switch (found.kind) {
      case "live":
        return Response.json({ technique: found.technique, retired: null });
      case "retired":
        return Response.json({ technique: found.replacement, retired: found.retired });
      case "unknown":
        return jsonError(404, "not_found", `No ATT&CK technique ${found.id} in this ATT&CK release`);
    }
  } catch (error) {
    return attackFailure(error);
  }
}
