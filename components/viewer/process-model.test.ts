import { describe, expect, it } from "vitest";
import type { ViewerEvent } from "@/lib/scenarios/types";
import { ancestry, buildProcessModel } from "./process-model";
import { defaultExpanded, layoutProcessTree } from "./tree-layout";

const SYSMON = "Microsoft-Windows-Sysmon/Operational";
let seq = 0;
const event = (
  host: string,
  channel: string,
  eventId: number,
  data: Record<string, string>,
  malicious = false,
): ViewerEvent => ({
  seq: seq++,
  time: `2026-03-02T09:00:${String(seq).padStart(2, "0")}.0000000Z`,
  host,
  channel,
  eventId,
  provider: channel === SYSMON ? "Microsoft-Windows-Sysmon" : "Microsoft-Windows-Security-Auditing",
  data,
  label: { step: malicious ? 0 : null, technique: malicious ? "T1021.002" : null, action: null, malicious },
});
const create = (
  host: string,
  guid: string,
  pid: string,
  image: string,
  parent: { guid: string; pid: string; image: string },
  malicious = false,
) =>
  event(
    host,
    SYSMON,
    1,
    {
      ProcessGuid: guid,
      ProcessId: pid,
      Image: image,
      CommandLine: `"${image}"`,
      User: "CORP\\alice",
      IntegrityLevel: "Medium",
      ParentProcessGuid: parent.guid,
      ParentProcessId: parent.pid,
      ParentImage: parent.image,
    },
    malicious,
  );

describe("process model", () => {
  const explorer = { guid: "G-EXPLORER", pid: "4100", image: "C:\\Windows\\explorer.exe" };
  const services = { guid: "G-SERVICES", pid: "700", image: "C:\\Windows\\System32\\services.exe" };
  const events = [
    create(
      "WS01",
      "G-WORD",
      "5000",
      "C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE",
      explorer,
      true,
    ),
    create(
      "WS01",
      "G-PS",
      "5100",
      "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
      { guid: "G-WORD", pid: "5000", image: "WINWORD.EXE" },
      true,
    ),
    create("WS01", "G-NOTEPAD", "5200", "C:\\Windows\\System32\\notepad.exe", explorer),
    event(
      "WS01",
      SYSMON,
      3,
      {
        ProcessGuid: "G-PS",
        Image: "powershell.exe",
        Initiated: "true",
        SourceIp: "10.0.0.10",
        DestinationIp: "10.0.0.20",
        DestinationPort: "445",
      },
      true,
    ),
    event("FS01", SYSMON, 3, {
      ProcessGuid: "G-SYSTEM",
      Image: "System",
      Initiated: "false",
      SourceIp: "10.0.0.10",
      DestinationIp: "10.0.0.20",
      DestinationPort: "445",
    }),
    event(
      "FS01",
      "Security",
      4624,
      { LogonType: "3", IpAddress: "10.0.0.10", TargetLogonId: "0x1234" },
      true,
    ),
    create("FS01", "G-SVC", "6000", "C:\\Windows\\PSEXESVC.exe", services, true),
  ];
  const model = buildProcessModel(events);

  it("links children to parents and infers parents that started before the run", () => {
    expect(model.hosts).toEqual(["FS01", "WS01"]);
    const ps = model.nodes.get("WS01|G-PS")!;
    expect(ancestry(model, ps.key).map((k) => model.nodes.get(k)!.name)).toEqual([
      "explorer.exe",
      "WINWORD.EXE",
      "powershell.exe",
    ]);
    expect(model.nodes.get("WS01|G-EXPLORER")!.seq).toBeNull();
    expect(model.children.get("WS01|G-EXPLORER")).toEqual(["WS01|G-WORD", "WS01|G-NOTEPAD"]);
  });

  it("draws lateral movement from the connecting process to the first malicious process on the target", () => {
    expect(model.lateral).toEqual([{ from: "WS01|G-PS", to: "FS01|G-SVC", via: "445/tcp → logon type 3" }]);
  });

  it("opens the attack path by default and lays hosts out in separate bands", () => {
    const expanded = defaultExpanded(model);
    expect(expanded.has("WS01|G-EXPLORER")).toBe(true);
    expect(expanded.has("WS01|G-WORD")).toBe(true);
    const layout = layoutProcessTree({ model, expanded, only: null });
    const placed = new Map(layout.nodes.map((n) => [n.key, n]));
    expect(placed.get("WS01|G-PS")!.x).toBeGreaterThan(placed.get("WS01|G-WORD")!.x);
    expect(layout.hosts.map((h) => h.host)).toEqual(["FS01", "WS01"]);
    expect(layout.edges.some((e) => e.lateral && e.from === "WS01|G-PS" && e.to === "FS01|G-SVC")).toBe(true);
    // Collapsing hides children and counts them.
    const collapsed = layoutProcessTree({ model, expanded: new Set(), only: null });
    expect(collapsed.nodes.find((n) => n.key === "WS01|G-EXPLORER")!.hiddenChildren).toBe(2);
    expect(collapsed.nodes.some((n) => n.key === "WS01|G-WORD")).toBe(false);
  });
});
