import { describe, expect, it } from "vitest";
import { readRuleSources } from "@/lib/detect/rulesets/files";
import { compileSources, SigmaEngine } from "@/lib/detect/sigma";
import { generate, serialize } from "@/lib/engine/generate";
import { validateEvents } from "@/lib/engine/validate";
import { procedures } from "./registry";

const rulesDir = process.env.SIGMA_RULES_DIR;

/** Variants modelled with directory-service events and renamed-binary identity, and a SigmaHQ rule each must fire. */
const cases: readonly (readonly [string, string, string])[] = [
  [
    "T1003.006",
    "mimikatz-dcsync",
    "Active Directory Replication from Non Machine Account - DcSync Indicator",
  ],
  ["T1003.006", "secretsdump", "Active Directory Replication from Non Machine Account - DcSync Indicator"],
  ["T1003.006", "petitpotam-dc-certificate", "Suspicious Machine Account Replication - DcSync Indicator"],
  ["T1003.006", "petitpotam-dc-certificate", "PetitPotam Suspicious Kerberos TGT Request"],
  ["T1207", "dcshadow", "Possible DC Shadow Attack"],
  ["T1134.005", "mimikatz-sid-add", "Addition of SID History to Active Directory Object"],
  ["T1484.001", "sharpgpoabuse-localadmin", "Group Policy Abuse for Privilege Addition"],
  ["T1484", "gpo-restricted-groups", "Group Policy Abuse for Privilege Addition"],
  ["T1036.003", "renamed-powershell", "Potential Defense Evasion Via Rename Of Highly Relevant Binaries"],
  ["T1036.003", "renamed-certutil", "Potential Defense Evasion Via Rename Of Highly Relevant Binaries"],
  ["T1036.003", "renamed-psexec", "Potential Defense Evasion Via Rename Of Highly Relevant Binaries"],
  ["T1134.004", "psgetsys-lsass", "Suspicious SYSTEM User Process Creation"],
];

function run(technique: string, variant: string) {
  const procedure = procedures.find((p) => p.technique === technique && p.variants?.includes(variant));
  expect(procedure, `${technique}:${variant}`).toBeDefined();
  return generate(
    { seed: 5, noise: { level: "none" }, steps: [{ technique, procedure: procedure!.id, variant }] },
    { procedures },
  );
}

describe("directory and renamed-binary procedures", () => {
  it("generate coherent events without issues", () => {
    for (const [technique, variant] of cases) {
      const r = run(technique, variant);
      expect(r.report.issues, `${technique}:${variant}`).toEqual([]);
      expect(validateEvents(r.events), `${technique}:${variant}`).toEqual([]);
    }
  });

  it.skipIf(!rulesDir)(
    "fire the SigmaHQ rule tagged with their technique",
    () => {
      const loaded = compileSources(readRuleSources(`${rulesDir}/windows`).sources);
      const engine = new SigmaEngine(loaded.rules, loaded.correlations);
      for (const [technique, variant, title] of cases) {
        const docs = serialize(run(technique, variant).events, "evtx-json")
          .trim()
          .split("\n")
          .map((l) => JSON.parse(l) as Record<string, unknown>);
        const fired = new Set(engine.run(docs).matches.map((m) => m.rule.title));
        expect([...fired], `${technique}:${variant}`).toContain(title);
      }
    },
    120_000,
  );
});
