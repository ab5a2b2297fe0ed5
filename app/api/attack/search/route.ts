import { z } from "zod";
import { searchTechniques } from "@/lib/attack";
import { getAttackIndex } from "@/lib/attack/server";
import { attackFailure, jsonError } from "../respond";

export const dynamic = "force-dynamic";

const searchQuery = z.object({
  q: z
    .string({ error: "required: the text to search for" })
    .trim()
    .min(1, "q must not be empty")
    .max(200, "q must be at most 200 characters"),
  limit: z.coerce.number().int().min(1).max(200).default(25),
});

/** Ranked search over technique ids, names and descriptions: `{ query, total, hits }`. */
export async function GET(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const parsed = searchQuery.safeParse({
    q: params.get("q") ?? undefined,
    limit: params.get("limit") ?? undefined,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return jsonError(400, "bad_request", `${issue.path.join(".") || "query"}: ${issue.message}`);
  }
  try {
    const hits = searchTechniques(await getAttackIndex(), parsed.data.q);
    return Response.json({
      query: parsed.data.q,
      total: hits.length,
      hits: hits.slice(0, parsed.data.limit),
    });
  } catch (error) {
    return attackFailure(error);
  }
}
