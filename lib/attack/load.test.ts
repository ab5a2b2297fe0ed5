import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { indexCachePath, loadAttack } from "./load";
import { AttackSourceError, PINNED_ATTACK, sha256 } from "./source";
import { StixFormatError } from "./stix";

const fixturePath = fileURLToPath(new URL("./fixtures/small-bundle.json", import.meta.url));

/** A local stand-in for raw.githubusercontent.com: serves the fixture at /bundle.json, 404 elsewhere. */
let server: Server;
let baseUrl: string;
let fixtureBytes: Buffer;
let fixtureSha: string;
let requests = 0;

beforeAll(async () => {
  fixtureBytes = await readFile(fixturePath);
  fixtureSha = sha256(fixtureBytes);
  server = createServer((req, res) => {
    requests++;
    if (req.url === "/bundle.json") {
      res.writeHead(200, { "content-type": "application/json" }).end(fixtureBytes);
    } else {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

let cacheDir: string;
beforeEach(async () => {
  cacheDir = await mkdtemp(path.join(tmpdir(), "mimicry-attack-"));
  requests = 0;
  return () => rm(cacheDir, { recursive: true, force: true });
});

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the load to fail");
}

describe("loadAttack from ATTACK_STIX_FILE", () => {
  it("builds the index once, then reads it from the cache keyed by the bundle's SHA-256", async () => {
    const logs: string[] = [];
    const cold = await loadAttack({
      stixFile: fixturePath,
      cacheDir,
      download: false,
      log: (m) => logs.push(m),
    });
    expect(cold.stats).toMatchObject({
      origin: "file",
      location: fixturePath,
      sha256: fixtureSha,
      built: true,
    });
    expect(cold.stats.indexFile).toBe(path.resolve(indexCachePath(cacheDir, fixtureSha)));
    expect(logs.at(-1)).toMatch(/^ATT&CK 99\.1: built index in \d+ ms/);

    const warm = await loadAttack({ stixFile: fixturePath, cacheDir, download: false });
    expect(warm.stats.built).toBe(false);
    expect(warm.index).toEqual(cold.index);
  });

  it("rebuilds when the cached index is corrupt", async () => {
    const cold = await loadAttack({ stixFile: fixturePath, cacheDir, download: false });
    await writeFile(cold.stats.indexFile, '{"format": 1, "index": ');
    const again = await loadAttack({ stixFile: fixturePath, cacheDir, download: false });
    expect(again.stats.built).toBe(true);
    expect(again.index.techniques).toHaveLength(7);
  });

  it("stops with a clear error on a malformed file instead of falling back", async () => {
    const bad = path.join(cacheDir, "broken.json");
    await writeFile(
      bad,
      JSON.stringify({ type: "bundle", objects: [{ type: "x-mitre-tactic", id: "x-mitre-tactic--1" }] }),
    );
    const error = await failure(
      loadAttack({
        stixFile: bad,
        cacheDir,
        download: { url: `${baseUrl}/bundle.json`, sha256: fixtureSha },
      }),
    );
    expect(error).toBeInstanceOf(StixFormatError);
    expect(error.message).toContain(`STIX bundle ${bad}: objects[0] (x-mitre-tactic--1): name:`);
    expect(requests).toBe(0);
  });
});

describe("loadAttack by download", () => {
  it("downloads, checks the SHA-256, caches the bundle, then uses the cache", async () => {
    const download = { url: `${baseUrl}/bundle.json`, sha256: fixtureSha };
    const first = await loadAttack({ cacheDir, download });
    expect(first.stats).toMatchObject({ origin: "download", location: download.url, built: true });
    expect(await readFile(path.join(cacheDir, "bundle.json"))).toEqual(fixtureBytes);
    expect(requests).toBe(1);

    const second = await loadAttack({ cacheDir, download });
    expect(second.stats).toMatchObject({
      origin: "cache",
      location: path.join(cacheDir, "bundle.json"),
      built: false,
    });
    expect(requests).toBe(1);
  });

  it("refuses a download whose SHA-256 differs and caches nothing", async () => {
    const wrong = "0".repeat(64);
    const error = await failure(
      loadAttack({ cacheDir, download: { url: `${baseUrl}/bundle.json`, sha256: wrong } }),
    );
    expect(error).toBeInstanceOf(AttackSourceError);
    expect(error.message).toContain(`checksum mismatch: expected SHA-256 ${wrong}, got ${fixtureSha}`);
    await expect(readFile(path.join(cacheDir, "bundle.json"))).rejects.toThrow(/ENOENT/);
  });

  it("re-downloads when the cached bundle does not match the pinned hash", async () => {
    await writeFile(path.join(cacheDir, "bundle.json"), "tampered");
    const loaded = await loadAttack({
      cacheDir,
      download: { url: `${baseUrl}/bundle.json`, sha256: fixtureSha },
    });
    expect(loaded.stats.origin).toBe("download");
    expect(await readFile(path.join(cacheDir, "bundle.json"))).toEqual(fixtureBytes);
  });

  it("uses an injected fetch", async () => {
    const seen: string[] = [];
    const fakeFetch: typeof fetch = async (input) => {
      seen.push(String(input));
      return new Response(new Uint8Array(fixtureBytes));
    };
    const loaded = await loadAttack({
      cacheDir,
      download: { url: "https://example.invalid/x/a.json", sha256: fixtureSha, fetch: fakeFetch },
    });
    expect(seen).toEqual(["https://example.invalid/x/a.json"]);
    expect(loaded.index.version).toBe("99.1");
  });
});

describe("loadAttack when nothing works", () => {
  it("names all three ways and why each failed", async () => {
    const missing = path.join(cacheDir, "nope.json");
    const url = `${baseUrl}/missing.json`;
    const error = await failure(
      loadAttack({ stixFile: missing, cacheDir, download: { url, sha256: fixtureSha } }),
    );
    expect(error).toBeInstanceOf(AttackSourceError);
    const lines = error.message.split("\n");
    expect(lines[0]).toMatch(/^No ATT&CK data: set ATTACK_STIX_FILE .* or put the bundle in the cache$/);
    expect(lines[1]).toContain(`download MITRE's ${PINNED_ATTACK.version} release`);
    expect(lines[2]).toMatch(new RegExp(`^  1\\. ATTACK_STIX_FILE=${missing}: ENOENT`));
    expect(lines[3]).toBe(`  2. cache ${path.join(cacheDir, "missing.json")}: no cached bundle`);
    expect(lines[4]).toBe(`  3. download ${url}: HTTP 404 Not Found`);
  });

  it("reports an unreachable server and an unset variable", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await failure(
      loadAttack({ cacheDir, download: { url: `http://127.0.0.1:${port}/b.json`, sha256: fixtureSha } }),
    );
    expect(error.message).toContain("1. ATTACK_STIX_FILE: not set");
    expect(error.message).toMatch(
      /3\. download http:\/\/127\.0\.0\.1:\d+\/b\.json: fetch failed \(.*ECONNREFUSED/,
    );
  });

  it("defaults to MITRE's pinned release", () => {
    expect(PINNED_ATTACK.url).toBe(
      "https://raw.githubusercontent.com/mitre-attack/attack-stix-data/master/enterprise-attack/enterprise-attack-18.1.json",
    );
    expect(PINNED_ATTACK.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
