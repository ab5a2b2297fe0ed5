/**
 * ATT&CK v19 moved "Impair Defenses" and log clearing out of Defense Evasion under new IDs (T1685, T1686 …),
 * and SigmaHQ rules already carry them. While the loaded bundle is v18.1, a rule tagged with one of these IDs
 * counts for the v18.1 technique its detection logic belongs to (the ID those rules carried before the
 * retagging). The tag itself stays visible as written; this only adds the v18.1 equivalent when matching.
 * IDs whose v18.1 home is ambiguous (T1689, T1690, T1685.002, T1685.006) are deliberately left unmapped.
 */
const V19_TO_V18: Readonly<Record<string, string>> = {
  T1685: "T1562.001", // Disable or Modify Tools (Defender, AMSI, Sysmon, EDR tampering)
  "T1685.001": "T1562.002", // Disable Windows Event Logging (auditpol, autologger, IIS logging)
  "T1685.004": "T1562.012", // Disable or Modify Linux Audit System (auditctl)
  "T1685.005": "T1070.001", // Clear Windows Event Logs (wevtutil cl, 1102/104)
  T1686: "T1562.004", // Disable or Modify System Firewall
  "T1686.001": "T1562.007", // Disable or Modify Cloud Firewall
  "T1686.003": "T1562.004", // Windows Defender Firewall (netsh, registry)
};

/** The technique IDs a rule tag stands for in ATT&CK v18.1: itself, plus its v18.1 home if it is a v19 ID. */
export function techniqueEquivalents(tag: string): string[] {
  const id = tag.toUpperCase();
  const v18 = V19_TO_V18[id];
  return v18 ? [id, v18] : [id];
}
