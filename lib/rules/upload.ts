import { InputError } from "@/lib/schemas/errors";

/** Largest rule zip accepted (a SigmaHQ "all rules" release is ~5 MB). */
export const MAX_ZIP_UPLOAD_BYTES = 50 * 1024 * 1024;

export interface ZipUpload {
  bytes: Uint8Array;
  fileName: string;
  name?: string;
  description?: string;
}

const tooLarge = (limit: number) =>
  new InputError("payload_too_large", `The upload is larger than ${Math.round(limit / 1024 / 1024)} MB`);

/** Reads the body up to `limit` bytes; a longer body (declared or streamed) is a 413 before it is buffered. */
async function readCapped(request: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw tooLarge(limit);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const field = (form: FormData, key: string): string | undefined => {
  const v = form.get(key);
  return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
};

/**
 * A multipart/form-data upload with a `file` part (the zip) and optional `name` and `description` parts.
 * 415 for another content type, 413 over the cap, 400 when the file part is missing.
 */
export async function readZipUpload(request: Request, limit = MAX_ZIP_UPLOAD_BYTES): Promise<ZipUpload> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\b/i.test(type.trim()))
    throw new InputError("unsupported_media_type", "Upload the zip as multipart/form-data (field 'file')");
  const body = await readCapped(request, limit + 64 * 1024);
  let form: FormData;
  try {
    form = await new Response(body as BodyInit, { headers: { "content-type": type } }).formData();
  } catch {
    throw new InputError("bad_request", "The multipart body could not be read");
  }
  const file = form.get("file");
  if (!file || typeof file === "string")
    throw new InputError("validation_failed", "Attach the zip in a 'file' field", [
      { path: "file", message: "a .zip file is required" },
    ]);
  if (file.size > limit) throw tooLarge(limit);
  return {
    bytes: new Uint8Array(await file.arrayBuffer()),
    fileName: file.name || "rules.zip",
    name: field(form, "name"),
    description: field(form, "description"),
  };
}
