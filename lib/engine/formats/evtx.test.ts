import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { curatedProcedures as curated } from "@/lib/procedures/curated";
import { procedures } from "@/lib/procedures/registry";
import { generate, serialize } from "../generate";
import { parseEvtxJson, serializeEvtxJson } from "./evtx-json";
import { parseEvtxXml, serializeEvtxXml } from "./evtx-xml";

const DIR = process.env.SIGMA_REGRESSION_DIR;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : name.endsWith(".json") ? [p] : [];
  });
}

/** Splits pretty-printed concatenated JSON objects. */
function objects(text: string): unknown[] {
  const out: unknown[] = [];
  let depth = 0;
  let start = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{" && depth++ === 0) start = i;
    else if (c === "}" && --depth === 0) out.push(JSON.parse(text.slice(start, i + 1)));
  }
  return out;
}

const run = generate(
  {
    seed: 5,
    steps: curated.map((p) => ({ technique: p.technique, procedure: p.id })),
    noise: { level: "normal" },
  },
  { procedures },
);

describe("evtx-json", () => {
  it("round-trips every generated event byte for byte", () => {
    const text = serialize(run.events, "evtx-json");
    const parsed = parseEvtxJson(text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.events).toHaveLength(run.events.length);
    expect(serialize(parsed.events, "evtx-json")).toBe(text);
    parsed.events.forEach((e, i) => {
      expect(e.data).toEqual(run.events[i].data);
      expect(e.recordId).toBe(run.events[i].recordId);
    });
  });

  it("writes what JSON.stringify of the same structure writes (valid JSON, one line per event)", () => {
    for (const e of run.events.slice(0, 200)) {
      const line = serializeEvtxJson(e);
      expect(line.includes("\n")).toBe(false);
      expect(JSON.stringify(JSON.parse(line))).toBe(line);
    }
  });

  it("reports unreadable lines instead of throwing", () => {
    const r = parseEvtxJson('{"Event":{"System":{"EventID":1}}}\nnot json\n{"x":1}\n');
    expect(r.events).toHaveLength(1);
    expect(r.errors.map((e) => e.line)).toEqual([2, 3]);
  });

  describe.skipIf(!DIR)("real events from the Sigma regression data", () => {
    it("parse and re-serialize to the same JSON evtx_dump wrote", () => {
      let n = 0;
      for (const f of files(DIR!)) {
        const text = readFileSync(f, "utf8");
        const originals = objects(text);
        const parsed = parseEvtxJson(text);
        expect(parsed.errors, f).toEqual([]);
        parsed.events.forEach((e, i) => {
          expect(JSON.parse(serializeEvtxJson(e)), f).toEqual(originals[i]);
          n++;
        });
      }
      expect(n).toBeGreaterThanOrEqual(80);
    });
  });
});

describe("evtx-xml", () => {
  it("round-trips every generated event", () => {
    const text = serialize(run.events, "evtx-xml");
    expect(text.startsWith('<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n<Events>\n')).toBe(true);
    const parsed = parseEvtxXml(text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.events).toHaveLength(run.events.length);
    expect(serialize(parsed.events, "evtx-xml")).toBe(text);
    parsed.events.forEach((e, i) => {
      expect(e.data).toEqual(run.events[i].data);
      expect(e.timeCreated).toBe(run.events[i].timeCreated);
    });
  });

  it("writes Event Viewer's forms: braced lowercase GUIDs, 7-digit SystemTime, empty Data self-closed", () => {
    const sysmon1 = run.events.find((e) => e.template.key === "sysmon/1")!;
    const xml = serializeEvtxXml(sysmon1);
    expect(xml).toMatch(
      /<Provider Name="Microsoft-Windows-Sysmon" Guid="\{5770385f-c22a-43e0-bf4c-06f5698ffbd9\}" \/>/,
    );
    expect(xml).toMatch(/<TimeCreated SystemTime="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z" \/>/);
    expect(xml).toMatch(
      /<Data Name="ProcessGuid">\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}<\/Data>/,
    );
    const json = JSON.parse(serializeEvtxJson(sysmon1));
    expect(json.Event.EventData.ProcessGuid).toMatch(
      /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/,
    );
    expect(json.Event.System.TimeCreated["#attributes"].SystemTime).toMatch(/\.\d{6}Z$/);
  });

  it("reports malformed events with their position", () => {
    const r = parseEvtxXml("<Events><Event><EventData/></Event></Events>");
    expect(r.events).toHaveLength(0);
    expect(r.errors[0].message).toMatch(/System/);
  });
});
