import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadRegressionCases } from "../conformance/regression";
import { parseEventsText } from "../events/read";
import { evtx, sysmon } from "../sigma/testing";
import { buildBundleTemplates, buildStepTemplates } from "./index";
import { kqlDiagnostics } from "./kusto";
import { sigmaEscape } from "./sigma-rule";

const events = [
  sysmon(1, {
    Image: "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
    CommandLine: "powershell.exe -nop -w hidden -enc SQBFAFgA",
    ParentImage: "C:\\Windows\\explorer.exe",
  }),
  sysmon(1, {
    Image: "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
    CommandLine: "powershell.exe -File C:\\scripts\\backup.ps1",
  }),
  sysmon(13, {
    Image: "C:\\Users\\Public\\upd.exe",
    TargetObject: "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run\\Updater",
    Details: "C:\\Users\\Public\\upd.exe",
  }),
  sysmon(13, {
    Image: "C:\\Program Files\\OneDrive\\OneDrive.exe",
    TargetObject: "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run\\OneDrive",
    Details: "C:\\Program Files\\OneDrive\\OneDrive.exe",
  }),
  sysmon(3, {
    Image: "C:\\Windows\\System32\\rundll32.exe",
    DestinationIp: "203.0.113.7",
    DestinationPort: 443,
    DestinationHostname: "cdn.evil.example",
  }),
  sysmon(11, {
    Image: "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
    TargetFilename: "C:\\Users\\Public\\upd.exe",
  }),
  evtx("Security", 4688, {
    NewProcessName: "C:\\Windows\\System32\\whoami.exe",
    CommandLine: "whoami /all",
    ParentProcessName: "C:\\Windows\\System32\\cmd.exe",
  }),
  evtx("Security", 4688, { NewProcessName: "C:\\Windows\\System32\\whoami.exe", CommandLine: "whoami" }),
  evtx("Microsoft-Windows-PowerShell/Operational", 4104, {
    ScriptBlockText: 'Invoke-Mimikatz -DumpCreds -ComputerName "dc01"',
  }),
  sysmon(22, { Image: "C:\\Windows\\System32\\rundll32.exe", QueryName: "cdn.evil.example" }),
  // Benign twin of event 0 with one extra flag: loose selections would fire, so the rule must go exact.
  sysmon(1, {
    Image: "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
    CommandLine: "powershell.exe -nop -w hidden -enc SQBFAFgA -NonInteractive",
  }),
];
const steps = [
  { id: "s1", technique: "T1059.001", title: "Encoded PowerShell", maliciousEvents: [0] },
  { id: "s2", technique: "T1547.001", title: "Run key persistence", maliciousEvents: [2, 5] },
  { id: "s3", technique: "T1071.001", title: "C2 over HTTPS", maliciousEvents: [4, 9] },
  { id: "s4", technique: "T1033", title: "Owner discovery", maliciousEvents: [6] },
  { id: "s5", technique: "T1003.001", title: "LSASS dump", maliciousEvents: [8] },
];

