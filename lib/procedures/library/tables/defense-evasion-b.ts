import { t, v } from "../dsl";

/** Defense evasion: proxy execution through signed binaries and tampering, as in Atomic tests and incidents. (continued) */
export const defenseEvasionB = [
  t("T1070", "Indicator removal", "Logs cleared and files removed after activity.", [
    v(
      "wevtutil-cl",
      [{ cmd: "wevtutil cl Security", then: [{ id: "c", kind: "log.clear", channel: "Security" }] }],
      { elevated: true },
    ),
    // Atomic T1070: the NTFS change journal dropped so file activity cannot be rebuilt.
    v("fsutil-usn", ["fsutil usn deletejournal /D C:"], { elevated: true }),
  ]),
  t(
    "T1070.001",
    "Clear Windows event logs",
    "wevtutil cl, Clear-EventLog and Remove-EventLog wiping Security and System.",
    [
      v(
        "wevtutil",
        [
          { cmd: "wevtutil cl System", then: [{ id: "c", kind: "log.clear", channel: "System" }] },
          { cmd: "wevtutil cl Security", then: [{ id: "c", kind: "log.clear", channel: "Security" }] },
        ],
        { elevated: true },
      ),
      v(
        "clear-eventlog",
        [
          {
            ps: "Clear-EventLog -LogName Security, System, Application",
            then: [{ id: "c", kind: "log.clear", channel: "Security" }],
          },
        ],
        { shell: "ps", elevated: true },
      ),
      v(
        "for-wevtutil-el",
        [
          {
            cmd: 'cmd.exe /c for /F "tokens=*" %1 in (\'wevtutil.exe el\') DO wevtutil.exe cl "%1"',
            as: "loop",
          },
          // for /F runs its command in a child cmd; then one wevtutil per log name it printed.
          { cmd: "C:\\Windows\\system32\\cmd.exe /c wevtutil.exe el", parent: "loop", as: "list" },
          { cmd: "wevtutil.exe  el", parent: "list" },
          { cmd: 'wevtutil.exe  cl "Application"', parent: "loop" },
          {
            cmd: 'wevtutil.exe  cl "Security"',
            parent: "loop",
            then: [{ id: "c", kind: "log.clear", channel: "Security" }],
          },
          {
            cmd: 'wevtutil.exe  cl "System"',
            parent: "loop",
            then: [{ id: "c", kind: "log.clear", channel: "System" }],
          },
        ],
        { elevated: true },
      ),
    ],
  ),
  t("T1070.003", "Clear command history", "PSReadLine history deleted or disabled.", [
    v(
      "remove-history",
      [
        {
          ps: "Remove-Item (Get-PSReadlineOption).HistorySavePath",
          deletes: ["{{appdata}}\\Microsoft\\Windows\\PowerShell\\PSReadLine\\ConsoleHost_history.txt"],
        },
      ],
      { shell: "ps" },
    ),
    v("savenothing", [{ ps: "Set-PSReadlineOption -HistorySaveStyle SaveNothing" }], { shell: "ps" }),
  ]),
  t("T1070.004", "File deletion", "Tools and output removed with del, sdelete or Remove-Item.", [
    v("del", [
      { cmd: "cmd.exe /c del /f /q {{tools}}\\*.exe {{tools}}\\*.dmp", deletes: ["{{tools}}\\{{rand}}.exe"] },
    ]),
    v("sdelete", [
      {
        // -accepteula records the EULA; SDelete renames the file AAAAA.AAA … ZZZZZ.ZZZ before the final delete.
        cmd: "{{tools}}\\sdelete64.exe -accepteula -p 3 {{tools}}\\{{rand}}.zip",
        reg: [["HKCU\\Software\\Sysinternals\\SDelete", "EulaAccepted", "1", "REG_DWORD"]],
        deletes: ["{{tools}}\\ZZZZZZ.ZZZ"],
      },
    ]),
    v(
      "remove-item",
      [{ ps: "Remove-Item -Path $env:TEMP\\{{rand}}.exe -Force", deletes: ["{{tmp}}\\{{rand}}.exe"] }],
      { shell: "ps" },
    ),
  ]),
  t(
    "T1070.005",
    "Network share connection removal",
    "Mapped connections and shares the operator created are removed with net use/net share /delete.",
    [
      v("net-use-delete", ["net use \\\\{{srv}}\\C$ /delete /y", "net use * /delete /y"]),
      v("remove-smbmapping", [{ ps: "Get-SmbMapping | Remove-SmbMapping -Force" }], { shell: "ps" }),
      // A staging share opened on the host is closed again (Atomic T1070.005 "Remove Network Share").
      v("net-share-delete", ["net share {{name}} /delete /y"], { elevated: true }),
    ],
  ),
  t("T1070.006", "Timestomp", "File times reset with PowerShell or a timestomp tool.", [
    v(
      "powershell-creationtime",
      [
        {
          ps: "(Get-Item $env:APPDATA\\{{name}}.exe).CreationTime = '01/03/2019 10:00:00'",
          then: [
            {
              id: "ts",
              kind: "file.timestomp",
              path: "{{appdata}}\\{{name}}.exe",
              creationTime: "2019-01-03T10:00:00Z",
            },
          ],
        },
      ],
      { shell: "ps" },
    ),
    // The implant's times copied from a system DLL so it blends into the folder listing.
    v(
      "copy-times-from-system-file",
      [
        {
          ps: "$r = Get-Item C:\\Windows\\System32\\kernel32.dll; $f = Get-Item C:\\ProgramData\\{{name}}\\{{name}}.dll; $f.CreationTime = $r.CreationTime; $f.LastWriteTime = $r.LastWriteTime; $f.LastAccessTime = $r.LastAccessTime",
          then: [
            {
              id: "ts",
              kind: "file.timestomp",
              path: "C:\\ProgramData\\{{name}}\\{{name}}.dll",
              creationTime: "2022-05-07T05:20:14Z",
            },
          ],
        },
      ],
      { shell: "ps" },
    ),
  ]),
  t(
    "T1070.007",
    "Clear network connection history",
    "RDP client MRU, server list and Default.rdp removed (the documented way to clear the RDP history).",
    [
      v("reg-delete-mru", [
        {
          cmd: 'reg delete "HKCU\\Software\\Microsoft\\Terminal Server Client\\Default" /va /f',
          regDel: [
            ["HKCU\\Software\\Microsoft\\Terminal Server Client\\Default", "MRU0"],
            ["HKCU\\Software\\Microsoft\\Terminal Server Client\\Default", "MRU1"],
          ],
        },
        {
          cmd: 'reg delete "HKCU\\Software\\Microsoft\\Terminal Server Client\\Servers" /f',
          then: [
            {
              id: "srv",
              kind: "registry.key.delete",
              key: "HKCU\\Software\\Microsoft\\Terminal Server Client\\Servers\\{{srvfqdn}}",
            },
          ],
        },
        // del is a cmd built-in: the typed shell deletes the hidden file itself.
        { by: "sh", deletes: ["{{home}}\\Documents\\Default.rdp"] },
      ]),
      v(
        "ps-remove-item",
        [
          {
            ps: "Remove-ItemProperty -Path 'HKCU:\\Software\\Microsoft\\Terminal Server Client\\Default' -Name MRU*; Remove-Item -Path 'HKCU:\\Software\\Microsoft\\Terminal Server Client\\Servers' -Recurse -Force",
            regDel: [["HKCU\\Software\\Microsoft\\Terminal Server Client\\Default", "MRU0"]],
            then: [
              {
                id: "srv",
                kind: "registry.key.delete",
                key: "HKCU\\Software\\Microsoft\\Terminal Server Client\\Servers\\{{srvfqdn}}",
              },
            ],
          },
        ],
        { shell: "ps" },
      ),
    ],
  ),
  t(
    "T1070.008",
    "Clear mailbox data",
    "ProxyShell-style export requests removed, or the local mail store copied and wiped (Atomic T1070.008).",
    [
      v(
        "remove-mailboxexportrequest",
        [{ ps: "Get-MailboxExportRequest | Remove-MailboxExportRequest -Confirm:$false" }],
        { shell: "ps", user: "@admin" },
      ),
      v(
        "mail-store-wipe",
        [
          {
            ps: 'Remove-Item -Path "$env:LOCALAPPDATA\\Comms\\Unistore\\data\\*" -Recurse -Force -ErrorAction Ignore',
            deletes: [
              "{{local}}\\Comms\\Unistore\\data\\3\\{{rand}}.dat",
              "{{local}}\\Comms\\Unistore\\data\\7\\{{rand2}}.dat",
            ],
          },
        ],
        { shell: "ps" },
      ),
    ],
  ),
  t("T1070.009", "Clear persistence", "Tasks, services and Run values removed after use.", [
    v("schtasks-delete", ['schtasks /delete /tn "{{name}}" /f', "sc delete {{name}}"], { elevated: true }),
    v("reg-delete-run", [
      {
        cmd: "reg delete HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run /v {{name}} /f",
        regDel: [["HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run", "{{name}}"]],
      },
    ]),
    // PowerShell clean-up of the Run value and the implant it started, before the operator leaves.
    v(
      "ps-cleanup",
      [
        {
          ps: "Remove-ItemProperty -Path 'HKCU:\\Software\\Microsoft\\Windows\\CurrentVersion\\Run' -Name '{{name}}'; Remove-Item \"$env:APPDATA\\{{name}}\\{{name}}.exe\" -Force",
          regDel: [["HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run", "{{name}}"]],
          deletes: ["{{appdata}}\\{{name}}\\{{name}}.exe"],
        },
      ],
      { shell: "ps" },
    ),
  ]),
  t(
    "T1070.010",
    "Relocate malware",
    "The payload moves itself to another directory and deletes the original.",
    [
      v("move", [
        {
          cmd: "cmd.exe /c move /y {{downloads}}\\{{name}}.exe {{appdata}}\\Microsoft\\{{name}}.exe",
          files: ["{{appdata}}\\Microsoft\\{{name}}.exe"],
          deletes: ["{{downloads}}\\{{name}}.exe"],
        },
      ]),
      // The dropper copies itself into a new folder and starts the copy, which deletes the original.
      v(
        "self-copy",
        [
          {
            cmd: "{{downloads}}\\{{name}}.exe",
            as: "first",
            parent: "@explorer",
            files: ["{{local}}\\{{name}}\\{{name}}.exe"],
          },
          {
            cmd: "{{local}}\\{{name}}\\{{name}}.exe",
            as: "moved",
            parent: "first",
            keep: true,
            net: [["{{c2}}", 443]],
          },
          { by: "moved", deletes: ["{{downloads}}\\{{name}}.exe"] },
        ],
        { shell: "none" },
      ),
    ],
  ),
];
