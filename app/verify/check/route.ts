import { verifyBundle } from "@/lib/bundle";
import { handle } from "@/lib/scenarios/http";
import { InputError } from "@/lib/schemas/errors";

export const dynamic = "force-dynamic";

const MAX_BUNDLE_BYTES = 200 * 1024 * 1024;

/**
 * Verifies an uploaded bundle (the zip as the body, application/zip or application/octet-stream):
 * `{ ok, problems, manifest, fingerprint, filesChecked }`. `?publicKey=` pins the key to trust.
 */
export const POST = handle(async (request: Request) => {
  const type = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (!["application/zip", "application/octet-stream", "application/x-zip-compressed"].includes(type)) {
    throw new InputError("unsupported_media_type", "Send the bundle as application/zip");
  }
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BUNDLE_BYTES) {
    throw new InputError(
      "payload_too_large",
      "Bundles up to 200 MB can be verified here; use `npx mimicry verify` for more",
    );
  }
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.length > MAX_BUNDLE_BYTES)
    throw new InputError("payload_too_large", "The bundle is larger than 200 MB");
  if (bytes.length === 0) throw new InputError("bad_request", "The body is empty: upload a bundle .zip");
  const publicKey = new URL(request.url).searchParams.get("publicKey") ?? undefined;
  let result;
  try {
    result = verifyBundle(bytes, publicKey ? { publicKey } : {});
  } catch (error) {
    throw new InputError("bad_request", error instanceof Error ? error.message : "Unreadable bundle");
  }
  return Response.json(result);
});
