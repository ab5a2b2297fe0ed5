import { t, v, remoteLogon, localPsExec } from "../dsl";

/** Execution (continued): services started to run payloads (sc, PsExec and its clones). */
export const executionD = [
  t("T1569", "System services", "A service created and started to run a payload.", [
    v(
      "sc",
      [
        {
          cmd: 'sc create {{name}} binPath= "C:\\Windows\\Temp\\{{rand}}.exe" start= demand',
          then: [
            {
              id: "svc",
              kind: "service.install",
              proc: "@services",
              name: "{{name}}",
              imagePath: "C:\\Windows\\Temp\\{{rand}}.exe",
            },
          ],
        },
        "sc start {{name}}",
      ],
      { elevated: true },
    ),
    // PAExec (the redistributable PsExec clone ransomware crews carry): it copies itself to ADMIN$ as
    // PAExec-<pid>-<host>.exe, installs that as a service and relays the command over \PAExec-* pipes.
    v(
      "paexec",
      [
        {
          cmd: "{{tools}}\\paexec.exe \\\\{{srv}} -u {{domain}}\\{{admin}} -p ******** -s -d C:\\ProgramData\\{{rand}}.exe",
          net: [["@server", 445]],
          then: [
            ...remoteLogon("pa"),
            {
              id: "up",
              kind: "share.access",
              host: "@server",
              session: "pa",
              share: "ADMIN$",
              relativeTarget: "PAExec-{{n}}-{{me}}.exe",
              accessMask: "0x2",
            },
            {
              id: "svc",
              kind: "service.install",
              host: "@server",
              proc: "@services",
              session: "pa",
              name: "PAExec-{{n}}-{{me}}",
              imagePath: "%SystemRoot%\\PAExec-{{n}}-{{me}}.exe -service",
            },
          ],
        },
        {
          cmd: "C:\\Windows\\PAExec-{{n}}-{{me}}.exe -service",
          host: "@server",
          parent: "@services",
          user: "@system",
          as: "pas",
          pipes: ["\\PAExec-{{n}}-{{me}}"],
        },
        { cmd: "C:\\ProgramData\\{{rand}}.exe", host: "@server", parent: "pas", user: "@system", keep: true },
      ],
      { elevated: true },
    ),
  ]),
  t(
    "T1569.002",
    "Service execution",
    "sc create/start, PsExec and New-Service run payloads as SYSTEM via services.exe.",
    [
      // RemCom (the open-source PsExec clone): RemComSvc.exe is pushed over ADMIN$, installed as a service, and
      // runs the command as SYSTEM, talking back over \RemCom_communicaton.
      v(
        "remcom",
        [
          {
            cmd: "{{tools}}\\RemCom.exe \\\\{{srv}} /user:{{domain}}\\{{admin}} /pwd:******** cmd.exe",
            net: [["@server", 445]],
            then: [
              ...remoteLogon("rc"),
              {
                id: "up",
                kind: "share.access",
                host: "@server",
                session: "rc",
                share: "ADMIN$",
                relativeTarget: "RemComSvc.exe",
                accessMask: "0x2",
              },
              {
                id: "f",
                kind: "file.create",
                host: "@server",
                proc: "@system",
                path: "C:\\Windows\\RemComSvc.exe",
              },
              {
                id: "svc",
                kind: "service.install",
                host: "@server",
                proc: "@services",
                session: "rc",
                name: "RemComSvc",
                displayName: "Remote Command Executor",
                imagePath: "%SystemRoot%\\RemComSvc.exe",
              },
            ],
          },
          {
            cmd: "C:\\Windows\\RemComSvc.exe",
            host: "@server",
            parent: "@services",
            user: "@system",
            as: "rcs",
            pipes: ["\\RemCom_communicaton"],
          },
          { cmd: "cmd.exe", host: "@server", parent: "rcs" },
        ],
        { elevated: true },
      ),
      v(
        "sc",
        [
          {
            cmd: 'sc create {{name}} binPath= "cmd.exe /c {{tools}}\\{{rand}}.exe" type= own start= demand',
            then: [
              {
                id: "svc",
                kind: "service.install",
                proc: "@services",
                name: "{{name}}",
                imagePath: "cmd.exe /c {{tools}}\\{{rand}}.exe",
              },
            ],
          },
          "sc start {{name}}",
          // The service binary is cmd itself: it starts the payload before the SCM gives up on it.
          { cmd: "cmd.exe /c {{tools}}\\{{rand}}.exe", parent: "@services", user: "@system", as: "svc" },
          { cmd: "{{tools}}\\{{rand}}.exe", parent: "svc" },
        ],
        { elevated: true },
      ),
      v(
        "psexec",
        [
          ...localPsExec("{{tools}}\\PsExec64.exe -accepteula -s -i cmd.exe"),
          { cmd: "cmd.exe", parent: "pss" },
        ],
        { elevated: true },
      ),
      v(
        "new-service",
        [
          {
            ps: "New-Service -Name '{{name}}' -BinaryPathName 'C:\\ProgramData\\{{rand}}.exe' -StartupType Automatic; Start-Service {{name}}",
            then: [
              {
                id: "svc",
                kind: "service.install",
                proc: "@services",
                name: "{{name}}",
                imagePath: "C:\\ProgramData\\{{rand}}.exe",
                startType: "auto start",
              },
            ],
          },
          { cmd: "C:\\ProgramData\\{{rand}}.exe", parent: "@services", user: "@system" },
        ],
        { shell: "ps", elevated: true },
      ),
    ],
  ),
];
