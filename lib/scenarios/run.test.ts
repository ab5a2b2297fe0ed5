import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildProcessModel, ancestry } from "@/components/viewer/process-model";
import { ensureLocalActor, type Actor } from "@/lib/db/actors";
import { queryRunEvents } from "@/lib/db/events";
import { compareRuns } from "@/lib/db/compare";
import { getRun } from "@/lib/db/runs";
import { createTestDatabase, databaseKinds, type TestDatabase } from "@/lib/db/testing/database";
import { InputError } from "@/lib/schemas/errors";
import { readZipEntries, verifyBundle } from "@/lib/bundle";
import { readEntry } from "@/lib/bundle/zip-read";
import { generate, serialize } from "@/lib/engine/generate";
import { procedures } from "@/lib/procedures/registry";
import { toEngineSpec } from "./spec";
import { runBundle } from "./bundle";
import { eventDetail } from "./event-detail";
import { previewPlan } from "./preview";
import { executeRun, generateScenario, queueRun } from "./run";
import { toViewerEvent } from "./viewer-data";

const SYSMON = "Microsoft-Windows-Sysmon/Operational";
const INPUT = {
  title: "Word macro to Run key",
  steps: [{ technique: "T1059.001" }, { technique: "T1547.001" }],
  seed: 4242,
  formats: ["evtx-json", "evtx-xml"],
};

