import { describe, expect, it } from "vitest";
import { compileSources, SigmaEngine } from "@/lib/detect/sigma";
import type { ActionInput } from "../../actions";
import { serializeEvtxJson } from "../../formats/evtx-json";
import { serialize } from "../../generate";
import { validateEvents } from "../../validate";
import { eventsOfKey, evtxRoundTrips, generatePlan } from "../test-support";

/** Remote PowerShell on the Exchange server (w3wp.exe of MSExchangePowerShellAppPool) removes an export request. */
const plan: ActionInput[] = [
  {
    id: "w3",
    kind: "process.create",
    proc: "w3",
    host: "@server",
    parent: "@svchost:netsvcs",
    user: "@system",
    image: "C:\\Windows\\System32\\inetsrv\\w3wp.exe",
    commandLine: 'c:\\windows\\system32\\inetsrv\\w3wp.exe -ap "MSExchangePowerShellAppPool" -v "v4.0"',
  },
  {
    id: "rm",
    kind: "exchange.cmdlet",
    proc: "w3",
    host: "@server",
    user: "@admin",
    cmdlet: "Remove-MailboxExportRequest",
    parameters: { Identity: "ceo\\MailboxExport", Confirm: "False" },
  },
];

describe.each([1, 5])("MSExchange Management 1 (seed %i)", (seed) => {
  const r = generatePlan("T1070.008", plan, seed);
  const [e] = eventsOfKey(r.events, "msexchange/cmdlet-1");
  const [w3] = eventsOfKey(r.events, "sysmon/1");

  it("is written by the classic MSExchange CmdletLogs source in its own log", () => {
    expect(eventsOfKey(r.events, "msexchange/cmdlet-1")).toHaveLength(1);
    const t = e.template;
    expect(t.provider).toEqual({ name: "MSExchange CmdletLogs" });
    expect([t.channel, t.eventId, t.qualifiers, t.level, t.task, t.keywords]).toEqual([
      "MSExchange Management",
      1,
      16384,
      4,
      1,
      "0x80000000000000",
    ]);
    expect(t.fields.every((f) => f.name === null)).toBe(true);
    expect(e.userId).toBeNull();
    expect(e.timeUs).toBeGreaterThan(w3.timeUs);
  });

  it("names the cmdlet, its parameters as Exchange logs them, the caller and the process", () => {
    const d = e.data.map(String);
    expect(d[0]).toBe("Remove-MailboxExportRequest");
    expect(d[1]).toBe('-Identity "ceo\\MailboxExport" -Confirm "False"');
    expect(d[2]).toMatch(/^[a-z0-9.-]+\/Users\/.+/);
    expect(d[3]).toMatch(/^S-1-5-21-/);
    expect(d[4]).toBe(d[3]);
    expect(d[5]).toBe("Remote-PowerShell-Unknown");
    expect(d[6]).toMatch(/^\d+ w3wp#MSExchangePowerShellAppPool$/);
    expect(d[10]).toMatch(/^00:00:\d\d\.\d{7}$/);
    expect(d[11]).toMatch(/^View Entire Forest: 'False', Configuration Domain Controller: '/);
  });

  it("stays coherent through both evtx round trips and renders its message in ECS", () => {
    expect(r.report.issues).toEqual([]);
    expect(validateEvents(r.events)).toEqual([]);
    for (const [written, rewritten] of evtxRoundTrips(r.events)) expect(rewritten).toBe(written);
    const [ecs] = serialize([e], "ecs")
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { message?: string });
    expect(ecs.message).toBe(
      'Cmdlet succeeded. Cmdlet Remove-MailboxExportRequest, parameters -Identity "ceo\\MailboxExport" -Confirm "False".',
    );
  });
});

/** In the style of SigmaHQ's msexchange-management keyword rules (matched on the message in ECS). */
const rule = `
title: Exchange Export Request Removed Without Confirmation
logsource:
    product: windows
    service: msexchange-management
detection:
    keywords:
        '|all':
            - 'Remove-MailboxExportRequest'
            - ' -Identity '
            - ' -Confirm "False"'
    condition: keywords
level: high
---
title: Exchange Cmdlet Export Request Removal
logsource:
    product: windows
    service: msexchange-management
detection:
    selection:
        EventID: 1
        Data|contains|all:
            - 'Remove-MailboxExportRequest'
            - '-Identity '
    condition: selection
level: medium
`;

describe("Sigma rules on the cmdlet log", () => {
  const { rules } = compileSources([{ file: "exchange.yml", text: rule }]);
  const engine = new SigmaEngine(rules);
  const events = generatePlan("T1070.008", plan, 3).events;

  it("fire on the ECS form (keywords match the rendered message) ", () => {
    const docs = serialize(events, "ecs")
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l));
    const titles = new Set(engine.run(docs).matches.map((m) => m.rule.title));
    expect([...titles].sort()).toEqual([
      "Exchange Cmdlet Export Request Removal",
      "Exchange Export Request Removed Without Confirmation",
    ]);
  });

  it("fire on evtx-json too: keywords search the event's values side by side, as in its message", () => {
    const docs = events.map((x) => JSON.parse(serializeEvtxJson(x)));
    const titles = new Set(engine.run(docs).matches.map((m) => m.rule.title));
    expect([...titles].sort()).toEqual([
      "Exchange Cmdlet Export Request Removal",
      "Exchange Export Request Removed Without Confirmation",
    ]);
  });
});
