import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "../main";
import { processRule } from "@/lib/detect/sigma/testing";

const dir = mkdtempSync(join(tmpdir(), "rules-cli-"));
const good = processRule(
  "  sel:\n    Image|endswith: '\\\\whoami.exe'\n  condition: sel",
  "tags: [attack.t1033]\n",
);

async function run(args: string[]) {
  const chunks: string[] = [];
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((c) => (chunks.push(String(c)), true));
  const err = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
  try {
    return { code: await main(args), stdout: chunks.join("") };
  } finally {
    spy.mockRestore();
    err.mockRestore();
  }
}

describe("mimicry rules", () => {
  beforeAll(() => {
    process.env.MIMICRY_RULESETS_DIR = join(dir, "sets");
    mkdirSync(join(dir, "src"), { recursive: true });
    writeFileSync(join(dir, "src", "good.yml"), good);
    writeFileSync(join(dir, "src", "bad.yml"), processRule("  sel:\n    Image|bogus: x\n  condition: sel"));
    writeFileSync(join(dir, "release.zip"), zipSync({ "rules/windows/good.yml": strToU8(good) }));
    writeFileSync(join(dir, "evil.zip"), zipSync({ "../../evil.yml": strToU8(good) }));
  });
  afterAll(() => {
    delete process.env.MIMICRY_RULESETS_DIR;
    rmSync(dir, { recursive: true, force: true });
  });

  it("check lists failures with file and line and exits 1", async () => {
    const { code, stdout } = await run(["rules", "check", join(dir, "src")]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/1 loaded, 1 failed/);
    expect(stdout).toMatch(/bad\.yml:8 \[MODIFIER\] selection 'sel': unknown modifier 'bogus'/);
  });

  it("imports folders and zips into named sets, refuses traversal, lists sets", async () => {
    expect((await run(["rules", "import", "team-a", join(dir, "src")])).stdout).toMatch(
      /team-a: 1 rule files added/,
    );
    expect((await run(["rules", "import", "release", join(dir, "release.zip")])).code).toBe(0);
    expect((await run(["rules", "import", "evil", join(dir, "evil.zip")])).code).toBe(1);
    expect((await run(["rules", "import", "Bad Name", join(dir, "src")])).code).toBe(2);
    const listed = JSON.parse((await run(["rules", "list", "--json"])).stdout);
    expect(listed.map((s: { name: string; files: number }) => [s.name, s.files])).toEqual([
      ["release", 1],
      ["team-a", 1],
    ]);
  });

  it("adds a pasted rule from a file; refuses one that does not load", async () => {
    expect((await run(["rules", "add", "mine", join(dir, "src", "good.yml")])).code).toBe(0);
    expect((await run(["rules", "add", "mine", join(dir, "src", "bad.yml")])).code).toBe(1);
  });
});
