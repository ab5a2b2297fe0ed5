import { remoteLogon, t, v } from "../dsl";

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
];
