import { describe, expect, it } from "vitest";
import { firing, loadError, processRule, sysmon } from "./testing";

const proc = (data: Record<string, unknown>) => sysmon(1, data);

describe("plain values and wildcards", () => {
  const events = [
    proc({ Image: "C:\\Windows\\System32\\cmd.exe", CommandLine: "cmd /c whoami" }),
    proc({ Image: "C:\\Windows\\System32\\CMD.EXE", CommandLine: "CMD /C WHOAMI" }),
    proc({ Image: "C:\\Temp\\a*b.exe", CommandLine: "x" }),
  ];
  it("matches exact values case-insensitively", () => {
    expect(
      firing(processRule("  sel:\n    Image: 'C:\\Windows\\System32\\cmd.exe'\n  condition: sel"), events),
    ).toEqual([0, 1]);
  });
  it("honours * and ? wildcards", () => {
    expect(firing(processRule("  sel:\n    CommandLine: 'cmd /? who*'\n  condition: sel"), events)).toEqual([
      0, 1,
    ]);
  });
  it("treats an escaped \\* as a literal star", () => {
    expect(
      firing(processRule("  sel:\n    Image|endswith: '\\a\\*b.exe'\n  condition: sel"), events),
    ).toEqual([2]);
    expect(firing(processRule("  sel:\n    Image|endswith: 'a?b.exe'\n  condition: sel"), events)).toEqual([
      2,
    ]);
  });
  it("keeps case with |cased", () => {
    expect(
      firing(processRule("  sel:\n    CommandLine|cased|contains: 'WHOAMI'\n  condition: sel"), events),
    ).toEqual([1]);
  });
  it("ORs list values and ANDs map keys", () => {
    const rule = processRule(
      "  sel:\n    Image|endswith: ['\\cmd.exe', '\\b.exe']\n    CommandLine|contains: whoami\n  condition: sel",
    );
    expect(firing(rule, events)).toEqual([0, 1]);
  });
  it("matches numbers against numeric and text event values", () => {
    const rule = processRule("  sel:\n    ProcessId: 4242\n  condition: sel");
    expect(
      firing(rule, [proc({ ProcessId: 4242 }), proc({ ProcessId: "4242" }), proc({ ProcessId: 42 })]),
    ).toEqual([0, 1]);
  });
});

describe("contains / startswith / endswith / all", () => {
  const events = [
    proc({ CommandLine: "powershell -nop -enc AAAA" }),
    proc({ CommandLine: "powershell -enc" }),
  ];
  it("contains|all needs every value", () => {
    expect(
      firing(processRule("  sel:\n    CommandLine|contains|all: ['-nop', '-enc']\n  condition: sel"), events),
    ).toEqual([0]);
  });
  it("startswith and endswith anchor one side", () => {
    expect(
      firing(processRule("  sel:\n    CommandLine|startswith: POWERSHELL\n  condition: sel"), events),
    ).toEqual([0, 1]);
    expect(firing(processRule("  sel:\n    CommandLine|endswith: '-enc'\n  condition: sel"), events)).toEqual(
      [1],
    );
  });
});

describe("null, empty and exists", () => {
  const events = [
    proc({ OriginalFileName: null, Image: "a" }),
    proc({ Image: "b" }),
    proc({ OriginalFileName: "", Image: "c" }),
    proc({ OriginalFileName: "x.exe" }),
  ];
  it("null matches a missing or null field", () => {
    expect(firing(processRule("  sel:\n    OriginalFileName: null\n  condition: sel"), events)).toEqual([
      0, 1,
    ]);
  });
  it("'' matches only an empty value", () => {
    expect(firing(processRule("  sel:\n    OriginalFileName: ''\n  condition: sel"), events)).toEqual([2]);
  });
  it("exists tests presence", () => {
    expect(
      firing(processRule("  sel:\n    OriginalFileName|exists: true\n  condition: sel"), events),
    ).toEqual([2, 3]);
    expect(
      firing(processRule("  sel:\n    OriginalFileName|exists: false\n  condition: sel"), events),
    ).toEqual([0, 1]);
  });
});

