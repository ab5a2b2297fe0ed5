import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { WinEvent } from "../event";
import { parseEcs, toEcs } from "./ecs";
import { winlogbeatString } from "./ecs-fields";
import { eventFromJson } from "./evtx-json";
import { parseSentinel, sentinelRows } from "./sentinel";
import { DefenderState } from "./sentinel-defender";

const dir = process.env.SIGMA_REGRESSION_DIR;

function jsonFiles(root: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(root)) {
    const p = join(root, name);
    if (statSync(p).isDirectory()) out.push(...jsonFiles(p));
    else if (name.endsWith(".json")) out.push(p);
  }
  return out.sort();
}

/** Splits a file of one or more concatenated JSON documents (some regression files hold several events). */
function jsonValues(text: string): unknown[] {
  const out: unknown[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{") {
      if (depth++ === 0) start = i;
    } else if (c === "}" && --depth === 0) out.push(JSON.parse(text.slice(start, i + 1)));
  }
  return out;
}

/** The real Windows events SigmaHQ keeps as regression data, read with the evtx-json reader. */
function realEvents(): WinEvent[] {
  return jsonFiles(dir!).flatMap((f) =>
    jsonValues(readFileSync(f, "utf8")).map((j) => eventFromJson(j as never)),
  );
}

describe.skipIf(!dir)("ecs and sentinel on the real events of $SIGMA_REGRESSION_DIR", () => {
  const events = dir ? realEvents() : [];

  it("maps every real event with complete winlog.event_data and round-trips it", () => {
    expect(events.length).toBeGreaterThan(50);
    const docs = events.map(
      (e) => toEcs(e) as { winlog: { event_data: Record<string, string> }; event: { code: string } },
    );
    events.forEach((e, i) => {
      e.template.fields.forEach((f, j) => {
        expect(docs[i].winlog.event_data[f.name!]).toBe(winlogbeatString(e.data[j], f.type));
      });
      expect(docs[i].event.code).toBe(String(e.template.eventId));
    });
    const parsed = parseEcs(docs.map((d) => JSON.stringify(d)).join("\n"));
    expect(parsed.errors).toEqual([]);
    // Winlogbeat drops empty values, so compare name → value of what it kept. The reader types GUIDs only when it
    // knows the template, so braces are not compared.
    const kept = (e: WinEvent) =>
      Object.fromEntries(
        e.template.fields
          .map((f, j) => [f.name, winlogbeatString(e.data[j], f.type)?.replace(/^\{(.*)\}$/, "$1")] as const)
          .filter(([, v]) => v !== undefined),
      );
    parsed.events.forEach((p, i) => expect(kept(p)).toEqual(kept(events[i])));
  });

  it("gives real Sysmon process creations the ECS process fields and Defender rows Elastic/Microsoft show", () => {
    const state = new DefenderState();
    let checked = 0;
    for (const e of events) {
      const rows = sentinelRows(e, state);
      if (e.template.eventId !== 1) continue;
      const doc = toEcs(e) as {
        process: { executable: string; name: string; pid: number; hash?: Record<string, string> };
      };
      const image = String(e.data[e.template.fields.findIndex((f) => f.name === "Image")]);
      expect(doc.process.executable).toBe(image);
      expect(doc.process.name).toBe(image.slice(image.lastIndexOf("\\") + 1));
      const dpe = rows.find((r) => r.Type === "DeviceProcessEvents")!;
      expect(dpe.FolderPath).toBe(image);
      expect(dpe.FileName).toBe(doc.process.name);
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
    const back = parseSentinel(
      events
        .map((e) => sentinelRows(e, new DefenderState())[0])
        .map((r) => JSON.stringify(r))
        .join("\n"),
    );
    expect(back.errors).toEqual([]);
    expect(back.events).toHaveLength(events.length);
  });
});
