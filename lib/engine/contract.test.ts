import { describe, expect, it } from "vitest";
import { curatedProcedures as procedures } from "@/lib/procedures/curated";
import { fieldValue, type WinEvent } from "./event";
import { expandPath } from "./execute/context";
import { evtxJsonFormat } from "./formats/evtx-json";
import { evtxXmlFormat } from "./formats/evtx-xml";
import { formatById } from "./formats/registry";
import { ENGINE_VERSION, estateFor, generate, planScenario, serialize } from "./generate";
import { validateEvents } from "./validate";
import type { User } from "./world/types";

const CMD = "C:\\Windows\\System32\\cmd.exe";
const PS = "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe";

const taskPlan = [
  {
    id: "cmd",
    kind: "process.create",
    proc: "cmd",
    parent: "@explorer",
    image: CMD,
    commandLine: `"${CMD}" `,
    elevated: true,
  },
  {
    id: "task",
    kind: "task.create",
    proc: "cmd",
    name: "\\Updater",
    command: "%APPDATA%\\upd.exe",
    arguments: "-q",
    runAs: "@user",
  },
  { id: "run", kind: "task.run", name: "\\Updater", spawn: "upd", delayMs: 60_000 },
  { id: "drop", kind: "file.create", proc: "upd", path: "%LOCALAPPDATA%\\Temp\\x.dat" },
  { id: "exit", kind: "process.terminate", proc: "upd" },
];

const byId = (events: WinEvent[], key: string) => events.filter((e) => e.template.key === key);

