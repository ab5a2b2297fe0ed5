/**
 * What Defender reports about a threat from its name: severity and category (the IDs of MSFT_MpThreat's
 * SeverityID / CategoryID with the names the events print) by the name's type prefix, and a stable threat ID.
 */

export interface ThreatFacts {
  readonly severity: readonly [number, string];
  readonly category: readonly [number, string];
}

const HIGH = [4, "High"] as const;
const SEVERE = [5, "Severe"] as const;

const BY_TYPE: Record<string, ThreatFacts> = {
  hacktool: { severity: HIGH, category: [34, "Tool"] },
  virtool: { severity: SEVERE, category: [34, "Tool"] },
  trojan: { severity: SEVERE, category: [8, "Trojan"] },
  trojandownloader: { severity: SEVERE, category: [4, "Trojan Downloader"] },
  trojandropper: { severity: SEVERE, category: [37, "Trojan Dropper"] },
  backdoor: { severity: SEVERE, category: [6, "Backdoor"] },
  exploit: { severity: SEVERE, category: [30, "Exploit"] },
  ransom: { severity: SEVERE, category: [50, "Ransomware"] },
  behavior: { severity: SEVERE, category: [46, "Behavior"] },
  pwsstealer: { severity: SEVERE, category: [3, "Password Stealer"] },
};

export function threatFacts(threat: string): ThreatFacts {
  const type = threat.slice(0, threat.indexOf(":")).toLowerCase();
  return BY_TYPE[type] ?? BY_TYPE.trojan;
}

/**
 * Threat IDs are fixed per signature (e.g. 2147814944); without Microsoft's table the ID is derived from the
 * name (FNV-1a), so one threat always carries the same ID, in the range real IDs use.
 */
export function threatId(threat: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < threat.length; i++) {
    h ^= threat.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return String(2_147_483_648 + (h % 600_000));
}
