import "server-only";
import { z } from "zod";
import { InputError, parseInput, type ErrorBody } from "@/lib/schemas/errors";
import { searchParamsObject } from "@/lib/schemas/query";

/** Route-handler plumbing: JSON bodies with a content-type and size check, and one error shape. */

export const MAX_BODY_BYTES = 256 * 1024;

export function jsonError(error: InputError): Response {
  return Response.json(error.toBody(), { status: error.status });
}

/** Reads and validates a JSON body: 415 for another content type, 413 when too big, 400 for bad JSON. */
export async function readJsonBody<S extends z.ZodType>(
  request: Request,
  schema: S,
  options: { optional?: boolean } = {},
): Promise<z.output<S>> {
  const type = request.headers.get("content-type") ?? "";
  // A body-less POST (`curl -XPOST …/runs`) means "all defaults" where the body is optional.
  if (options.optional && type.trim() === "") {
    if ((await request.text()).trim() === "") return parseInput(schema, {});
  }
  if (!/^application\/([a-z.+-]+\+)?json\b/i.test(type.trim())) {
    throw new InputError("unsupported_media_type", "Send the body as application/json");
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const raw = await request.text();
  if (Buffer.byteLength(raw) > MAX_BODY_BYTES) throw tooLarge();
  let value: unknown;
  try {
    value = raw.trim() === "" ? {} : JSON.parse(raw);
  } catch {
    throw new InputError("bad_request", "The body is not valid JSON");
  }
  return parseInput(schema, value);
}

export function readQuery<S extends z.ZodType>(request: Request, schema: S): z.output<S> {
  return parseInput(schema, searchParamsObject(new URL(request.url).searchParams));
}

function tooLarge(): InputError {
  return new InputError("payload_too_large", `The body is larger than ${MAX_BODY_BYTES / 1024} KB`);
}

/**
 * Wraps a handler so an InputError becomes its 4xx JSON and anything unexpected a logged 500
 * that does not leak internals.
 */
export function handle<A extends unknown[]>(fn: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await fn(...args);
    } catch (error) {
      if (error instanceof InputError) return jsonError(error);
      console.error("[api]", error);
      const body: ErrorBody = { error: { code: "internal", message: "Unexpected server error" } };
      return Response.json(body, { status: 500 });
    }
  };
}

/** Next 16 hands dynamic route params as a promise. */
export type WithParams<P extends Record<string, string>> = { params: Promise<P> };
