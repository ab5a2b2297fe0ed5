import type { MatrixPayload, MatrixTechnique } from "@/lib/attack/types";

/** A hand-made three-tactic matrix for unit tests (real ATT&CK ids and names, trimmed). */
export function testPayload(): MatrixPayload {
  const t = (
    id: string,
    name: string,
    tactics: string[],
    platforms: string[],
    extra: Partial<MatrixTechnique> = {},
  ): MatrixTechnique => ({
    id,
    name,
    tactics,
    platforms,
    parent: id.includes(".") ? id.split(".")[0] : null,
    children: [],
    logSourceKeys: [],
    text: "",
    ...extra,
  });
  const techniques: Record<string, MatrixTechnique> = {};
  for (const technique of [
    t("T1059", "Command and Scripting Interpreter", ["execution"], ["Windows", "Linux", "macOS"], {
      children: ["T1059.001", "T1059.004"],
      text: "Adversaries may abuse command and script interpreters to execute commands.",
    }),
    t("T1059.001", "PowerShell", ["execution"], ["Windows"], {
      text: "Adversaries may abuse PowerShell commands and scripts for execution.",
      logSourceKeys: [
        "WinEventLog:Microsoft-Windows-PowerShell/Operational",
        "WinEventLog:Microsoft-Windows-PowerShell/Operational EventCode 4104",
      ],
    }),
    t("T1059.004", "Unix Shell", ["execution"], ["Linux", "macOS"], {
      text: "Adversaries may abuse Unix shell commands.",
    }),
    t("T1197", "BITS Jobs", ["persistence", "defense-evasion"], ["Windows"], {
      text: "Adversaries may abuse BITS jobs.",
    }),
    t("T1003", "OS Credential Dumping", ["credential-access"], ["Windows", "Linux", "macOS"], {
      children: ["T1003.001"],
      text: "Adversaries may attempt to dump credentials.",
    }),
    t("T1003.001", "LSASS Memory", ["credential-access"], ["Windows"], {
      text: "Adversaries may access the memory of lsass.exe, for example with PowerShell.",
      logSourceKeys: [
        "WinEventLog:Sysmon",
        "WinEventLog:Sysmon EventCode 10",
        "WinEventLog:Sysmon EventCode 1",
      ],
    }),
    t("T1078", "Valid Accounts", ["persistence", "defense-evasion"], ["Windows", "Linux"], {
      text: "Adversaries may obtain and abuse credentials of existing accounts.",
      logSourceKeys: ["WinEventLog:Security EventCode 4624", "WinEventLog:Sysmon EventCode 100"],
    }),
  ]) {
    techniques[technique.id] = technique;
  }
  return {
    version: "18.1",
    tactics: [
      { id: "TA0002", shortname: "execution", name: "Execution", techniqueIds: ["T1059"] },
      { id: "TA0003", shortname: "persistence", name: "Persistence", techniqueIds: ["T1197", "T1078"] },
      {
        id: "TA0005",
        shortname: "defense-evasion",
        name: "Defense Evasion",
        techniqueIds: ["T1197", "T1078"],
      },
      { id: "TA0006", shortname: "credential-access", name: "Credential Access", techniqueIds: ["T1003"] },
    ],
    techniques,
    platforms: ["Linux", "Windows", "macOS"],
    logSourceKeys: [],
    retired: {
      T1086: { id: "T1086", name: "PowerShell", reason: "revoked", replacedBy: "T1059.001" },
      T1064: { id: "T1064", name: "Scripting", reason: "deprecated", replacedBy: null },
    },
  };
}
