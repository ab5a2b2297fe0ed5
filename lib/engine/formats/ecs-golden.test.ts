import { describe, expect, it } from "vitest";
import { eventDataRecord, type EventTemplate, type FieldValue, type WinEvent } from "../event";
import { SECURITY } from "../renderers/security/templates";
import { pipelineDetail, pipelineExecution } from "../renderers/powershell/templates";
import { SYSMON } from "../renderers/sysmon/templates";
import { toEcs } from "./ecs";

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function event(
  template: EventTemplate,
  values: Record<string, FieldValue>,
  system: Partial<WinEvent>,
): WinEvent {
  return {
    template,
    timeCreated: "2019-11-14T17:10:15.1515514Z",
    timeUs: 0,
    recordId: 1,
    activityId: null,
    processId: 4,
    threadId: 8,
    computer: "vagrant",
    userId: null,
    ...system,
    data: template.fields.map((f) => values[f.name!] ?? null),
  };
}

/**
 * The events behind Elastic's own goldens (beats x-pack/winlogbeat/module/{security,sysmon}/test/testdata/ingest:
 * security-windows2019_4688_Process_Created, sysmon-12-processcreate), and the ECS fields Elastic's pipelines
 * produced for them. Values Winlogbeat renders from message tables (%%1937 → "TokenElevationTypeFull (2)") are
 * kept raw here on purpose: Sigma rules match the raw codes.
 */
