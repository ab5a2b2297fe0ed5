import { mkdtempSync, readdirSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { afterEach, describe, expect, it } from "vitest";
import { processRule } from "../sigma/testing";
import { FileRuleSetStore } from "./store";
import { extractRuleZip } from "./zip";

const rule = (id: string, image: string) =>
  processRule(`  sel:\n    Image|endswith: '\\\\${image}'\n  condition: sel`).replace(
    "00000000-0000-0000-0000-000000000001",
    id,
  );
const dirs: string[] = [];
const tmp = () => {
  const dir = mkdtempSync(join(tmpdir(), "rulesets-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A zip whose central directory declares a different uncompressed size than the data inflates to. */
function lyingZip(): Uint8Array {
  const zip = zipSync({ "rules/big.yml": strToU8(`# ${"a".repeat(500_000)}\n`) }, { level: 9 });
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = zip.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 100, true); // central directory size
    if (view.getUint32(i, true) === 0x04034b50) view.setUint32(i + 22, 100, true); // local header size
  }
  return zip;
}

describe("rule sets", () => {
  it("imports a folder, keeps only rules that load, and loads the set back", () => {
    const src = tmp();
    mkdirSync(join(src, "windows"), { recursive: true });
    writeFileSync(join(src, "windows", "a.yml"), rule("a1", "a.exe"));
    writeFileSync(join(src, "windows", "bad.yml"), "title: [oops\n");
    writeFileSync(join(src, "README.md"), "not a rule");
    const store = new FileRuleSetStore(tmp());
    const report = store.importFolder("team-a", src);
    expect(report.added).toBe(1);
    expect(report.failures).toMatchObject([{ file: "windows/bad.yml", code: "YAML" }]);
    expect(store.list()).toMatchObject([{ name: "team-a", files: 1 }]);
    expect(store.load("team-a").rules.map((r) => r.info.id)).toEqual(["a1"]);
  });

  it("imports a release zip and refuses path traversal", () => {
    const store = new FileRuleSetStore(tmp());
    const zip = zipSync({
      "sigma/rules/windows/a.yml": strToU8(rule("z1", "a.exe")),
      "sigma/LICENSE": strToU8("DRL"),
    });
    expect(store.importZip("release", zip).added).toBe(1);
    expect(store.sources("release").map((s) => s.file)).toEqual(["sigma/rules/windows/a.yml"]);
    const evil = zipSync({ "../../etc/evil.yml": strToU8(rule("e1", "a.exe")) });
    expect(() => store.importZip("evil", evil)).toThrow(/path traversal/);
    expect(() => extractRuleZip(zipSync({ "C:/x.yml": strToU8("a: 1") }))).toThrow(/path traversal/);
  });

  it("refuses zip bombs by declared and by actual size", () => {
    const many = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`r${i}.yml`, strToU8("a: 1\n")]));
    expect(() =>
      extractRuleZip(zipSync(many), { maxEntries: 10, maxTotalBytes: 1e9, maxRuleBytes: 1e6 }),
    ).toThrow(/more than 10 entries/);
    const big = zipSync({
      "a.yml": new Uint8Array(300_000).fill(0x61),
      "b.yml": new Uint8Array(300_000).fill(0x61),
    });
    expect(() => extractRuleZip(big, { maxEntries: 10, maxTotalBytes: 500_000, maxRuleBytes: 1e6 })).toThrow(
      /zip bomb/,
    );
    expect(() =>
      extractRuleZip(lyingZip(), { maxEntries: 10, maxTotalBytes: 1000, maxRuleBytes: 1000 }),
    ).toThrow(/does not match its header/);
  });

  it("adds a pasted rule only when it loads", () => {
    const store = new FileRuleSetStore(tmp());
    expect(store.addRule("mine", rule("11111111-2222-3333-4444-555555555555", "x.exe")).added).toBe(1);
    expect(store.sources("mine").map((s) => s.file)).toEqual([
      "pasted/11111111-2222-3333-4444-555555555555.yml",
    ]);
    const refused = store.addRule("mine", processRule("  sel:\n    Image|nope: x\n  condition: sel"));
    expect(refused.added).toBe(0);
    expect(refused.failures[0].error).toMatch(/unknown modifier 'nope'/);
  });

  it("rejects unsafe rule-set names", () => {
    const dir = tmp();
    const store = new FileRuleSetStore(dir);
    expect(() => store.addRule("../escape", rule("x", "x.exe"))).toThrow(/rule-set name/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
