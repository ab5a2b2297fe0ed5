import { z } from "zod";
import { eventQuerySchema, scenarioListQuerySchema } from "@/lib/schemas/query";
import { runCreateSchema, scenarioCreateSchema } from "@/lib/schemas/scenario";
import { scenarioScopeSchema, scenarioUpdateSchema } from "@/lib/db/scenario-schemas";

/** OpenAPI 3.1 description of the REST API, built from the same zod schemas the handlers validate with. */

const schemaOf = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as Record<
    string,
    unknown
  >;

/** Query parameters from a zod object: one OpenAPI parameter per key. */
function queryParameters(schema: z.ZodObject) {
  const json = schemaOf(schema) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: "query",
    required: json.required?.includes(name) ?? false,
    schema: s,
  }));
}

const idParam = (name: string, what: string) => ({
  name,
  in: "path",
  required: true,
  description: `The ${what}'s id`,
  schema: { type: "string", pattern: "^[A-Za-z0-9_-]{1,64}$" },
});

const error = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});
const json = (description: string, schema: Record<string, unknown>) => ({
  description,
  content: { "application/json": { schema } },
});
const BAD = {
  "400": error("Invalid input: missing fields, wrong types, over-long strings"),
  "413": error("Body larger than 256 KB"),
  "415": error("Body is not application/json"),
};

const runStatus = { type: "string", enum: ["queued", "running", "succeeded", "failed"] };

