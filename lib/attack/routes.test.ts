// Tests of the /api/attack route handlers (app/api/attack/**), called directly with Request objects.
// They live here because vitest collects lib/**; the handlers are thin callers of this library.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { MatrixPayload, RetiredObject, Technique } from "./types";

const fixturePath = fileURLToPath(new URL("./fixtures/small-bundle.json", import.meta.url));
const saved = { file: process.env.ATTACK_STIX_FILE, cache: process.env.ATTACK_CACHE_DIR };
let cacheDir: string;

type Routes = {
  matrix: typeof import("@/app/api/attack/route");
  technique: typeof import("@/app/api/attack/techniques/[id]/route");
  search: typeof import("@/app/api/attack/search/route");
};

/** Fresh route modules (and a fresh serverConfig) reading the given ATTACK_STIX_FILE. */
async function routesFor(stixFile: string): Promise<Routes> {
  process.env.ATTACK_STIX_FILE = stixFile;
  process.env.ATTACK_CACHE_DIR = cacheDir;
  vi.resetModules();
  (await import("./server")).resetAttackIndex();
  return {
    matrix: await import("@/app/api/attack/route"),
    technique: await import("@/app/api/attack/techniques/[id]/route"),
    search: await import("@/app/api/attack/search/route"),
  };
}

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const request = (url: string) => new Request(`http://127.0.0.1${url}`);

beforeAll(async () => {
  cacheDir = await mkdtemp(path.join(tmpdir(), "mimicry-attack-routes-"));
  vi.spyOn(console, "info").mockImplementation(() => {});
});
afterAll(async () => {
  process.env.ATTACK_STIX_FILE = saved.file;
  process.env.ATTACK_CACHE_DIR = saved.cache;
  if (saved.file === undefined) delete process.env.ATTACK_STIX_FILE;
  if (saved.cache === undefined) delete process.env.ATTACK_CACHE_DIR;
  await rm(cacheDir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

describe("/api/attack routes on the fixture bundle", () => {
  let routes: Routes;
  beforeAll(async () => {
    routes = await routesFor(fixturePath);
  });

  it("are dynamic (they read data at request time)", () => {
    expect(routes.matrix.dynamic).toBe("force-dynamic");
    expect(routes.technique.dynamic).toBe("force-dynamic");
    expect(routes.search.dynamic).toBe("force-dynamic");
  });

  it("GET /api/attack returns the matrix payload", async () => {
    const response = await routes.matrix.GET(request("/api/attack"));
    expect(response.status).toBe(200);
    const body = (await response.json()) as MatrixPayload;
    expect(body.version).toBe("99.1");
    expect(body.tactics.map((t) => t.shortname)).toEqual([
      "execution",
      "defense-evasion",
      "credential-access",
    ]);
    expect(body.techniques["T1003.001"].logSourceKeys).toContain("WinEventLog:Sysmon EventCode 10");

    const etag = response.headers.get("etag");
    expect(etag).toMatch(/^"attack-[0-9a-f]{32}"$/);
    const again = await routes.matrix.GET(
      new Request("http://127.0.0.1/api/attack", { headers: { "If-None-Match": etag! } }),
    );
    expect(again.status).toBe(304);
  });

  it("GET /api/attack/techniques/{id} returns the technique in full", async () => {
    const response = await routes.technique.GET(
      request("/api/attack/techniques/t1003.001"),
      params("t1003.001"),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { technique: Technique; retired: null };
    expect(body.retired).toBeNull();
    expect(body.technique).toMatchObject({ id: "T1003.001", name: "LSASS Memory", parent: "T1003" });
    expect(body.technique.detectionStrategies[0].analytics[0].logSources[0]).toEqual({
      name: "WinEventLog:Sysmon",
      channel: "EventCode=10",
      eventIds: [10],
      dataComponent: "Process Access",
    });
  });

  it("answers a revoked id with its replacement", async () => {
    const response = await routes.technique.GET(request("/api/attack/techniques/T1086"), params("T1086"));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { technique: Technique; retired: RetiredObject };
    expect(body.retired).toEqual({
      id: "T1086",
      name: "PowerShell",
      reason: "revoked",
      replacedBy: "T1059.001",
    });
    expect(body.technique.id).toBe("T1059.001");
  });

  it("answers 404 JSON for an unknown id and 400 for something that is not an id", async () => {
    const missing = await routes.technique.GET(request("/api/attack/techniques/T1688"), params("T1688"));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      error: { code: "not_found", message: "No ATT&CK technique T1688 in this ATT&CK release" },
    });
    const bad = await routes.technique.GET(request("/api/attack/techniques/lsass"), params("lsass"));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe("invalid_id");
  });

  it("GET /api/attack/search ranks hits and reports the total", async () => {
    const response = await routes.search.GET(request("/api/attack/search?q=T1059&limit=2"));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { query: string; total: number; hits: { id: string }[] };
    expect(body).toMatchObject({ query: "T1059", total: 3 });
    expect(body.hits.map((h) => h.id)).toEqual(["T1059", "T1059.001"]);
  });

  it("rejects a bad search query with a 400 JSON error", async () => {
    for (const [url, message] of [
      ["/api/attack/search", /^q: required: the text to search for$/],
      ["/api/attack/search?q=%20%20", /^q: q must not be empty/],
      [`/api/attack/search?q=${"a".repeat(201)}`, /^q: q must be at most 200 characters/],
      ["/api/attack/search?q=lsass&limit=zero", /^limit: /],
      ["/api/attack/search?q=lsass&limit=1000", /^limit: /],
    ] as const) {
      const response = await routes.search.GET(request(url));
      expect(response.status, url).toBe(400);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("bad_request");
      expect(body.error.message).toMatch(message);
    }
  });
});

describe("/api/attack routes when the bundle is malformed", () => {
  it("answer 503 with the loader's message", async () => {
    const broken = path.join(cacheDir, "broken.json");
    await writeFile(broken, '{"type": "bundle", "objects": 3}');
    const routes = await routesFor(broken);
    const response = await routes.matrix.GET(request("/api/attack"));
    expect(response.status).toBe(503);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("attack_unavailable");
    expect(body.error.message).toContain('expected "objects" to be an array');
  });
});

describe.skipIf(!saved.file)("/api/attack on the full bundle", () => {
  it("serves T1003.001 with its Sysmon EventCode 10 log source", async () => {
    const routes = await routesFor(saved.file!);
    const response = await routes.technique.GET(
      request("/api/attack/techniques/T1003.001"),
      params("T1003.001"),
    );
    const { technique } = (await response.json()) as { technique: Technique };
    expect(technique.logSourceKeys).toContain("WinEventLog:Sysmon EventCode 10");
    const matrix = (await (await routes.matrix.GET(request("/api/attack"))).json()) as MatrixPayload;
    expect(matrix.tactics).toHaveLength(14);
    expect(Object.keys(matrix.techniques)).toHaveLength(691);
  });
});
