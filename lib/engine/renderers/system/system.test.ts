import { describe, expect, it } from "vitest";
import { fieldValue } from "../../event";
import { generateChannels } from "../../formats/ecs-fixture";
import { generate } from "../../generate";
import { fromUtf16HexZ, serviceInstalled, serviceStateChanged, utf16HexZ } from "./templates";

/** System parts of real events (Event Viewer XML of Windows 10 / Server hosts, public samples). */
const real7045 = {
  provider: {
    name: "Service Control Manager",
    guid: "555908D1-A6D7-4695-8E1E-26931D2012F4",
    eventSourceName: "Service Control Manager",
  },
  qualifiers: 16384,
  version: 0,
  level: 4,
  task: 0,
  opcode: 0,
  keywords: "0x8080000000000000",
  channel: "System",
  fields: ["ServiceName", "ImagePath", "ServiceType", "StartType", "AccountName"],
};

describe("System renderer (Service Control Manager)", () => {
  it("7045 and 7036 carry the System part and field order real Windows writes", () => {
    for (const [t, fields] of [
      [serviceInstalled, real7045.fields],
      [serviceStateChanged, ["param1", "param2", "Binary"]],
    ] as const) {
      const { fields: _f, ...system } = real7045;
      expect({ ...system, eventId: t.eventId }).toEqual({
        provider: t.provider,
        qualifiers: t.qualifiers,
        version: t.version,
        level: t.level,
        task: t.task,
        opcode: t.opcode,
        keywords: t.keywords,
        channel: t.channel,
        eventId: t.eventId,
      });
      expect(t.fields.map((f) => f.name)).toEqual(fields);
    }
    expect(serviceStateChanged.fields[2].type).toBe("binary");
  });

  it("7036 binary is the UTF-16LE key name, '/', state code and NUL, byte-for-byte as in real events", () => {
    // Real: "Smart Card Device Enumeration Service" running, "Windows Modules Installer" stopped.
    expect(utf16HexZ("ScDeviceEnum/4")).toBe("5300630044006500760069006300650045006E0075006D002F0034000000");
    expect(utf16HexZ("TrustedInstaller/1")).toBe(
      "540072007500730074006500640049006E007300740061006C006C00650072002F0031000000",
    );
    expect(fromUtf16HexZ("770075006100750073006500720076002F0034000000")).toBe("wuauserv/4");
  });

  it("renders 7045 with the installer's SID and 7036 with an empty Security, both from services.exe", () => {
    const { events, labels } = generateChannels(5);
    const mine = events.filter((_, i) => labels[i].step === 0);
    const installed = mine.find((e) => e.template === serviceInstalled)!;
    const state = mine.find((e) => e.template === serviceStateChanged)!;
    expect(installed.data).toEqual([
      "UpdSvc",
      "C:\\Users\\Public\\u.exe",
      "user mode service",
      "demand start",
      "LocalSystem",
    ]);
    expect(state.data).toEqual(["Update Service", "running", utf16HexZ("UpdSvc/4")]);
    expect(state.userId).toBeNull();
    expect(installed.processId).toBe(state.processId);
    // The installer is the PowerShell process: its user is the 4688 subject of powershell.exe.
    const ps4688 = mine.find(
      (e) => e.template.eventId === 4688 && /powershell\.exe$/i.test(String(fieldValue(e, "NewProcessName"))),
    )!;
    expect(installed.userId).toBe(fieldValue(ps4688, "SubjectUserSid"));
    // Security 4697 for the same installation agrees.
    const s4697 = mine.find((e) => e.template.eventId === 4697)!;
    expect(fieldValue(s4697, "ServiceName")).toBe("UpdSvc");
    expect(state.timeUs).toBeGreaterThan(installed.timeUs);
  });

  it("leaves the account of a kernel driver empty", () => {
    const { events, labels } = generate(
      {
        seed: 2,
        noise: { level: "none" },
        steps: [
          {
            technique: "T1543.003",
            plan: [
              {
                id: "c",
                kind: "process.create",
                proc: "c",
                parent: "@explorer",
                image: "C:\\Windows\\System32\\sc.exe",
                commandLine: "sc.exe create rtc type= kernel binPath= C:\\Windows\\Temp\\RTCore64.sys",
                elevated: true,
              },
              {
                id: "d",
                kind: "service.install",
                proc: "c",
                name: "rtc",
                imagePath: "\\??\\C:\\Windows\\Temp\\RTCore64.sys",
                serviceType: "kernel mode driver",
                startType: "auto start",
              },
            ],
          },
        ],
      },
      { procedures: [] },
    );
    const e = events.find((x, i) => labels[i].step === 0 && x.template === serviceInstalled)!;
    expect(e.data).toEqual([
      "rtc",
      "\\??\\C:\\Windows\\Temp\\RTCore64.sys",
      "kernel mode driver",
      "auto start",
      "",
    ]);
  });
});
