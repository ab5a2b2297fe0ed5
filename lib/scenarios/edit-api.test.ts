import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as scenarioRuns from "@/app/api/scenarios/[id]/runs/route";
import * as scenarioItem from "@/app/api/scenarios/[id]/route";
import * as runItem from "@/app/api/runs/[id]/route";
import * as openapi from "@/app/api/openapi.json/route";
import { ensureLocalActor, type Actor } from "@/lib/db";
import { createTestDatabase, databaseKinds, type TestDatabase } from "@/lib/db/testing/database";
import { generateScenario } from "./run";

const base = "http://127.0.0.1/api";
const one = (id: string) => ({ params: Promise.resolve({ id }) });
const patch = (id: string, body: unknown, type = "application/json") =>
  scenarioItem.PATCH(
    new Request(`${base}/scenarios/${id}`, {
      method: "PATCH",
      headers: { "content-type": type },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
    one(id),
  );

async function errorOf(response: Response) {
  const body = await response.json();
  expect(Object.keys(body)).toEqual(["error"]);
  expect(typeof body.error.code).toBe("string");
  expect(typeof body.error.message).toBe("string");
  return { status: response.status, ...body.error } as {
    status: number;
    code: string;
    message: string;
    issues?: { path: string; message: string }[];
  };
}

describe.each(databaseKinds)("PATCH /api/scenarios/{id} on %s", (kind) => {
  let database: TestDatabase;
  let actor: Actor;
  let scenarioId: string;
  let firstRun: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    actor = await ensureLocalActor();
    const made = await generateScenario(
      actor,
      { title: "Before the edit", steps: [{ technique: "T1059.001" }], seed: 11, tags: ["old"] },
      { deferDetection: () => {} },
    );
    scenarioId = made.scenarioId;
    firstRun = made.runId;
  });
  afterAll(async () => database?.drop());

  it("saves an edit; the earlier run keeps its snapshot and a new run uses the edit", async () => {
    const response = await patch(scenarioId, {
      title: "After the edit",
      narrative: "Edited narrative",
      steps: [{ technique: "T1059.001" }, { technique: "T1547.001", action: "persist in the Run key" }],
      environment: { domain: "corp.example", hosts: [{ name: "WS01", role: "workstation" }] },
      seed: 99,
      tags: ["edited", "edited", "persistence"],
    });
    expect(response.status).toBe(200);
    const saved = await response.json();
    expect(saved).toMatchObject({
      id: scenarioId,
      title: "After the edit",
      narrative: "Edited narrative",
      seed: 99,
      tags: ["edited", "persistence"],
      techniques: ["T1059.001", "T1059", "T1547.001", "T1547"],
      environment: { domain: "corp.example", hosts: [{ name: "WS01", role: "workstation" }] },
      owned: true,
    });
    const read = await (
      await scenarioItem.GET(new Request(`${base}/scenarios/${scenarioId}`), one(scenarioId))
    ).json();
    expect(read.title).toBe("After the edit");

    const old = await (await runItem.GET(new Request(`${base}/runs/${firstRun}`), one(firstRun))).json();
    expect(old.snapshot).toMatchObject({ title: "Before the edit", seed: 11, tags: ["old"] });
    expect(old.snapshot.steps).toEqual([{ technique: "T1059.001" }]);

    const started = await scenarioRuns.POST(
      new Request(`${base}/scenarios/${scenarioId}/runs?wait=true`, { method: "POST" }),
      one(scenarioId),
    );
    expect(started.status).toBe(201);
    const { id } = await started.json();
    const next = await (await runItem.GET(new Request(`${base}/runs/${id}`), one(id))).json();
    expect(next.status).toBe("succeeded");
    expect(next.snapshot).toMatchObject({ title: "After the edit", seed: 99 });
    expect(next.snapshot.steps).toHaveLength(2);
  });

  it("changes visibility alone", async () => {
    const response = await patch(scenarioId, { visibility: "public" });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ visibility: "public", title: "After the edit" });
    expect((await patch(scenarioId, { visibility: "team" })).status).toBe(200);
  });

  it.each([
    ["an empty body", {}, "validation_failed", ""],
    ["a title of the wrong type", { title: 5 }, "validation_failed", "title"],
    ["an empty title", { title: "   " }, "validation_failed", "title"],
    ["no steps", { steps: [] }, "validation_failed", "steps"],
    ["a step without a technique", { steps: [{ action: "x" }] }, "validation_failed", "steps.0.technique"],
    ["a bad technique id", { steps: [{ technique: "T12" }] }, "validation_failed", "steps.0.technique"],
    ["a seed that is not a number", { seed: "12" }, "validation_failed", "seed"],
    ["a negative seed", { seed: -1 }, "validation_failed", "seed"],
    ["tags that are not strings", { tags: [1, 2] }, "validation_failed", "tags.0"],
    ["an unknown visibility", { visibility: "world" }, "validation_failed", "visibility"],
    ["an unknown field", { title: "ok", owner: "me" }, "validation_failed", ""],
    [
      "a bad host name",
      { environment: { hosts: [{ name: "bad host!" }] } },
      "validation_failed",
      "environment.hosts.0.name",
    ],
    ["a 100 KB narrative", { narrative: "x".repeat(100_000) }, "validation_failed", "narrative"],
    ["an array body", [{ title: "x" }], "validation_failed", ""],
  ])("answers 400 with issues for %s", async (_name, body, code, path) => {
    const error = await errorOf(await patch(scenarioId, body));
    expect(error).toMatchObject({ status: 400, code });
    expect(error.issues?.length).toBeGreaterThan(0);
    if (path) expect(error.issues!.map((i) => i.path)).toContain(path);
  });

  it("answers 413 for a 300 KB string, 415 for another content type, 400 for broken JSON", async () => {
    expect(await errorOf(await patch(scenarioId, { title: "x".repeat(300_000) }))).toMatchObject({
      status: 413,
      code: "payload_too_large",
    });
    expect(await errorOf(await patch(scenarioId, { title: "x" }, "text/plain"))).toMatchObject({
      status: 415,
      code: "unsupported_media_type",
    });
    expect(await errorOf(await patch(scenarioId, '{"title": '))).toMatchObject({
      status: 400,
      code: "bad_request",
    });
    // Nothing of the above was saved.
    const read = await (
      await scenarioItem.GET(new Request(`${base}/scenarios/${scenarioId}`), one(scenarioId))
    ).json();
    expect(read.title).toBe("After the edit");
  });

  it("answers 404 for unknown and malformed ids", async () => {
    for (const id of ["0190f0d2-7b8c-7d3e-8f00-000000000000", "nope", "x".repeat(500)]) {
      expect(await errorOf(await patch(id, { title: "x" }))).toMatchObject({
        status: 404,
        code: "not_found",
      });
    }
  });

  it("is described in the OpenAPI document", async () => {
    const doc = await openapi.GET(new Request(`${base}/openapi.json`)).json();
    const op = doc.paths["/api/scenarios/{id}"].patch;
    expect(op.operationId).toBe("updateScenario");
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(["200", "400", "404", "413", "415"]));
    const schema = doc.components.schemas.ScenarioUpdate;
    expect(schema.required ?? []).toEqual([]);
    expect(schema.properties.visibility.enum).toEqual(["private", "team", "public"]);
    expect(schema.properties.title.maxLength).toBe(200);
    const list = doc.paths["/api/scenarios"].get.parameters.find((p: { name: string }) => p.name === "scope");
    expect(list.schema.enum).toEqual(["team", "public"]);
  });
});
