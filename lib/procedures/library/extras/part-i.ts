import { v } from "../dsl";
import type { Variant } from "../types";

const localAdminRdp = v("rdp-local-administrator", [
  {
    cmd: "mstsc.exe /v:{{srv}}",
    image: "C:\\Windows\\System32\\mstsc.exe",
    net: [["@server", 3389]],
    then: [
      {
        id: "l",
        kind: "logon",
        host: "@server",
        session: "rdp",
        user: "{{srv}}\\Administrator",
        logonType: 10,
        source: "@workstation",
        authPackage: "Negotiate",
      },
    ],
  },
]);

/**
 * Extra variants (see ../extras.ts) in the shapes real tools use: stealers' `cmd /c chcp`, droppers'
 * powershell one-liners, Kovter-style registry launchers, the AD module, Exchange transport agents.
 */
export const extrasI: Readonly<Record<string, readonly Variant[]>> = {
  // Lateral RDP with the built-in local Administrator (shared local admin passwords, no LAPS).
  "T1078.003": [localAdminRdp],
  "T1078.001": [localAdminRdp],
  // An .msc console whose RTLO name reads as a PDF (MSC phishing, 2024); the double-click starts mmc.exe.
  "T1036.002": [
    v(
      "rtlo-msc",
      [
        { by: "@msedge", files: ["{{downloads}}\\Invoice_{{n}}\u202Efdp.msc"] },
        {
          cmd: '"C:\\Windows\\system32\\mmc.exe" "{{downloads}}\\Invoice_{{n}}\u202Efdp.msc"',
          parent: "@explorer",
        },
      ],
      { shell: "none" },
    ),
  ],
  // Stealers and loaders read the console code page through a cmd /c child to guess the victim's country.
  T1614: [
    v("chcp-cmd-c", [
      { cmd: "cmd.exe /c chcp", as: "c" },
      { cmd: "chcp", image: "C:\\Windows\\System32\\chcp.com", parent: "c" },
    ]),
  ],
  // An operator at a cmd prompt reading the clipboard with a PowerShell one-liner (Atomic T1115).
  T1115: [
    v("powershell-cli", [
      {
        cmd: 'powershell.exe -c "Get-Clipboard | Out-File -Append $env:TEMP\\cb.txt"',
        files: ["{{tmp}}\\cb.txt"],
      },
    ]),
    // Over RDP, output is piped into clip.exe and pasted on the operator's side (Atomic T1115 #1).
    v("pipe-to-clip", [
      { cmd: 'cmd.exe /c "type {{tmp}}\\{{rand}}.txt | clip"', as: "c", reads: ["{{tmp}}\\{{rand}}.txt"] },
      { cmd: "clip", image: "C:\\Windows\\System32\\clip.exe", parent: "c" },
    ]),
  ],
  // A transport agent installed from a web shell or cmd on the Exchange server (LightNeuron-style).
  "T1505.002": [
    v(
      "snapin-cli",
      [
        {
          cmd: "powershell.exe -NoProfile -Command \"Add-PSSnapin Microsoft.Exchange.Management.PowerShell.SnapIn; Install-TransportAgent -Name '{{name}}' -TransportAgentFactory Microsoft.Exchange.Security.Interop.SecurityInteropAgentFactory -AssemblyPath 'C:\\Program Files\\Microsoft\\Exchange Server\\V15\\TransportRoles\\agents\\Hygiene\\{{rand}}.dll'; Enable-TransportAgent '{{name}}'\"",
        },
      ],
      { elevated: true },
    ),
  ],
  // A batch dropper decoding its base64 payload to disk with a PowerShell one-liner.
  "T1027.013": [
    v(
      "bat-frombase64",
      [
        {
          cmd: 'cmd.exe /c "{{tmp}}\\{{rand}}.bat"',
          as: "bat",
          parent: "@explorer",
        },
        {
          cmd: "powershell.exe -w hidden -c \"[IO.File]::WriteAllBytes($env:TEMP + '\\{{rand}}.exe', [Convert]::FromBase64String((Get-Content $env:TEMP\\{{rand}}.b64)))\"",
          parent: "bat",
          files: ["{{tmp}}\\{{rand}}.exe"],
        },
      ],
      { shell: "none" },
    ),
  ],
  // Kovter/Poweliks: a Run value starts PowerShell at logon, which decodes and runs the blob kept in the registry.
  "T1027.011": [
    v(
      "run-key-launcher",
      [
        {
          cmd: '"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe" -w hidden -nop -c "iex ([Text.Encoding]::Unicode.GetString([Convert]::FromBase64String((Get-ItemProperty \'HKCU:\\Software\\Classes\\{{rand}}\').d)))"',
          parent: "@explorer",
          net: [["{{c2}}", 443]],
        },
      ],
      { shell: "none" },
    ),
  ],
  // Clearing the Run dialog history (RunMRU) after typing commands into Win+R.
  "T1070.003": [
    v("runmru-delete", [
      {
        cmd: 'reg delete "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\RunMRU" /f',
        then: [
          {
            id: "mru",
            kind: "registry.key.delete",
            key: "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\RunMRU",
          },
        ],
      },
    ]),
  ],
  // AD module recon as admins and operators run it (Atomic T1069.002).
  T1069: [
    v(
      "get-adgroup",
      [
        {
          ps: "Get-ADGroup -Filter 'Name -like \"*admin*\"' | Select-Object Name,GroupScope; Get-ADGroupMember -Identity 'Domain Admins' -Recursive",
          net: [["@dc", 9389]],
        },
      ],
      { shell: "ps" },
    ),
  ],
};
