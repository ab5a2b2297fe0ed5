import { t, v } from "../dsl";

/** Defense evasion: proxy execution through signed binaries and tampering, as in Atomic tests and incidents. (continued) */
export const defenseEvasionB = [
  t("T1070", "Indicator removal", "Logs cleared and files removed after activity.", [
    v(
      "wevtutil-cl",
      [{ cmd: "wevtutil cl Security", then: [{ id: "c", kind: "log.clear", channel: "Security" }] }],
      { elevated: true },
    ),
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
            then: [{ id: "c", kind: "log.clear", channel: "Security" }],
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
        cmd: "{{tools}}\\sdelete64.exe -accepteula -p 3 {{tools}}\\lsass.dmp",
        deletes: ["{{tools}}\\lsass.dmp"],
      },
    ]),
    v(
      "remove-item",
      [{ ps: "Remove-Item -Path $env:TEMP\\{{rand}}.exe -Force", deletes: ["{{tmp}}\\{{rand}}.exe"] }],
      { shell: "ps" },
    ),
  ]),
  t("T1070.005", "Network share connection removal", "Mapped connections removed with net use /delete.", [
    v("net-use-delete", ["net use \\\\{{srv}}\\C$ /delete /y", "net use * /delete /y"]),
    v("remove-smbmapping", [{ ps: "Get-SmbMapping | Remove-SmbMapping -Force" }], { shell: "ps" }),
  ]),
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
  ]),
  t("T1070.007", "Clear network connection history", "RDP MRU and Terminal Server Client history removed.", [
    v("reg-delete-mru", [
      {
        cmd: 'reg delete "HKCU\\Software\\Microsoft\\Terminal Server Client\\Default" /va /f',
        regDel: [["HKCU\\Software\\Microsoft\\Terminal Server Client\\Default", "MRU0"]],
      },
    ]),
  ]),
  t("T1070.008", "Clear mailbox data", "Mailbox search-and-purge or export-request removal.", [
    v(
      "remove-mailboxexportrequest",
      [{ ps: "Get-MailboxExportRequest | Remove-MailboxExportRequest -Confirm:$false" }],
      { shell: "ps", user: "@admin" },
    ),
  ]),
  t("T1070.009", "Clear persistence", "Tasks, services and Run values removed after use.", [
    v("schtasks-delete", ['schtasks /delete /tn "{{name}}" /f', "sc delete {{name}}"], { elevated: true }),
    v("reg-delete-run", [
      {
        cmd: "reg delete HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run /v {{name}} /f",
        regDel: [["HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run", "{{name}}"]],
      },
    ]),
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
    ],
  ),
];
