import { describe, expect, it } from "vitest";
import type { ActionInput } from "../../actions";
import { fieldValue, type WinEvent } from "../../event";
import { validateEvents } from "../../validate";
import { generatePlan } from "../test-support";

const plan: ActionInput[] = [
  {
    id: "mk",
    kind: "process.create",
    proc: "mk",
    parent: "@explorer",
    image: "C:\\Users\\Public\\mimikatz.exe",
    commandLine: 'mimikatz.exe "sekurlsa::pth /user:adm /ntlm:00" exit',
    elevated: true,
  },
  {
    id: "pth",
    kind: "logon",
    session: "pth",
    user: "@admin",
    logonType: 9,
    authPackage: "Negotiate",
    proc: "mk",
  },
  {
    id: "cmd",
    kind: "process.create",
    proc: "cmd",
    parent: "mk",
    image: "C:\\Windows\\System32\\cmd.exe",
    commandLine: "cmd.exe",
  },
];

const r = generatePlan("T1550.002", plan, 5);
const field = (e: WinEvent, name: string) => fieldValue(e, name);

describe("4624 logon type 9 (NewCredentials)", () => {
  const logon = r.events.find((e) => e.template.key === "security/4624" && field(e, "LogonType") === 9)!;
  const sysmonMk = r.events.find(
    (e) => e.template.key === "sysmon/1" && String(field(e, "Image")).endsWith("mimikatz.exe"),
  )!;

  it("has the caller as subject and target and the supplied account only as outbound", () => {
    expect(logon).toBeDefined();
    expect(field(logon, "SubjectUserName")).toBe(field(logon, "TargetUserName"));
    expect(field(logon, "TargetLogonId")).not.toBe(field(logon, "SubjectLogonId"));
    expect(String(field(sysmonMk, "User")).endsWith(`\\${field(logon, "SubjectUserName")}`)).toBe(true);
    expect(field(logon, "TargetOutboundUserName")).not.toBe("-");
    expect(field(logon, "TargetOutboundUserName")).not.toBe(field(logon, "TargetUserName"));
  });

  it("is written the way the Secondary Logon service writes it", () => {
    expect(field(logon, "LogonProcessName")).toBe("seclogo");
    expect(field(logon, "AuthenticationPackageName")).toBe("Negotiate");
    expect(field(logon, "ProcessName")).toBe("C:\\Windows\\System32\\svchost.exe");
    expect(field(logon, "IpAddress")).toBe("::1");
    expect(field(logon, "LogonGuid")).toBe("00000000-0000-0000-0000-000000000000");
  });

  it("keeps the caller's identity for what the process starts, coherently", () => {
    const cmd = r.events.find(
      (e) => e.template.key === "sysmon/1" && String(field(e, "Image")).endsWith("\\cmd.exe"),
    )!;
    expect(field(cmd, "User")).toBe(field(sysmonMk, "User"));
    expect(validateEvents(r.events)).toEqual([]);
  });
});
