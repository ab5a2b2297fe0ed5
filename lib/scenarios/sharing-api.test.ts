import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as scenarioRuns from "@/app/api/scenarios/[id]/runs/route";
import * as duplicate from "@/app/api/scenarios/[id]/duplicate/route";
import * as restore from "@/app/api/scenarios/[id]/restore/route";
import * as scenarioItem from "@/app/api/scenarios/[id]/route";
import * as scenarios from "@/app/api/scenarios/route";
import * as bundle from "@/app/api/runs/[id]/bundle/route";
import * as eventItem from "@/app/api/runs/[id]/events/[seq]/route";
import * as events from "@/app/api/runs/[id]/events/route";
import * as runItem from "@/app/api/runs/[id]/route";
import * as share from "@/app/api/runs/[id]/share/route";
import { readZipEntries } from "@/lib/bundle";
import {
  actorFor,
  addMember,
  createRun,
  createTeam,
  ensureLocalActor,
  ensureUser,
  deleteScenario,
  getScenario,
  listBundles,
  listScenarios,
  readRun,
  readScenario,
  updateRun,
  updateScenario,
  type Actor,
} from "@/lib/db";
import { createTestDatabase, databaseKinds, type TestDatabase } from "@/lib/db/testing/database";
import { generateScenario } from "./run";

