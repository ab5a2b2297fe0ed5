import { createHash } from "node:crypto";
import { strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical";
import { generateSigningKeyPair, rawPublicKey } from "./keys";
import { buildBundle, type BundleSource } from "./write";
import { verifyBundle } from "./verify";
import { readZipEntries } from "./zip-read";

const key = generateSigningKeyPair();
const EVENT = (i: number) =>
  JSON.stringify({
    Event: { System: { EventID: 1, Computer: "WS01", EventRecordID: i }, EventData: { Image: "C:\\x.exe" } },
  });

async function* eventChunks(count: number) {
  for (let i = 0; i < count; i += 100) {
    yield Array.from({ length: Math.min(100, count - i) }, (_, k) => `${EVENT(i + k)}\n`).join("");
  }
}

function source(overrides: Partial<BundleSource> = {}): BundleSource {
  return {
    createdAt: new Date("2026-03-01T09:00:00Z"),
    scenario: {
      id: "scn-1",
      title: "Macro | PowerShell",
      narrative: "Word spawns PowerShell, which sets a Run key.",
      steps: [
        { technique: "T1059.001", procedure: "encoded-command" },
        { technique: "T1547.001", action: "add HKCU Run key Updater" },
      ],
    },
    run: { id: "run-1", seed: 42, engineVersion: "engine-1", attackVersion: "18.1" },
    formats: ["evtx-json", "evtx-xml"],
    eventFiles: {
      "events/evtx.jsonl": eventChunks(2_000),
      "events/events.xml": ["<Events>", "<Event/>", "</Events>\n"],
    },
    labels: '{"seq":0,"verdict":"malicious"}\n',
    validationReport: { ok: true, issues: [] },
    queryTemplates: {
      "sysmon-1.kql": "SysmonEvent | where EventID == 1",
      "run-key.spl": "index=win EventCode=13",
    },
    provenance: {
      procedures: ["encoded-command"],
      atomicGuids: ["a8e5a7a1-0000-4000-8000-000000000001"],
      model: null,
    },
    key,
    ...overrides,
  };
}

/** Re-zips the bundle's members after `edit` (members are plain bytes). */
function rezip(zip: Uint8Array, edit: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(zip);
  edit(files);
  return zipSync(files);
}

describe("signed bundles", () => {
  it("streams a zip whose manifest hashes every file and verifies", async () => {
    const bundle = await buildBundle(source());
    const files = unzipSync(bundle.bytes);
    expect(Object.keys(files)).toEqual([
      "README.md",
      "events/evtx.jsonl",
      "events/events.xml",
      "labels.jsonl",
      "validation-report.json",
      "queries/sysmon-1.kql",
      "queries/run-key.spl",
      "manifest.json",
      "manifest.sig",
    ]);
    expect(new TextDecoder().decode(files["events/evtx.jsonl"]).split("\n")).toHaveLength(2_001);
    for (const entry of bundle.manifest.files) {
      expect(createHash("sha256").update(files[entry.path]).digest("hex")).toBe(entry.sha256);
      expect(files[entry.path].length).toBe(entry.size);
    }
    expect(bundle.manifest).toMatchObject({
      run: { seed: 42, engineVersion: "engine-1", attackVersion: "18.1", mode: "deterministic" },
      provenance: { procedures: ["encoded-command"], model: null },
      signature: { algorithm: "ed25519", publicKey: rawPublicKey(key.publicKeyPem) },
    });
    expect(bundle.sha256).toBe(createHash("sha256").update(bundle.bytes).digest("hex"));
    expect(bundle.size).toBe(bundle.bytes.length);
    const readme = new TextDecoder().decode(files["README.md"]);
    expect(readme).toContain("# Macro | PowerShell");
    expect(readme).toContain("| 2 | T1547.001 | add HKCU Run key Updater |");
    const verdict = verifyBundle(bundle.bytes);
    expect(verdict).toMatchObject({ ok: true, problems: [], filesChecked: 7 });
    expect(verifyBundle(bundle.bytes, { publicKey: key.publicKeyPem }).ok).toBe(true);
    expect(verifyBundle(bundle.bytes, { publicKey: rawPublicKey(key.publicKeyPem) }).ok).toBe(true);
  });

  it("is byte-for-byte reproducible for the same input and key", async () => {
    const [a, b] = await Promise.all([buildBundle(source()), buildBundle(source())]);
    expect(a.sha256).toBe(b.sha256);
  });

  it("names the file when one byte of it is flipped inside the zip", async () => {
    const bundle = await buildBundle(source());
    const entry = readZipEntries(bundle.bytes).find((e) => e.name === "events/evtx.jsonl")!;
    for (const offset of [0, Math.floor(entry.compressedSize / 2), entry.compressedSize - 1]) {
      const tampered = bundle.bytes.slice();
      tampered[entry.dataStart + offset] ^= 0x01;
      const verdict = verifyBundle(tampered);
      expect(verdict.ok).toBe(false);
      expect(verdict.problems[0]).toMatchObject({ code: "file_mismatch", file: "events/evtx.jsonl" });
    }
  });

  it("reports a changed file, a missing file and an extra file", async () => {
    const bytes = (await buildBundle(source())).bytes;
    const changed = rezip(bytes, (f) => (f["labels.jsonl"] = strToU8('{"seq":0,"verdict":"benign"}\n')));
    expect(verifyBundle(changed).problems).toEqual([
      expect.objectContaining({ code: "file_mismatch", file: "labels.jsonl" }),
    ]);
    const missing = rezip(bytes, (f) => delete f["queries/run-key.spl"]);
    expect(verifyBundle(missing).problems[0]).toMatchObject({
      code: "missing_file",
      file: "queries/run-key.spl",
    });
    const extra = rezip(bytes, (f) => (f["payload.exe"] = strToU8("MZ")));
    expect(verifyBundle(extra).problems[0]).toMatchObject({ code: "extra_file", file: "payload.exe" });
  });

  it("rejects a tampered manifest, a re-keyed manifest and a missing one", async () => {
    const bytes = (await buildBundle(source())).bytes;
    const manifestOf = (f: Record<string, Uint8Array>) =>
      JSON.parse(new TextDecoder().decode(f["manifest.json"]));
    const reseeded = rezip(bytes, (f) => {
      const m = manifestOf(f);
      m.run.seed = 43;
      f["manifest.json"] = strToU8(JSON.stringify(m));
    });
    expect(verifyBundle(reseeded).problems).toEqual([expect.objectContaining({ code: "bad_signature" })]);
    // Re-indenting is not tampering: the signature covers the canonical form.
    const reformatted = rezip(bytes, (f) => (f["manifest.json"] = strToU8(canonicalJson(manifestOf(f)))));
    expect(verifyBundle(reformatted).ok).toBe(true);
    // An attacker re-signing with their own key passes only without a pinned key.
    const attacker = generateSigningKeyPair();
    const resigned = (await buildBundle(source({ key: attacker }))).bytes;
    expect(verifyBundle(resigned).ok).toBe(true);
    expect(verifyBundle(resigned, { publicKey: key.publicKeyPem }).problems[0]).toMatchObject({
      code: "bad_signature",
    });
    const unsigned = rezip(bytes, (f) => delete f["manifest.json"]);
    expect(verifyBundle(unsigned).problems[0]).toMatchObject({
      code: "missing_manifest",
      file: "manifest.json",
    });
    expect(verifyBundle(strToU8("not a zip at all")).problems[0].code).toBe("bad_zip");
  });

  it("refuses path traversal, lying sizes and oversized archives", async () => {
    const traversal = zipSync({ "../../etc/cron.d/x": strToU8("x"), "manifest.json": strToU8("{}") });
    expect(verifyBundle(traversal).problems[0]).toMatchObject({ code: "bad_zip" });
    expect(verifyBundle(traversal).problems[0].message).toMatch(/unsafe entry name/);
    expect(verifyBundle(zipSync({ "C:/x": strToU8("x") })).problems[0].message).toMatch(/unsafe/);

    const big = zipSync({ "zeros.bin": new Uint8Array(2 * 1024 * 1024) });
    expect(verifyBundle(big, { limits: { maxTotalBytes: 1024 * 1024 } }).problems[0].message).toMatch(
      /expands to more/,
    );
    // A central directory that understates the inflated size: inflating stops at the declared size.
    const lying = verifyBundle(understate((await buildBundle(source())).bytes, "events/evtx.jsonl"));
    expect(lying.problems[0]).toMatchObject({ code: "file_mismatch", file: "events/evtx.jsonl" });
    expect(lying.problems[0].message).toMatch(/beyond its declared size/);
  });
});

/** Declares 1000 bytes as the inflated size of `target` in the central directory. */
function understate(bytes: Uint8Array, target: string): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  const eocd = out.length - 22;
  let at = view.getUint32(eocd + 16, true);
  const count = view.getUint16(eocd + 10, true);
  for (let n = 0; n < count; n++) {
    const nameLen = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(out.subarray(at + 46, at + 46 + nameLen));
    if (name === target) view.setUint32(at + 24, 1000, true);
    at += 46 + nameLen + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}
