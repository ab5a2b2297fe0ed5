import { openApiDocument } from "@/lib/scenarios/openapi";

export const dynamic = "force-dynamic";

/** The API description (OpenAPI 3.1). */
export function GET(request: Request): Response {
  return Response.json(openApiDocument(new URL(request.url).origin));
}
