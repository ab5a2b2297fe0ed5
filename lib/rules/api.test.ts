import { zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as item from "@/app/api/rule-sets/[id]/route";
import * as rules from "@/app/api/rule-sets/[id]/rules/route";
import * as collection from "@/app/api/rule-sets/route";
import * as upload from "@/app/api/rule-sets/import/route";
import * as tester from "@/app/api/rule-sets/test/route";
import { actorFor, createTeam, ensureUser, addMember, createRuleSet } from "@/lib/db";
import { createTestDatabase, databaseKinds, type TestDatabase } from "@/lib/db/testing/database";
import { BROKEN_RULE, EVENTS_NDJSON, WHOAMI_RULE } from "./fixtures";

const rulesDir = process.env.SIGMA_RULES_DIR;
const base = "http://127.0.0.1/api/rule-sets";
const json = (method: string, body: unknown, url = base) =>
  new Request(url, {
    method,
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const zipForm = (files: Record<string, string>, name?: string) => {
  const form = new FormData();
  const bytes = zipSync(
    Object.fromEntries(Object.entries(files).map(([k, v]) => [k, new TextEncoder().encode(v)])),
  );
  form.set("file", new File([bytes as BlobPart], "sigma_rules.zip"));
  if (name) form.set("name", name);
  return new Request(`${base}/import`, { method: "POST", body: form });
};

describe.each(databaseKinds)("rule-set API on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => database.drop());

  it("creates a set from a pasted rule, lists it, shows its rows, renames and deletes it", async () => {
    const created = await collection.POST(json("POST", { name: "Discovery", rule: WHOAMI_RULE }));
    expect(created.status).toBe(201);
    const body = await created.json();
    expect(body).toMatchObject({
      added: 1,
      failed: [],
      set: { name: "Discovery", rules: 1, builtIn: false },
    });
    const id: string = body.set.id;
    expect(created.headers.get("location")).toBe(`/api/rule-sets/${id}`);

    const list = await (await collection.GET()).json();
    expect(list.items.map((s: { name: string }) => s.name)).toContain("Discovery");
    if (rulesDir) expect(list.items[0]).toMatchObject({ id: "sigmahq", builtIn: true });

    const view = await (await item.GET(new Request(`${base}/${id}`), params(id))).json();
    expect(view.rows).toEqual([
      expect.objectContaining({
        title: "Whoami Execution",
        level: "medium",
        status: "ok",
        tags: ["attack.discovery", "attack.t1033"],
      }),
    ]);
    const miss = await (await item.GET(new Request(`${base}/${id}?q=mimikatz`), params(id))).json();
    expect(miss.rows).toEqual([]);

    const renamed = await item.PATCH(json("PATCH", { name: "Recon" }), params(id));
    expect(await renamed.json()).toMatchObject({ id, name: "Recon" });
    expect((await item.DELETE(new Request(`${base}/${id}`), params(id))).status).toBe(204);
    expect((await item.GET(new Request(`${base}/${id}`), params(id))).status).toBe(404);
    expect((await item.DELETE(new Request(`${base}/${id}`), params(id))).status).toBe(404);
  });

  it("adds a pasted rule to a set, refusing a broken one with its line", async () => {
    const { set } = await (await collection.POST(json("POST", { name: "Paste target" }))).json();
    const bad = await rules.POST(json("POST", { rule: BROKEN_RULE }), params(set.id));
    expect(bad.status).toBe(400);
    const error = (await bad.json()).error;
    expect(error.message).toMatch(/line 14: .*startwith/);
    expect(error.issues[0].path).toBe("rule:14");
    const good = await rules.POST(json("POST", { rule: WHOAMI_RULE }), params(set.id));
    expect(good.status).toBe(201);
    expect(await good.json()).toMatchObject({ added: 1, set: { rules: 1 } });
    const view = await (await item.GET(new Request(`${base}/${set.id}`), params(set.id))).json();
    expect(view.counts).toEqual({ ok: 1, out_of_scope: 0, error: 0 });
  });

  it("imports a release zip: broken rules stored and shown as errors, traversal and non-zips refused", async () => {
    const ok = await upload.POST(
      zipForm(
        { "rules/windows/a.yml": WHOAMI_RULE, "rules/windows/b.yml": BROKEN_RULE, "README.md": "x" },
        "Release",
      ),
    );
    expect(ok.status).toBe(201);
    const body = await ok.json();
    expect(body).toMatchObject({ added: 2, set: { name: "Release", rules: 2 } });
    expect(body.failed).toEqual([expect.objectContaining({ file: "rules/windows/b.yml", line: 14 })]);
    const errors = await (
      await item.GET(new Request(`${base}/${body.set.id}?status=error`), params(body.set.id))
    ).json();
    expect(errors.rows.map((r: { file: string }) => r.file)).toEqual(["rules/windows/b.yml"]);

    const traversal = await upload.POST(zipForm({ "../../etc/evil.yml": WHOAMI_RULE }, "Evil"));
    expect(traversal.status).toBe(400);
    expect((await traversal.json()).error.message).toMatch(/path traversal/);
    const notZip = new FormData();
    notZip.set("file", new File(["hello"], "x.zip"));
    const bad = await upload.POST(new Request(`${base}/import`, { method: "POST", body: notZip }));
    expect(bad.status).toBe(400);
    const huge = new Request(`${base}/import`, {
      method: "POST",
      headers: {
        "content-type": "multipart/form-data; boundary=x",
        "content-length": String(60 * 1024 * 1024),
      },
      body: "--x--",
    });
    expect((await upload.POST(huge)).status).toBe(413);
  });

  it("answers 4xx JSON for bad input, wrong content type, unknown ids and another team's sets", async () => {
    expect((await collection.POST(json("POST", "{not json"))).status).toBe(400);
    expect((await collection.POST(json("POST", { name: "" }))).status).toBe(400);
    expect((await collection.POST(json("POST", { name: "x", extra: 1 }))).status).toBe(400);
    expect((await collection.POST(json("POST", { name: "x".repeat(300_000) }))).status).toBe(413);
    const text = new Request(base, { method: "POST", headers: { "content-type": "text/plain" }, body: "x" });
    expect((await collection.POST(text)).status).toBe(415);
    expect((await item.GET(new Request(`${base}/nope`), params("nope"))).status).toBe(404);
    expect((await item.PATCH(json("PATCH", {}), params("nope"))).status).toBe(400);
    await collection.POST(json("POST", { name: "Twin" }));
    expect((await collection.POST(json("POST", { name: "Twin" }))).status).toBe(409);

    const team = await createTeam({ name: "Blue", slug: `blue-${kind}` });
    const user = await ensureUser({ email: `b-${kind}@blue.example`, name: "B" });
    await addMember(team.id, user.id);
    const blue = await actorFor(user.id, team.id);
    if (!blue) throw new Error("membership missing");
    const theirs = await createRuleSet(blue, { name: "Theirs" });
    expect((await item.GET(new Request(`${base}/${theirs.id}`), params(theirs.id))).status).toBe(404);
    expect((await item.DELETE(new Request(`${base}/${theirs.id}`), params(theirs.id))).status).toBe(404);
  });

  it.skipIf(!rulesDir)(
    "imports a folder only from inside SIGMA_RULES_DIR; the built-in set is read-only",
    async () => {
      const created = await collection.POST(
        json("POST", { name: "Classic PS", folder: "windows/powershell/powershell_classic" }),
      );
      expect(created.status).toBe(201);
      expect((await created.json()).added).toBeGreaterThan(5);
      const outside = await collection.POST(json("POST", { name: "Etc", folder: "/etc" }));
      expect(outside.status).toBe(400);
      expect((await outside.json()).error.message).toMatch(/inside SIGMA_RULES_DIR/);
      const up = await collection.POST(json("POST", { name: "Up", folder: "../.." }));
      expect(up.status).toBe(400);
      expect((await item.DELETE(new Request(`${base}/sigmahq`), params("sigmahq"))).status).toBe(400);
      const builtin = await (
        await item.GET(new Request(`${base}/sigmahq?q=whoami`), params("sigmahq"))
      ).json();
      expect(builtin.rows.length).toBeGreaterThan(3);
      expect(builtin.counts.error).toBe(0);
    },
  );

  it("tests a rule against events: fired events, selections, and line-numbered errors", async () => {
    const fired = await tester.POST(
      json("POST", { rule: WHOAMI_RULE, events: EVENTS_NDJSON }, `${base}/test`),
    );
    expect(fired.status).toBe(200);
    const result = await fired.json();
    expect(result.fired.map((f: { event: number }) => f.event)).toEqual([0, 2]);
    expect(result.evaluated).toBe(3);
    const broken = await tester.POST(
      json("POST", { rule: BROKEN_RULE, events: EVENTS_NDJSON }, `${base}/test`),
    );
    expect(broken.status).toBe(400);
    expect((await broken.json()).error.message).toMatch(/line 14/);
    const missing = await tester.POST(json("POST", { rule: WHOAMI_RULE }, `${base}/test`));
    expect(missing.status).toBe(400);
  });
});
