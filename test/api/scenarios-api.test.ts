import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyBundle } from "@/lib/bundle";
import { createTestDatabase, databaseKinds, type TestDatabase } from "@/lib/db/testing/database";
import * as openapi from "@/app/api/openapi.json/route";
import * as run from "@/app/api/runs/[id]/route";
import * as bundle from "@/app/api/runs/[id]/bundle/route";
import * as events from "@/app/api/runs/[id]/events/route";
import * as event from "@/app/api/runs/[id]/events/[seq]/route";
import * as share from "@/app/api/runs/[id]/share/route";
import * as scenarios from "@/app/api/scenarios/route";
import * as scenario from "@/app/api/scenarios/[id]/route";
import * as duplicate from "@/app/api/scenarios/[id]/duplicate/route";
import * as restore from "@/app/api/scenarios/[id]/restore/route";
import * as runs from "@/app/api/scenarios/[id]/runs/route";

/** The REST API, called through its route handlers: valid input → 2xx, malformed input → a 4xx JSON error. */

const BASE = "http://localhost";
const ctx = <P extends Record<string, string>>(params: P) => ({ params: Promise.resolve(params) });
const jsonPost = (path: string, body: unknown, type = "application/json") =>
  new Request(`${BASE}${path}`, {
    method: "POST",
    headers: { "content-type": type },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
const get = (path: string) => new Request(`${BASE}${path}`);
const UNKNOWN = "01a20000-0000-7000-8000-000000000000";
const VALID = {
  title: "API scenario",
  steps: [{ technique: "T1059.001" }, { technique: "T1547.001" }],
  seed: 11,
};

async function expectError(response: Response, status: number, code?: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/application\/json/);
  const body = await response.json();
  expect(typeof body.error.message).toBe("string");
  expect(body.error.message.length).toBeGreaterThan(0);
  if (code) expect(body.error.code).toBe(code);
  return body.error as { code: string; message: string; issues?: { path: string; message: string }[] };
}

describe.each(databaseKinds)("REST API on %s", (kind) => {
  let database: TestDatabase;
  let scenarioId = "";
  let runId = "";

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("POST /api/scenarios creates (201 {id}) and rejects malformed bodies with 4xx JSON", async () => {
    const created = await scenarios.POST(jsonPost("/api/scenarios", VALID));
    expect(created.status).toBe(201);
    scenarioId = (await created.json()).id;
    expect(scenarioId).toMatch(/^[0-9a-f-]{36}$/);

    const missing = await expectError(
      await scenarios.POST(jsonPost("/api/scenarios", { steps: VALID.steps })),
      400,
      "validation_failed",
    );
    expect(missing.issues?.[0].path).toBe("title");
    const wrongType = await expectError(
      await scenarios.POST(jsonPost("/api/scenarios", { ...VALID, seed: "eleven" })),
      400,
    );
    expect(wrongType.issues?.some((i) => i.path === "seed")).toBe(true);
    const badTechnique = await expectError(
      await scenarios.POST(jsonPost("/api/scenarios", { ...VALID, steps: [{ technique: "powershell" }] })),
      400,
    );
    expect(badTechnique.issues?.[0].path).toBe("steps.0.technique");
    await expectError(await scenarios.POST(jsonPost("/api/scenarios", { ...VALID, steps: [] })), 400);
    await expectError(await scenarios.POST(jsonPost("/api/scenarios", { ...VALID, extra: 1 })), 400);
    await expectError(await scenarios.POST(jsonPost("/api/scenarios", "{not json")), 400, "bad_request");
    await expectError(await scenarios.POST(jsonPost("/api/scenarios", "[]")), 400);
    await expectError(await scenarios.POST(jsonPost("/api/scenarios", "null")), 400);
    // 300 KB strings: over the body limit (413) and, inside it, over the field limit (400).
    await expectError(
      await scenarios.POST(jsonPost("/api/scenarios", { ...VALID, narrative: "x".repeat(300_000) })),
      413,
    );
    await expectError(
      await scenarios.POST(jsonPost("/api/scenarios", { ...VALID, title: "t".repeat(200_000) })),
      400,
    );
    await expectError(
      await scenarios.POST(jsonPost("/api/scenarios", VALID, "text/plain")),
      415,
      "unsupported_media_type",
    );
    await expectError(
      await scenarios.POST(new Request(`${BASE}/api/scenarios`, { method: "POST", body: "x" })),
      415,
    );
  });

  it("GET /api/scenarios lists with filters and rejects bad query parameters", async () => {
    const list = await scenarios.GET(get("/api/scenarios?technique=T1059"));
    expect(list.status).toBe(200);
    const body = await list.json();
    expect(body.items.map((s: { id: string }) => s.id)).toContain(scenarioId);
    expect(body).toHaveProperty("nextCursor");
    const none = await (await scenarios.GET(get("/api/scenarios?technique=T1003.001"))).json();
    expect(none.items).toEqual([]);
    await expectError(await scenarios.GET(get("/api/scenarios?limit=0")), 400);
    await expectError(await scenarios.GET(get("/api/scenarios?limit=abc")), 400);
    await expectError(await scenarios.GET(get("/api/scenarios?technique=nope")), 400);
    await expectError(await scenarios.GET(get("/api/scenarios?from=yesterday")), 400);
    await expectError(await scenarios.GET(get("/api/scenarios?unknown=1")), 400);
    await expectError(await scenarios.GET(get(`/api/scenarios?q=${"q".repeat(300_000)}`)), 400);
  });

  it("GET /api/scenarios/{id} reads one; unknown or malformed ids are 404", async () => {
    const response = await scenario.GET(get(`/api/scenarios/${scenarioId}`), ctx({ id: scenarioId }));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.steps.map((s: { technique: string }) => s.technique)).toEqual(["T1059.001", "T1547.001"]);
    await expectError(
      await scenario.GET(get(`/api/scenarios/${UNKNOWN}`), ctx({ id: UNKNOWN })),
      404,
      "not_found",
    );
    await expectError(await scenario.GET(get("/api/scenarios/x"), ctx({ id: "../../etc" })), 404);
    await expectError(await scenario.GET(get("/api/scenarios/x"), ctx({ id: "a".repeat(300_000) })), 404);
  });

  it("POST /api/scenarios/{id}/runs → 201 {id,status}; GET /api/runs/{id} reports it", async () => {
    const response = await runs.POST(
      jsonPost(`/api/scenarios/${scenarioId}/runs?wait=true`, { seed: 5 }),
      ctx({ id: scenarioId }),
    );
    expect(response.status).toBe(201);
    const created = await response.json();
    expect(created.status).toBe("succeeded");
    runId = created.id;

    const read = await run.GET(get(`/api/runs/${runId}`), ctx({ id: runId }));
    expect(read.status).toBe(200);
    const body = await read.json();
    expect(["queued", "running", "succeeded", "failed"]).toContain(body.status);
    expect(body.seed).toBe(5);
    expect(body.eventCount).toBeGreaterThan(0);
    expect(body.links.bundle).toBe(`/api/runs/${runId}/bundle`);

    await expectError(
      await runs.POST(jsonPost(`/api/scenarios/${scenarioId}/runs`, { seed: -1 }), ctx({ id: scenarioId })),
      400,
    );
    await expectError(
      await runs.POST(jsonPost(`/api/scenarios/${scenarioId}/runs`, { seed: 1.5 }), ctx({ id: scenarioId })),
      400,
    );
    await expectError(
      await runs.POST(
        jsonPost(`/api/scenarios/${scenarioId}/runs`, { formats: ["pdf"] }),
        ctx({ id: scenarioId }),
      ),
      400,
    );
    await expectError(
      await runs.POST(jsonPost(`/api/scenarios/${scenarioId}/runs`, {}, "text/xml"), ctx({ id: scenarioId })),
      415,
    );
    await expectError(
      await runs.POST(jsonPost(`/api/scenarios/${scenarioId}/runs?wait=maybe`, {}), ctx({ id: scenarioId })),
      400,
    );
    await expectError(
      await runs.POST(jsonPost(`/api/scenarios/${UNKNOWN}/runs`, {}), ctx({ id: UNKNOWN })),
      404,
    );
    await expectError(await run.GET(get(`/api/runs/${UNKNOWN}`), ctx({ id: UNKNOWN })), 404);

    const listed = await (
      await runs.GET(get(`/api/scenarios/${scenarioId}/runs`), ctx({ id: scenarioId }))
    ).json();
    expect(listed.items[0].id).toBe(runId);
    await expectError(
      await runs.GET(get(`/api/scenarios/${scenarioId}/runs?limit=1000`), ctx({ id: scenarioId })),
      400,
    );
    // A POST with no body at all (curl -XPOST …/runs) starts a run with the defaults.
    const bare = await runs.POST(
      new Request(`http://localhost/api/scenarios/${scenarioId}/runs?wait=true`, { method: "POST" }),
      ctx({ id: scenarioId }),
    );
    expect(bare.status).toBe(201);
    expect((await bare.json()).status).toBe("succeeded");
  });

  it("GET /api/runs/{id}/events pages and filters; bad filters are 400", async () => {
    const first = await events.GET(get(`/api/runs/${runId}/events?limit=50`), ctx({ id: runId }));
    expect(first.status).toBe(200);
    const page = await first.json();
    expect(page.events).toHaveLength(50);
    expect(page.total).toBeGreaterThan(50);
    const next = await (
      await events.GET(
        get(`/api/runs/${runId}/events?limit=50&cursor=${page.nextCursor}`),
        ctx({ id: runId }),
      )
    ).json();
    expect(next.events[0].seq).toBe(page.nextCursor + 1);

    const runKey = await (
      await events.GET(
        get(
          `/api/runs/${runId}/events?channel=${encodeURIComponent("Microsoft-Windows-Sysmon/Operational")}&eventId=13&label=malicious&raw=1`,
        ),
        ctx({ id: runId }),
      )
    ).json();
    expect(runKey.total).toBeGreaterThanOrEqual(1);
    expect(runKey.events[0].data.TargetObject).toMatch(/CurrentVersion\\Run\\/);
    expect(runKey.events[0].raw.Event.System.EventID).toBe(13);
    const searched = await (
      await events.GET(get(`/api/runs/${runId}/events?q=currentversion%5Crun`), ctx({ id: runId }))
    ).json();
    expect(searched.total).toBeGreaterThanOrEqual(1);

    await expectError(
      await events.GET(get(`/api/runs/${runId}/events?eventId=abc`), ctx({ id: runId })),
      400,
    );
    await expectError(await events.GET(get(`/api/runs/${runId}/events?label=evil`), ctx({ id: runId })), 400);
    await expectError(
      await events.GET(get(`/api/runs/${runId}/events?limit=100000`), ctx({ id: runId })),
      400,
    );
    await expectError(await events.GET(get(`/api/runs/${runId}/events?cursor=-4`), ctx({ id: runId })), 400);
    await expectError(
      await events.GET(get(`/api/runs/${runId}/events?q=${"z".repeat(300_000)}`), ctx({ id: runId })),
      400,
    );
    await expectError(await events.GET(get(`/api/runs/${UNKNOWN}/events`), ctx({ id: UNKNOWN })), 404);

    const one = await event.GET(get(`/api/runs/${runId}/events/0`), ctx({ id: runId, seq: "0" }));
    expect(one.status).toBe(200);
    const detail = await one.json();
    expect(detail.xml).toMatch(/^<Event xmlns=/);
    await expectError(await event.GET(get(`/api/runs/${runId}/events/x`), ctx({ id: runId, seq: "x" })), 400);
    await expectError(
      await event.GET(get(`/api/runs/${runId}/events/999999`), ctx({ id: runId, seq: "999999" })),
      404,
    );
  });

  it("GET /api/runs/{id}/bundle streams a signed zip that verifies", async () => {
    const response = await bundle.GET(get(`/api/runs/${runId}/bundle`), ctx({ id: runId }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toMatch(/attachment; filename="mimicry-.*\.zip"/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(verifyBundle(bytes).ok).toBe(true);
    await expectError(await bundle.GET(get(`/api/runs/${UNKNOWN}/bundle`), ctx({ id: UNKNOWN })), 404);
  });

  it("share, duplicate, delete and restore", async () => {
    const shared = await share.POST(
      jsonPost(`/api/runs/${runId}/share`, { expiresInDays: 2 }),
      ctx({ id: runId }),
    );
    expect(shared.status).toBe(201);
    const link = await shared.json();
    expect(link.token.length).toBeGreaterThanOrEqual(22);
    expect(link.url).toBe(`/share/${link.token}`);
    await expectError(
      await share.POST(jsonPost(`/api/runs/${runId}/share`, { expiresInDays: 0 }), ctx({ id: runId })),
      400,
    );
    await expectError(
      await share.POST(jsonPost(`/api/runs/${UNKNOWN}/share`, {}), ctx({ id: UNKNOWN })),
      404,
    );

    const copy = await duplicate.POST(
      jsonPost(`/api/scenarios/${scenarioId}/duplicate`, {}),
      ctx({ id: scenarioId }),
    );
    expect(copy.status).toBe(201);
    const copyId = (await copy.json()).id;
    expect(copyId).not.toBe(scenarioId);

    expect((await scenario.DELETE(get(`/api/scenarios/${copyId}`), ctx({ id: copyId }))).status).toBe(200);
    await expectError(await scenario.GET(get(`/api/scenarios/${copyId}`), ctx({ id: copyId })), 404);
    await expectError(await scenario.DELETE(get(`/api/scenarios/${copyId}`), ctx({ id: copyId })), 404);
    expect(
      (await restore.POST(jsonPost(`/api/scenarios/${copyId}/restore`, {}), ctx({ id: copyId }))).status,
    ).toBe(200);
    expect((await scenario.GET(get(`/api/scenarios/${copyId}`), ctx({ id: copyId }))).status).toBe(200);
    await expectError(
      await restore.POST(jsonPost(`/api/scenarios/${copyId}/restore`, {}), ctx({ id: copyId })),
      404,
    );
  });
});

describe("GET /api/openapi.json", () => {
  it("describes every endpoint in OpenAPI 3.1 with the request schemas", async () => {
    const doc = await openapi.GET(get("/api/openapi.json")).json();
    expect(doc.openapi).toBe("3.1.0");
    for (const path of [
      "/api/scenarios",
      "/api/scenarios/{id}",
      "/api/scenarios/{id}/runs",
      "/api/runs/{id}",
      "/api/runs/{id}/events",
      "/api/runs/{id}/bundle",
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(doc.components.schemas.ScenarioCreate.required).toEqual(
      expect.arrayContaining(["title", "steps"]),
    );
    expect(
      doc.components.schemas.ScenarioCreate.properties.steps.items.properties.technique.pattern,
    ).toBeDefined();
  });
});
