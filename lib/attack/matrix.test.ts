import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildIndex } from "./build-index";
import { matrixPayloadFor, toMatrixPayload } from "./matrix";
import { parseStixBundle } from "./stix";
import { plainText } from "./text";

const index = buildIndex(
  parseStixBundle(readFileSync(new URL("./fixtures/small-bundle.json", import.meta.url), "utf8")),
  "f".repeat(64),
);

describe("toMatrixPayload", () => {
  const payload = toMatrixPayload(index);

  it("lists tactics in matrix order with their parent techniques ordered by name", () => {
    expect(payload.version).toBe("99.1");
    expect(payload.tactics.map((t) => [t.shortname, t.techniqueIds])).toEqual([
      ["execution", ["T1059", "T1053"]],
      ["defense-evasion", ["T1027"]],
      ["credential-access", ["T1003", "T1053"]],
    ]);
  });

  it("keeps only what a cell needs, with the description as plain text", () => {
    expect(Object.keys(payload.techniques)).toHaveLength(7);
    expect(payload.techniques["T1059.001"]).toEqual({
      id: "T1059.001",
      name: "PowerShell",
      platforms: ["Windows"],
      tactics: ["execution"],
      parent: "T1059",
      children: [],
      logSourceKeys: [
        "WinEventLog:PowerShell",
        ...[4103, 4104, 4105, 4106].map((id) => `WinEventLog:PowerShell EventCode ${id}`),
      ],
      text: "Adversaries may abuse PowerShell commands and scripts for execution, e.g. powershell.exe -enc.",
    });
    expect(payload.platforms).toEqual(["Linux", "Windows", "macOS"]);
    expect(payload.logSourceKeys).toContain("WinEventLog:Sysmon EventCode 10");
    expect(payload.retired.T1086.replacedBy).toBe("T1059.001");
  });

  it("is computed once per index", () => {
    expect(matrixPayloadFor(index)).toBe(matrixPayloadFor(index));
  });
});

describe("plainText", () => {
  it("strips ATT&CK markdown: links keep their label, citations and tags go", () => {
    expect(
      plainText(
        "Use [Lateral Movement](https://attack.mitre.org/tactics/TA0008).(Citation: X Y)\n\n* <code>a b</code>",
      ),
    ).toBe("Use Lateral Movement. * a b");
  });
});
