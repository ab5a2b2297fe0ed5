import { ConfigError } from "@/lib/config/schema";
import { serverConfig } from "@/lib/config/server";
import { testConnection } from "@/lib/llm/connection";
import { llmSettings } from "@/lib/llm/settings";

export const dynamic = "force-dynamic";

/** POST /api/llm/test: tries the configured model server. Always 200 with {ok, …, error}; never leaks the key. */
export async function POST(request: Request) {
  try {
    const settings = llmSettings(serverConfig());
    return Response.json(await testConnection(settings, { signal: request.signal }));
  } catch (error) {
    const message =
      error instanceof ConfigError ? error.message : "Unexpected error while testing the connection";
    if (!(error instanceof ConfigError)) console.error("[llm] connection test failed", error);
    return Response.json({
      ok: false,
      method: null,
      models: [],
      modelListed: null,
      judgeModelListed: null,
      latencyMs: 0,
      error: message,
    });
  }
}
