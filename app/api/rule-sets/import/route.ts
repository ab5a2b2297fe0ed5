import { ensureLocalActor } from "@/lib/db/actors";
import { importZipRuleSet } from "@/lib/rules/service";
import { ruleSetNameSchema } from "@/lib/rules/schemas";
import { readZipUpload } from "@/lib/rules/upload";
import { parseInput } from "@/lib/schemas/errors";
import { handle } from "@/lib/scenarios/http";

export const dynamic = "force-dynamic";

/** A SigmaHQ release zip (multipart `file`, optional `name`, `description`) → a new set. 201 + report. */
export const POST = handle(async (request: Request) => {
  const upload = await readZipUpload(request);
  const name = parseInput(ruleSetNameSchema, upload.name ?? upload.fileName.replace(/\.zip$/i, ""));
  const actor = await ensureLocalActor();
  const result = await importZipRuleSet(actor, {
    name,
    description: upload.description,
    bytes: upload.bytes,
  });
  return Response.json(result, { status: 201, headers: { location: `/api/rule-sets/${result.set.id}` } });
});