export function openApiDocument(serverUrl?: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Mimicry API",
      version: "1.0.0",
      description:
        "Scenarios, runs, events and signed bundles for pipelines. Same validation and team scoping as the UI. " +
        "A scenario's visibility is private (its author), team or public: other teams can read a public " +
        "scenario and its runs, events and bundles, never change them (writes answer 404 as for any other " +
        "team's row). " +
        'Errors are JSON `{"error":{"code","message","issues"?}}` with a 4xx status.',
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    paths: {
      "/api/scenarios": {
        post: {
          summary: "Create a scenario",
          description:
            "`visibility` defaults to team; private limits it to its author; public shares it read-only with " +
            "every team from the start (it then appears under `GET /api/scenarios?scope=public`).",
          operationId: "createScenario",
          requestBody: {
            required: true,
            content: { "application/json": { schema: { $ref: "#/components/schemas/ScenarioCreate" } } },
          },
          responses: {
            "201": json("Created", {
              type: "object",
              required: ["id"],
              properties: { id: { type: "string" } },
            }),
            ...BAD,
          },
        },
        get: {
          summary:
            "List the team's scenarios (or, with scope=public, every team's public ones), newest first",
          operationId: "listScenarios",
          parameters: queryParameters(
            scenarioListQuerySchema.extend({ scope: scenarioScopeSchema.optional() }),
          ),
          responses: {
            "200": json("A page of scenarios", {
              type: "object",
              properties: {
                items: { type: "array", items: { $ref: "#/components/schemas/ScenarioListItem" } },
                nextCursor: { type: ["string", "null"] },
              },
            }),
            "400": BAD["400"],
          },
        },
      },
      "/api/scenarios/{id}": {
        get: {
          summary: "A scenario with its latest runs (another team's public one reads as owned: false)",
          operationId: "getScenario",
          parameters: [idParam("id", "scenario")],
          responses: { "200": json("The scenario", { type: "object" }), "404": error("Unknown scenario") },
        },
        patch: {
          summary: "Edit a scenario: any of its fields, at least one; runs already made keep their snapshot",
          description:
            "Send only the fields to change. `visibility` shares the scenario: private (its author), team, " +
            "or public (read-only for every team). Only the owning team may edit; anyone else gets 404.",
          operationId: "updateScenario",
          parameters: [idParam("id", "scenario")],
          requestBody: {
            required: true,
            content: { "application/json": { schema: { $ref: "#/components/schemas/ScenarioUpdate" } } },
          },
          responses: {
            "200": json("The saved scenario", { type: "object" }),
            ...BAD,
            "404": error("Unknown scenario, or not this team's"),
          },
        },
        delete: {
          summary: "Delete a scenario (soft; POST …/restore undoes it)",
          operationId: "deleteScenario",
          parameters: [idParam("id", "scenario")],
          responses: {
            "200": json("Deleted", {
              type: "object",
              properties: { id: { type: "string" }, deletedAt: { type: "string" } },
            }),
            "404": error("Unknown scenario"),
          },
        },
      },
      "/api/scenarios/{id}/restore": {
        post: {
          summary: "Undo a delete",
          operationId: "restoreScenario",
          parameters: [idParam("id", "scenario")],
          responses: {
            "200": json("Restored", { type: "object" }),
            "404": error("No deleted scenario with this id"),
          },
        },
      },
      "/api/scenarios/{id}/duplicate": {
        post: {
          summary: "Copy a scenario (not its runs)",
          operationId: "duplicateScenario",
          parameters: [idParam("id", "scenario")],
          responses: {
            "201": json("The copy", { type: "object", properties: { id: { type: "string" } } }),
            "404": error("Unknown scenario"),
          },
        },
      },
      "/api/scenarios/{id}/runs": {
        post: {
          summary: "Start a run (generated right after the response; poll GET /api/runs/{id})",
          operationId: "createRun",
          parameters: [
            idParam("id", "scenario"),
            {
              name: "wait",
              in: "query",
              required: false,
              schema: { type: "string", enum: ["true", "false"] },
              description: "Generate before answering",
            },
          ],
          requestBody: {
            required: false,
            content: { "application/json": { schema: { $ref: "#/components/schemas/RunCreate" } } },
          },
          responses: {
            "201": json("Queued (or finished with wait=true)", {
              type: "object",
              required: ["id", "status"],
              properties: { id: { type: "string" }, status: runStatus },
            }),
            ...BAD,
            "404": error("Unknown scenario"),
          },
        },
        get: {
          summary: "The scenario's runs, newest first",
          operationId: "listRuns",
          parameters: [
            idParam("id", "scenario"),
            { name: "cursor", in: "query", schema: { type: "string" } },
            { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 100 } },
          ],
          responses: { "200": json("A page of runs", { type: "object" }), "404": error("Unknown scenario") },
        },
      },
      "/api/runs/{id}": {
        get: {
          summary: "A run: status, counts, validation report, detections",
          operationId: "getRun",
          parameters: [idParam("id", "run")],
          responses: {
            "200": json("The run", { $ref: "#/components/schemas/Run" }),
            "404": error("Unknown run"),
          },
        },
      },
      "/api/runs/{id}/events": {
        get: {
          summary: "The run's events, filtered and paged by seq",
          operationId: "listRunEvents",
          parameters: [idParam("id", "run"), ...queryParameters(eventQuerySchema)],
          responses: {
            "200": json("A page of events", {
              type: "object",
              properties: {
                events: { type: "array", items: { $ref: "#/components/schemas/Event" } },
                nextCursor: { type: ["integer", "null"] },
                total: { type: "integer" },
              },
            }),
            "400": BAD["400"],
            "404": error("Unknown run"),
          },
        },
      },
      "/api/runs/{id}/events/{seq}": {
        get: {
          summary: "One event with raw JSON and XML, validator checks and rules fired",
          operationId: "getRunEvent",
          parameters: [
            idParam("id", "run"),
            { name: "seq", in: "path", required: true, schema: { type: "integer", minimum: 0 } },
          ],
          responses: {
            "200": json("The event", { type: "object" }),
            "400": BAD["400"],
            "404": error("Unknown run or event"),
          },
        },
      },
      "/api/runs/{id}/bundle": {
        get: {
          summary: "The run's signed bundle (zip, streamed)",
          operationId: "getRunBundle",
          parameters: [idParam("id", "run")],
          responses: {
            "200": {
              description: "The bundle",
              content: {
                "application/zip": { schema: { type: "string", contentMediaType: "application/zip" } },
              },
            },
            "404": error("Unknown run"),
            "409": error("The run has not succeeded"),
          },
        },
      },
      "/api/runs/{id}/share": {
        post: {
          summary: "Create a read-only share link (the token is returned once)",
          operationId: "shareRun",
          parameters: [idParam("id", "run")],
          requestBody: {
            required: false,
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: { expiresInDays: { type: "integer", minimum: 1, maximum: 3650 } },
                  additionalProperties: false,
                },
              },
            },
          },
          responses: { "201": json("The link", { type: "object" }), ...BAD, "404": error("Unknown run") },
        },
      },
    },
    components: {
      schemas: {
        ScenarioCreate: schemaOf(scenarioCreateSchema),
        ScenarioUpdate: schemaOf(scenarioUpdateSchema),
        RunCreate: schemaOf(runCreateSchema),
        Error: {
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["code", "message"],
              properties: {
                code: { type: "string" },
                message: { type: "string" },
                issues: {
                  type: "array",
                  items: {
                    type: "object",
                    properties: { path: { type: "string" }, message: { type: "string" } },
                  },
                },
              },
            },
          },
        },
        ScenarioListItem: {
          type: "object",
          properties: {
            id: { type: "string" },
            title: { type: "string" },
            techniques: { type: "array", items: { type: "string" } },
            authorName: { type: ["string", "null"] },
            teamName: { type: "string" },
            owned: { type: "boolean", description: "false for another team's public scenario (read-only)" },
            visibility: { type: "string", enum: ["private", "team", "public"] },
            createdAt: { type: "string", format: "date-time" },
            runCount: { type: "integer" },
            latestRun: { type: ["object", "null"] },
          },
        },
        Run: {
          type: "object",
          required: ["id", "status"],
          properties: {
            id: { type: "string" },
            scenarioId: { type: "string" },
            status: runStatus,
            seed: { type: "integer" },
            eventCount: { type: "integer" },
            engineVersion: { type: "string" },
            attackVersion: { type: ["string", "null"] },
            counts: { type: ["object", "null"] },
            validation: {},
            detections: {},
            links: { type: "object" },
          },
        },
        Event: {
          type: "object",
          properties: {
            seq: { type: "integer" },
            time: { type: "string" },
            host: { type: "string" },
            channel: { type: "string" },
            eventId: { type: "integer" },
            provider: { type: "string" },
            data: { type: "object", additionalProperties: { type: "string" } },
            label: { type: "object" },
            raw: { description: "evtx-json object (with raw=1)" },
          },
        },
      },
    },
  };
}
