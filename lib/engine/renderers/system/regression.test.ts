import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { powershellRenderer } from "../powershell";
import { taskSchedulerRenderer } from "../taskscheduler";
import { wmiRenderer } from "../wmi";
import { systemRenderer } from ".";

const dir = process.env.SIGMA_REGRESSION_DIR;
const mine = [systemRenderer, powershellRenderer, taskSchedulerRenderer, wmiRenderer];
const channels = new Set(mine.flatMap((r) => r.channels));

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Real events of the channels these renderers write, if SigmaHQ's regression data holds any. */
function realEvents(): Json[] {
  if (!dir) return [];
  const out: Json[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith(".json")) {
        const text = readFileSync(p, "utf8");
        for (const m of text.matchAll(/"Channel":\s*"([^"]+)"/g))
          if (channels.has(m[1])) out.push({ file: p, text });
      }
    }
  };
  walk(dir);
  return out;
}

const found = realEvents();

// At the time of writing the regression data holds only Sysmon events; the comparison runs once real
// System/PowerShell/TaskScheduler/WMI events are added there.
describe.skipIf(found.length === 0)("real events of the same channels in $SIGMA_REGRESSION_DIR", () => {
  it("have the System constants and EventData names of our templates", () => {
    for (const { text } of found) {
      for (const raw of text.split(/\n(?=\{)/)) {
        const e = JSON.parse(raw).Event as Json;
        const sys = e.System;
        const id = typeof sys.EventID === "object" ? sys.EventID["#text"] : sys.EventID;
        const template = mine
          .flatMap((r) => r.templates)
          .find((t) => t.channel === sys.Channel && t.eventId === id);
        if (!template) continue;
        expect([sys.Version, sys.Task, sys.Opcode, sys.Keywords]).toEqual([
          template.version,
          template.task,
          template.opcode,
          template.keywords,
        ]);
        const names = Object.keys(e.EventData ?? e.UserData?.[template.userData?.element ?? ""] ?? {}).filter(
          (k) => k !== "#attributes",
        );
        expect(names).toEqual(template.fields.map((f) => f.name).filter((n) => n !== null));
      }
    }
  });
});
