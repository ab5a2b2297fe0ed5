import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildIndex } from "./build-index";
import { PINNED_ATTACK } from "./pinned";
import { parseStixBundle } from "./stix";
import type { AttackIndex, Technique } from "./types";

const fixture = readFileSync(new URL("./fixtures/small-bundle.json", import.meta.url), "utf8");
const build = (text = fixture) => buildIndex(parseStixBundle(text), "f".repeat(64));
const technique = (index: AttackIndex, id: string): Technique => {
  const found = index.techniques.find((t) => t.id === id);
  if (!found) throw new Error(`${id} missing from the index`);
  return found;
};

function withBundle(edit: (bundle: { id?: string; objects: Record<string, unknown>[] }) => void): string {
  const bundle = JSON.parse(fixture);
  edit(bundle);
  return JSON.stringify(bundle);
}

describe("buildIndex on a small hand-made bundle", () => {
  const index = build();

  it("orders tactics as the matrix lists them, not as the bundle declares them", () => {
    expect(index.tactics.map((t) => t.shortname)).toEqual([
      "execution",
      "defense-evasion",
      "credential-access",
    ]);
    expect(index.tactics[0]).toMatchObject({
      id: "TA0002",
      name: "Execution",
      url: "https://attack.mitre.org/tactics/TA0002",
    });
  });

  it("keeps live techniques sorted by id and hides revoked and deprecated ones", () => {
    expect(index.techniques.map((t) => t.id)).toEqual([
      "T1003",
      "T1003.001",
      "T1027",
      "T1053",
      "T1059",
      "T1059.001",
      "T1059.004",
    ]);
  });

  it("records the ATT&CK version from the collection, else from the bundle id", () => {
    expect(index.version).toBe("99.1");
    const noCollection = withBundle((b) => {
      b.objects = b.objects.filter((o) => o.type !== "x-mitre-collection");
      b.id = "bundle--enterprise-attack-17-0-assembled";
    });
    expect(build(noCollection).version).toBe("17.0");
    const neither = withBundle((b) => {
      b.objects = b.objects.filter((o) => o.type !== "x-mitre-collection");
      b.id = "bundle--something-else";
    });
    expect(build(neither).version).toBe("unknown");
    const pinned = buildIndex(parseStixBundle(neither), PINNED_ATTACK.sha256);
    expect(pinned.version).toBe(PINNED_ATTACK.version);
  });

  it("links sub-techniques to parents through subtechnique-of", () => {
    expect(technique(index, "T1059").children).toEqual(["T1059.001", "T1059.004"]);
    expect(technique(index, "T1059.001")).toMatchObject({ parent: "T1059", isSubtechnique: true });
    expect(technique(index, "T1003.001").parent).toBe("T1003");
    expect(technique(index, "T1027")).toMatchObject({ parent: null, children: [], isSubtechnique: false });
  });

  it("puts a technique's tactics in matrix order", () => {
    expect(technique(index, "T1053").tactics).toEqual(["execution", "credential-access"]);
  });

  it("resolves revoked ids through the revoked-by chain and keeps deprecated ones without replacement", () => {
    expect(index.retired.T1086).toEqual({
      id: "T1086",
      name: "PowerShell",
      reason: "revoked",
      replacedBy: "T1059.001",
    });
    expect(index.retired.T1066).toMatchObject({ reason: "revoked", replacedBy: "T1027" });
    expect(index.retired.T1099).toMatchObject({ reason: "revoked", replacedBy: "T1027" });
    expect(index.retired.T1064).toEqual({
      id: "T1064",
      name: "Scripting",
      reason: "deprecated",
      replacedBy: null,
    });
  });

  it("builds the v18 detection model with normalised log sources and mutable elements", () => {
    const lsass = technique(index, "T1003.001");
    expect(lsass.detectionStrategies.map((d) => d.id)).toEqual(["DET0001"]);
    const [analytic] = lsass.detectionStrategies[0].analytics;
    expect(lsass.detectionStrategies[0].analytics).toHaveLength(1); // AN0002 is deprecated
    expect(analytic.id).toBe("AN0001");
    expect(analytic.logSources).toEqual([
      {
        name: "WinEventLog:Sysmon",
        channel: "EventCode=10",
        eventIds: [10],
        dataComponent: "Process Access",
      },
      {
        name: "WinEventLog:Sysmon",
        channel: "EventCode=13, 14",
        eventIds: [13, 14],
        dataComponent: "Windows Registry Key Modification",
      },
      {
        name: "WinEventLog:Security",
        channel: "EventCode=4778, EventCode=4779",
        eventIds: [4778, 4779],
        dataComponent: "Logon Session Creation",
      },
      {
        name: "WinEventLog:Sysmon",
        channel: "Raw handle to lsass.exe opened by an unsigned process",
        eventIds: [],
        dataComponent: "Process Access",
      },
    ]);
    expect(analytic.mutableElements.map((m) => m.field)).toEqual(["TimeWindow", "ParentProcessName"]);
    expect(lsass.logSourceKeys).toEqual([
      "WinEventLog:Security",
      "WinEventLog:Security EventCode 4778",
      "WinEventLog:Security EventCode 4779",
      "WinEventLog:Sysmon",
      "WinEventLog:Sysmon EventCode 10",
      "WinEventLog:Sysmon EventCode 13",
      "WinEventLog:Sysmon EventCode 14",
    ]);
  });

  it("drops deprecated detection strategies", () => {
    expect(technique(index, "T1059").detectionStrategies).toEqual([]);
    expect(technique(index, "T1059.001").detectionStrategies.map((d) => d.id)).toEqual(["DET0002"]);
  });

  it("attaches live mitigations with the technique-specific text of the relationship", () => {
    expect(technique(index, "T1003.001").mitigations).toEqual([
      {
        id: "M1043",
        name: "Credential Access Protection",
        description: "Enable LSA protection (RunAsPPL) so lsass.exe cannot be opened by unsigned code.",
        url: "https://attack.mitre.org/mitigations/M1043",
      },
    ]);
    expect(technique(index, "T1059.001").mitigations).toMatchObject([
      { id: "M1042", description: "Disable or Remove Feature or Program in general." },
    ]);
  });

  it("keeps citations and the URL", () => {
    const ps = technique(index, "T1059.001");
    expect(ps.url).toBe("https://attack.mitre.org/techniques/T1059/001");
    expect(ps.citations).toEqual([
      {
        name: "TechNet PowerShell",
        url: "https://technet.microsoft.com/en-us/scriptcenter/dd742419.aspx",
        description: "Microsoft. (n.d.). Windows PowerShell Scripting.",
      },
    ]);
  });
});
