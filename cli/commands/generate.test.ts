import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { main } from "../main";

const dir = mkdtempSync(join(tmpdir(), "generate-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((c) => (out.push(String(c)), true));
  const espy = vi.spyOn(process.stderr, "write").mockImplementation((c) => (err.push(String(c)), true));
  try {
    const code = await main(args);
    return { code, stdout: out.join(""), stderr: err.join("") };
  } finally {
    spy.mockRestore();
    espy.mockRestore();
  }
}

describe("mimicry generate", () => {
  const events = join(dir, "events.ndjson");
  const labels = join(dir, "labels.ndjson");
  const report = join(dir, "report.json");

  it("writes events, labels and a report; same seed, same bytes", async () => {
    const r = await run([
      "generate",
      "--technique",
      "T1021.002",
      "--seed",
      "12",
      "--out",
      events,
      "--labels",
      labels,
      "--report",
      report,
    ]);
    expect(r.code).toBe(0);
    const text = readFileSync(events, "utf8");
    const lines = text.trim().split("\n");
    expect(lines.length).toBeGreaterThan(40);
    expect(readFileSync(labels, "utf8").trim().split("\n")).toHaveLength(lines.length);
    const rep = JSON.parse(readFileSync(report, "utf8"));
    expect(rep.steps[0]).toMatchObject({
      technique: "T1021.002",
      procedure: "t1021.002-admin-share-service",
    });
    expect(rep.events).toBe(lines.length);
    const again = join(dir, "again.ndjson");
    await run(["generate", "--technique", "T1021.002", "--seed", "12", "--out", again]);
    expect(readFileSync(again, "utf8")).toBe(text);
  });

  it("prints only events on stdout, in the chosen format", async () => {
    const r = await run([
      "generate",
      "-t",
      "T1547.001",
      "--seed",
      "3",
      "--format",
      "evtx-xml",
      "--noise",
      "none",
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith("<?xml")).toBe(true);
    expect(r.stdout.trim().endsWith("</Events>")).toBe(true);
    expect(r.stdout).toContain("CurrentVersion\\Run\\");
  });

  it("runs free text through the procedure library's parser", async () => {
    const r = await run([
      "generate",
      "--action",
      "dump lsass with rundll32 comsvcs.dll MiniDump",
      "--noise",
      "none",
    ]);
    expect(r.code).toBe(0);
    const images = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l).Event)
      .filter((e) => e.System.EventID === 1)
      .map((e) => String(e.EventData.Image).toLowerCase());
    expect(images.some((i) => i.endsWith("rundll32.exe"))).toBe(true);
  });

  it.each([
    [["generate", "--technique", "T1234"], /no procedure for technique T1234; run "mimicry generate --list"/],
    [["generate", "--technique", "T1003.001", "--seed", "-4"], /bad seed/],
    [["generate", "--technique", "T1003.001", "--seed", "99999999999"], /bad seed/],
    [["generate", "--technique", "T1003.001", "--start", "2026-13-45"], /bad --start/],
    [["generate", "--technique", "T1003.001", "--format", "pcap"], /unknown format "pcap"/],
    [["generate", "--action", "the weather is nice today"], /free text needs a technique procedure/],
    [["generate"], /nothing to generate/],
  ])("%j → one-line error, exit 2", async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("mimicry validate", () => {
  it("exits 0 on the engine's output and 1 with event references on a tampered file", async () => {
    const file = join(dir, "v.ndjson");
    await run(["generate", "-t", "T1003.001", "--seed", "5", "--out", file]);
    expect((await run(["validate", file])).code).toBe(0);
    const tampered = readFileSync(file, "utf8")
      .split("\n")
      .map((l) =>
        l.includes('"EventID":1,') && l.includes('rundll32.exe","FileVersion')
          ? l.replace(/"LogonId":"0x[0-9a-f]+"/, '"LogonId":"0x3e7"')
          : l,
      )
      .join("\n");
    const bad = join(dir, "bad.ndjson");
    writeFileSync(bad, tampered);
    const r = await run(["validate", bad]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /sessions +\S+ Microsoft-Windows-Sysmon\/Operational #\d+ \(1\): process LogonId 0x3e7 belongs to SYSTEM/,
    );
  });

  it("repairs and prunes a plan with reasons", async () => {
    const plan = join(dir, "plan.json");
    writeFileSync(
      plan,
      JSON.stringify([
        {
          id: "x",
          kind: "process.create",
          proc: "p",
          parent: "nobody",
          image: "whoami.exe",
          commandLine: "whoami",
        },
        { id: "y", kind: "pipe.create", proc: "ghost", pipe: "\\x" },
      ]),
    );
    const r = await run(["validate", "--plan", plan]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/repaired x \[parent-exists\]/);
    expect(r.stdout).toMatch(/pruned +y \[actor-alive\]/);
  });

  it("exits 2 on a missing file", async () => {
    expect((await run(["validate", join(dir, "missing.ndjson")])).code).toBe(2);
  });
});
