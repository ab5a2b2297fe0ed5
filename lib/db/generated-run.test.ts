import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderScenario } from "@/lib/scenarios/render";
import { db } from "./client";
import { storeGeneratedScenario } from "./generated-run";
import { ensureLocalActor, getRun, getScenario, queryRunEvents, type Actor } from "./index";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./testing/database";

const def = { title: "Generate in one transaction", steps: [{ technique: "T1059.001" }] };

describe.each(databaseKinds)("the builder's Generate stored in one transaction on %s", (kind) => {
  let database: TestDatabase;
  let actor: Actor;
  const rendered = renderScenario(def, 41);
  const input = (rows = rendered.rows) => ({
    scenario: { ...def, seed: 41 },
    run: { engineVersion: "engine-test-1", attackVersion: "18.1", startedAt: new Date(Date.now() - 50) },
    result: { eventCount: rows.length, timings: { generate: 1 } },
    rows,
  });

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    actor = await ensureLocalActor();
  }, 120_000);
  afterAll(() => database?.drop());

  it("writes the scenario, the run in its final state and readable, searchable events", async () => {
    const { scenarioId, run } = await storeGeneratedScenario(actor, input());
    expect((await getScenario(actor, scenarioId))?.title).toBe(def.title);
    const stored = await getRun(actor, run.id);
    expect(stored).toMatchObject({ status: "succeeded", eventCount: rendered.rows.length, seed: 41 });
    expect(stored?.durationMs).toBeGreaterThanOrEqual(50);
    expect(stored?.snapshot.steps).toEqual(def.steps);
    const page = await queryRunEvents(actor, run.id, { limit: 500 });
    expect(page.total).toBe(rendered.rows.length);
    expect(page.events[7].raw).toEqual(rendered.rows[7].raw);
    // Search and the pivot columns come from the engine's event, not a parse of the stored text.
    const file = rendered.rows
      .find((r) => r.image)!
      .image!.split("\\")
      .pop()!;
    const byText = await queryRunEvents(actor, run.id, { q: file.toUpperCase() });
    expect(byText.total).toBeGreaterThan(0);
    expect(byText.events.every((e) => JSON.stringify(e.raw).toLowerCase().includes(file.toLowerCase()))).toBe(
      true,
    );
  });

  it("stores a run too big for one statement in a transaction of batches", async () => {
    const many = Array.from({ length: 2_100 }, (_, i) => ({
      ...rendered.rows[i % rendered.rows.length],
      seq: i,
    }));
    const { scenarioId, run } = await storeGeneratedScenario(
      actor,
      input(many as unknown as typeof rendered.rows),
    );
    expect((await getScenario(actor, scenarioId))?.seed).toBe(41);
    expect(await db().runEvent.count({ where: { runId: run.id } })).toBe(2_100);
    expect((await getRun(actor, run.id))?.status).toBe("succeeded");
  });

  it("leaves nothing behind when the events cannot be stored", async () => {
    const counts = () => Promise.all([db().scenario.count(), db().run.count(), db().runEvent.count()]);
    const before = await counts();
    const broken = [...rendered.rows, rendered.rows[0]]; // a duplicate seq breaks the primary key
    await expect(storeGeneratedScenario(actor, input(broken))).rejects.toThrow();
    expect(await counts()).toEqual(before);
    expect(before[0]).toBe(2);
    // The same for a big run (the transaction path).
    const big = Array.from({ length: 2_100 }, (_, i) => ({ ...rendered.rows[0], seq: i % 2_099 }));
    await expect(
      storeGeneratedScenario(actor, input(big as unknown as typeof rendered.rows)),
    ).rejects.toThrow();
    expect(await counts()).toEqual(before);
  });
});
