import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileSources, SigmaEngine } from "@/lib/detect/sigma";
import { eventDataRecord, type WinEvent } from "@/lib/engine/event";
import { serializeEvtxJson } from "@/lib/engine/formats/evtx-json";
import { generate } from "@/lib/engine/generate";
import { procedures } from "../registry";

const rulesDir = process.env.SIGMA_RULES_DIR;
const WINDEFEND = "windows/builtin/windefend";
const TAMPER = "windows/registry/registry_set/registry_set_windows_defender_tamper.yml";

function run(technique: string, variant: string, seed = 4): WinEvent[] {
  const procedure = procedures.find((p) => p.technique === technique)!;
  const r = generate(
    { seed, noise: { level: "none" }, steps: [{ technique, procedure: procedure.id, variant }] },
    { procedures },
  );
  expect(r.report.issues).toEqual([]);
  return r.events.filter((_, i) => r.labels[i]?.step === 0);
}

const defender = (events: WinEvent[], id: number) =>
  events
    .filter(
      (e) => e.template.provider.name === "Microsoft-Windows-Windows Defender" && e.template.eventId === id,
    )
    .map(eventDataRecord);

describe("Defender telemetry of the impair-defenses procedures", () => {
  it("Set-MpPreference: MsMpEng writes each setting, then 5007 per setting and 5001", () => {
    const events = run("T1562.001", "set-mppreference");
    const writes = events
      .filter((e) => e.template.key === "sysmon/13")
      .map(eventDataRecord)
      .filter((d) => String(d.TargetObject).includes("\\Windows Defender\\Real-Time Protection\\"));
    expect(writes).toHaveLength(3);
    for (const w of writes) expect(w.Image).toMatch(/\\Windows Defender\\Platform\\.*\\MsMpEng\.exe$/);
    expect(defender(events, 5007).map((d) => d["New Value"])).toEqual(
      ["DisableRealtimeMonitoring", "DisableBehaviorMonitoring", "DisableIOAVProtection"].map(
        (v) => `HKLM\\SOFTWARE\\Microsoft\\Windows Defender\\Real-Time Protection\\${v} = 0x1`,
      ),
    );
    expect(defender(events, 5001)).toHaveLength(1);
  });

  it("Add-MpPreference: one 5007 per exclusion, no Old Value", () => {
    const changes = defender(run("T1562.001", "add-exclusion"), 5007);
    expect(changes).toHaveLength(4);
    for (const c of changes) {
      expect(c["Old Value"]).toBe("");
      expect(String(c["New Value"])).toContain("\\Microsoft\\Windows Defender\\Exclusions\\");
    }
  });

  it("Tamper Protection: the refused change writes nothing and logs 5013; the exclusion still lands", () => {
    const events = run("T1562", "tamper-blocked-exclusion");
    expect(defender(events, 5013)).toHaveLength(1);
    expect(defender(events, 5001)).toHaveLength(0);
    expect(
      events.some(
        (e) =>
          e.template.key === "sysmon/13" && /DisableRealtime/.test(String(eventDataRecord(e).TargetObject)),
      ),
    ).toBe(false);
    expect(defender(events, 5007).map((d) => d["New Value"])).toEqual([
      expect.stringMatching(
        /^HKLM\\SOFTWARE\\Microsoft\\Windows Defender\\Exclusions\\Paths\\C:\\ProgramData\\.+ = 0x0$/,
      ),
    ]);
  });

  describe.skipIf(!rulesDir)("SigmaHQ rules", () => {
    let compiled: ReturnType<typeof compileSources> | null = null;
    const load = () =>
      (compiled ??= compileSources(
        [...readdirSync(join(rulesDir!, WINDEFEND)).map((f) => `${WINDEFEND}/${f}`), TAMPER].map((f) => ({
          file: f,
          text: readFileSync(join(rulesDir!, f), "utf8"),
        })),
      ));
    const fired = (events: WinEvent[]) =>
      new Set(
        new SigmaEngine(load().rules)
          .run(events.map((e) => JSON.parse(serializeEvtxJson(e))))
          .matches.map((m) => m.rule.title),
      );

    it("T1562.001 fires the Defender real-time protection, registry tamper and threat rules", () => {
      expect(load().failures).toEqual([]);
      const disabled = fired(run("T1562.001", "set-mppreference"));
      expect(disabled).toContain("Windows Defender Real-time Protection Disabled");
      expect(disabled).toContain("Disable Windows Defender Functionalities Via Registry Keys");
      const quarantined = fired(run("T1562.001", "quarantined-then-disabled"));
      expect(quarantined).toContain("Windows Defender Threat Detected");
      expect(quarantined).toContain("Windows Defender Real-time Protection Disabled");
    });
  });
});
