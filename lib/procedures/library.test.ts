import { describe, expect, it } from "vitest";
import { generate } from "@/lib/engine/generate";
import { validateEvents } from "@/lib/engine/validate";
import { libraryProcedures } from "./library";
import { imageOf, scriptOf } from "./library/build";
import { mergeExtras } from "./library/extras";
import { procedures } from "./registry";

/** Every table procedure × every variant × several seeds: plans need no repair and logs validate. */
describe("procedure library coherence", () => {
  it("has unique procedure IDs", () => {
    const ids = procedures.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  for (const p of libraryProcedures) {
    it(`${p.id}: every variant on 3 seeds without violations`, () => {
      for (const variant of p.variants ?? [])
        for (const seed of [1, 77, 4242]) {
          const r = generate(
            { seed, steps: [{ technique: p.technique, procedure: p.id, variant }], noise: { level: "none" } },
            { procedures },
          );
          expect(r.report.issues, `${variant} seed ${seed}`).toEqual([]);
          expect(r.report.steps[0].error, `${variant} seed ${seed}`).toBeUndefined();
          expect(r.report.steps[0].repairs, `${variant} seed ${seed}`).toEqual([]);
          expect(r.report.steps[0].pruned, `${variant} seed ${seed}`).toEqual([]);
          expect(r.labels.some((l) => l.step === 0)).toBe(true);
          expect(validateEvents(r.events), `${variant} seed ${seed}`).toEqual([]);
        }
      // Once more amid benign background activity.
      const variant = p.variants?.[p.variants.length - 1];
      const r = generate(
        { seed: 9, steps: [{ technique: p.technique, procedure: p.id, variant }], noise: { level: "low" } },
        { procedures },
      );
      expect(r.report.issues).toEqual([]);
      expect(validateEvents(r.events)).toEqual([]);
    });
  }
});

describe("table helpers", () => {
  const scope = new Map([["tmp", "C:\\Users\\bob\\AppData\\Local\\Temp"]]);
  it("derives the image from the command line", () => {
    expect(imageOf("whoami /all", scope)).toBe("C:\\Windows\\System32\\whoami.exe");
    expect(imageOf('"C:\\Program Files\\Python311\\python.exe" -c x', scope)).toBe(
      "C:\\Program Files\\Python311\\python.exe",
    );
    expect(imageOf("wmic process list", scope)).toBe("C:\\Windows\\System32\\wbem\\WMIC.exe");
    expect(imageOf("%TEMP%\\a.exe /q", scope)).toBe("C:\\Users\\bob\\AppData\\Local\\Temp\\a.exe");
    expect(imageOf("powershell.exe -nop", scope)).toMatch(/WindowsPowerShell\\v1\.0\\powershell\.exe$/);
  });
  it("extracts the script of a PowerShell command line", () => {
    expect(scriptOf('powershell.exe -nop -c "Get-Process lsass"')).toBe("Get-Process lsass");
    const enc = btoa(String.fromCharCode(...[..."whoami"].flatMap((c) => [c.charCodeAt(0), 0])));
    expect(scriptOf(`powershell.exe -enc ${enc}`)).toBe("whoami");
    expect(scriptOf("powershell.exe -File a.ps1")).toBeNull();
  });
});

describe("extra variants", () => {
  it("keep every part's variants when two parts extend the same technique", () => {
    const a = { T1: [{ name: "a", runs: [] }] };
    const b = { T1: [{ name: "b", runs: [] }], T2: [{ name: "c", runs: [] }] };
    const merged = mergeExtras([a, b]);
    expect(merged.T1.map((v) => v.name)).toEqual(["a", "b"]);
    expect(merged.T2.map((v) => v.name)).toEqual(["c"]);
  });
});