describe("query templates", () => {
  const { steps: perStep, bundle } = buildBundleTemplates(events, steps);

  it("every KQL template parses with no diagnostics in the Kusto language service", () => {
    const kql = [...perStep.flatMap((s) => s.queries), ...bundle].filter((q) => q.language === "kql");
    expect(kql.length).toBeGreaterThan(10);
    for (const q of kql) expect(kqlDiagnostics(q.query), q.query).toEqual([]);
    expect(kqlDiagnostics("SecurityEvent | where")).not.toEqual([]);
  });

  it("covers Sentinel SecurityEvent, Sentinel Sysmon and Defender XDR tables with the technique in a comment", () => {
    const s1 = perStep[0].queries.filter((q) => q.language === "kql");
    expect(s1.map((q) => q.target).sort()).toEqual([
      "defender-xdr",
      "sentinel-securityevent",
      "sentinel-sysmon",
    ]);
    for (const q of s1) expect(q.query).toMatch(/^\/\/ ATT&CK T1059\.001: Encoded PowerShell/);
    const xdr = s1.find((q) => q.target === "defender-xdr")!.query;
    expect(xdr).toMatch(/^DeviceProcessEvents$/m);
    expect(xdr).toContain('FolderPath endswith @"\\powershell.exe"');
    expect(xdr).toContain('ProcessCommandLine contains @"SQBFAFgA"');
    const tables = perStep.flatMap((s) =>
      s.queries
        .filter((q) => q.target === "defender-xdr")
        .map((q) => q.query.split("\n").find((l) => l.startsWith("Device"))),
    );
    expect(new Set(tables)).toEqual(
      new Set(["DeviceProcessEvents", "DeviceRegistryEvents", "DeviceFileEvents", "DeviceNetworkEvents"]),
    );
    const reg = perStep[1].queries.find((q) => q.target === "defender-xdr" && q.kind === "registry")!.query;
    expect(reg).toContain(
      'RegistryKey endswith @"SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run" and RegistryValueName =~ @"Updater"',
    );
    expect(
      perStep[2].queries.find((q) => q.target === "defender-xdr" && q.kind === "network")!.query,
    ).toContain("RemotePort == 443");
  });

  it("writes SPL searches for Sysmon and Security sources", () => {
    const spl = perStep[3].queries.find((q) => q.language === "spl")!.query;
    expect(spl).toContain(
      'source="XmlWinEventLog:Security" EventCode=4688 (NewProcessName="*\\\\whoami.exe" CommandLine="*/all*")',
    );
    expect(spl.startsWith("```ATT&CK T1033")).toBe(true);
  });

  it("generated Sigma rules fire on every malicious event of their step and on no benign event", () => {
    const rules = perStep.flatMap((s) => s.sigma);
    expect(rules.map((r) => [r.kind, r.verified])).toEqual([
      ["process", true],
      ["registry", true],
      ["file", true],
      ["network", true],
      ["dns", true],
      ["process", true],
      ["script", true],
    ]);
    const s1 = perStep[0].sigma[0];
    expect(s1.yaml).toContain("CommandLine: powershell.exe -nop -w hidden -enc SQBFAFgA\n"); // had to go exact: event 10 is a benign twin
    expect(s1.falsePositives).toEqual([]);
    expect(perStep[3].sigma[0].yaml).toContain("CommandLine|contains|all:");
  });

  it("escapes Sigma wildcards in generated values", () => {
    expect(sigmaEscape("a*b?c\\")).toBe("a\\*b\\?c\\\\");
    expect(sigmaEscape("C:\\Windows\\*")).toBe("C:\\Windows\\\\\\*");
  });
});

const regressionDir = process.env.SIGMA_REGRESSION_DIR;
describe.skipIf(!regressionDir)("templates over real SigmaHQ regression events", () => {
  it("each case as a step: KQL parses, generated Sigma rules separate the step from the rest", () => {
    const all: unknown[] = [];
    const realSteps = loadRegressionCases(regressionDir!).map((c, i) => {
      const start = all.length;
      all.push(...parseEventsText(readFileSync(c.eventsFile, "utf8")));
      return {
        id: `case${i}`,
        technique: "T1204",
        maliciousEvents: Array.from({ length: all.length - start }, (_, k) => start + k),
      };
    });
    const malicious = new Set(realSteps.flatMap((s) => s.maliciousEvents));
    const results = realSteps.map((s) => buildStepTemplates(all, s, malicious));
    const kql = results.flatMap((r) => r.queries.filter((q) => q.language === "kql"));
    expect(kql.length).toBeGreaterThan(100);
    for (const q of kql) expect(kqlDiagnostics(q.query), q.query).toEqual([]);
    const rules = results.flatMap((r) => r.sigma);
    expect(rules.length).toBeGreaterThan(50);
    // Across steps every event is "malicious", so here the check is: each rule fires on all its own events.
    expect(
      rules.filter((r) => r.fires.length === r.expected.length).length / rules.length,
    ).toBeGreaterThanOrEqual(0.95);
  });
});