describe("re", () => {
  const events = [
    proc({ CommandLine: "net user /add" }),
    proc({ CommandLine: "NET USER x" }),
    proc({ CommandLine: "line1\nline2" }),
  ];
  it("is case-sensitive unless |i", () => {
    expect(
      firing(processRule("  sel:\n    CommandLine|re: 'net\\s+user'\n  condition: sel"), events),
    ).toEqual([0]);
    expect(
      firing(processRule("  sel:\n    CommandLine|re|i: 'net\\s+user'\n  condition: sel"), events),
    ).toEqual([0, 1]);
    expect(
      firing(processRule("  sel:\n    CommandLine|re: '(?i)net\\s+user'\n  condition: sel"), events),
    ).toEqual([0, 1]);
  });
  it("supports |m and |s", () => {
    expect(firing(processRule("  sel:\n    CommandLine|re|m: '^line2$'\n  condition: sel"), events)).toEqual([
      2,
    ]);
    expect(
      firing(processRule("  sel:\n    CommandLine|re: 'line1.line2'\n  condition: sel"), events),
    ).toEqual([]);
    expect(
      firing(processRule("  sel:\n    CommandLine|re|s: 'line1.line2'\n  condition: sel"), events),
    ).toEqual([2]);
  });
  it("runs nested unbounded quantifiers in bounded time (linear matcher) and refuses what it cannot bound", () => {
    const evil = proc({ CommandLine: `${"a".repeat(50_000)}!` });
    const started = performance.now();
    expect(
      firing(processRule("  sel:\n    CommandLine|re: '^(a+)+$'\n  condition: sel"), [
        proc({ CommandLine: "aaa" }),
        evil,
      ]),
    ).toEqual([0]);
    expect(
      firing(processRule("  sel:\n    CommandLine|re: '(\\w*\\s?)*!x'\n  condition: sel"), [evil]),
    ).toEqual([]);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(loadError(processRule("  sel:\n    CommandLine|re: '(a+)+\\1'\n  condition: sel"))).toMatch(
      /bad\.yml:\d+: .*catastrophic.*backreference/,
    );
    expect(
      loadError(processRule("  sel:\n    CommandLine|re: '([0-9a-f]{2}\\s?){2,20}'\n  condition: sel")),
    ).toBeUndefined();
  });
  it("reports an invalid regex with its line", () => {
    expect(loadError(processRule("  sel:\n    CommandLine|re: '(unclosed'\n  condition: sel"))).toMatch(
      /bad\.yml:8: .*invalid regex/,
    );
  });
});

describe("base64, base64offset, utf16", () => {
  const b64 = (s: string, enc: BufferEncoding = "utf8") => Buffer.from(s, enc).toString("base64");
  it("base64 encodes the whole value", () => {
    const events = [proc({ CommandLine: `echo ${b64("http://evil")}` }), proc({ CommandLine: "echo aHR0" })];
    expect(
      firing(processRule("  sel:\n    CommandLine|base64|contains: 'http://evil'\n  condition: sel"), events),
    ).toEqual([0]);
  });
  it("base64offset finds the value at any byte offset", () => {
    const events = ["", "a", "ab", "abc"].map((prefix) =>
      proc({ CommandLine: `-e ${b64(`${prefix}Invoke-Mimikatz -x`)}` }),
    );
    events.push(proc({ CommandLine: b64("Invoke-Other") }));
    expect(
      firing(
        processRule("  sel:\n    CommandLine|base64offset|contains: 'Invoke-Mimikatz'\n  condition: sel"),
        events,
      ),
    ).toEqual([0, 1, 2, 3]);
  });
  it("utf16le / wide / utf16be / utf16 change the bytes that are encoded", () => {
    const le = proc({ CommandLine: `-enc ${b64("xIEX (New-Object", "utf16le")}` });
    const be = proc({
      CommandLine: `-enc ${Buffer.from(Buffer.from("IEX", "utf16le").swap16()).toString("base64")}`,
    });
    const bom = proc({
      CommandLine: `-enc ${Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("IEX", "utf16le")]).toString("base64")}`,
    });
    const events = [le, be, bom];
    expect(
      firing(
        processRule(
          "  sel:\n    CommandLine|utf16le|base64offset|contains: 'IEX (New-Object'\n  condition: sel",
        ),
        events,
      ),
    ).toEqual([0]);
    expect(
      firing(
        processRule(
          "  sel:\n    CommandLine|wide|base64offset|contains: 'IEX (New-Object'\n  condition: sel",
        ),
        events,
      ),
    ).toEqual([0]);
    expect(
      firing(processRule("  sel:\n    CommandLine|utf16be|base64|contains: 'IEX'\n  condition: sel"), events),
    ).toEqual([1]);
    expect(
      firing(processRule("  sel:\n    CommandLine|utf16|base64|contains: 'IEX'\n  condition: sel"), events),
    ).toEqual([2]);
  });
  it("compares base64 text case-sensitively", () => {
    const events = [proc({ CommandLine: b64("ABC").toLowerCase() }), proc({ CommandLine: b64("ABC") })];
    expect(firing(processRule("  sel:\n    CommandLine|base64: 'ABC'\n  condition: sel"), events)).toEqual([
      1,
    ]);
  });
});

