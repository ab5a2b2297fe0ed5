import { describe, expect, it } from "vitest";
import { curatedProcedures as curated } from "@/lib/procedures/curated";
import { procedures } from "@/lib/procedures/registry";
import { fieldValue } from "./event";
import { formats } from "./formats/registry";
import { generate, generateStream, serialize } from "./generate";

const allSteps = curated.map((p) => ({ technique: p.technique, procedure: p.id }));

describe("generate", () => {
  const a = generate({ seed: 42, steps: allSteps }, { procedures });

  it("is deterministic: same spec and seed give byte-identical output in every format", () => {
    const b = generate({ seed: 42, steps: allSteps }, { procedures });
    for (const f of formats)
      expect(serialize(b.events, f.id, b.labels), f.id).toBe(serialize(a.events, f.id, a.labels));
    expect(b.labels).toEqual(a.labels);
    expect(b.report).toEqual(a.report);
  });

  it("another seed changes PIDs, GUIDs, times and names", () => {
    const c = generate({ seed: 43, steps: allSteps }, { procedures });
    const pids = (r: typeof a) =>
      r.events.filter((e) => e.template.key === "sysmon/1").map((e) => fieldValue(e, "ProcessId"));
    const guids = (r: typeof a) =>
      r.events.filter((e) => e.template.key === "sysmon/1").map((e) => fieldValue(e, "ProcessGuid"));
    expect(pids(c)).not.toEqual(pids(a));
    expect(guids(c)).not.toEqual(guids(a));
    expect(c.events.map((e) => e.timeCreated)).not.toEqual(a.events.map((e) => e.timeCreated));
    expect(c.report.hosts.map((h) => h.name)).not.toEqual(a.report.hosts.map((h) => h.name));
    expect(c.report.interactiveUser).not.toBe(a.report.interactiveUser);
  });

  it("labels every event beside it: steps malicious with their technique, noise benign", () => {
    expect(a.labels).toHaveLength(a.events.length);
    const steps = a.labels.filter((l) => l.step !== null);
    const noise = a.labels.filter((l) => l.step === null);
    expect(steps.length).toBeGreaterThan(100);
    expect(noise.length).toBeGreaterThan(20);
    expect(new Set(steps.map((l) => l.technique))).toEqual(new Set(curated.map((p) => p.technique)));
    expect(steps.every((l) => l.verdict === "malicious" && l.procedure !== null)).toBe(true);
    expect(noise.every((l) => l.verdict === "benign" && l.technique === null)).toBe(true);
    // Ground truth never leaks into Windows' fields.
    const text = serialize(a.events, "evtx-json");
    expect(text).not.toMatch(/malicious|benign|T1059\.001/);
  });

  it("gives PIDs that are multiples of 4 and never shared by two live processes", () => {
    const live = new Map<string, string>();
    for (const e of a.events) {
      if (e.template.key === "sysmon/1") {
        const pid = fieldValue(e, "ProcessId") as number;
        expect(pid % 4).toBe(0);
        const k = `${e.computer}|${pid}`;
        expect(live.has(k), `PID ${pid} reused while alive on ${e.computer}`).toBe(false);
        live.set(k, fieldValue(e, "ProcessGuid") as string);
      } else if (e.template.key === "sysmon/5") {
        const k = `${e.computer}|${fieldValue(e, "ProcessId")}`;
        expect(live.get(k)).toBe(fieldValue(e, "ProcessGuid"));
        live.delete(k);
      }
    }
    const guids = a.events
      .filter((e) => e.template.key === "sysmon/1")
      .map((e) => fieldValue(e, "ProcessGuid"));
    expect(new Set(guids).size).toBe(guids.length);
  });

  it("builds Sysmon GUIDs from the machine prefix, the creation second and a counter", () => {
    const e = a.events.find((x) => x.template.key === "sysmon/1")!;
    const guid = fieldValue(e, "ProcessGuid") as string;
    const [, lo, hi] = guid.split("-");
    const secs = parseInt(hi + lo, 16);
    expect(Math.abs(secs * 1000 - Math.floor(e.timeUs / 1000))).toBeLessThan(2000);
    const logonGuid = fieldValue(e, "LogonGuid") as string;
    const logonId = parseInt((fieldValue(e, "LogonId") as string).slice(2), 16);
    const bytes = logonGuid.replace(/-/g, "").slice(16, 24);
    expect(parseInt(bytes.match(/../g)!.reverse().join(""), 16)).toBe(logonId);
    expect(guid.slice(0, 8)).toBe(logonGuid.slice(0, 8));
  });

  it("renders a process creation as Sysmon 1 and Security 4688 with the same PID and command line", () => {
    const s1 = a.events.filter((e) => e.template.key === "sysmon/1");
    const sec = a.events.filter((e) => e.template.key === "security/4688");
    expect(sec.length).toBe(s1.length);
    for (const e of s1) {
      const pid = `0x${(fieldValue(e, "ProcessId") as number).toString(16)}`;
      const match = sec.find((s) => s.computer === e.computer && fieldValue(s, "NewProcessId") === pid);
      expect(match && fieldValue(match, "CommandLine")).toBe(fieldValue(e, "CommandLine"));
    }
  });

  it("streams in time order with the same events as generate", () => {
    const seen: string[] = [];
    const report = generateStream({ seed: 42, steps: allSteps }, { procedures }, (event) =>
      seen.push(event.timeCreated),
    );
    expect(report.events).toBe(a.events.length);
    expect(seen).toEqual(a.events.map((e) => e.timeCreated));
    expect([...seen].sort()).toEqual(seen);
  });

  it("stops at maxEvents", () => {
    const r = generate(
      { seed: 1, steps: allSteps, noise: { level: "high", durationSeconds: 3600 } },
      { procedures, maxEvents: 500 },
    );
    expect(r.events).toHaveLength(500);
  });

  it("reports bad steps instead of throwing", () => {
    const r = generate(
      { seed: 1, steps: [{ technique: "T9999" }, { technique: "T9998.001", text: "just some words" }] },
      { procedures },
    );
    expect(r.report.steps.map((s) => s.error)).toEqual([
      "no procedure for T9999",
      expect.stringContaining("free text needs a technique procedure") as unknown as string,
    ]);
  });

  it("runs quoted commands from free text", () => {
    const r = generate(
      {
        seed: 2,
        noise: { level: "none" },
        steps: [
          {
            technique: "T1059.003",
            text: 'the operator ran "cmd.exe /c whoami /all" and then `ipconfig /all`',
          },
        ],
      },
      { procedures },
    );
    const lines = r.events
      .filter((e) => e.template.key === "sysmon/1")
      .map((e) => fieldValue(e, "CommandLine"));
    expect(lines).toEqual(["cmd.exe /c whoami /all", "ipconfig /all"]);
  });

  it("rejects an invalid spec with zod's message", () => {
    expect(() => generate({ seed: -1 }, { procedures })).toThrow(/seed/);
    expect(() => generate({ start: "yesterday" }, { procedures })).toThrow(/start/);
  });
});
