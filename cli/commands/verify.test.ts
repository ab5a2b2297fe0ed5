import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { generateSigningKeyPair } from "@/lib/bundle/keys";
import { readZipEntries } from "@/lib/bundle/zip-read";
import { buildBundle } from "@/lib/bundle/write";
import { main } from "../main";

const dir = mkdtempSync(join(tmpdir(), "verify-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const key = generateSigningKeyPair();
const paths = {
  good: join(dir, "bundle.zip"),
  flipped: join(dir, "flipped.zip"),
  key: join(dir, "key.pem"),
  otherKey: join(dir, "other.pem"),
};

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const o = vi.spyOn(process.stdout, "write").mockImplementation((c) => (out.push(String(c)), true));
  const e = vi.spyOn(process.stderr, "write").mockImplementation((c) => (err.push(String(c)), true));
  try {
    return { code: await main(args), stdout: out.join(""), stderr: err.join("") };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

beforeAll(async () => {
  const { bytes } = await buildBundle({
    createdAt: new Date("2026-03-01T09:00:00Z"),
    scenario: { title: "Run key", steps: [{ technique: "T1547.001" }] },
    run: { seed: 7, engineVersion: "engine-1", attackVersion: "18.1" },
    formats: ["evtx-json"],
    eventFiles: { "events/evtx.jsonl": '{"Event":{"System":{"EventID":13}}}\n'.repeat(500) },
    labels: '{"verdict":"malicious"}\n'.repeat(500),
    validationReport: { ok: true },
    key,
  });
  writeFileSync(paths.good, bytes);
  const entry = readZipEntries(bytes).find((e) => e.name === "labels.jsonl")!;
  const flipped = bytes.slice();
  flipped[entry.dataStart + 3] ^= 0xff;
  writeFileSync(paths.flipped, flipped);
  writeFileSync(paths.key, key.publicKeyPem);
  writeFileSync(paths.otherKey, generateSigningKeyPair().publicKeyPem);
});

describe("mimicry verify", () => {
  it("passes an intact bundle, with or without a pinned key", async () => {
    const ok = await run(["verify", paths.good]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/OK — 4 files match; signed by key [0-9a-f]{64}/);
    expect((await run(["verify", paths.good, "--public-key", paths.key])).code).toBe(0);
    const json = await run(["verify", paths.good, "--json"]);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, problems: [], filesChecked: 4 });
  });

  it("exits 1 naming the flipped file, or the signature under another key", async () => {
    const flipped = await run(["verify", paths.flipped]);
    expect(flipped.code).toBe(1);
    expect(flipped.stderr).toContain("labels.jsonl");
    const otherKey = await run(["verify", paths.good, "--public-key", paths.otherKey]);
    expect(otherKey.code).toBe(1);
    expect(otherKey.stderr).toMatch(/bad signature/);
  });

  it("exits 2 on bad usage", async () => {
    expect((await run(["verify"])).code).toBe(2);
    expect((await run(["verify", join(dir, "missing.zip")])).code).toBe(2);
    expect((await run(["verify", paths.good, "--public-key", join(dir, "nope.pem")])).code).toBe(2);
  });

  it("works through the real binary", () => {
    const bin = join(process.cwd(), "cli", "bin.mjs");
    const good = spawnSync(process.execPath, [bin, "verify", paths.good], { encoding: "utf8" });
    expect(good.status).toBe(0);
    const bad = spawnSync(process.execPath, [bin, "verify", paths.flipped], { encoding: "utf8" });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/labels\.jsonl does not match the manifest|labels\.jsonl cannot be read/);
  });
});
