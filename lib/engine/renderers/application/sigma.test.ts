import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileSources, SigmaEngine } from "@/lib/detect/sigma";
import type { ActionInput } from "../../actions";
import { serializeEvtxJson } from "../../formats/evtx-json";
import { generatePlan } from "../test-support";

const rulesDir = process.env.SIGMA_RULES_DIR;
const W = "windows";
/** The SigmaHQ rules the added telemetry exists for, with the event they key on. */
const RULES = [
  `${W}/raw_access_thread/raw_access_thread_susp_disk_access_using_uncommon_tools.yml`,
  `${W}/builtin/application/application_error/win_application_error_msmpeng_crash.yml`,
  `${W}/builtin/application/microsoft-windows_audit_cve/win_audit_cve.yml`,
  `${W}/builtin/application/microsoft_windows_software_restriction_policies/win_software_restriction_policies_block.yml`,
  `${W}/builtin/security/win_security_external_device.yml`,
  `${W}/builtin/security/win_security_device_installation_blocked.yml`,
  `${W}/builtin/driverframeworks/win_usb_device_plugged.yml`,
  `${W}/builtin/security/win_security_alert_ruler.yml`,
];

const plan: ActionInput[] = [
  {
    id: "rc",
    kind: "process.create",
    proc: "rc",
    parent: "@explorer",
    image: "C:\\Tools\\RawCopy64.exe",
    commandLine: "RawCopy64.exe /FileNamePath:C:\\Windows\\System32\\config\\SYSTEM /OutputPath:C:\\Tools",
  },
  { id: "raw", kind: "disk.rawread", proc: "rc", device: "\\Device\\HarddiskVolume3" },
  {
    id: "crash",
    kind: "process.crash",
    proc: "@msmpeng",
    module:
      "C:\\ProgramData\\Microsoft\\Windows Defender\\Definition Updates\\{5A8F3C9E-2B4D-4E1F-9A7C-3D6B8E0F1A2C}\\mpengine.dll",
  },
  { id: "cve", kind: "cve.audit", proc: "@explorer", cve: "[CVE-2020-0601] cert validation" },
  { id: "srp", kind: "srp.block", proc: "@explorer", path: "C:\\ProgramData\\x\\x.exe", rule: "default" },
  { id: "usb", kind: "device.connect", device: "usb-storage" },
  { id: "kbd", kind: "device.connect", device: "usb-keyboard", blocked: true },
  {
    id: "ruler",
    kind: "logon",
    host: "@server",
    session: "ruler",
    user: "@user",
    logonType: 3,
    authPackage: "NTLM",
    workstation: "RULER",
  },
];

describe.skipIf(!rulesDir)("the added telemetry fires the SigmaHQ rules written for it", () => {
  // Compiled on first use: the describe body runs at collection even when the suite is skipped.
  let compiled: ReturnType<typeof compileSources> | null = null;
  const load = () =>
    (compiled ??= compileSources(
      RULES.map((f) => ({ file: f, text: readFileSync(join(rulesDir!, f), "utf8") })),
    ));
  const fired = (seed: number) => {
    const r = generatePlan("T1006", plan, seed);
    const docs = r.events.map((e) => JSON.parse(serializeEvtxJson(e)));
    const titles = new Set(new SigmaEngine(load().rules).run(docs).matches.map((m) => m.rule.title));
    const classic = r.events.some((e) => e.template.key === "application/1000");
    return { titles, classic };
  };

  it("compiles every rule", () => {
    expect(load().failures).toEqual([]);
    expect(load().rules).toHaveLength(RULES.length);
  });

  it("fires each rule; the MsMpEng crash rule on both forms of Application Error 1000", () => {
    const runs = [1, 2, 3, 4, 5, 6].map(fired);
    expect(runs.some((r) => r.classic)).toBe(true);
    for (const { titles, classic } of runs) {
      const expected = [
        "Potential Defense Evasion Via Raw Disk Access By Uncommon Tools",
        "Audit CVE Event",
        "Restricted Software Access By SRP",
        "External Disk Drive Or USB Storage Device Was Recognized By The System",
        "Device Installation Blocked",
        "USB Device Plugged",
        "Hacktool Ruler",
      ];
      for (const t of expected) expect(titles, t).toContain(t);
      // Windows 11 names every field; Sigma's Data is the whole EventData, so the rule holds for both forms.
      expect(titles.has("Microsoft Malware Protection Engine Crash"), classic ? "classic" : "named").toBe(
        true,
      );
    }
  });
});
