import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  actorFor,
  addMember,
  compareRuns,
  completeRun,
  createRun,
  createScenario,
  createShareLink,
  createTeam,
  deleteScenario,
  ensureLocalActor,
  ensureUser,
  failRun,
  getRun,
  getRunEvent,
  insertRunEvents,
  iterateRunEvents,
  listBundles,
  listRuns,
  listScenarios,
  listSharedRuns,
  markRunRunning,
  queryRunEvents,
  querySharedRunEvents,
  readSharedRun,
  readSharedScenario,
  recordBundle,
  resolveShareLink,
  restoreScenario,
  revokeShareLink,
  runEventFacets,
  type Actor,
  type RunRecord,
} from "./index";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./testing/database";
import { syntheticEvents } from "./testing/events";

const ENGINE = { engineVersion: "engine-test-1", attackVersion: "18.1" };
const COUNT = 3_000;

describe.each(databaseKinds)("runs, events, comparison and share links on %s", (kind) => {
  let database: TestDatabase;
  let local: Actor;
  let other: Actor;
  let scenarioId: string;
  let run: RunRecord;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    local = await ensureLocalActor();
    const team = await createTeam({ name: "Other", slug: "other" });
    const user = await ensureUser({ email: "mallory@other.example", name: "Mallory" });
    await addMember(team.id, user.id);
    other = (await actorFor(user.id, team.id))!;
    const scenario = await createScenario(local, {
      title: "Macro to PowerShell",
      steps: [{ technique: "T1059.001" }],
      seed: 5,
      formats: ["evtx-json"],
    });
    scenarioId = scenario.id;
    run = await createRun(local, scenarioId, ENGINE);
    await markRunRunning(local, run.id);
    const stored = await insertRunEvents(local, run.id, syntheticEvents(COUNT, { seed: 5 }), {
      batchSize: 700,
    });
    expect(stored.inserted).toBe(COUNT);
    run = await completeRun(local, run.id, { validation: { ok: true, issues: [] } });
  });
  afterAll(() => database.drop());

  it("snapshots the scenario and moves status forward with timings and counts", async () => {
    expect(run).toMatchObject({
      status: "succeeded",
      seed: 5,
      mode: "deterministic",
      eventCount: COUNT,
      ...ENGINE,
    });
    expect(run.snapshot).toMatchObject({ title: "Macro to PowerShell", steps: [{ technique: "T1059.001" }] });
    expect(run.startedAt && run.finishedAt && run.durationMs! >= 0).toBeTruthy();
    expect(run.counts!.total).toBe(COUNT);
    expect(run.counts!.byHost).toEqual({
      "WS01.corp.example": 1000,
      "WS02.corp.example": 1000,
      "DC01.corp.example": 1000,
    });
    expect(Object.values(run.counts!.byEventId).reduce((a, b) => a + b, 0)).toBe(COUNT);
    expect(run.validation).toEqual({ ok: true, issues: [] });
    await expect(markRunRunning(local, run.id)).rejects.toMatchObject({ code: "conflict" });
    const failed = await failRun(local, (await createRun(local, scenarioId, ENGINE)).id, "renderer crashed");
    expect(failed).toMatchObject({ status: "failed", error: "renderer crashed" });
    const runs = await listRuns(local, scenarioId, { limit: 1 });
    expect(runs.items[0].id).toBe(failed.id);
    const listed = (await listScenarios(local, {})).items.find((s) => s.id === scenarioId)!;
    expect(listed).toMatchObject({ runCount: 2, lastRun: { id: failed.id, status: "failed" } });
    expect((await listRuns(local, scenarioId, { cursor: runs.nextCursor! })).items[0].id).toBe(run.id);
  });

  it("pages through every event exactly once with a keyset cursor", async () => {
    const seen: number[] = [];
    let cursor: number | undefined;
    let pages = 0;
    do {
      const page = await queryRunEvents(local, run.id, { limit: 1_000, cursor });
      expect(page.total).toBe(COUNT);
      seen.push(...page.events.map((e) => e.seq));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor !== undefined);
    expect(pages).toBe(3);
    expect(seen).toEqual(Array.from({ length: COUNT }, (_, i) => i));
    let streamed = 0;
    for await (const event of iterateRunEvents(local, run.id, 1_100)) expect(event.seq).toBe(streamed++);
    expect(streamed).toBe(COUNT);
  });

  it("filters by columns, label, full text and pivots", async () => {
    const sysmon1 = await queryRunEvents(local, run.id, {
      channel: "Microsoft-Windows-Sysmon/Operational",
      eventId: 1,
    });
    expect(sysmon1.total).toBeGreaterThan(0);
    expect(sysmon1.events.every((e) => e.eventId === 1)).toBe(true);
    const bad = await queryRunEvents(local, run.id, { label: "malicious", limit: 5_000 });
    expect(bad.total).toBe(COUNT / 10);
    expect(bad.events.every((e) => e.malicious && e.technique === "T1059.001")).toBe(true);
    expect((await queryRunEvents(local, run.id, { technique: "T1059" })).total).toBe(COUNT / 10);
    expect((await queryRunEvents(local, run.id, { image: "powershell.exe" })).total).toBe(COUNT / 10);
    expect((await queryRunEvents(local, run.id, { q: "-ENC" })).total).toBe(COUNT / 10);
    const registry = [...syntheticEvents(COUNT, { seed: 5 })].filter((e) => e.eventId === 13).length;
    const runKey = await queryRunEvents(local, run.id, { eventId: 13, q: "CurrentVersion\\Run\\Updater" });
    expect(runKey.total).toBe(registry);
    expect((await queryRunEvents(local, run.id, { q: "100%_" })).total).toBe(0);
    const first = bad.events[0];
    const children = await queryRunEvents(local, run.id, { parentProcessGuid: first.processGuid! });
    expect(children.events.map((e) => e.raw)).toContainEqual(bad.events[1].raw);
    const sameLogon = await queryRunEvents(local, run.id, {
      logonId: first.logonId!,
      host: "ws01.CORP.example",
    });
    expect(sameLogon.events.every((e) => e.logonId === first.logonId && e.host === "WS01.corp.example")).toBe(
      true,
    );
    const detail = await getRunEvent(local, run.id, first.seq);
    expect(detail?.raw).toEqual(first.raw);
    await expect(queryRunEvents(local, run.id, { eventId: -3 })).rejects.toMatchObject({
      code: "validation_failed",
    });
  });

  it("counts facets under the same filters", async () => {
    const facets = await runEventFacets(local, run.id);
    expect(facets.total).toBe(COUNT);
    expect(facets.malicious).toBe(COUNT / 10);
    expect(facets.hosts.map((h) => h.count)).toEqual([1000, 1000, 1000]);
    const onDc = await runEventFacets(local, run.id, { host: "DC01.corp.example" });
    expect(onDc.total).toBe(1000);
  });

  it("compares two runs by stable keys", async () => {
    const twin = await createRun(local, scenarioId, { ...ENGINE, seed: 6 });
    await insertRunEvents(local, twin.id, syntheticEvents(COUNT + 2, { seed: 5 }));
    const same = await compareRuns(local, run.id, twin.id);
    expect(same.totalOnlyInA).toBe(0);
    expect(same.totalOnlyInB).toBe(2);
    expect(same.onlyInB.map((e) => e.seq)).toEqual([COUNT, COUNT + 1]);
    expect(same.deltas.byHost).toEqual([
      { key: "WS01.corp.example", a: 1000, b: 1001 },
      { key: "WS02.corp.example", a: 1000, b: 1001 },
    ]);
  });

  it("stores all of a call's events or none of them", async () => {
    const fresh = await createRun(local, scenarioId, ENGINE);
    const events = [...syntheticEvents(250, { seed: 9 })];
    events[180] = { ...events[180], eventId: 70_000 };
    const failed = insertRunEvents(local, fresh.id, events, { batchSize: 100 });
    await expect(failed).rejects.toMatchObject({ code: "validation_failed" });
    await expect(failed).rejects.toThrow(/events\.180\.eventId/);
    expect((await queryRunEvents(local, fresh.id)).total).toBe(0);
    await insertRunEvents(local, fresh.id, events.slice(0, 100));
    await expect(insertRunEvents(local, fresh.id, [{ ...events[0], seq: 5 }])).rejects.toThrow();
    expect((await queryRunEvents(local, fresh.id)).total).toBe(100);
    const timed = await completeRun(local, fresh.id, { timings: { plan: 1.5, render: 12 } });
    expect(timed).toMatchObject({ eventCount: 100, timings: { plan: 1.5, render: 12 } });
  });

  it("hides runs, events and bundles from another team", async () => {
    expect(await getRun(other, run.id)).toBeNull();
    expect(await getRunEvent(other, run.id, 0)).toBeNull();
    await expect(queryRunEvents(other, run.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(insertRunEvents(other, run.id, [])).rejects.toMatchObject({ code: "not_found" });
    await expect(createRun(other, scenarioId, ENGINE)).rejects.toMatchObject({ code: "not_found" });
    await expect(compareRuns(other, run.id, run.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(createShareLink(other, { runId: run.id })).rejects.toMatchObject({ code: "not_found" });
    const bundle = await recordBundle(local, run.id, {
      formats: ["evtx-json"],
      sha256: "a".repeat(64),
      size: 10,
    });
    expect((await listBundles(local, run.id)).map((b) => b.id)).toEqual([bundle.id]);
    await expect(listBundles(other, run.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("resolves share links until they expire or are revoked", async () => {
    const now = new Date("2026-03-01T12:00:00Z");
    const link = await createShareLink(local, { runId: run.id, expiresInSeconds: 3600 }, now);
    expect(Buffer.from(link.token, "base64url").length).toBeGreaterThanOrEqual(16);
    const share = await resolveShareLink(link.token, new Date("2026-03-01T12:30:00Z"));
    expect(share).toMatchObject({ target: "run", runId: run.id });
    expect((await readSharedRun(share!))?.id).toBe(run.id);
    expect((await readSharedScenario(share!))?.id).toBe(scenarioId);
    expect((await listSharedRuns(share!)).map((r) => r.id)).toEqual([run.id]);
    expect((await querySharedRunEvents(share!, run.id, { limit: 2 })).events).toHaveLength(2);
    const otherRun = await createRun(local, scenarioId, ENGINE);
    expect(await readSharedRun(share!, otherRun.id)).toBeNull();
    await expect(querySharedRunEvents(share!, otherRun.id)).rejects.toMatchObject({ code: "not_found" });
    expect(await resolveShareLink(link.token, new Date("2026-03-01T13:00:01Z"))).toBeNull();
    expect(
      await resolveShareLink(link.token.slice(0, -1) + (link.token.endsWith("A") ? "B" : "A"), now),
    ).toBeNull();
    expect(await resolveShareLink("short", now)).toBeNull();

    const forever = await createShareLink(local, { scenarioId });
    const viaScenario = await resolveShareLink(forever.token);
    expect((await listSharedRuns(viaScenario!)).length).toBeGreaterThanOrEqual(3);
    await deleteScenario(local, scenarioId);
    expect(await resolveShareLink(forever.token)).toBeNull();
    await restoreScenario(local, scenarioId);
    await expect(revokeShareLink(other, forever.id)).rejects.toMatchObject({ code: "not_found" });
    const revoked = await revokeShareLink(local, forever.id);
    expect(revoked.active).toBe(false);
    expect(await resolveShareLink(forever.token)).toBeNull();
  });
});
