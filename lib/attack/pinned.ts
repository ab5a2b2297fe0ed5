/** The ATT&CK release Mimicry pins: MITRE's published Enterprise bundle and its SHA-256. */
export const PINNED_ATTACK = {
  version: "18.1",
  fileName: "enterprise-attack-18.1.json",
  url: "https://raw.githubusercontent.com/mitre-attack/attack-stix-data/master/enterprise-attack/enterprise-attack-18.1.json",
  sha256: "a11d085aa3aa2e2a222de99e907adb59750f0792742749d45528d226b4ff3e69",
} as const;
