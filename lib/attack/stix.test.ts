import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseStixBundle, StixFormatError } from "./stix";

const fixture = readFileSync(new URL("./fixtures/small-bundle.json", import.meta.url), "utf8");

function edited(edit: (bundle: { objects: Record<string, unknown>[] }) => void): string {
  const bundle = JSON.parse(fixture);
  edit(bundle);
  return JSON.stringify(bundle);
}

function problem(text: string): string {
  try {
    parseStixBundle(text, "test.json");
  } catch (error) {
    expect(error).toBeInstanceOf(StixFormatError);
    return (error as Error).message;
  }
  throw new Error("expected a StixFormatError");
}

describe("parseStixBundle", () => {
  it("sorts the objects it needs by type and ignores others", () => {
    const stix = parseStixBundle(fixture);
    expect(stix.bundleId).toBe("bundle--fixture-small");
    expect(stix.tactics).toHaveLength(3);
    expect(stix.attackPatterns).toHaveLength(11);
    expect(stix.analytics).toHaveLength(3);
    expect(stix.relationships.map((r) => r.relationship_type)).toContain("revoked-by");
  });

  it("names invalid JSON", () => {
    expect(problem('{"type": "bundle", "objects": [')).toMatch(/^test\.json is not valid JSON/);
  });

  it("names a document that is not a bundle", () => {
    expect(problem('{"type": "attack-pattern"}')).toMatch(
      /not a STIX bundle: type: expected "type": "bundle"/,
    );
    expect(problem('{"type": "bundle", "objects": {}}')).toMatch(
      /objects: expected "objects" to be an array/,
    );
    expect(problem("[]")).toMatch(/not a STIX bundle/);
  });

  it("names the object and field that has the wrong shape", () => {
    const message = problem(
      edited((b) => {
        const pattern = b.objects.find((o) => o.type === "attack-pattern")!;
        pattern.external_references = "T1059";
      }),
    );
    expect(message).toMatch(/objects\[\d+\] \(attack-pattern--\S+\): external_references: /);

    expect(
      problem(
        edited((b) => {
          delete b.objects.find((o) => o.type === "x-mitre-tactic")!.x_mitre_shortname;
        }),
      ),
    ).toMatch(/x-mitre-tactic--\S+\): x_mitre_shortname: /);

    expect(
      problem(
        edited((b) => {
          b.objects.push({ type: "relationship", id: "relationship--x", relationship_type: "uses" });
        }),
      ),
    ).toMatch(/relationship--x\): source_ref: /);

    expect(problem(edited((b) => b.objects.push({ type: "campaign" })))).toMatch(/objects\[\d+\]: id: /);
  });

  it("rejects a bundle of another ATT&CK domain", () => {
    const mobile = edited((b) => {
      const matrix = b.objects.find((o) => o.type === "x-mitre-matrix")!;
      matrix.external_references = [{ source_name: "mitre-attack", external_id: "mobile-attack" }];
    });
    expect(problem(mobile)).toBe("test.json is not ATT&CK Enterprise: its matrix is mobile-attack");
  });

  it("rejects a bundle without tactics or techniques", () => {
    const empty = edited((b) => {
      b.objects = b.objects.filter((o) => o.type !== "attack-pattern");
    });
    expect(problem(empty)).toMatch(/no ATT&CK tactics or techniques/);
  });
});
