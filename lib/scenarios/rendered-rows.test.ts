import { describe, expect, it } from "vitest";
import { eventRowFromEvtx, searchText } from "@/lib/db/event-rows";
import { preparedPayload } from "@/lib/db/events";
import { renderScenario } from "./render";

// Techniques whose events span the evtx-json shapes: Sysmon and Security EventData, classic System
// events with Qualifiers (7045), UserData (1102), TaskScheduler, Windows PowerShell's unnamed <Data>.
const TECHNIQUES = [
  "T1059.001",
  "T1543.003",
  "T1053.005",
  "T1070.001",
  "T1003.001",
  "T1547.001",
  "T1021.002",
  "T1136.001",
];

describe("rows built from the engine's events", () => {
  const runs = TECHNIQUES.flatMap((technique, i) =>
    [1, 2].map((n) => renderScenario({ title: technique, steps: [{ technique }] }, 7_000 + i * 10 + n)),
  );

  it("match what the evtx-json round trip gives: columns, search text and raw", () => {
    let compared = 0;
    const shapes = new Set<string>();
    for (const run of runs) {
      run.rows.forEach((row, i) => {
        const raw = JSON.parse(row.rawJson);
        const { raw: _raw, ...expected } = eventRowFromEvtx(raw, run.labels[i], i);
        const { rawJson: _text, search: _search, ...actual } = { ...row };
        expect(actual, row.rawJson).toEqual(expected);
        expect(row.search, row.rawJson).toBe(searchText(raw));
        expect(row.raw).toEqual(raw);
        const event = raw.Event;
        if (typeof event.System.EventID === "object") shapes.add("qualifiers");
        if (event.UserData) shapes.add("userData");
        if (event.EventData?.Data?.["#text"]) shapes.add("unnamed");
        compared++;
      });
    }
    expect(compared).toBeGreaterThan(500);
    expect([...shapes].sort()).toEqual(["qualifiers", "unnamed", "userData"]);
  });

  it("splice the evtx-json text into a payload PostgreSQL's json_to_recordset reads", () => {
    const rows = runs[0].rows;
    const parsed = JSON.parse(preparedPayload(rows));
    expect(parsed).toHaveLength(rows.length);
    expect(parsed[3].raw).toEqual(rows[3].raw);
    expect(parsed[3].search).toBe(rows[3].search);
    expect(parsed[3].label).toEqual(rows[3].label);
    expect(preparedPayload([])).toBe("[]");
  });
});