// Team B is the API caller (the local team every request acts as); team A ("Red team") owns the scenarios.
const base = "http://127.0.0.1/api";
const get = (path: string) => new Request(`${base}${path}`);
const send = (method: string, path: string, body: unknown = {}) =>
  new Request(`${base}${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
const one = (id: string) => ({ params: Promise.resolve({ id }) });
const skipDetection = { deferDetection: () => {} };
const steps = [{ technique: "T1059.001" }];

async function expectNotFound(response: Response) {
  expect(response.status).toBe(404);
  const body = await response.json();
  expect(body.error.code).toBe("not_found");
  expect(typeof body.error.message).toBe("string");
}

describe.each(databaseKinds)("sharing across teams on %s", (kind) => {
  let database: TestDatabase;
  let teamB: Actor;
  let teamA: Actor;
  const ids = { team: "", private: "", public: "", teamRun: "", privateRun: "", publicRun: "" };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    teamB = await ensureLocalActor();
    const team = await createTeam({ name: "Red team", slug: "red" });
    const user = await ensureUser({ email: "eve@red.example", name: "Eve" });
    await addMember(team.id, user.id);
    teamA = (await actorFor(user.id, team.id))!;
    for (const visibility of ["team", "private", "public"] as const) {
      const made = await generateScenario(
        teamA,
        {
          title: `A's ${visibility} scenario`,
          steps,
          seed: 7,
          visibility: visibility === "private" ? "private" : "team",
        },
        skipDetection,
      );
      if (visibility === "public") await updateScenario(teamA, made.scenarioId, { visibility: "public" });
      ids[visibility] = made.scenarioId;
      ids[`${visibility}Run`] = made.runId;
    }
  });
  afterAll(async () => database?.drop());

  it("hides A's team and private scenarios, their runs, events and bundles from team B (404)", async () => {
    for (const which of ["team", "private"] as const) {
      const id = ids[which];
      const runId = ids[`${which}Run`];
      await expectNotFound(await scenarioItem.GET(get(`/scenarios/${id}`), one(id)));
      await expectNotFound(await scenarioRuns.GET(get(`/scenarios/${id}/runs`), one(id)));
      await expectNotFound(await runItem.GET(get(`/runs/${runId}`), one(runId)));
      await expectNotFound(await events.GET(get(`/runs/${runId}/events`), one(runId)));
      await expectNotFound(
        await eventItem.GET(get(`/runs/${runId}/events/0`), {
          params: Promise.resolve({ id: runId, seq: "0" }),
        }),
      );
      await expectNotFound(await bundle.GET(get(`/runs/${runId}/bundle`), one(runId)));
      expect(await readScenario(teamB, id)).toBeNull();
      expect(await readRun(teamB, runId)).toBeNull();
    }
  });

  it("lets team B read A's public scenario, its runs, events and bundle", async () => {
    const id = ids.public;
    const runId = ids.publicRun;
    const scenario = await (await scenarioItem.GET(get(`/scenarios/${id}`), one(id))).json();
    expect(scenario).toMatchObject({ id, visibility: "public", owned: false, team: "Red team" });
    expect(scenario.runs.map((r: { id: string }) => r.id)).toEqual([runId]);

    const runs = await (await scenarioRuns.GET(get(`/scenarios/${id}/runs`), one(id))).json();
    expect(runs.items).toHaveLength(1);
    const run = await (await runItem.GET(get(`/runs/${runId}`), one(runId))).json();
    expect(run).toMatchObject({ id: runId, status: "succeeded", owned: false });
    expect(run.snapshot.title).toBe("A's public scenario");

    const page = await (await events.GET(get(`/runs/${runId}/events?limit=5`), one(runId))).json();
    expect(page.total).toBe(run.eventCount);
    expect(page.events).toHaveLength(5);
    const detail = await eventItem.GET(get(`/runs/${runId}/events/0`), {
      params: Promise.resolve({ id: runId, seq: "0" }),
    });
    expect(detail.status).toBe(200);
    expect((await detail.json()).event.seq).toBe(0);

    const zip = await bundle.GET(get(`/runs/${runId}/bundle`), one(runId));
    expect(zip.status).toBe(200);
    const entries = readZipEntries(new Uint8Array(await zip.arrayBuffer()));
    expect(entries.map((e) => e.name)).toEqual(
      expect.arrayContaining(["manifest.json", "events/evtx.jsonl"]),
    );
    // Reading another team's bundle is not recorded in that team's bundle log.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await listBundles(teamA, runId)).toEqual([]);
  });

  it("lists A's public scenario under scope=public only, never A's other ones", async () => {
    const shared = await (await scenarios.GET(get("/scenarios?scope=public"))).json();
    const sharedIds = shared.items.map((s: { id: string }) => s.id);
    expect(sharedIds).toContain(ids.public);
    expect(sharedIds).not.toContain(ids.team);
    expect(sharedIds).not.toContain(ids.private);
    expect(shared.items.find((s: { id: string }) => s.id === ids.public)).toMatchObject({
      owned: false,
      teamName: "Red team",
      latestRun: { id: ids.publicRun, status: "succeeded" },
    });
    const own = await (await scenarios.GET(get("/scenarios"))).json();
    expect(own.items.map((s: { id: string }) => s.id)).not.toContain(ids.public);
    const bad = await scenarios.GET(get("/scenarios?scope=everyone"));
    expect(bad.status).toBe(400);
  });

  it("refuses every write to A's public scenario from team B (404) and leaves it unchanged", async () => {
    const id = ids.public;
    const runId = ids.publicRun;
    await expectNotFound(
      await scenarioItem.PATCH(send("PATCH", `/scenarios/${id}`, { title: "Taken" }), one(id)),
    );
    await expectNotFound(
      await scenarioItem.PATCH(send("PATCH", `/scenarios/${id}`, { visibility: "private" }), one(id)),
    );
    await expectNotFound(await scenarioItem.DELETE(send("DELETE", `/scenarios/${id}`), one(id)));
    await expectNotFound(await scenarioRuns.POST(send("POST", `/scenarios/${id}/runs`), one(id)));
    await expectNotFound(await duplicate.POST(send("POST", `/scenarios/${id}/duplicate`), one(id)));
    await expectNotFound(await restore.POST(send("POST", `/scenarios/${id}/restore`), one(id)));
    await expectNotFound(await share.POST(send("POST", `/runs/${runId}/share`), one(runId)));

    const after = await getScenario(teamA, id);
    expect(after).toMatchObject({ title: "A's public scenario", visibility: "public", runCount: 1 });
    expect(after?.deletedAt).toBeNull();
  });

  it("gives out a read-only reader that no mutation accepts", async () => {
    const found = await readRun(teamB, ids.publicRun);
    expect(found?.own).toBe(false);
    const reader = found!.reader;
    await expect(updateRun(reader, ids.publicRun, { error: "x" })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(createRun(reader, ids.public, { engineVersion: "x" })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(updateScenario(reader, ids.public, { title: "x" })).rejects.toMatchObject({
      code: "not_found",
    });
    // The reader sees nothing of A's but the public scenario.
    expect(await getScenario(reader, ids.team)).toBeNull();
    expect(await readRun(reader, ids.privateRun)).toBeNull();
    expect(await getScenario(reader, ids.public)).toMatchObject({ id: ids.public });
  });

  it("hides the scenario again once A makes it team-only", async () => {
    await updateScenario(teamA, ids.public, { visibility: "team" });
    await expectNotFound(await scenarioItem.GET(get(`/scenarios/${ids.public}`), one(ids.public)));
    await expectNotFound(await runItem.GET(get(`/runs/${ids.publicRun}`), one(ids.publicRun)));
    await updateScenario(teamA, ids.public, { visibility: "public" });
  });

  it("stops sharing a public scenario A deletes, and never shows A's trash", async () => {
    const made = await generateScenario(
      teamA,
      { title: "A's deleted public", steps, seed: 3 },
      skipDetection,
    );
    await updateScenario(teamA, made.scenarioId, { visibility: "public" });
    expect(await readScenario(teamB, made.scenarioId)).not.toBeNull();
    await deleteScenario(teamA, made.scenarioId);
    await expectNotFound(await scenarioItem.GET(get(`/scenarios/${made.scenarioId}`), one(made.scenarioId)));
    await expectNotFound(await runItem.GET(get(`/runs/${made.runId}`), one(made.runId)));
    const shared = await listScenarios(teamB, { scope: "public" });
    expect(shared.items.map((s) => s.id)).not.toContain(made.scenarioId);
    const trash = await listScenarios(teamB, { scope: "public", deleted: true });
    expect(trash.items.map((s) => s.id)).not.toContain(made.scenarioId);
    expect((await listScenarios(teamA, { deleted: true })).items.map((s) => s.id)).toContain(made.scenarioId);
  });
});
