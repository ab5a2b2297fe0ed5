import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as runItem from "@/app/api/runs/[id]/route";
import * as ruleSetItem from "@/app/api/rule-sets/[id]/route";
import { readZipEntries } from "@/lib/bundle";
import { readEntry } from "@/lib/bundle/zip-read";
import {
  actorFor,
  addMember,
  createRuleSet,
  createTeam,
  ensureLocalActor,
  ensureUser,
  getRun,
  type Actor,
} from "@/lib/db";
import { createTestDatabase, databaseKinds, type TestDatabase } from "@/lib/db/testing/database";
import { runBundle } from "./bundle";
import { generateScenario } from "./run";
import type { RunDetections } from "./types";

const TEAM_RULE = `title: Team PowerShell Launch
id: 6a1f0c3e-2b4d-4e5f-8a9b-0c1d2e3f4a5b
status: test
tags:
  - attack.execution
  - attack.t1059.001
logsource:
  category: process_creation
  product: windows
detection:
  selection:
    Image|endswith: '\\powershell.exe'
  condition: selection
level: high
`;
const INPUT = { title: "PowerShell", steps: [{ technique: "T1059.001" }], seed: 5 };
const builtinDir = process.env.SIGMA_RULES_DIR;

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe.each(databaseKinds)("detection with the team's rule sets on %s", (kind) => {
  let database: TestDatabase;
  let actor: Actor;
  let other: Actor;
  let before: string;
  let teamSet: { id: string };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    actor = await ensureLocalActor();
    const team = await createTeam({ name: "Blue team", slug: "blue" });
    const user = await ensureUser({ email: "bo@blue.example", name: "Bo" });
    await addMember(team.id, user.id);
    other = (await actorFor(user.id, team.id))!;
    // A run stored before the team had any rule set.
    before = (await generateScenario(actor, INPUT)).runId;
    teamSet = await createRuleSet(actor, {
      name: "Team hunting",
      rules: [{ title: "pasted/powershell.yml", text: TEAM_RULE }],
    });
  });
  afterAll(async () => database?.drop());

  it("fires the team's stored rules on a run, attributed to their set", async () => {
    const { runId } = await generateScenario(actor, INPUT);
    const run = await getRun(actor, runId);
    const d = run!.detections as RunDetections;
    const team = d.rules.sets!.find((s) => s.name === "Team hunting");
    expect(team).toMatchObject({ loaded: 1, failed: 0 });
    const fired = d.fired.filter((r) => r.ruleSet === "Team hunting");
    expect(fired).toEqual([
      expect.objectContaining({ title: "Team PowerShell Launch", level: "high", ruleSetId: team!.id }),
    ]);
    expect(fired[0].events.length).toBeGreaterThan(0);
    const expected = d.steps[0].expected.find((r) => r.ruleSet === "Team hunting");
    expect(expected).toMatchObject({ title: "Team PowerShell Launch", fired: true });
    expect(d.rules.source).toContain("Team hunting");
    if (builtinDir) {
      expect(d.rules.sets!.map((s) => s.id)).toEqual(["sigmahq", team!.id]);
      expect(d.fired.some((r) => r.ruleSet === "SigmaHQ (SIGMA_RULES_DIR)")).toBe(true);
    } else {
      // No SIGMA_RULES_DIR: the team's set alone.
      expect(d.rules.sets!.map((s) => s.name)).toEqual(["Team hunting"]);
      expect(d.rules.loaded).toBe(1);
    }

    // The API and the signed bundle carry the attribution too.
    const api = await (
      await runItem.GET(new Request(`http://x/api/runs/${runId}`), { params: Promise.resolve({ id: runId }) })
    ).json();
    expect(api.detections.fired).toEqual(
      expect.arrayContaining([expect.objectContaining({ ruleSet: "Team hunting" })]),
    );
    const zip = await bytesOf(await runBundle(actor, run!));
    const entry = readZipEntries(zip).find((e) => e.name === "detection-report.json");
    expect(entry).toBeDefined();
    const report = JSON.parse(new TextDecoder().decode(readEntry(zip, entry!, 10_000_000)));
    expect(report.fired).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ title: "Team PowerShell Launch", ruleSet: "Team hunting" }),
      ]),
    );
  });

  it("keeps the results of runs stored before the set existed", async () => {
    const d = (await getRun(actor, before))!.detections as RunDetections;
    expect(d.fired.some((r) => r.ruleSet === "Team hunting")).toBe(false);
    expect((d.rules.sets ?? []).some((s) => s.name === "Team hunting")).toBe(false);
  });

  it("does not use another team's rule sets", async () => {
    const { runId } = await generateScenario(other, INPUT);
    const d = (await getRun(other, runId))!.detections as RunDetections;
    expect(d.fired.some((r) => r.ruleSet === "Team hunting")).toBe(false);
    expect(d.rules.source).not.toContain("Team hunting");
  });

  it("leaves a disabled set out of new runs (PATCH /api/rule-sets/{id} {enabled})", async () => {
    const toggle = (enabled: unknown) =>
      ruleSetItem.PATCH(
        new Request(`http://x/api/rule-sets/${teamSet.id}`, {
          method: "PATCH",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ enabled }),
        }),
        { params: Promise.resolve({ id: teamSet.id }) },
      );
    expect((await toggle("no")).status).toBe(400);
    const off = await toggle(false);
    expect(off.status).toBe(200);
    expect(await off.json()).toMatchObject({ id: teamSet.id, enabled: false });
    const { runId } = await generateScenario(actor, INPUT);
    const d = (await getRun(actor, runId))!.detections as RunDetections;
    expect((d.rules.sets ?? []).map((s) => s.id)).not.toContain(teamSet.id);
    expect(d.fired.some((r) => r.ruleSet === "Team hunting")).toBe(false);

    expect(await (await toggle(true)).json()).toMatchObject({ enabled: true });
    const again = await generateScenario(actor, INPUT);
    const d2 = (await getRun(actor, again.runId))!.detections as RunDetections;
    expect(d2.fired.some((r) => r.ruleSet === "Team hunting")).toBe(true);
  });
});
