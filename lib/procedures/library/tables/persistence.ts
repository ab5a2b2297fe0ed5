import { t, v } from "../dsl";

/** A "$" suffix hides the account from net user listings; it is made an admin that never expires. */
const hiddenAdmin = v(
  "hidden-dollar-user",
  [
    {
      cmd: "net user {{$u}}$ P@ssw0rd{{n}}! /add /expires:never",
      then: [{ id: "a", kind: "account.create", user: "{{$u}}$", local: true }],
    },
    {
      cmd: "net localgroup administrators {{$u}}$ /add",
      then: [{ id: "g", kind: "group.member.add", user: "{{$u}}$", group: "Administrators" }],
    },
  ],
  { elevated: true, vars: { u: "{{admin|sysadm|defaultuser}}" } },
);

/** Persistence: autostart locations written the way malware and operators write them. */
export const persistence = [
  t("T1037", "Logon initialization scripts", "UserInitMprLogonScript set to run a script at logon.", [
    v("userinitmpr", [
      {
        cmd: 'reg add "HKCU\\Environment" /v UserInitMprLogonScript /t REG_SZ /d "{{appdata}}\\{{name}}.bat" /f',
        reg: [["HKCU\\Environment", "UserInitMprLogonScript", "{{appdata}}\\{{name}}.bat"]],
      },
    ]),
  ]),
  t(
    "T1037.001",
    "Logon script (Windows)",
    "HKCU\\Environment UserInitMprLogonScript via reg.exe or PowerShell.",
    [
      v("reg-add", [
        {
          cmd: 'reg add HKCU\\Environment /v UserInitMprLogonScript /d "{{appdata}}\\{{name}}.bat" /f',
          reg: [["HKCU\\Environment", "UserInitMprLogonScript", "{{appdata}}\\{{name}}.bat"]],
        },
      ]),
      v(
        "set-itemproperty",
        [
          {
            ps: "Set-ItemProperty -Path HKCU:\\Environment -Name UserInitMprLogonScript -Value 'powershell.exe -w hidden -f {{appdata}}\\{{rand}}.ps1'",
            reg: [
              [
                "HKCU\\Environment",
                "UserInitMprLogonScript",
                "powershell.exe -w hidden -f {{appdata}}\\{{rand}}.ps1",
              ],
            ],
          },
        ],
        { shell: "ps" },
      ),
    ],
  ),
  t("T1037.003", "Network logon script", "A logon script placed in SYSVOL NETLOGON and assigned to users.", [
    v(
      "netlogon-copy",
      [
        {
          ps: "Copy-Item {{tools}}\\{{name}}.bat \\\\{{dcfqdn}}\\NETLOGON\\{{name}}.bat",
          net: [["@dc", 445]],
        },
        { ps: "Set-ADUser -Identity {{user}} -ScriptPath '{{name}}.bat'" },
      ],
      { user: "@admin", shell: "ps" },
    ),
  ]),
  t(
    "T1098",
    "Account manipulation",
    "Accounts changed to keep access: password resets, group adds, enabled accounts.",
    [
      v(
        "net-user-password",
        [
          {
            cmd: "net user {{admin}} P@ssw0rd{{n}}! /domain",
            then: [{ id: "r", kind: "account.password.reset", user: "@admin" }],
          },
        ],
        { elevated: true },
      ),
      // Ransomware crews re-enable the built-in Administrator with a known password before encrypting.
      v(
        "enable-builtin-admin",
        [
          {
            ps: "Enable-LocalUser -Name Administrator; Set-LocalUser -Name Administrator -Password (ConvertTo-SecureString 'P@ssw0rd{{n}}!' -AsPlainText -Force)",
            then: [
              { id: "e", kind: "account.enable", user: "Administrator" },
              { id: "r", kind: "account.password.reset", user: "Administrator" },
            ],
          },
        ],
        { shell: "ps", elevated: true },
      ),
      v(
        "net-localgroup",
        [
          {
            cmd: "net localgroup administrators {{user}} /add",
            then: [{ id: "g", kind: "group.member.add", user: "@user", group: "Administrators" }],
          },
        ],
        { elevated: true },
      ),
      v(
        "enable-account",
        [
          {
            cmd: "net user {{admin}} /active:yes /domain",
            then: [{ id: "e", kind: "account.enable", user: "@admin" }],
          },
        ],
        { elevated: true },
      ),
    ],
  ),
  t(
    "T1098.002",
    "Additional email delegate permissions",
    "Mailbox FullAccess granted to an attacker-held account.",
    [
      v(
        "add-mailboxpermission",
        [
          {
            ps: "Add-MailboxPermission -Identity ceo@{{dns}} -User {{user}} -AccessRights FullAccess -InheritanceType All",
            net: [["@server", 443]],
          },
        ],
        { shell: "ps", user: "@admin" },
      ),
    ],
  ),
  t(
    "T1098.005",
    "Device registration",
    "A device joined to Entra ID with an attacker's token (dsregcmd / AADInternals).",
    [
      v(
        "aadinternals-join",
        [
          {
            ps: "Join-AADIntDeviceToAzureAD -DeviceName {{me}}-2 -DeviceType Windows -OSVersion 10.0.19044",
            net: [["enterpriseregistration.windows.net", 443]],
          },
        ],
        { shell: "ps" },
      ),
      v("dsregcmd", ["dsregcmd /join /debug"], { elevated: true }),
    ],
  ),
  t(
    "T1098.007",
    "Additional local or domain groups",
    "Accounts added to Administrators, Domain Admins or Remote Desktop Users.",
    [
      v(
        "net-localgroup-admins",
        [
          {
            cmd: "net localgroup Administrators {{user}} /add",
            then: [{ id: "g", kind: "group.member.add", user: "@user", group: "Administrators" }],
          },
        ],
        { elevated: true },
      ),
      v(
        "net-group-domain-admins",
        [
          {
            cmd: 'net group "Domain Admins" {{user}} /add /domain',
            then: [{ id: "g", kind: "group.member.add", user: "@user", group: "Domain Admins" }],
          },
        ],
        { user: "@admin", elevated: true },
      ),
      v(
        "add-localgroupmember",
        [
          {
            ps: "Add-LocalGroupMember -Group 'Remote Desktop Users' -Member {{user}}",
            then: [{ id: "g", kind: "group.member.add", user: "@user", group: "Remote Desktop Users" }],
          },
        ],
        { shell: "ps", elevated: true },
      ),
    ],
  ),
  t(
    "T1112",
    "Modify registry",
    "Registry values changed with reg.exe and PowerShell to weaken settings or stash payloads.",
    [
      // Ransomware playbooks (Conti, BlackBasta) open RDP on a host before moving to it.
      v(
        "rdp-enable",
        [
          {
            cmd: 'reg add "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server" /v fDenyTSConnections /t REG_DWORD /d 0 /f',
            reg: [
              [
                "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server",
                "fDenyTSConnections",
                "0",
                "REG_DWORD",
              ],
            ],
          },
          // The same playbooks drop NLA and TLS so any client (and older tooling) can connect.
          {
            cmd: 'reg add "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp" /v SecurityLayer /t REG_DWORD /d 0 /f',
            reg: [
              [
                "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp",
                "SecurityLayer",
                "0",
                "REG_DWORD",
              ],
            ],
          },
          'netsh advfirewall firewall set rule group="remote desktop" new enable=Yes',
        ],
        { elevated: true },
      ),
      v(
        "wdigest",
        [
          {
            cmd: "reg add HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\WDigest /v UseLogonCredential /t REG_DWORD /d 1 /f",
            reg: [
              [
                "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\WDigest",
                "UseLogonCredential",
                "1",
                "REG_DWORD",
              ],
            ],
          },
        ],
        { elevated: true },
      ),
      v(
        "set-itemproperty",
        [
          {
            ps: "Set-ItemProperty -Path 'HKCU:\\Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\Advanced' -Name Hidden -Value 2",
            reg: [
              [
                "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\Advanced",
                "Hidden",
                "2",
                "REG_DWORD",
              ],
            ],
          },
        ],
        { shell: "ps" },
      ),
      // Macro droppers flip the user's Office trust settings so their next document runs without a prompt.
      v(
        "office-vbawarnings",
        [
          {
            cmd: "reg add HKCU\\Software\\Microsoft\\Office\\16.0\\{{$app}}\\Security /v VBAWarnings /t REG_DWORD /d 1 /f",
            reg: [
              [
                "HKCU\\Software\\Microsoft\\Office\\16.0\\{{$app}}\\Security",
                "VBAWarnings",
                "1",
                "REG_DWORD",
              ],
            ],
          },
        ],
        { vars: { app: "{{Word|Excel}}" } },
      ),
      v(
        "reg-add",
        [
          {
            cmd: 'reg add "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System" /v EnableLUA /t REG_DWORD /d 0 /f',
            reg: [
              [
                "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System",
                "EnableLUA",
                "0",
                "REG_DWORD",
              ],
            ],
          },
        ],
        { elevated: true },
      ),
    ],
  ),
  t("T1136", "Create account", "A backdoor account created with net user.", [
    v(
      "net-user-add",
      [
        {
          cmd: "net user {{support|helpdesk|svc_backup}} P@ssw0rd{{n}}! /add",
          then: [{ id: "a", kind: "account.create", user: "support", local: true }],
        },
      ],
      { elevated: true },
    ),
    hiddenAdmin,
  ]),
  t(
    "T1136.001",
    "Local account",
    "Local accounts created with net user /add, New-LocalUser and added to Administrators.",
    [
      v(
        "net-user-add",
        [
          {
            cmd: "net user {{support|helpdesk|defaultuser1}} Passw0rd{{n}}! /add",
            then: [{ id: "a", kind: "account.create", user: "support", local: true }],
          },
          {
            cmd: "net localgroup administrators support /add",
            then: [{ id: "g", kind: "group.member.add", user: "support", group: "Administrators" }],
          },
        ],
        { elevated: true },
      ),
      hiddenAdmin,
      v(
        "new-localuser",
        [
          {
            ps: "New-LocalUser -Name 'WDAGUtiliyAccount' -Password (ConvertTo-SecureString 'Pa55w0rd!' -AsPlainText -Force) -NoPassword:$false",
            then: [{ id: "a", kind: "account.create", user: "WDAGUtiliyAccount", local: true }],
          },
        ],
        { shell: "ps", elevated: true },
      ),
    ],
  ),
  t("T1136.002", "Domain account", "Domain accounts created with net user /domain or New-ADUser.", [
    v(
      "net-user-domain",
      [
        {
          cmd: "net user {{$account}} Winter2025! /add /domain",
          then: [{ id: "a", kind: "account.create", user: "{{$account}}" }],
        },
      ],
      { user: "@admin", elevated: true, vars: { account: "{{svc_sql|it_admin|backup_svc}}" } },
    ),
    v(
      "new-aduser",
      [
        {
          ps: "New-ADUser -Name 'svc_backup' -AccountPassword (ConvertTo-SecureString 'Summer2025!' -AsPlainText -Force) -Enabled $true",
          net: [["@dc", 9389]],
          then: [{ id: "a", kind: "account.create", user: "svc_backup" }],
        },
      ],
      { shell: "ps", user: "@admin" },
    ),
  ]),
];
