import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as openapi from "@/app/api/openapi.json/route";
import * as scenarios from "@/app/api/scenarios/route";
import {
  actorFor,
  addMember,
  createTeam,
  ensureLocalActor,
  ensureUser,
  listScenarios,
  readRun,
  readScenario,
  type Actor,
} from "@/lib/db";
import { createTestDatabase, databaseKinds, type TestDatabase } from "@/lib/db/testing/database";
import { generateScenario } from "./run";

// A scenario may be created public (POST /api/scenarios and the builder's Generate): another team then reads
// it at once, without a later PATCH.
const base = "http://127.0.0.1/api";
const post = (body: unknown) =>
  scenarios.POST(
    new Request(`${base}/scenarios`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
  );
const steps = [{ technique: "T1059.001" }];

describe.each(databaseKinds)("creating a scenario with a visibility on %s", (kind) => {
  let database: TestDatabase;
  let local: Actor;
  let other: Actor;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    local = await ensureLocalActor();
    const team = await createTeam({ name: "Blue team", slug: "blue" });
    const user = await ensureUser({ email: "bob@blue.example", name: "Bob" });
    await addMember(team.id, user.id);
    other = (await actorFor(user.id, team.id))!;
  });
  afterAll(async () => database?.drop());

  it("POST /api/scenarios stores a public scenario that another team reads, read-only", async () => {
    const response = await post({ title: "Public from the start", steps, visibility: "public" });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    const read = await readScenario(other, id);
    expect(read).toMatchObject({ own: false, scenario: { id, visibility: "public" } });
    const listed = await listScenarios(other, { scope: "public" });
    expect(listed.items.map((s) => s.id)).toContain(id);
    // Not in the other team's own list: it stays the creating team's scenario.
    expect((await listScenarios(other)).items.map((s) => s.id)).not.toContain(id);
  });

  it("POST /api/scenarios keeps team and private scenarios from other teams", async () => {
    for (const visibility of ["team", "private", undefined]) {
      const response = await post({ title: `Hidden ${visibility}`, steps, visibility });
      expect(response.status).toBe(201);
      const { id } = (await response.json()) as { id: string };
      expect(await readScenario(other, id)).toBeNull();
      expect((await readScenario(local, id))?.scenario.visibility).toBe(visibility ?? "team");
    }
  });

  it("refuses an unknown visibility with the field named", async () => {
    const response = await post({ title: "Nope", steps, visibility: "world" });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.issues.map((i: { path: string }) => i.path)).toContain("visibility");
  });

  it("the builder's Generate stores a public scenario whose run another team reads", async () => {
    const made = await generateScenario(
      local,
      { title: "Generated public", steps, seed: 3, visibility: "public" },
      { deferDetection: () => {} },
    );
    expect((await readScenario(other, made.scenarioId))?.scenario.visibility).toBe("public");
    expect(await readRun(other, made.runId)).toMatchObject({ own: false, run: { id: made.runId } });
  });

  it("is described in the OpenAPI document", async () => {
    const doc = await openapi.GET(new Request(`${base}/openapi.json`)).json();
    const create = doc.components.schemas.ScenarioCreate;
    expect(create.properties.visibility.enum).toEqual(["private", "team", "public"]);
    expect(doc.paths["/api/scenarios"].post.description).toMatch(/public/);
  });
});