describe.each(databaseKinds)("scenario orchestration on %s", (kind) => {
  let database: TestDatabase;
  let actor: Actor;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    actor = await ensureLocalActor();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("generates, stores and reads back a two-step scenario", async () => {
    const { scenarioId, runId, status } = await generateScenario(actor, INPUT);
    expect(status).toBe("succeeded");
    const run = await getRun(actor, runId);
    expect(run?.scenarioId).toBe(scenarioId);
    expect(run?.seed).toBe(4242);
    expect(run?.eventCount).toBeGreaterThan(50);
    expect(run?.counts?.total).toBe(run?.eventCount);
    // The coherence validator ran over the stored run and found nothing to report.
    const validation = run?.validation as { checks: { id: string }[]; violations: unknown[] };
    expect(validation.checks.map((c) => c.id)).toEqual(expect.arrayContaining(["record-order"]));
    expect(validation.violations).toEqual([]);

    // The Run key written by the second step is a Sysmon 13 event, labelled with its technique.
    const runKey = await queryRunEvents(actor, runId, { channel: SYSMON, eventId: 13, label: "malicious" });
    expect(runKey.total).toBeGreaterThanOrEqual(1);
    const data = toViewerEvent(runKey.events[0]).data;
    expect(data.TargetObject).toMatch(/\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\/);
    expect(runKey.events[0].technique).toBe("T1547.001");

    // winword.exe spawns powershell.exe in the process tree built from the stored events.
    const creations = await queryRunEvents(actor, runId, { channel: SYSMON, eventId: 1, limit: 5000 });
    const model = buildProcessModel(creations.events.map(toViewerEvent));
    const ps = [...model.nodes.values()].find(
      (n) => n.name.toLowerCase() === "powershell.exe" && n.malicious,
    );
    expect(ps).toBeDefined();
    const chain = ancestry(model, ps!.key).map((k) => model.nodes.get(k)!.name.toLowerCase());
    expect(chain.slice(-2)).toEqual(["winword.exe", "powershell.exe"]);

    // The detail of that event carries raw JSON and the XML Event Viewer would show.
    const detail = await eventDetail(actor, run!, runKey.events[0].seq);
    expect(detail.xml).toContain("<EventID>13</EventID>");
    expect(detail.xml).toContain("CurrentVersion\\Run\\");
    expect(detail.checks.length).toBeGreaterThan(0);
  });

  it("re-runs a stored scenario with a new seed through the queue", async () => {
    const { scenarioId, runId } = await generateScenario(actor, INPUT);
    const queued = await queueRun(actor, scenarioId, { seed: 7 });
    expect(queued.status).toBe("queued");
    const done = await executeRun(actor, queued.id);
    expect(done.status).toBe("succeeded");
    const first = await queryRunEvents(actor, runId, { channel: SYSMON, eventId: 1, label: "malicious" });
    const second = await queryRunEvents(actor, queued.id, {
      channel: SYSMON,
      eventId: 1,
      label: "malicious",
    });
    expect(second.total).toBe(first.total);
    expect(second.events[0].processGuid).not.toBe(first.events[0].processGuid);
    // No model configured: the run says the deterministic planner made it.
    expect(done).toMatchObject({
      mode: "deterministic",
      provenance: { mode: "deterministic", fallback: false },
    });

    // Host names change with the seed; the comparison pairs events by host role instead.
    const diff = await compareRuns(actor, runId, queued.id);
    const keys = diff.deltas.byHost.map((d) => d.key);
    expect(keys.every((k) => k.startsWith("@"))).toBe(true);
    const original = await getRun(actor, runId);
    const hostsOf = (r: typeof original) =>
      (r?.validation as { hosts: { name: string }[] }).hosts.map((h) => h.name);
    if (hostsOf(original).join() !== hostsOf(done).join()) {
      expect(diff.totalOnlyInA).toBeLessThan(original!.eventCount / 2);
    }
  });

  it("streams a signed bundle that verifies, and fails once a byte changes", async () => {
    const { runId } = await generateScenario(actor, INPUT);
    const run = (await getRun(actor, runId))!;
    const bytes = new Uint8Array(
      await new Response(await runBundle(actor, run, new Date("2026-03-02T10:00:00Z"))).arrayBuffer(),
    );
    const names = readZipEntries(bytes).map((e) => e.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "README.md",
        "events/evtx.jsonl",
        "events/events.xml",
        "labels.jsonl",
        "validation-report.json",
        "manifest.json",
        "manifest.sig",
      ]),
    );
    // The stored events come back byte for byte as the engine wrote them (field order included).
    const entries = readZipEntries(bytes);
    const jsonl = Buffer.from(
      readEntry(
        bytes,
        entries.find((e) => e.name === "events/evtx.jsonl")!,
        1e8,
      ),
    ).toString();
    const fresh = generate(toEngineSpec({ title: INPUT.title, steps: INPUT.steps }, 4242), { procedures });
    expect(jsonl).toBe(serialize(fresh.events, "evtx-json", fresh.labels));
    const xml = Buffer.from(
      readEntry(
        bytes,
        entries.find((e) => e.name === "events/events.xml")!,
        1e8,
      ),
    ).toString();
    expect(xml).toBe(serialize(fresh.events, "evtx-xml", fresh.labels));
    const ok = verifyBundle(bytes);
    expect(ok.problems).toEqual([]);
    expect(ok.manifest?.run.seed).toBe(4242);
    const tampered = bytes.slice();
    tampered[200] ^= 0xff;
    expect(verifyBundle(tampered).ok).toBe(false);
  });

  it("rejects bad input before storing anything", async () => {
    await expect(generateScenario(actor, { title: "", steps: [] })).rejects.toBeInstanceOf(InputError);
    await expect(generateScenario(actor, { ...INPUT, steps: [{ technique: "T10" }] })).rejects.toMatchObject({
      code: "validation_failed",
    });
    await expect(queueRun(actor, "no-such-scenario", {})).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("plan preview", () => {
  it("decomposes steps into ordered actions without rendering", () => {
    const plan = previewPlan({ title: "p", steps: INPUT.steps }, 4242);
    expect(plan.steps.map((s) => s.technique)).toEqual(["T1059.001", "T1547.001"]);
    const word = plan.steps[0].actions.find((a) => a.kind === "process.create" && /WINWORD/i.test(a.summary));
    const ps = plan.steps[0].actions.find(
      (a) => a.kind === "process.create" && /powershell/i.test(a.summary),
    );
    expect(word && ps).toBeTruthy();
    expect(plan.steps[1].actions.some((a) => a.kind.startsWith("registry"))).toBe(true);
    // Same seed, same plan.
    expect(previewPlan({ title: "p", steps: INPUT.steps }, 4242)).toEqual(plan);
  });

  it("reports a step it cannot plan as an issue", () => {
    const plan = previewPlan(
      { title: "p", steps: [{ technique: "T1059.001", procedure: "no-such-procedure" }] },
      1,
    );
    expect(plan.issues.some((i) => i.step === 0 && /no-such-procedure/.test(i.message))).toBe(true);
  });
});
