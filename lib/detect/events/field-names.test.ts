import { describe, expect, it } from "vitest";
import { compileSources } from "../sigma/load";
import { SigmaEngine } from "../sigma/engine";

// Microsoft Defender's 5007 names its fields with spaces; Sigma rules write NewValue / Feature_Name.
const defender5007 = {
  Event: {
    System: {
      Provider: { "#attributes": { Name: "Microsoft-Windows-Windows Defender" } },
      EventID: 5007,
      Channel: "Microsoft-Windows-Windows Defender/Operational",
      Computer: "WS01.corp.local",
    },
    EventData: {
      "Product Name": "Microsoft Defender Antivirus",
      "Old Value": "",
      "New Value": "HKLM\\SOFTWARE\\Microsoft\\Windows Defender\\Exclusions\\Paths\\C:\\Users\\Public = 0x0",
    },
  },
};

const fires = (detection: string) => {
  const yaml = `title: t\nlogsource:\n  product: windows\n  service: windefend\ndetection:\n${detection}\n`;
  const loaded = compileSources([{ file: "t.yml", text: yaml }]);
  expect(loaded.failures).toEqual([]);
  return new SigmaEngine(loaded.rules).run([defender5007]).matches.length;
};

describe("EventData names with spaces", () => {
  it("match rules that write them without spaces or with underscores", () => {
    expect(
      fires("  sel:\n    EventID: 5007\n    NewValue|contains: '\\Exclusions\\Paths\\'\n  condition: sel"),
    ).toBe(1);
    expect(fires("  sel:\n    Product_Name: 'Microsoft Defender Antivirus'\n  condition: sel")).toBe(1);
  });

  it("still match by the name as written, and not by unrelated names", () => {
    expect(fires("  sel:\n    'New Value|contains': 'Exclusions'\n  condition: sel")).toBe(1);
    expect(fires("  sel:\n    OldValue|contains: 'Exclusions'\n  condition: sel")).toBe(0);
  });
});

// Application Error 1000 as Windows 10 and later write it: every field named.
const appCrash = (app: string, module: string) => ({
  Event: {
    System: {
      Provider: { "#attributes": { Name: "Application Error" } },
      EventID: 1000,
      Channel: "Application",
      Computer: "WS01.corp.local",
    },
    EventData: { AppName: app, AppVersion: "4.18.24090.11", ModuleName: module, ExceptionCode: "c0000005" },
  },
});
const unnamedCrash = {
  Event: {
    System: { ...appCrash("", "").Event.System },
    EventData: { Data: { "#text": ["MsMpEng.exe", "4.18.24090.11", "mpengine.dll", "c0000005"] } },
  },
};

describe("Sigma's Data container", () => {
  const rule = `title: t\nlogsource:\n  product: windows\n  service: application\ndetection:\n  sel:\n    Provider_Name: 'Application Error'\n    EventID: 1000\n    Data|contains|all:\n      - 'MsMpEng.exe'\n      - 'mpengine.dll'\n  condition: sel\n`;
  const run = (events: unknown[]) =>
    new SigmaEngine(compileSources([{ file: "t.yml", text: rule }]).rules).run(events).matches.length;

  it("is all EventData values when Windows names every field, and the unnamed values otherwise", () => {
    expect(run([appCrash("MsMpEng.exe", "mpengine.dll")])).toBe(1);
    expect(run([unnamedCrash])).toBe(1);
  });

  it("needs every value the rule lists", () => {
    expect(run([appCrash("MsMpEng.exe", "ntdll.dll")])).toBe(0);
    expect(run([appCrash("chrome.exe", "mpengine.dll")])).toBe(0);
  });
});