describe("ecs matches Elastic's published pipeline output", () => {
  it("Security 4688 (Windows Server 2019)", () => {
    const e = event(
      SECURITY.processCreate,
      {
        SubjectUserSid: "S-1-5-21-1610636575-2290000098-1654242922-1000",
        SubjectUserName: "vagrant",
        SubjectDomainName: "VAGRANT",
        SubjectLogonId: "0x274a2",
        NewProcessId: "0x11cc",
        NewProcessName: "C:\\Windows\\System32\\wevtutil.exe",
        TokenElevationType: "%%1937",
        ProcessId: "0x122c",
        CommandLine: '"C:\\Windows\\system32\\wevtutil.exe" cl Security',
        TargetUserSid: "S-1-0-0",
        TargetUserName: "-",
        TargetDomainName: "-",
        TargetLogonId: "0x0",
        ParentProcessName: "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
        MandatoryLabel: "S-1-16-12288",
      },
      { recordId: 5010, processId: 4, threadId: 5076 },
    );
    const doc = toEcs(e) as Doc;
    expect(doc.event).toMatchObject({
      action: "created-process",
      category: ["process"],
      code: "4688",
      kind: "event",
      module: "security",
      outcome: "success",
      provider: "Microsoft-Windows-Security-Auditing",
      type: ["start"],
    });
    expect(doc.process).toEqual({
      // The security pipeline splits on whitespace and keeps quotes (unlike the sysmon one).
      args: ['"C:\\Windows\\system32\\wevtutil.exe"', "cl", "Security"],
      command_line: '"C:\\Windows\\system32\\wevtutil.exe" cl Security',
      executable: "C:\\Windows\\System32\\wevtutil.exe",
      name: "wevtutil.exe",
      parent: {
        executable: "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
        name: "powershell.exe",
        pid: 4652,
      },
      pid: 4556,
    });
    expect(doc.user).toEqual({
      domain: "VAGRANT",
      effective: { id: "S-1-0-0" },
      id: "S-1-5-21-1610636575-2290000098-1654242922-1000",
      name: "vagrant",
    });
    expect(doc.related).toEqual({ user: ["vagrant"] });
    expect(doc.winlog).toMatchObject({
      channel: "Security",
      computer_name: "vagrant",
      event_id: "4688",
      keywords: ["Audit Success"],
      logon: { id: "0x274a2" },
      opcode: "Info",
      process: { pid: 4, thread: { id: 5076 } },
      provider_guid: "{54849625-5478-4994-A5BA-3E3B0328C30D}",
      provider_name: "Microsoft-Windows-Security-Auditing",
      record_id: "5010",
      task: "Process Creation",
      version: 2,
    });
    expect(doc.winlog.event_data).toEqual(eventDataRecord(e));
  });

  it("Sysmon 1 (Sysmon 12, Windows 10)", () => {
    const e = event(
      SYSMON.processCreate,
      {
        RuleName: "-",
        UtcTime: "2020-10-27 20:00:14.320",
        ProcessGuid: "9F32B55F-7C4E-5F98-5803-000000000500",
        ProcessId: 3616,
        Image: "C:\\Windows\\System32\\notepad.exe",
        FileVersion: "10.0.17763.475 (WinBuild.160101.0800)",
        Description: "Notepad",
        Product: "Microsoft® Windows® Operating System",
        Company: "Microsoft Corporation",
        OriginalFileName: "NOTEPAD.EXE",
        CommandLine: '"C:\\Windows\\system32\\notepad.exe" ',
        CurrentDirectory: "C:\\Users\\vagrant\\",
        User: "VAGRANT\\vagrant",
        LogonGuid: "9F32B55F-6FDD-5F98-E7C9-020000000000",
        LogonId: "0x2c9e7",
        TerminalSessionId: 1,
        IntegrityLevel: "Medium",
        Hashes: "SHA1=B6D237154F2E528F0B503B58B025862D66B02B73",
        ParentProcessGuid: "9F32B55F-6FDF-5F98-7000-000000000500",
        ParentProcessId: 4212,
        ParentImage: "C:\\Windows\\explorer.exe",
        ParentCommandLine: "C:\\Windows\\Explorer.EXE",
        ParentUser: "VAGRANT\\vagrant",
      },
      {
        recordId: 20,
        processId: 7144,
        threadId: 6876,
        userId: "S-1-5-18",
        timeCreated: "2020-10-27T20:00:14.3213460Z",
      },
    );
    const doc = toEcs(e) as Doc;
    expect(doc["@timestamp"]).toBe("2020-10-27T20:00:14.320Z");
    expect(doc.event).toMatchObject({
      action: "Process creation",
      category: ["process"],
      code: "1",
      module: "sysmon",
      type: ["start"],
    });
    expect(doc.process).toEqual({
      args: ["C:\\Windows\\system32\\notepad.exe"],
      args_count: 1,
      command_line: '"C:\\Windows\\system32\\notepad.exe" ',
      entity_id: "{9F32B55F-7C4E-5F98-5803-000000000500}",
      executable: "C:\\Windows\\System32\\notepad.exe",
      hash: { sha1: "b6d237154f2e528f0b503b58b025862d66b02b73" },
      name: "notepad.exe",
      parent: {
        args: ["C:\\Windows\\Explorer.EXE"],
        args_count: 1,
        command_line: "C:\\Windows\\Explorer.EXE",
        entity_id: "{9F32B55F-6FDF-5F98-7000-000000000500}",
        executable: "C:\\Windows\\explorer.exe",
        name: "explorer.exe",
        pid: 4212,
      },
      pe: {
        company: "Microsoft Corporation",
        description: "Notepad",
        file_version: "10.0.17763.475 (WinBuild.160101.0800)",
        original_file_name: "NOTEPAD.EXE",
        product: "Microsoft® Windows® Operating System",
      },
      pid: 3616,
      working_directory: "C:\\Users\\vagrant\\",
    });
    expect(doc.related).toEqual({ hash: ["b6d237154f2e528f0b503b58b025862d66b02b73"], user: ["vagrant"] });
    expect(doc.user).toEqual({ domain: "VAGRANT", id: "S-1-5-18", name: "vagrant" });
    expect(doc.winlog).toMatchObject({
      channel: "Microsoft-Windows-Sysmon/Operational",
      event_id: "1",
      opcode: "Info",
      process: { pid: 7144, thread: { id: 6876 } },
      provider_guid: "{5770385F-C22A-43E0-BF4C-06F5698FFBD9}",
      record_id: "20",
      task: "Process Create (rule: ProcessCreate)",
      user: { domain: "NT AUTHORITY", identifier: "S-1-5-18", name: "SYSTEM", type: "Well Known Group" },
      version: 5,
    });
    expect(doc.message.split("\n").slice(0, 4)).toEqual([
      "Process Create:",
      "RuleName: -",
      "UtcTime: 2020-10-27 20:00:14.320",
      "ProcessGuid: {9F32B55F-7C4E-5F98-5803-000000000500}",
    ]);
  });

  it("PowerShell 4103 and 800 (Windows Server 2019): message and event_data as Winlogbeat wrote them", () => {
    const context = [
      "        Severity = Informational",
      "        Host Name = ConsoleHost",
      "        Host Version = 5.1.17763.1007",
      "        Host ID = aae5217d-054f-435f-9968-4b5bebf12116",
      "        Host Application = C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe -noexit -command 'C:\\Gopath\\src\\github.com\\elastic\\beats'",
      "        Engine Version = 5.1.17763.1007",
      "        Runspace ID = a87e8389-57c7-4997-95ff-f82f644965bf",
      "        Pipeline ID = 9",
      "        Command Name = Resolve-Path",
      "        Command Type = Cmdlet",
      "        Script Name = ",
      "        Command Path = ",
      "        Sequence Number = 22",
      "        User = VAGRANT\\vagrant",
      "        Connected User = ",
      "        Shell ID = Microsoft.PowerShell",
    ];
    const payload = [
      'CommandInvocation(Resolve-Path): "Resolve-Path"',
      'ParameterBinding(Resolve-Path): name="Path"; value="x*"',
    ];
    const crlf = (lines: string[]) => lines.map((l) => `${l}\r\n`).join("");
    const e = event(
      pipelineDetail,
      { ContextInfo: crlf(context), UserData: "", Payload: crlf(payload) },
      {
        activityId: "1ACA0717-2ACB-0003-DB0B-CA1ACB2AD601",
        processId: 5032,
        threadId: 4160,
        userId: "S-1-5-21-1350058589-2282154016-2764056528-1000",
      },
    );
    const doc = toEcs(e) as Doc;
    expect(doc.message).toBe(`${payload.join("\n")}\n\n\nContext:\n${context.join("\n")}\n\n\nUser Data:`);
    expect(doc.winlog.event_data).toEqual({ ContextInfo: context.join("\n"), Payload: payload.join("\n") });
    expect(doc.winlog).toMatchObject({
      activity_id: "{1aca0717-2acb-0003-db0b-ca1acb2ad601}",
      opcode: "To be used when operation is just executing a method",
      provider_guid: "{a0c1853b-5c40-4b15-8766-3cf1c58f985a}",
      task: "Executing Pipeline",
      version: 1,
    });
    expect(doc.event).toMatchObject({
      action: "Executing Pipeline",
      code: "4103",
      provider: "Microsoft-Windows-PowerShell",
    });

    const detail =
      "\tDetailSequence=1\r\n\tDetailTotal=1\r\n\r\n\tSequenceNumber=143\r\n\r\n\tUserId=VAGRANT\\vagrant\r\n\tCommandLine=";
    const e800 = event(pipelineExecution, {}, {});
    const classic = { ...e800, data: ["", detail, 'CommandInvocation(Out-Default): "Out-Default"\r\n'] };
    const doc800 = toEcs(classic) as Doc;
    // Winlogbeat leaves out the empty param1 and ends each value without its trailing line break.
    expect(doc800.winlog.event_data).toEqual({
      param2: detail.replace(/\r\n/g, "\n"),
      param3: 'CommandInvocation(Out-Default): "Out-Default"',
    });
    expect(doc800.message).toBe(
      `Pipeline execution details for command line: . \n\nContext Information: \n${detail.replace(/\r\n/g, "\n")} \n\nDetails: \nCommandInvocation(Out-Default): "Out-Default"`,
    );
    expect(doc800.winlog.keywords).toEqual(["Classic"]);
  });
});
