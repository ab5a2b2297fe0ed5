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
