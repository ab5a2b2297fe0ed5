import { describe, expect, it } from "vitest";
import { readRuleSources } from "@/lib/detect/rulesets/files";
import { SigmaEngine } from "@/lib/detect/sigma/engine";
import { compileSources } from "@/lib/detect/sigma/load";
import { curatedProcedures as procedures } from "@/lib/procedures/curated";
import { fieldValue } from "../../event";
import { evtxXmlFormat } from "../../formats/evtx-xml";
import { generate, serialize } from "../../generate";
import { validateEvents } from "../../validate";

const PS = "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe";
const plan = [
  {
    id: "ps",
    kind: "process.create",
    proc: "ps",
    parent: "@explorer",
    image: PS,
    commandLine: "powershell.exe",
    elevated: true,
  },
  {
    id: "sub",
    kind: "wmi.subscription",
    proc: "ps",
    name: "Updater",
    query:
      "SELECT * FROM __InstanceModificationEvent WITHIN 60 WHERE TargetInstance ISA 'Win32_PerfFormattedData_PerfOS_System'",
    consumerType: "CommandLineEventConsumer",
    destination: "C:\\Windows\\System32\\cmd.exe /c C:\\Users\\Public\\u.exe",
  },
  {
    id: "cfg",
    kind: "process.create",
    proc: "sm",
    parent: "ps",
    image: "C:\\Windows\\Sysmon64.exe",
    commandLine: "sysmon64.exe -c C:\\Temp\\cfg.xml",
  },
  { id: "stop", kind: "service.state", name: "Sysmon64", state: "stopped" },
];

describe("Sysmon 19/20/21, 4 and 16", () => {
  const { events } = generate(
    { seed: 8, noise: { level: "none" }, steps: [{ technique: "T1546.003", plan }] },
    { procedures },
  );
  const of = (id: number) => events.filter((e) => e.template.key === `sysmon/${id}`);

  it("render the filter, consumer and binding of a WMI subscription in that order", () => {
    const [f, c, b] = [of(19), of(20), of(21)].map((l) => {
      expect(l).toHaveLength(1);
      return l[0];
    });
    expect(f.data.slice(1, 4)).toEqual(["WmiFilterEvent", fieldValue(f, "UtcTime"), "Created"]);
    expect(fieldValue(f, "EventNamespace")).toBe('"root\\\\cimv2"');
    expect(fieldValue(f, "Name")).toBe('"Updater"');
    expect(String(fieldValue(f, "Query"))).toMatch(/^"SELECT \* FROM __InstanceModificationEvent.*'"$/);
    expect(fieldValue(c, "Type")).toBe("Command Line");
    expect(fieldValue(c, "Destination")).toBe(
      '"C:\\\\Windows\\\\System32\\\\cmd.exe /c C:\\\\Users\\\\Public\\\\u.exe"',
    );
    expect(fieldValue(b, "Consumer")).toBe('"CommandLineEventConsumer.Name=\\"Updater\\""');
    expect(fieldValue(b, "Filter")).toBe('"__EventFilter.Name=\\"Updater\\""');
    expect(f.timeUs < c.timeUs && c.timeUs < b.timeUs).toBe(true);
    expect(String(fieldValue(f, "User"))).toMatch(/^[A-Z0-9-]+\\[a-z.]+$/);
    expect(evtxXmlFormat.serialize(b)).toContain('<Data Name="EventType">WmiBindingEvent</Data>');
  });

  it("render Sysmon's config change and service state", () => {
    expect(
      of(16).map((e) => [
        fieldValue(e, "Configuration"),
        String(fieldValue(e, "ConfigurationFileHash")).slice(0, 7),
      ]),
    ).toEqual([["C:\\Temp\\cfg.xml", "SHA256="]]);
    expect(of(4).map((e) => e.data.slice(1))).toEqual([["Stopped", "15.15", "4.90"]]);
    expect(validateEvents(events)).toEqual([]);
  });

  it.skipIf(!process.env.SIGMA_RULES_DIR)("fire SigmaHQ's WMI Event Subscription rule", () => {
    const dir = `${process.env.SIGMA_RULES_DIR}/windows/wmi_event`;
    const loaded = compileSources(readRuleSources(dir).sources);
    const objects = serialize(events, "evtx-json")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const fired = new SigmaEngine(loaded.rules, loaded.correlations).run(objects).matches;
    const ids = fired.filter((m) => m.rule.id === "0f06a3a5-6a09-413f-8743-e6cf35561297").map((m) => m.event);
    expect(ids.map((i) => events[i].template.eventId).sort()).toEqual([19, 20, 21]);
  });
});
