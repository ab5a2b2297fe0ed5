import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "../main";

const fixturePath = fileURLToPath(new URL("../../lib/attack/fixtures/small-bundle.json", import.meta.url));
const fullBundle = process.env.ATTACK_STIX_FILE;
const saved = { file: process.env.ATTACK_STIX_FILE, cache: process.env.ATTACK_CACHE_DIR };
let cacheDir: string;

/** Runs the CLI in-process and captures what it prints. */
async function run(args: string[], stixFile = fixturePath) {
  process.env.ATTACK_STIX_FILE = stixFile;
  process.env.ATTACK_CACHE_DIR = cacheDir;
  let stdout = "";
  let stderr = "";
  const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

beforeAll(async () => {
  cacheDir = await mkdtemp(path.join(tmpdir(), "mimicry-attack-cli-"));
});
afterAll(async () => {
  for (const [key, value] of [
    ["ATTACK_STIX_FILE", saved.file],
    ["ATTACK_CACHE_DIR", saved.cache],
  ] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  await rm(cacheDir, { recursive: true, force: true });
});

describe("mimicry attack (fixture bundle)", () => {
  it("prepare builds, then reads the cached index, printing version, counts and timing", async () => {
    const cold = await run(["attack", "prepare"]);
    expect(cold.code).toBe(0);
    expect(cold.stdout).toContain(`ATT&CK 99.1 from ATTACK_STIX_FILE ${fixturePath}`);
    expect(cold.stdout).toContain("3 tactics, 4 techniques, 3 sub-techniques, 4 revoked or deprecated");
    expect(cold.stdout).toMatch(/index built in \d+ ms/);
    const warm = await run(["attack", "prepare"]);
    expect(warm.stdout).toMatch(/cached index read in \d+ ms/);
    const rebuilt = await run(["attack", "prepare", "--rebuild"]);
    expect(rebuilt.stdout).toMatch(/index built in \d+ ms/);
  });

  it("techniques --json lists id, name, tactics, platforms and parent", async () => {
    const { code, stdout } = await run(["attack", "techniques", "--json", "--platform", "linux"]);
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as {
      id: string;
      name: string;
      tactics: string[];
      platforms: string[];
      parent: string | null;
    }[];
    expect(rows.map((r) => r.id)).toEqual(["T1003", "T1027", "T1059", "T1059.004"]);
    expect(rows[3]).toMatchObject({
      name: "Unix Shell",
      tactics: ["execution"],
      platforms: ["Linux", "macOS"],
      parent: "T1059",
    });
  });

  it("techniques filters by tactic and prints a table", async () => {
    const { code, stdout, stderr } = await run(["attack", "techniques", "--tactic", "TA0006"]);
    expect(code).toBe(0);
    expect(
      stdout
        .trim()
        .split("\n")
        .map((l) => l.split(/\s+/)[0]),
    ).toEqual(["T1003", "T1003.001", "T1053"]);
    expect(stdout).toContain("T1053      Scheduled Task/Job  [Execution, Credential Access]  Windows");
    expect(stderr).toContain("3 techniques and sub-techniques (ATT&CK 99.1)");
  });

  it("rejects an unknown platform or tactic with exit 2, listing the valid ones", async () => {
    const platform = await run(["attack", "techniques", "--platform", "Solaris"]);
    expect(platform.code).toBe(2);
    expect(platform.stderr).toBe(
      'mimicry: unknown platform "Solaris"; valid platforms: Linux, Windows, macOS\n',
    );
    const tactic = await run(["attack", "techniques", "--tactic", "impact"]);
    expect(tactic.code).toBe(2);
    expect(tactic.stderr).toBe(
      'mimicry: unknown tactic "impact"; valid tactics: execution, defense-evasion, credential-access\n',
    );
  });

  it("show prints tactics, platforms, description, detection and mitigations", async () => {
    const { code, stdout } = await run(["attack", "show", "T1003.001"]);
    expect(code).toBe(0);
    expect(stdout).toContain("T1003.001  LSASS Memory  (sub-technique of T1003 OS Credential Dumping)");
    expect(stdout).toContain("Tactics:    Credential Access");
    expect(stdout).toContain("Platforms:  Windows");
    expect(stdout).toContain("DET0001  LSASS access followed by a dump");
    expect(stdout).toContain("log source  WinEventLog:Sysmon: EventCode=10 (Process Access)");
    expect(stdout).toContain("tunable     TimeWindow, ParentProcessName");
    expect(stdout).toContain("M1043  Credential Access Protection");
  });

  it("show --json prints the technique; a revoked id shows its replacement", async () => {
    const json = await run(["attack", "show", "t1059.001", "--json"]);
    expect(JSON.parse(json.stdout).technique).toMatchObject({ id: "T1059.001", parent: "T1059" });
    const revoked = await run(["attack", "show", "T1086"]);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout.split("\n")[0]).toBe("T1086 PowerShell is revoked; replaced by T1059.001.");
    expect(revoked.stdout).toContain("T1059.001  PowerShell");
    const deprecated = await run(["attack", "show", "T1064"]);
    expect(deprecated.stdout).toBe("T1064 Scripting is deprecated and has no replacement.\n");
  });

  it("show of an unknown technique exits 2 with one line", async () => {
    const { code, stdout, stderr } = await run(["attack", "show", "T9999"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe('mimicry: unknown technique "T9999" in ATT&CK 99.1\n');
  });

  it("search ranks matches", async () => {
    const { code, stdout } = await run(["attack", "search", "t1059", "--json"]);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { id: string }[]).map((h) => h.id)).toEqual([
      "T1059",
      "T1059.001",
      "T1059.004",
    ]);
    expect((await run(["attack", "search", "x", "--limit", "0"])).code).toBe(2);
  });

  it("fails with exit 1 and a clear message when the bundle is malformed", async () => {
    const broken = path.join(cacheDir, "broken.json");
    await writeFile(broken, '{"type": "bundle", "objects": [');
    const { code, stdout, stderr } = await run(["attack", "show", "T1003"], broken);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n").at(-1)).toMatch(
      new RegExp(`^mimicry: STIX bundle ${broken} is not valid JSON: `),
    );
  });

  it("has --help on every subcommand", async () => {
    for (const sub of ["techniques", "show", "search", "prepare"]) {
      const { code, stdout } = await run(["attack", sub, "--help"]);
      expect(code, sub).toBe(0);
      expect(stdout).toContain(`Usage: mimicry attack ${sub}`);
    }
  });
});

describe.skipIf(!fullBundle)("mimicry attack (full bundle)", () => {
  it("lists all 691 techniques and sub-techniques", async () => {
    const { code, stdout } = await run(["attack", "techniques", "--json"], fullBundle);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toHaveLength(691);
  });

  it("shows T1059.001 with its detection strategy and log sources", async () => {
    const { code, stdout } = await run(["attack", "show", "T1059.001"], fullBundle);
    expect(code).toBe(0);
    expect(stdout).toContain(
      "T1059.001  PowerShell  (sub-technique of T1059 Command and Scripting Interpreter)",
    );
    expect(stdout).toMatch(/log source {2}WinEventLog:PowerShell: EventCode=[\d, ]*4104/);
  });
});
