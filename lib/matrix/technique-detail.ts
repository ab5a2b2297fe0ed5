import { z } from "zod";

/** The answer of GET /api/attack/techniques/{id}, checked at the client boundary. */

const logSourceSchema = z.object({
  name: z.string(),
  channel: z.string(),
  eventIds: z.array(z.number()),
  dataComponent: z.string().nullable(),
});

const analyticSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  platforms: z.array(z.string()),
  logSources: z.array(logSourceSchema),
  mutableElements: z.array(z.object({ field: z.string(), description: z.string() })),
});

export const techniqueDetailSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  platforms: z.array(z.string()),
  tactics: z.array(z.string()),
  isSubtechnique: z.boolean(),
  parent: z.string().nullable(),
  children: z.array(z.string()),
  url: z.string(),
  citations: z.array(z.object({ name: z.string(), url: z.string().nullable(), description: z.string() })),
  detectionStrategies: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      url: z.string().optional(),
      analytics: z.array(analyticSchema),
    }),
  ),
  mitigations: z.array(
    z.object({ id: z.string(), name: z.string(), description: z.string(), url: z.string() }),
  ),
});

export const techniqueResponseSchema = z.object({
  technique: techniqueDetailSchema.nullable(),
  retired: z
    .object({
      id: z.string(),
      name: z.string(),
      reason: z.enum(["revoked", "deprecated"]),
      replacedBy: z.string().nullable(),
    })
    .nullable(),
});

export type TechniqueDetail = z.infer<typeof techniqueDetailSchema>;
export type TechniqueResponse = z.infer<typeof techniqueResponseSchema>;

export class TechniqueFetchError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** Fetches and checks one technique; a 404 or a malformed answer becomes a TechniqueFetchError with a message. */
export async function fetchTechnique(id: string, fetcher: typeof fetch = fetch): Promise<TechniqueResponse> {
  const response = await fetcher(`/api/attack/techniques/${encodeURIComponent(id)}`);
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message = z.object({ error: z.object({ message: z.string() }) }).safeParse(body);
    throw new TechniqueFetchError(
      message.success ? message.data.error.message : `The server answered ${response.status}`,
      response.status,
    );
  }
  const parsed = techniqueResponseSchema.safeParse(body);
  if (!parsed.success) throw new TechniqueFetchError(`Unexpected answer for ${id}`, 500);
  return parsed.data;
}
