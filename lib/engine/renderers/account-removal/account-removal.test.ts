import { describe, expect, it } from "vitest";
import { compileSources, SigmaEngine } from "@/lib/detect/sigma";
import type { ActionInput } from "../../actions";
import { eventDataRecord } from "../../event";
import { serializeEvtxJson } from "../../formats/evtx-json";
import { validateEvents } from "../../validate";
import { elevatedPowerShell, eventsOfKey, evtxRoundTrips, fieldNames, generatePlan } from "../test-support";

/** An elevated shell disables the interactive user's account, then deletes a local account it made. */
const plan: ActionInput[] = [
  elevatedPowerShell("ps"),
  { id: "mk", kind: "account.create", proc: "ps", user: "helpdesk", local: true },
  { id: "off", kind: "account.disable", proc: "ps", user: "@user" },
  { id: "del", kind: "account.delete", proc: "ps", user: "helpdesk" },
];

describe.each([1, 6])("Security 4725 and 4726 (seed %i)", (seed) => {
  const r = generatePlan("T1531", plan, seed);
  const [disabled] = eventsOfKey(r.events, "security/4725");
  const [deleted] = eventsOfKey(r.events, "security/4726");

  it("has the manifest's System part and field order", () => {
    for (const e of [disabled, deleted]) {
      expect(e.template.provider.guid).toBe("54849625-5478-4994-A5BA-3E3B0328C30D");
      expect([e.template.level, e.template.task, e.template.version, e.template.keywords]).toEqual([
        0,
        13824,
        0,
        "0x8020000000000000",
      ]);
    }
    expect(fieldNames(disabled)).toEqual([
      "TargetUserName",
      "TargetDomainName",
      "TargetSid",
      "SubjectUserSid",
      "SubjectUserName",
      "SubjectDomainName",
      "SubjectLogonId",
    ]);
    expect(fieldNames(deleted).at(-1)).toBe("PrivilegeList");
  });

  it("names the target and the acting session, and disabling changes UserAccountControl", () => {
    const d = eventDataRecord(disabled);
    expect(d.TargetSid).toMatch(/^S-1-5-21-/);
    expect(d.SubjectLogonId).toMatch(/^0x[0-9a-f]+$/);
    expect(eventDataRecord(deleted).TargetUserName).toBe("helpdesk");
    const changed = eventsOfKey(r.events, "security/4738").filter((e) => e.timeUs >= disabled.timeUs);
    const c = eventDataRecord(changed[0]);
    expect([c.TargetSid, c.OldUacValue, c.NewUacValue, c.UserAccountControl]).toEqual([
      d.TargetSid,
      "0x10",
      "0x11",
      "\n\t\t%%2080",
    ]);
  });

  it("stays coherent through both evtx round trips", () => {
    expect(r.report.issues).toEqual([]);
    expect(validateEvents(r.events)).toEqual([]);
    for (const [written, rewritten] of evtxRoundTrips(r.events)) expect(rewritten).toBe(written);
  });
});

const rule = `
title: User Account Disabled Or Deleted
logsource:
    product: windows
    service: security
detection:
    selection:
        EventID:
            - 4725
            - 4726
    filter_machine:
        TargetUserName|endswith: '$'
    condition: selection and not filter_machine
level: low
`;

describe("a Sigma rule on account removal", () => {
  it("fires on both events", () => {
    const { rules } = compileSources([{ file: "removal.yml", text: rule }]);
    const docs = generatePlan("T1531", plan, 2).events.map((x) => JSON.parse(serializeEvtxJson(x)));
    const hits = new SigmaEngine(rules).run(docs).matches;
    expect(
      hits
        .map((m) => (docs[m.event] as { Event: { System: { EventID: number } } }).Event.System.EventID)
        .sort(),
    ).toEqual([4725, 4726]);
  });
});
