import { describe, expect, it } from "vitest";
import { curatedProcedures as curated } from "@/lib/procedures/curated";
import { procedures } from "@/lib/procedures/registry";
import { fieldIndex, fieldValue, type FieldValue, type WinEvent } from "../event";
import { parseEvtxJson } from "../formats/evtx-json";
import { generate, serialize } from "../generate";
import { Rng } from "../rng";
import { bootHost } from "../world/boot";
import { World } from "../world/world";
import { checkPlan, validateEvents } from ".";

const run = generate(
  {
    seed: 9,
    noise: { level: "low" },
    steps: curated.map((p) => ({ technique: p.technique, procedure: p.id })),
  },
  { procedures },
);
const events = run.events;

function withField(e: WinEvent, name: string, value: FieldValue): WinEvent {
  const data = e.data.slice();
  data[fieldIndex(e.template).get(name)!] = value;
  return { ...e, data };
}

function replaceAt(list: readonly WinEvent[], i: number, e: WinEvent): WinEvent[] {
  const out = list.slice();
  out[i] = e;
  return out;
}

const find = (pred: (e: WinEvent) => boolean) => events.findIndex(pred);
const checksOf = (list: readonly WinEvent[]) => new Set(validateEvents(list).map((i) => i.check));

describe("validateEvents", () => {
  it("finds nothing wrong in the engine's output, also after a trip through evtx-json text", () => {
    expect(validateEvents(events)).toEqual([]);
    expect(validateEvents(parseEvtxJson(serialize(events, "evtx-json")).events)).toEqual([]);
  });

  it("catches EventRecordIDs and times going backwards in a channel", () => {
    const i = find((e) => e.template.channel === "Security" && e.recordId > 0);
    const j = events.findIndex(
      (e, k) => k > i && e.computer === events[i].computer && e.template.channel === "Security",
    );
    const swapped = replaceAt(events, j, { ...events[j], recordId: events[i].recordId });
    const issues = validateEvents(swapped).filter((x) => x.check === "record-order");
    expect(issues[0].message).toMatch(/appears twice/);
    expect(issues[0].ref).toContain(events[j].computer);
  });

  it("catches a child whose parent has already exited and a reused live PID", () => {
    const child = find(
      (e) => e.template.key === "sysmon/1" && fieldValue(e, "Image") === "C:\\Windows\\System32\\find.exe",
    );
    const end = find(
      (e) =>
        e.template.key === "sysmon/5" &&
        fieldValue(e, "ProcessGuid") === fieldValue(events[child], "ParentProcessGuid"),
    );
    // Move the parent's exit before the child.
    const early = { ...events[end], timeUs: events[child].timeUs - 1000 };
    expect(checksOf(replaceAt(events, end, early))).toContain("process-tree");
    const explorer = events.find(
      (e) => e.template.key === "sysmon/1" && fieldValue(e, "ParentImage") === "C:\\Windows\\explorer.exe",
    )!;
    const clash = withField(events[child], "ProcessId", fieldValue(explorer, "ParentProcessId") as number);
    const msgs = validateEvents(replaceAt(events, child, clash))
      .filter((x) => x.check === "process-tree")
      .map((x) => x.message);
    expect(msgs.some((m) => /reused while|held by|has PID/.test(m))).toBe(true);
  });

  it("catches a LogonId that belongs to another user", () => {
    const i = find((e) => e.template.key === "sysmon/1" && fieldValue(e, "LogonId") !== "0x3e7");
    const bad = withField(events[i], "LogonId", "0x3e7");
    const issues = validateEvents(replaceAt(events, i, bad)).filter((x) => x.check === "sessions");
    expect(issues[0].message).toMatch(/belongs to SYSTEM/);
  });

  it("catches malformed SIDs and a SID that changes its name", () => {
    const i = find((e) => e.template.key === "security/4688");
    expect(checksOf(replaceAt(events, i, withField(events[i], "SubjectUserSid", "S-1-5-XX")))).toContain(
      "sids",
    );
    const renamed = withField(events[i], "SubjectUserName", "someone.else");
    expect(
      validateEvents(replaceAt(events, i, renamed)).some(
        (x) => x.check === "sids" && /someone\.else/.test(x.message),
      ),
    ).toBe(true);
  });

  it("catches a file read before it was created", () => {
    const read = find((e) => e.template.key === "security/4663");
    const path = fieldValue(events[read], "ObjectName");
    const create = find((e) => e.template.key === "sysmon/11" && fieldValue(e, "TargetFilename") === path);
    const late = { ...events[create], timeUs: events[read].timeUs + 5_000_000 };
    expect(
      validateEvents(replaceAt(events, create, late)).find((x) => x.check === "objects")?.message,
    ).toMatch(/before it was created/);
  });

  it("catches a connection that disagrees with the DNS answer", () => {
    const i = find(
      (e) =>
        e.template.key === "sysmon/3" &&
        fieldValue(e, "DestinationPort") !== 445 &&
        fieldValue(e, "DestinationHostname") !== "-",
    );
    const bad = withField(events[i], "DestinationIp", "203.0.113.77");
    expect(validateEvents(replaceAt(events, i, bad)).find((x) => x.check === "network")?.message).toMatch(
      /DNS answered/,
    );
  });

  it("catches a network logon with no matching activity on the source host", () => {
    const smb = events.filter(
      (e) =>
        !(
          e.template.key === "sysmon/3" &&
          fieldValue(e, "DestinationPort") === 445 &&
          fieldValue(e, "Initiated") === true
        ),
    );
    const issues = validateEvents(smb).filter((x) => x.check === "lateral");
    expect(issues.some((x) => /shows no connection/.test(x.message))).toBe(true);
  });
});

describe("checkPlan", () => {
  const world = new World({ domain: {} }, new Rng(3));
  for (const h of world.hosts)
    bootHost(world, h, Date.parse("2026-03-02T09:00:00Z") * 1000, new Rng(4).fork(h.name));

  it("repairs what a rule says how to repair and prunes the rest, with reasons", () => {
    const r = checkPlan(
      [
        {
          id: "a",
          kind: "process.create",
          proc: "p1",
          parent: "ghost",
          image: "cmd.exe",
          commandLine: "cmd /c dir",
        },
        {
          id: "a",
          kind: "process.create",
          proc: "p2",
          parent: "p1",
          image: "C:\\Windows\\System32\\whoami.exe",
          commandLine: "whoami",
          after: ["nope"],
        },
        { id: "b", kind: "file.create", proc: "nobody", path: "C:\\x.txt" },
        {
          id: "c",
          kind: "registry.value.set",
          proc: "p1",
          key: "HKCU\\Software\\X",
          value: "v",
          data: "1",
          host: "NOPE01",
        },
        { id: "d", kind: "teleport" },
      ],
      world,
      "@workstation",
    );
    expect(r.actions.map((a) => a.id)).toEqual(["a", "a-2", "c"]);
    expect(r.repairs.map((x) => x.rule)).toEqual([
      "parent-exists",
      "image-path",
      "unique-id",
      "dependency",
      "host",
    ]);
    expect(r.pruned.map((x) => [x.actionId, x.rule])).toEqual([
      ["b", "actor-alive"],
      ["d", "schema"],
    ]);
    expect(r.pruned[1].reason).toMatch(/kind/);
  });
});
