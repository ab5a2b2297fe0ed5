import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { parseEventsText } from "../events/read";
import { readRuleSources } from "../rulesets/files";
import { SigmaEngine } from "../sigma/engine";
import { compileSources, type LoadedRules } from "../sigma/load";
import { loadRegressionCases } from "./regression";
import { parseSigmaText } from "../sigma/parse";
import { runConformance } from "./report";

const rulesDir = process.env.SIGMA_RULES_DIR;
let loadedOnce: LoadedRules | undefined;
/** The SigmaHQ rules compiled once for the tests below that need the whole set. */
const allRules = () => (loadedOnce ??= compileSources(readRuleSources(rulesDir!).sources));
const regressionDir = process.env.SIGMA_REGRESSION_DIR;

describe.skipIf(!rulesDir)("every SigmaHQ rule under SIGMA_RULES_DIR", () => {
  it("parses (YAML + schema) — 100 %", () => {
    const { sources, failures } = readRuleSources(rulesDir!);
    expect(failures).toEqual([]);
    expect(sources.length).toBeGreaterThan(1000);
    const errors = sources.flatMap((s) => parseSigmaText(s.text, s.file).errors.map((e) => e.describe()));
    expect(errors).toEqual([]);
  });
});

describe.skipIf(!rulesDir || !regressionDir)("SigmaHQ regression data", () => {
  let cached: ReturnType<typeof runConformance> | undefined;
  const conformance = () => (cached ??= runConformance(rulesDir!, regressionDir!));

  it("compiles every rule (100 %), the nested-quantifier regex included (linear-time matcher)", () => {
    expect(conformance().failures).toEqual([]);
    expect(conformance().rulesLoaded).toBeGreaterThan(1000);
  });

  it("fires the rule info.yml names on its real events for at least 95 % of cases", () => {
    const total = conformance().outcomes.length;
    expect(total).toBeGreaterThan(50);
    const failed = conformance()
      .outcomes.filter((o) => !(o.fired > 0 && o.fired >= (o.case.matchCount ?? o.events)))
      .map((o) => `${o.case.dir}: ${o.reason}`);
    expect(conformance().passed / total, failed.join("\n")).toBeGreaterThanOrEqual(0.95);
  });

  it("lists out-of-scope rules with a reason", () => {
    expect(conformance().outOfScope.length).toBeGreaterThan(0);
    expect(
      conformance().outOfScope.every((o) =>
        /not Windows event logs|no known Windows channel|has no Windows event log source/.test(o.reason),
      ),
    ).toBe(true);
  });
});

describe.skipIf(!rulesDir || !regressionDir)("engine prefilters", () => {
  it("the necessary-key index never changes which rules fire (all rules × all regression events)", async () => {
    const loaded = allRules();
    const events = loadRegressionCases(regressionDir!).flatMap((c) =>
      parseEventsText(readFileSync(c.eventsFile, "utf8")),
    );
    const key = (m: { event: number; rule: { id: string } }) => `${m.event}/${m.rule.id}`;
    const indexed = new SigmaEngine(loaded.rules).run(events);
    const plain = new SigmaEngine(loaded.rules, [], { keyIndex: false }).run(events);
    expect(indexed.matches.map(key).sort()).toEqual(plain.matches.map(key).sort());
    expect(indexed.matches.length).toBeGreaterThan(80);
    expect(indexed.evaluations).toBeLessThan(plain.evaluations / 2);
  });
});

/** A real Sysmon 1 event rewritten as the Security 4688 event of the same process creation. */
function asSecurity4688(event: {
  Event: { System: Record<string, unknown>; EventData: Record<string, unknown> };
}) {
  const d = event.Event.EventData;
  const labels: Record<string, string> = {
    Low: "S-1-16-4096",
    Medium: "S-1-16-8192",
    High: "S-1-16-12288",
    System: "S-1-16-16384",
  };
  const hex = (v: unknown) => `0x${Number(v).toString(16)}`;
  return {
    Event: {
      System: {
        ...event.Event.System,
        EventID: 4688,
        Channel: "Security",
        Provider: { "#attributes": { Name: "Microsoft-Windows-Security-Auditing" } },
      },
      EventData: {
        NewProcessName: d.Image,
        CommandLine: d.CommandLine,
        ParentProcessName: d.ParentImage,
        NewProcessId: hex(d.ProcessId),
        ProcessId: hex(d.ParentProcessId),
        SubjectUserName: String(d.User ?? "")
          .split("\\")
          .pop(),
        SubjectLogonId: d.LogonId,
        MandatoryLabel: labels[String(d.IntegrityLevel)] ?? d.IntegrityLevel,
      },
    },
  };
}

describe.skipIf(!rulesDir || !regressionDir)("Sysmon process_creation rules on Security 4688", () => {
  it("fire on the 4688 form of the real Sysmon 1 regression events (except rules needing Sysmon-only fields)", async () => {
    const loaded = allRules();
    const byId = new Map(loaded.rules.map((r) => [r.info.id, r]));
    const missed: string[] = [];
    let cases = 0;
    for (const c of loadRegressionCases(regressionDir!)) {
      const events = parseEventsText(readFileSync(c.eventsFile, "utf8")) as unknown as Parameters<
        typeof asSecurity4688
      >[0][];
      const processes = events.filter((e) => e.Event.System.EventID === 1);
      if (processes.length === 0) continue;
      cases++;
      const result = new SigmaEngine([byId.get(c.ruleId)!]).run(processes.map(asSecurity4688));
      expect(result.matches.every((m) => m.source === "security:4688")).toBe(true);
      if (result.matches.length === 0) missed.push(c.dir.split("/").pop()!);
    }
    expect(cases).toBeGreaterThan(40);
    // The misses use ParentCommandLine, OriginalFileName, Hashes or ParentUser, which 4688 does not carry.
    expect(missed.length / cases, missed.join(", ")).toBeLessThanOrEqual(0.1);
  });
});
