import { makeParseableResponseFormat, type AutoParseableResponseFormat } from "openai/lib/parser";
import { zodResponseFormat } from "openai/helpers/zod";
import type { z } from "zod";

/** A model reply checked against its schema, kept whole so a bad one can be shown back for repair. */
export type ReplyCheck<T> =
  { ok: true; value: T } | { ok: false; kind: "malformed" | "schema"; issues: string[]; content: string };

function describeIssues(error: z.ZodError): string[] {
  return error.issues.slice(0, 20).map((issue) => {
    const path = issue.path.length ? issue.path.map(String).join(".") : "(root)";
    return `${path}: ${issue.message}`;
  });
}

export function checkReply<T>(schema: z.ZodType<T>, content: string): ReplyCheck<T> {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch (error) {
    return { ok: false, kind: "malformed", issues: [`not JSON: ${(error as Error).message}`], content };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, kind: "schema", issues: describeIssues(parsed.error), content };
}

/**
 * zodResponseFormat's strict JSON schema, with a parser that reports instead of throwing: the SDK's own
 * parser throws on bad JSON and loses the reply we want to send back for the one repair attempt.
 */
export function checkedResponseFormat<T>(
  schema: z.ZodType<T>,
  name: string,
): AutoParseableResponseFormat<ReplyCheck<T>> {
  const strict = zodResponseFormat(schema, name);
  return makeParseableResponseFormat({ type: "json_schema", json_schema: strict.json_schema }, (content) =>
    checkReply(schema, content),
  );
}
