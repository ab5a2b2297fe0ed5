import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileSources, SigmaEngine } from "@/lib/detect/sigma";
import type { ActionInput } from "../../actions";
import { eventDataRecord } from "../../event";
import { serializeEvtxJson } from "../../formats/evtx-json";
import { serialize } from "../../generate";
import { validateEvents } from "../../validate";
import { eventsOfKey, evtxRoundTrips, fieldNames, generatePlan } from "../test-support";

/** CVE-2021-28312: a user's shell opens the root directory's $i30 index as a $bitmap stream. */
const plan: ActionInput[] = [
  {
    id: "cmd",
    kind: "process.create",
    proc: "cmd",
    parent: "@explorer",
    image: "C:\\Windows\\System32\\cmd.exe",
    commandLine: 'cmd.exe /c cd "C:\\:$i30:$bitmap"',
  },
  { id: "ntfs", kind: "ntfs.corruption", proc: "cmd" },
];

describe.each([2, 7])("Ntfs 55 (seed %i)", (seed) => {
  const r = generatePlan("T1499.004", plan, seed);
  const [e] = eventsOfKey(r.events, "system/ntfs-55");
  const [cmd] = eventsOfKey(r.events, "sysmon/1");

  it("is written once in System by the Ntfs provider, from a kernel worker of the System process", () => {
    expect(eventsOfKey(r.events, "system/ntfs-55")).toHaveLength(1);
    expect(e.template.provider).toEqual({ name: "Ntfs", guid: "DD70BC80-EF44-421B-8AC3-CD31DA613A4E" });
    expect([e.template.channel, e.template.eventId, e.template.level]).toEqual(["System", 55, 2]);
    expect([e.processId, e.userId]).toEqual([4, "S-1-5-18"]);
    expect(e.timeUs).toBeGreaterThan(cmd.timeUs);
  });

  it("names the volume and describes the root directory's corrupted file record", () => {
    expect(fieldNames(e).slice(0, 8)).toEqual([
      "DriveName",
      "DeviceName",
      "CorruptionState",
      "HeaderFlags",
      "Severity",
      "Origin",
      "Verb",
      "Description",
    ]);
    const d = eventDataRecord(e);
    expect([d.DriveName, d.DeviceName, d.Origin, d.Verb, d.Severity]).toEqual([
      "C:",
      "\\Device\\HarddiskVolume3",
      "File System Driver",
      "Bad FRS",
      "Critical",
    ]);
    expect(d.CallStack).toMatch(/^Ntfs\+0x[0-9a-f]+(, (Ntfs|ntoskrnl)\+0x[0-9a-f]+)+$/);
    expect(d.Description).toBe(
      'The Master File Table (MFT) contains a corrupted file record.  The file reference number is 0x5000000000005.  The name of the file is "\\".',
    );
  });

  it("stays coherent through both evtx round trips and renders its message in ECS", () => {
    expect(r.report.issues).toEqual([]);
    expect(validateEvents(r.events)).toEqual([]);
    for (const [written, rewritten] of evtxRoundTrips(r.events)) expect(rewritten).toBe(written);
    const ecs = serialize([e], "ecs")
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { message?: string });
    expect(ecs[0].message).toMatch(
      /^A corruption was discovered in the file system structure on volume C:\.\n\nThe Master/,
    );
  });
});

const rulesDir = process.env.SIGMA_RULES_DIR;

describe.skipIf(!rulesDir)("the SigmaHQ rule for the NTFS bug", () => {
  it("fires on the rendered event", () => {
    const file = "windows/builtin/system/ntfs/win_system_ntfs_vuln_exploit.yml";
    const { rules } = compileSources([{ file, text: readFileSync(join(rulesDir!, file), "utf8") }]);
    const docs = generatePlan("T1499.004", plan, 3).events.map((x) => JSON.parse(serializeEvtxJson(x)));
    const titles = new SigmaEngine(rules).run(docs).matches.map((m) => m.rule.title);
    expect(titles).toContain("NTFS Vulnerability Exploitation");
  });
});
