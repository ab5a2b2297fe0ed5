import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { curatedProcedures as curated } from "@/lib/procedures/curated";
import { procedures } from "@/lib/procedures/registry";
import { parseEvtxJson, serializeEvtxJson } from "./formats/evtx-json";
import { generate } from "./generate";

/**
 * Golden tests against the real Windows events SigmaHQ keeps as regression data: for every real event of an
 * event ID the engine renders, an engine event of that ID has the same System keys in the same order, the same
 * EventData field names in the same order, and each value in the real value's format.
 */

const DIR = process.env.SIGMA_REGRESSION_DIR;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : name.endsWith(".json") ? [p] : [];
  });
}

/** The format class of a value: what must agree between a real value and ours. */
export function shape(field: string, v: Json): string {
  if (v === null) return "null";
  if (typeof v === "number") return "int";
  if (typeof v === "boolean") return "bool";
  if (typeof v !== "string") return "object";
  if (field === "RuleName" || field === "Details" || field === "CommandLine" || field === "ParentCommandLine")
    return "text";
  if (/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/.test(v)) return "guid";
  if (/^0x[0-9a-f]+$/.test(v)) return "hex";
  if (/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/.test(v)) return "utc";
  // Configs choose the algorithms; the form "ALG=HEX,ALG=HEX" is what must agree.
  if (/^(SHA1|MD5|SHA256|IMPHASH)=[0-9A-F]+(,(SHA1|MD5|SHA256|IMPHASH)=[0-9A-F]+)*$/.test(v)) return "hashes";
  if (field === "IntegrityLevel")
    return /^(Low|Medium|High|System)$/.test(v) ? "integrity" : `bad-integrity:${v}`;
  if (/^(true|false)$/.test(v)) return "bool-text";
  if (/^HK(LM|U|CR|CU)\\/.test(v)) return "registry";
  if (/^[A-Za-z]:\\/.test(v)) return "path";
  if (/User$/.test(field)) return /^[^\\]+\\[^\\]+$/.test(v) ? "account" : `bad-account:${v}`;
  if (/^(SetValue|CreateKey|DeleteKey|DeleteValue|RenameKey)$/.test(v)) return "event-type";
  return "text";
}

const generated = (() => {
  const steps = curated.map((p) => ({ technique: p.technique, procedure: p.id }));
  const { events } = generate({ seed: 11, steps, noise: { level: "high" } }, { procedures });
  return events.map(
    (e) => JSON.parse(serializeEvtxJson(e)) as { Event: Record<string, Record<string, Json>> },
  );
})();

describe.skipIf(!DIR)("golden: engine events vs real events in the Sigma regression data", () => {
  const real = DIR
    ? files(DIR).flatMap((f) =>
        parseEvtxJson(readFileSync(f, "utf8")).events.map((e) => ({
          file: f,
          json: JSON.parse(serializeEvtxJson(e)) as { Event: Record<string, Record<string, Json>> },
        })),
      )
    : [];
  const ids = [...new Set(real.map((r) => `${r.json.Event.System.EventID}`))];

  it("reads every real event", () => {
    expect(real.length).toBeGreaterThanOrEqual(80);
  });

  for (const id of ids) {
    const mine = generated.filter(
      (g) =>
        String(g.Event.System.EventID) === id &&
        g.Event.System.Channel === "Microsoft-Windows-Sysmon/Operational",
    );
    it.skipIf(mine.length === 0)(
      `Sysmon ${id}: same System keys, EventData names, order and value formats`,
      () => {
        // Events from Sysmon before v13 (2020 and older) lack the User field the current schema has.
        const current = real.filter(
          (x) =>
            String(x.json.Event.System.EventID) === id &&
            !String((x.json.Event.EventData as Record<string, Json>).UtcTime).startsWith("2020"),
        );
        expect(current.length).toBeGreaterThan(0);
        for (const r of current) {
          const rd = r.json.Event.EventData as Record<string, Json>;
          // Pick an engine event of the same EventType (registry events) when the real one has one.
          const candidate =
            mine.find((m) => (m.Event.EventData as Record<string, Json>).EventType === rd.EventType) ??
            mine[0];
          const md = candidate.Event.EventData as Record<string, Json>;
          expect(Object.keys(candidate.Event.System), r.file).toEqual(Object.keys(r.json.Event.System));
          expect(candidate.Event.System.Version, r.file).toBe(r.json.Event.System.Version);
          expect(candidate.Event.System.Task, r.file).toBe(r.json.Event.System.Task);
          expect(candidate.Event.System.Keywords, r.file).toBe(r.json.Event.System.Keywords);
          expect(Object.keys(md), r.file).toEqual(Object.keys(rd));
          // "-" is how Sysmon writes a value it could not get (a parent that already exited): any string fits.
          const realShapes = Object.entries(rd).map(
            ([k, v]) => `${k}:${v === "-" && typeof md[k] === "string" ? "dash" : shape(k, v)}`,
          );
          const myShapes = Object.entries(md).map(
            ([k, v]) => `${k}:${rd[k] === "-" && typeof v === "string" ? "dash" : shape(k, v)}`,
          );
          expect(myShapes, r.file).toEqual(realShapes);
        }
      },
    );
  }
});
