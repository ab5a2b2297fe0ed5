import { describe, expect, it } from "vitest";
import { prettyXml } from "./pretty-xml";

describe("prettyXml", () => {
  it("indents nested elements and keeps leaf elements and text on one line", () => {
    const xml =
      '<Event xmlns="x"><System><EventID>13</EventID><Correlation /></System><EventData><Data Name="A">a &lt;b&gt;</Data></EventData></Event>';
    expect(prettyXml(xml)).toBe(
      [
        '<Event xmlns="x">',
        "  <System>",
        "    <EventID>13</EventID>",
        "    <Correlation />",
        "  </System>",
        "  <EventData>",
        '    <Data Name="A">a &lt;b&gt;</Data>',
        "  </EventData>",
        "</Event>",
      ].join("\n"),
    );
  });
});
