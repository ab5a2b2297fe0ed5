import { describe, expect, it } from "vitest";
import { prepareDescription, techniqueIdFromUrl } from "./description";

const citations = [
  {
    name: "Microsoft LSA",
    url: "https://learn.microsoft.com/lsa (x)",
    description: "Microsoft. (2023). LSA.",
  },
  { name: "No URL", url: null, description: "A book." },
];

describe("prepareDescription", () => {
  it("numbers citations in order and links them, reusing numbers", () => {
    const { markdown, references } = prepareDescription(
      "Dump [LSASS](https://attack.mitre.org/software/S0002).(Citation: Microsoft LSA) Also (Citation: No URL) and again.(Citation: Microsoft LSA)",
      citations,
    );
    expect(references.map((r) => [r.n, r.name])).toEqual([
      [1, "Microsoft LSA"],
      [2, "No URL"],
    ]);
    expect(markdown).toContain('[[1]](https://learn.microsoft.com/lsa%20%28x%29 "Microsoft LSA")');
    expect(markdown).toContain('[[2]](#ref-2 "No URL")');
    expect(markdown.match(/\[\[1\]\]/g)).toHaveLength(2);
  });

  it("turns <code> into markdown and drops other HTML", () => {
    const { markdown } = prepareDescription(
      "Run <code>sekurlsa::logonpasswords</code><script>alert(1)</script><b>now</b>",
      [],
    );
    expect(markdown).toBe("Run `sekurlsa::logonpasswords`alert(1)now");
  });
});

describe("techniqueIdFromUrl", () => {
  it("recognises ATT&CK technique links", () => {
    expect(techniqueIdFromUrl("https://attack.mitre.org/techniques/T1059/001")).toBe("T1059.001");
    expect(techniqueIdFromUrl("https://attack.mitre.org/techniques/T1003/")).toBe("T1003");
    expect(techniqueIdFromUrl("https://attack.mitre.org/software/S0002")).toBeNull();
  });
});
