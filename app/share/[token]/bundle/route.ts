import { bundleFileName, runBundle } from "@/lib/scenarios/bundle";
import { handle, type WithParams } from "@/lib/scenarios/http";
import { sharedRun } from "@/lib/scenarios/share";

export const dynamic = "force-dynamic";

/** The shared run's signed bundle. */
export const GET = handle(async (request: Request, { params }: WithParams<{ token: string }>) => {
  const { token } = await params;
  const runId = new URL(request.url).searchParams.get("run") ?? undefined;
  const { run, actor } = await sharedRun(token, runId);
  return new Response(await runBundle(actor, run), {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${bundleFileName(run)}"`,
      "cache-control": "no-store",
    },
  });
});
