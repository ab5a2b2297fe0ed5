import { describe, expect, it } from "vitest";
import { buildColumns } from "./columns";
import { buildSearchIndex, filterTechniques } from "./filter";
import { paintCells, resolveLayer } from "./layer-paint";
import { escapeXml, matrixToSvg } from "./svg";
import { testPayload } from "./test-payload";

describe("matrixToSvg", () => {
  const payload = testPayload();
  const result = filterTechniques(buildSearchIndex(payload), {
    query: "powershell",
    platforms: [],
    logSource: "",
  });
  const columns = buildColumns(payload, { result, mode: "hide", expanded: new Set() });
  const layer = resolveLayer(
    {
      name: "<b>Red</b> team",
      domain: "enterprise-attack",
      techniques: [{ techniqueID: "T1059.001", color: "#e60d0d" }],
      legendItems: [{ label: "Seen & used", color: "#e60d0d" }],
    },
    payload,
  );

  it("draws the visible cells with layer colours, the selection and an escaped legend", () => {
    const svg = matrixToSvg(columns, payload, {
      title: "ATT&CK <18.1>",
      paints: paintCells(payload, [layer]),
      selection: new Set(["T1059.001"]),
      layers: [layer],
    });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain("ATT&amp;CK &lt;18.1&gt;");
    expect(svg).toContain(">PowerShell</text>");
    expect(svg).toContain('fill="#e60d0d" stroke="#2563eb"');
    expect(svg).not.toContain("BITS Jobs");
    expect(svg).toContain("Seen &amp; used (&lt;b&gt;Red&lt;/b&gt; team)");
    expect(svg).not.toMatch(/<b>/);
  });

  it("escapes XML specials", () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;");
  });
});
