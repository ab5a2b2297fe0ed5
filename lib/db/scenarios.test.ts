import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyBytes } from "@/lib/bundle/keys";
import { InputError } from "@/lib/schemas/errors";
import {
  actorFor,
  addMember,
  createRuleSet,
  createScenario,
  createTeam,
  deleteRuleSet,
  deleteScenario,
  duplicateScenario,
  ensureLocalActor,
  ensureUser,
  getOrCreateSigningKey,
  getPublicSigningKey,
  getRuleSet,
  getScenario,
  listRuleSets,
  listScenarios,
  restoreScenario,
  updateRuleSet,
  updateScenario,
  type Actor,
} from "./index";
import { signBytes } from "@/lib/bundle/keys";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./testing/database";

const steps = (...techniques: string[]) => techniques.map((technique) => ({ technique }));

describe.each(databaseKinds)("scenarios, teams, rule sets and keys on %s", (kind) => {
  let database: TestDatabase;
  let local: Actor;
  let other: Actor;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    local = await ensureLocalActor();
    const team = await createTeam({ name: "Red team", slug: "red" });
    const user = await ensureUser({ email: "eve@red.example", name: "Eve" });
    await addMember(team.id, user.id);
    other = (await actorFor(user.id, team.id))!;
  });
  afterAll(() => database.drop());

  it("creates the local actor once and checks membership", async () => {
    expect(await ensureLocalActor()).toEqual(local);
    expect(other.teamId).not.toBe(local.teamId);
    expect(await actorFor(other.userId!, local.teamId)).toBeNull();
  });

  it("creates, reads and updates a scenario with derived techniques", async () => {
    const created = await createScenario(local, {
      title: "Phishing to persistence",
      narrative: "Word macro launches PowerShell, then a Run key",
      steps: steps("T1059.001", "T1547.001"),
      seed: 42,
      tags: ["phishing"],
      formats: ["evtx-json", "evtx-json", "ecs"],
    });
    expect(created).toMatchObject({
      title: "Phishing to persistence",
      seed: 42,
      teamId: local.teamId,
      authorId: local.userId,
      authorName: "Local analyst",
      formats: ["evtx-json", "ecs"],
      visibility: "team",
      deletedAt: null,
      runCount: 0,
    });
    expect(created.techniques).toEqual(["T1059.001", "T1059", "T1547.001", "T1547"]);
    const updated = await updateScenario(local, created.id, { title: "Renamed", steps: steps("T1003.001") });
    expect(updated.title).toBe("Renamed");
    expect(updated.techniques).toEqual(["T1003.001", "T1003"]);
    expect((await getScenario(local, created.id))?.steps).toEqual([{ technique: "T1003.001" }]);
  });

  it("rejects bad input with the field named", async () => {
    const bad = createScenario(local, { title: "", steps: steps("T1059.001") });
    await expect(bad).rejects.toBeInstanceOf(InputError);
    await expect(createScenario(local, { title: "x", steps: steps("nope") })).rejects.toThrow(
      /steps\.0\.technique/,
    );
    await expect(
      createScenario(local, { title: "x".repeat(300_000), steps: steps("T1059") }),
    ).rejects.toThrow(/title/);
  });

  it("never shows another team's scenario, not even its existence", async () => {
    const mine = await createScenario(local, { title: "Secret", steps: steps("T1003") });
    expect(await getScenario(other, mine.id)).toBeNull();
    await expect(updateScenario(other, mine.id, { title: "x" })).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteScenario(other, mine.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(duplicateScenario(other, mine.id)).rejects.toMatchObject({ code: "not_found" });
    const theirs = await listScenarios(other, {});
    expect(theirs.items.map((s) => s.id)).not.toContain(mine.id);
    expect(await getScenario(local, "../../etc/passwd")).toBeNull();
  });

  it("keeps private scenarios to their author", async () => {
    const colleague = await ensureUser({ email: "bob@localhost", name: "Bob" });
    await addMember(local.teamId, colleague.id);
    const bob = (await actorFor(colleague.id, local.teamId))!;
    const hidden = await createScenario(local, {
      title: "Draft",
      steps: steps("T1105"),
      visibility: "private",
    });
    expect(await getScenario(local, hidden.id)).not.toBeNull();
    expect(await getScenario(bob, hidden.id)).toBeNull();
  });

  it("lists with search, filters and cursor pagination", async () => {
    const team = await createTeam({ name: "List team", slug: "list" });
    const user = await ensureUser({ email: "lister@localhost", name: "Lister" });
    await addMember(team.id, user.id);
    const actor = (await actorFor(user.id, team.id))!;
    const made = [];
    for (let i = 0; i < 7; i++) {
      made.push(
        await createScenario(actor, {
          title: `Scenario ${i}`,
          narrative: i % 2 ? "uses mimikatz" : "uses certutil",
          steps: steps(i % 2 ? "T1003.001" : "T1105"),
        }),
      );
    }
    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const page = await listScenarios(actor, { limit: 3, cursor });
      pages.push(page.items.map((s) => s.title));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(pages).toEqual([
      ["Scenario 6", "Scenario 5", "Scenario 4"],
      ["Scenario 3", "Scenario 2", "Scenario 1"],
      ["Scenario 0"],
    ]);
    const byText = await listScenarios(actor, { q: "MIMIKATZ" });
    expect(byText.items.map((s) => s.title)).toEqual(["Scenario 5", "Scenario 3", "Scenario 1"]);
    const byParent = await listScenarios(actor, { technique: "t1003" });
    expect(byParent.items).toHaveLength(3);
    const byTactic = await listScenarios(actor, { techniques: ["T1105", "T1071"] });
    expect(byTactic.items).toHaveLength(4);
    expect((await listScenarios(actor, { author: "lister" })).items).toHaveLength(7);
    expect((await listScenarios(actor, { author: "nobody" })).items).toHaveLength(0);
    const today = new Date().toISOString().slice(0, 10);
    expect((await listScenarios(actor, { from: today, to: today })).items).toHaveLength(7);
    expect((await listScenarios(actor, { to: "2001-01-01" })).items).toHaveLength(0);
  });

  it("duplicates, soft-deletes and restores", async () => {
    const source = await createScenario(local, { title: "Original", steps: steps("T1547.001"), seed: 7 });
    const copy = await duplicateScenario(local, source.id);
    expect(copy).toMatchObject({ title: "Copy of Original", seed: 7, steps: source.steps });
    expect(copy.id).not.toBe(source.id);
    const deleted = await deleteScenario(local, source.id);
    expect(deleted.deletedAt).toBeTruthy();
    expect(await getScenario(local, source.id)).toBeNull();
    expect((await listScenarios(local, {})).items.map((s) => s.id)).not.toContain(source.id);
    expect((await listScenarios(local, { deleted: true })).items.map((s) => s.id)).toContain(source.id);
    const restored = await restoreScenario(local, source.id);
    expect(restored.deletedAt).toBeNull();
    expect((await getScenario(local, source.id))?.title).toBe("Original");
  });

  it("stores rule sets per team", async () => {
    const rule = { title: "Run key", text: "title: Run key\nlogsource: {product: windows}\n" };
    const set = await createRuleSet(local, { name: "Persistence", rules: [rule] });
    expect(set.rules).toEqual([rule]);
    await expect(createRuleSet(local, { name: "Persistence" })).rejects.toMatchObject({ code: "conflict" });
    expect(await getRuleSet(other, set.id)).toBeNull();
    expect((await listRuleSets(other)).map((r) => r.id)).not.toContain(set.id);
    await expect(updateRuleSet(other, set.id, { name: "x" })).rejects.toMatchObject({ code: "not_found" });
    const renamed = await updateRuleSet(local, set.id, { name: "Persistence v2", rules: [] });
    expect(renamed).toMatchObject({ name: "Persistence v2", rules: [] });
    await deleteRuleSet(local, set.id);
    expect(await getRuleSet(local, set.id)).toBeNull();
  });

  it("creates the signing key once and keeps it usable", async () => {
    const [a, b] = await Promise.all([getOrCreateSigningKey(), getOrCreateSigningKey()]);
    expect(a.id).toBe(b.id);
    const pub = await getPublicSigningKey();
    expect(pub).not.toHaveProperty("privateKeyPem");
    expect(pub.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const message = new TextEncoder().encode("manifest");
    expect(verifyBytes(message, signBytes(message, a.privateKeyPem), pub.publicKeyPem)).toBe(true);
  });
});
