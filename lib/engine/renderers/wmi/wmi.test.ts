import { describe, expect, it } from "vitest";
import { generateChannels } from "../../formats/ecs-fixture";
import { mofInstance, sidBytes } from "./mof";
import { consumerBinding } from "./templates";

/** CreatorSID of a real 5861 (Windows 10, T1546.003 test): S-1-5-21-2876542525-3899777576-1000537697-1001. */
const realCreator = [
  1, 5, 0, 0, 0, 0, 0, 5, 21, 0, 0, 0, 61, 142, 116, 171, 40, 226, 113, 232, 97, 254, 162, 59, 233, 3, 0, 0,
];

/** PossibleCause of that real event, verbatim. */
const realPossibleCause =
  "Binding EventFilter: \ninstance of __EventFilter\n{\n\tCreatorSID = {1, 5, 0, 0, 0, 0, 0, 5, 21, 0, 0, 0, 61, 142, 116, 171, 40, 226, 113, 232, 97, 254, 162, 59, 233, 3, 0, 0};\n" +
  '\tEventNamespace = "root/cimv2";\n\tName = "TimerTrigger";\n' +
  "\tQuery = \"SELECT * FROM __TimerEvent WHERE TimerID = 'PayloadTrigger'\";\n" +
  '\tQueryLanguage = "WQL";\n};\nPerm. Consumer: \ninstance of CommandLineEventConsumer\n{\n' +
  '\tCommandLineTemplate = "powershell.exe -NoP -C \\"iex ([Text.Encoding]::Unicode.GetString([Convert]::FromBase64String((Get-ItemProperty -Path HKLM:\\\\SOFTWARE\\\\PayloadKey -Name PayloadValue).PayloadValue)))\\"";\n' +
  "\tCreatorSID = {1, 5, 0, 0, 0, 0, 0, 5, 21, 0, 0, 0, 61, 142, 116, 171, 40, 226, 113, 232, 97, 254, 162, 59, 233, 3, 0, 0};\n" +
  '\tName = "ExecuteEvilPowerShell";\n};\n';

describe("WMI-Activity renderer", () => {
  it("writes SIDs as the byte lists WMI prints", () => {
    expect(sidBytes("S-1-5-21-2876542525-3899777576-1000537697-1001")).toEqual(realCreator);
    expect(sidBytes("S-1-5-18")).toEqual([1, 1, 0, 0, 0, 0, 0, 5, 18, 0, 0, 0]);
    expect(() => sidBytes("not-a-sid")).toThrow();
  });

  it("rebuilds a real PossibleCause byte for byte (MOF text, alphabetical properties, escapes)", () => {
    const filter = mofInstance("__EventFilter", {
      QueryLanguage: "WQL",
      Query: "SELECT * FROM __TimerEvent WHERE TimerID = 'PayloadTrigger'",
      Name: "TimerTrigger",
      EventNamespace: "root/cimv2",
      CreatorSID: realCreator,
    });
    const consumer = mofInstance("CommandLineEventConsumer", {
      Name: "ExecuteEvilPowerShell",
      CreatorSID: realCreator,
      CommandLineTemplate:
        'powershell.exe -NoP -C "iex ([Text.Encoding]::Unicode.GetString([Convert]::FromBase64String((Get-ItemProperty -Path HKLM:\\SOFTWARE\\PayloadKey -Name PayloadValue).PayloadValue)))"',
    });
    expect(`Binding EventFilter: ${filter}Perm. Consumer: ${consumer}`).toBe(realPossibleCause);
  });

  it("has the real 5861 System part and UserData shape", () => {
    expect([
      consumerBinding.provider.guid,
      consumerBinding.version,
      consumerBinding.level,
      consumerBinding.task,
      consumerBinding.keywords,
    ]).toEqual(["1418EF04-B0B4-4623-BF7E-D74AB47BBDAA", 0, 0, 0, "0x4000000000000000"]);
    expect(consumerBinding.userData).toEqual({
      element: "Operation_ESStoConsumerBinding",
      xmlns: "http://manifests.microsoft.com/win/2006/windows/WMI",
    });
    expect(consumerBinding.fields.map((f) => f.name)).toEqual([
      "Namespace",
      "ESS",
      "CONSUMER",
      "PossibleCause",
    ]);
  });

  it("renders the binding from the WMI service as SYSTEM with the creator's SID inside", () => {
    const { events, labels } = generateChannels(51);
    const e = events.find((x, i) => labels[i].step === 0 && x.template === consumerBinding)!;
    expect(e.data.slice(0, 3)).toEqual([
      "//./root/subscription",
      "Updater",
      'CommandLineEventConsumer="Updater"',
    ]);
    const cause = String(e.data[3]);
    expect(
      cause.startsWith(
        "Binding EventFilter: \ninstance of __EventFilter\n{\n\tCreatorSID = {1, 5, 0, 0, 0, 0, 0, 5, 21, ",
      ),
    ).toBe(true);
    expect(cause).toContain('\tEventNamespace = "root\\\\cimv2";\n');
    expect(cause).toContain(
      'Perm. Consumer: \ninstance of CommandLineEventConsumer\n{\n\tCommandLineTemplate = "C:\\\\Users\\\\Public\\\\u.exe";\n',
    );
    expect(e.userId).toBe("S-1-5-18");
  });
});