describe("windash", () => {
  it("accepts every dash variant before a flag", () => {
    const lines = ["-", "/", "\u2013", "\u2014", "\u2015"].map((d) =>
      proc({ CommandLine: `reg.exe save ${d}y HKLM\\SAM` }),
    );
    lines.push(proc({ CommandLine: "reg.exe save +y HKLM\\SAM" }));
    expect(
      firing(processRule("  sel:\n    CommandLine|windash|contains: ' -y '\n  condition: sel"), lines),
    ).toEqual([0, 1, 2, 3, 4]);
  });
  it("leaves dashes inside words alone", () => {
    const events = [proc({ CommandLine: "Invoke-Thing" }), proc({ CommandLine: "Invoke/Thing" })];
    expect(
      firing(
        processRule("  sel:\n    CommandLine|windash|contains: 'Invoke-Thing'\n  condition: sel"),
        events,
      ),
    ).toEqual([0]);
  });
  it("handles many flags in one value", () => {
    const events = [
      proc({ CommandLine: "x /a /b \u2013c \u2014d /e" }),
      proc({ CommandLine: "x -a -b -c -d +e" }),
    ];
    expect(
      firing(
        processRule("  sel:\n    CommandLine|windash|contains: '-a -b -c -d -e'\n  condition: sel"),
        events,
      ),
    ).toEqual([0]);
  });
});

describe("cidr", () => {
  const net = (ip: string) => sysmon(3, { DestinationIp: ip });
  const rule = (value: string) =>
    `title: t\nlogsource:\n  product: windows\n  category: network_connection\ndetection:\n  sel:\n    DestinationIp|cidr: ${value}\n  condition: sel\n`;
  it("matches IPv4 networks", () => {
    const events = ["10.1.2.3", "11.0.0.1", "192.168.1.200", "not-an-ip"].map(net);
    expect(firing(rule("['10.0.0.0/8', '192.168.1.128/25']"), events)).toEqual([0, 2]);
  });
  it("matches IPv6 networks and IPv4-mapped addresses", () => {
    const events = ["fe80::1", "FE80:0:0:0:aaaa::1", "2001:db8::1", "::ffff:10.0.0.5"].map(net);
    expect(firing(rule("'fe80::/10'"), events)).toEqual([0, 1]);
    expect(firing(rule("'10.0.0.0/8'"), events)).toEqual([3]);
  });
  it("rejects a malformed network", () => {
    expect(loadError(rule("'10.0.0.0/33'"))).toMatch(/not an IPv4 or IPv6 CIDR/);
  });
});

describe("fieldref, lt/lte/gt/gte, expand", () => {
  it("fieldref compares two fields of the event", () => {
    const events = [
      proc({ Image: "C:\\a.exe", ParentImage: "c:\\A.exe" }),
      proc({ Image: "C:\\a.exe", ParentImage: "C:\\b.exe" }),
    ];
    expect(firing(processRule("  sel:\n    Image|fieldref: ParentImage\n  condition: sel"), events)).toEqual([
      0,
    ]);
    expect(
      firing(processRule("  sel:\n    Image|fieldref|endswith: ParentImage\n  condition: sel"), events),
    ).toEqual([0]);
  });
  it("numeric comparisons", () => {
    const events = [1, 5, 10].map((n) => sysmon(10, { GrantedAccess: n }));
    const rule = (mod: string, v: number) =>
      `title: t\nlogsource:\n  product: windows\n  category: process_access\ndetection:\n  sel:\n    GrantedAccess|${mod}: ${v}\n  condition: sel\n`;
    expect(firing(rule("lt", 5), events)).toEqual([0]);
    expect(firing(rule("lte", 5), events)).toEqual([0, 1]);
    expect(firing(rule("gt", 5), events)).toEqual([2]);
    expect(firing(rule("gte", 5), events)).toEqual([1, 2]);
  });
  it("expand fills placeholders from the table; unknown names widen to *", () => {
    const events = [proc({ Image: "C:\\Program Files (x86)\\app.exe" }), proc({ Image: "D:\\app.exe" })];
    expect(
      firing(processRule("  sel:\n    Image|expand: '%ProgramFiles%\\app.exe'\n  condition: sel"), events),
    ).toEqual([0]);
    expect(
      firing(
        processRule("  sel:\n    Image|expand: '%NoSuchPlaceholder%\\app.exe'\n  condition: sel"),
        events,
      ),
    ).toEqual([0, 1]);
  });
  it("rejects unknown modifiers with file and line", () => {
    expect(
      loadError(processRule("  sel:\n    Image|endswith: x\n    CommandLine|containz: y\n  condition: sel")),
    ).toBe("bad.yml:9: selection 'sel': unknown modifier 'containz' in 'CommandLine|containz'");
  });
});

describe("keywords", () => {
  it("searches every value of the event", () => {
    const rule = `title: t\nlogsource:\n  product: windows\n  service: system\ndetection:\n  keywords:\n    - 'mimikatz'\n    - 'kiwi*log'\n  condition: keywords\n`;
    const events = [
      {
        Event: {
          System: { EventID: 7045, Channel: "System" },
          EventData: { ServiceName: "x", ImagePath: "C:\\mimikatz.exe" },
        },
      },
      { Event: { System: { EventID: 7045, Channel: "System" }, EventData: { ImagePath: "kiwi and log" } } },
      { Event: { System: { EventID: 7045, Channel: "System" }, EventData: { ImagePath: "C:\\ok.exe" } } },
    ];
    expect(firing(rule, events)).toEqual([0, 1]);
  });
});