describe("engine contract additions", () => {
  it("exports a semantic ENGINE_VERSION", () => {
    expect(ENGINE_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("task.run with spawn creates the task's process under the Schedule service, as its target", () => {
    const { events } = generate(
      { seed: 4, noise: { level: "none" }, steps: [{ technique: "T1053.005", plan: taskPlan }] },
      { procedures },
    );
    const creates = byId(events, "sysmon/1").filter((e) =>
      String(fieldValue(e, "Image")).endsWith("upd.exe"),
    );
    expect(creates).toHaveLength(1);
    const sysmon1 = creates[0];
    expect(fieldValue(sysmon1, "ParentImage")).toBe("C:\\Windows\\System32\\svchost.exe");
    const user = estateFor({ seed: 4 }).user;
    // %APPDATA% in the task's command is expanded for the run-as user in the image path, kept in the command line.
    expect(fieldValue(sysmon1, "Image")).toBe(`C:\\Users\\${user}\\AppData\\Roaming\\upd.exe`);
    expect(fieldValue(sysmon1, "CommandLine")).toBe("%APPDATA%\\upd.exe -q");
    const pid = fieldValue(sysmon1, "ProcessId");
    const started = events.find(
      (e) => e.template.eventId === 200 && e.template.channel.includes("TaskScheduler"),
    );
    expect(started && started.data.includes(pid as number)).toBe(true);
    const file = byId(events, "sysmon/11").find((e) => fieldValue(e, "ProcessId") === pid);
    expect(fieldValue(file!, "TargetFilename")).toBe(`C:\\Users\\${user}\\AppData\\Local\\Temp\\x.dat`);
    expect(validateEvents(events)).toEqual([]);
  });

  it("writes the EventData Name attribute in evtx-xml and evtx-json and reads it back", () => {
    const { events } = generate(
      { seed: 4, noise: { level: "none" }, steps: [{ technique: "T1053.005", plan: taskPlan }] },
      { procedures },
    );
    const named = events.filter((e) => e.template.eventDataName !== undefined);
    expect(named.length).toBeGreaterThan(2);
    const e = named.find((x) => x.template.eventDataName === "ActionStart")!;
    expect(evtxXmlFormat.serialize(e)).toContain('<EventData Name="ActionStart">');
    const json = JSON.parse(evtxJsonFormat.serialize(e));
    expect(json.Event.EventData["#attributes"]).toEqual({ Name: "ActionStart" });
    for (const f of [evtxJsonFormat, evtxXmlFormat]) {
      const text = named.map((x) => f.serialize(x)).join("\n");
      const back = f.parse!(text);
      expect(back.errors).toEqual([]);
      expect(back.events.map((x) => x.template.eventDataName)).toEqual(
        named.map((x) => x.template.eventDataName),
      );
      expect(back.events.map((x) => f.serialize(x)).join("\n")).toBe(text);
    }
  });

  it("serialize() uses a format's stateful open() per stream", () => {
    const { events, labels } = generate(
      { seed: 9, noise: { level: "low" }, steps: [{ technique: "T1059.001" }] },
      { procedures },
    );
    const sentinel = formatById("sentinel")!;
    expect(sentinel.open).toBeTypeOf("function");
    const write = sentinel.open!();
    const expected = events.map((e, i) => write(e, labels[i])).filter((s) => s !== "");
    expect(serialize(events, "sentinel", labels)).toBe(
      `${[sentinel.header, ...expected, sentinel.footer].filter(Boolean).join("\n")}\n`,
    );
  });

  it("starts PowerShell script blocks at least 250 ms after their process", () => {
    const plan = [
      {
        id: "ps",
        kind: "process.create",
        proc: "ps",
        parent: "@explorer",
        image: PS,
        commandLine: "powershell.exe",
      },
      { id: "sb", kind: "powershell.scriptblock", proc: "ps", script: "Get-Process" },
    ];
    for (const seed of [1, 2, 3, 4, 5]) {
      const { events } = generate(
        { seed, noise: { level: "none" }, steps: [{ technique: "T1059.001", plan }] },
        { procedures },
      );
      const created = byId(events, "sysmon/1").find((e) => String(fieldValue(e, "Image")) === PS)!;
      const block = events.find((e) => e.template.eventId === 4104)!;
      expect(block.timeUs - created.timeUs).toBeGreaterThanOrEqual(250_000);
    }
  });

  it("keeps process names across steps (a later step's parent from an earlier step)", () => {
    const steps = [
      {
        technique: "T1059.001",
        plan: [
          {
            id: "ps",
            kind: "process.create",
            proc: "ps",
            parent: "@explorer",
            image: PS,
            commandLine: "powershell.exe -nop",
          },
        ],
      },
      {
        technique: "T1053.005",
        plan: [
          {
            id: "st",
            kind: "process.create",
            proc: "st",
            parent: "ps",
            image: "C:\\Windows\\System32\\schtasks.exe",
            commandLine: "schtasks /query",
          },
        ],
      },
    ];
    const plan = planScenario({ seed: 3, steps }, { procedures });
    expect(plan.issues).toEqual([]);
    expect(plan.steps[1].actions[0]).toMatchObject({ id: "s1:st", parent: "ps" });
    const { events } = generate({ seed: 3, noise: { level: "none" }, steps }, { procedures });
    const st = byId(events, "sysmon/1").find((e) => String(fieldValue(e, "Image")).endsWith("schtasks.exe"))!;
    expect(fieldValue(st, "ParentImage")).toBe(PS);
  });

  it("planScenario gives each step's checked actions and lists repairs, prunes and bad specs", () => {
    const plan = planScenario(
      {
        seed: 5,
        steps: [
          { technique: "T1003.001" },
          { technique: "T1059", plan: [{ id: "x", kind: "file.create", proc: "ghost", path: "C:\\a.txt" }] },
          { technique: "T9999" },
        ],
      },
      { procedures },
    );
    expect(plan.steps[0]).toMatchObject({
      step: 0,
      technique: "T1003.001",
      source: "procedure",
      procedure: "t1003.001-comsvcs-minidump",
    });
    expect(plan.steps[0].actions.length).toBeGreaterThan(2);
    expect(plan.steps[0].actions.every((a) => a.id.startsWith("s0:"))).toBe(true);
    expect(plan.steps[1].actions).toEqual([]);
    expect(plan.issues.some((i) => i.step === 1 && i.message.includes("ghost"))).toBe(true);
    expect(plan.issues.some((i) => i.step === 2 && i.message.includes("T9999"))).toBe(true);
    expect(planScenario({ seed: -1 }, { procedures })).toMatchObject({ steps: [], issues: [{ step: null }] });
  });

  it("estateFor gives the names generate uses", () => {
    const spec = { seed: 11, steps: [{ technique: "T1059.001" }] };
    const names = estateFor(spec);
    const { report } = generate(spec, { procedures });
    expect(names.hosts.map((h) => h.name)).toEqual(report.hosts.map((h) => h.name));
    expect(report.interactiveUser.endsWith(`\\${names.user}`)).toBe(true);
  });

  it("expands profile variables for the account", () => {
    const alice = { sam: "alice", sid: "S-1-5-21-1-2-3-1105" } as User;
    const system = { sam: "SYSTEM", sid: "S-1-5-18" } as User;
    expect(expandPath("%TEMP%\\a.ps1", alice)).toBe("C:\\Users\\alice\\AppData\\Local\\Temp\\a.ps1");
    expect(expandPath("%appdata%\\x;%ProgramData%\\y;%NOPE%", alice)).toBe(
      "C:\\Users\\alice\\AppData\\Roaming\\x;C:\\ProgramData\\y;%NOPE%",
    );
    expect(expandPath("%USERPROFILE%\\z", system)).toBe("C:\\Windows\\system32\\config\\systemprofile\\z");
  });
});
