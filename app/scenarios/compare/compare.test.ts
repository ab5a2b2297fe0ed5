import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  actorFor,
  addMember,
  compareRuns,
  completeRun,
  createRun,
  createScenario,
  createTeam,
  deleteScenario,
  ensureLocalActor,
  ensureUser,
  insertRunEvents,
  restoreScenario,
  type Actor,
} from "@/lib/db";
import { createTestDatabase, databaseKinds, type TestDatabase } from "@/lib/db/testing/database";
import { syntheticEvents } from "@/lib/db/testing/events";
import ComparePage from "./page";

// The local actor (what the page acts as) is "us"; the Red team owns a public, a team and a private scenario.
const ENGINE = { engineVersion: "engine-test-1", attackVersion: "18.1" };
const steps = [{ technique: "T1059.001" }];

async function storedRun(actor: Actor, scenarioId: string, count: number): Promise<string> {
  const run = await createRun(actor, scenarioId, ENGINE);
  await insertRunEvents(actor, run.id, syntheticEvents(count, { seed: 5 }));
  await completeRun(actor, run.id, {});
  return run.id;
}

/** The page's element for ?a=&b=, or the error it throws (Next's notFound() throws a 404 marker). */
const page = (a: string, b: string) => ComparePage({ searchParams: Promise.resolve({ a, b }) });
const NOT_FOUND = { digest: expect.stringContaining("404") };

describe.each(databaseKinds)("comparing runs across teams on %s", (kind) => {
  let database: TestDatabase;
  let us: Actor;
  let red: Actor;
  const runs = { ours: "", public: "", public2: "", team: "", private: "" };
  let publicScenario = "";

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    us = await ensureLocalActor();
    const team = await createTeam({ name: "Red team", slug: "red" });
    const user = await ensureUser({ email: "eve@red.example", name: "Eve" });
    await addMember(team.id, user.id);
    red = (await actorFor(user.id, team.id))!;

    const ours = await createScenario(us, { title: "Our scenario", steps, seed: 1 });
    runs.ours = await storedRun(us, ours.id, 300);
    const pub = await createScenario(red, { title: "Red public", steps, seed: 2, visibility: "public" });
    publicScenario = pub.id;
    runs.public = await storedRun(red, pub.id, 302);
    runs.public2 = await storedRun(red, pub.id, 300);
    for (const visibility of ["team", "private"] as const) {
      const s = await createScenario(red, { title: `Red ${visibility}`, steps, seed: 3, visibility });
      runs[visibility] = await storedRun(red, s.id, 300);
    }
  });
  afterAll(async () => database?.drop());

  it("compares the team's run with another team's public run, each side named", async () => {
    const diff = await compareRuns(us, runs.ours, runs.public);
    expect(diff.a).toMatchObject({ runId: runs.ours, title: "Our scenario", own: true });
    expect(diff.b).toMatchObject({
      runId: runs.public,
      scenarioId: publicScenario,
      title: "Red public",
      own: false,
    });
    expect(diff.a.counts.total).toBe(300);
    expect(diff.b.counts.total).toBe(302);
    expect(diff.totalOnlyInA).toBe(0);
    expect(diff.onlyInB.map((e) => e.seq)).toEqual([300, 301]);
  });

  it("compares two public runs of another team", async () => {
    const diff = await compareRuns(us, runs.public2, runs.public);
    expect([diff.a.own, diff.b.own]).toEqual([false, false]);
    expect(diff.totalOnlyInB).toBe(2);
  });

  it("refuses another team's team and private runs, and unknown ids, as not found", async () => {
    for (const hidden of [runs.team, runs.private, "0190f0d2-7b8c-7d3e-8f00-000000000000", "bad id!"]) {
      await expect(compareRuns(us, runs.ours, hidden)).rejects.toMatchObject({ code: "not_found" });
      await expect(compareRuns(us, hidden, runs.public)).rejects.toMatchObject({ code: "not_found" });
    }
    // The owning team still compares its own team and private runs.
    expect((await compareRuns(red, runs.team, runs.private)).a.own).toBe(true);
  });

  it("stops comparing a public run once its scenario is deleted", async () => {
    await deleteScenario(red, publicScenario);
    await expect(compareRuns(us, runs.ours, runs.public)).rejects.toMatchObject({ code: "not_found" });
    await restoreScenario(red, publicScenario);
    expect((await compareRuns(us, runs.ours, runs.public)).b.own).toBe(false);
  });

  it("renders the page for a readable pair, and answers 404 otherwise", async () => {
    const html = renderToStaticMarkup(await page(runs.ours, runs.public));
    expect(html).toContain("Run A: Our scenario");
    expect(html).toContain("Run B: Red public");
    expect(html).toContain("another team&#x27;s (read-only)");
    expect(html).toContain(`/scenarios/${publicScenario}/runs/${runs.public}`);
    await expect(page(runs.ours, runs.team)).rejects.toMatchObject(NOT_FOUND);
    await expect(page(runs.private, runs.public)).rejects.toMatchObject(NOT_FOUND);
  });
});
