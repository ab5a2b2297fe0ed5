import { remoteLogon, t, v } from "../dsl";

const netLogon = (session: string, auth: "Kerberos" | "NTLM" = "Kerberos") => remoteLogon(session, auth);

/** Lateral movement (continued): WinRM and tainted shared content. */
export const lateralMovementC = [
  t(
    "T1021.006",
    "Windows remote management",
    "Invoke-Command/Enter-PSSession and winrs: wsmprovhost/winrshost on the target.",
    [
      v(
        "invoke-command",
        [
          {
            ps: "Invoke-Command -ComputerName {{srv}} -ScriptBlock { Get-LocalGroupMember -Group Administrators; Get-ChildItem C:\\Users }",
            net: [["@server", 5985]],
            then: netLogon("wsm"),
          },
          {
            cmd: "C:\\Windows\\system32\\wsmprovhost.exe -Embedding",
            host: "@server",
            parent: "@svchost:DcomLaunch",
            user: "@admin",
          },
        ],
        { shell: "ps", user: "@admin" },
      ),
      v("winrs", [
        {
          cmd: "winrs -r:{{srv}} -u:{{domain}}\\{{admin}} -p:******** cmd /c whoami",
          net: [["@server", 5985]],
          then: netLogon("winrs"),
        },
        {
          cmd: "C:\\Windows\\system32\\winrshost.exe -Embedding",
          host: "@server",
          parent: "@svchost:DcomLaunch",
          user: "@admin",
          as: "wr",
        },
        {
          cmd: "cmd /c whoami",
          image: "C:\\Windows\\System32\\cmd.exe",
          host: "@server",
          parent: "wr",
          as: "c",
        },
        { cmd: "whoami", host: "@server", parent: "c" },
      ]),
      // Evil-WinRM runs on the operator's Linux box (proxied through the foothold) with a stolen NT hash: the
      // target sees an NTLM network logon and its WinRM plugin host, nothing of the client.
      v(
        "evil-winrm",
        [
          // The foothold's implant is the SOCKS exit: the WinRM connection leaves from it.
          {
            cmd: "{{appdata}}\\Microsoft\\{{name}}.exe",
            parent: "@explorer",
            net: [
              ["{{c2}}", 443],
              ["@server", 5985],
            ],
            keep: true,
            then: netLogon("ewr", "NTLM"),
          },
          {
            cmd: "C:\\Windows\\system32\\wsmprovhost.exe -Embedding",
            host: "@server",
            parent: "@svchost:DcomLaunch",
            user: "@admin",
          },
        ],
        { shell: "none" },
      ),
    ],
  ),
  t("T1080", "Taint shared content", "A payload or LNK placed on a file share users open.", [
    v("lnk-on-share", [
      {
        cmd: "cmd.exe /c copy {{tmp}}\\{{name}}.lnk \\\\{{srv}}\\Public\\Documents\\{{name}}.lnk",
        net: [["@server", 445]],
      },
    ]),
    v("exe-on-share", [
      {
        cmd: "cmd.exe /c copy {{tmp}}\\setup.exe \\\\{{srv}}\\Software\\Installers\\setup.exe",
        net: [["@server", 445]],
      },
    ]),
  ]),
];
