import type { Procedure } from "@/lib/engine/procedure";
import { CMD, interactiveCmd, S32 } from "./common";

/**
 * Admin-share lateral movement with service execution (PsExec-style, done by hand): the payload is copied to
 * \\target\ADMIN$, a service is created and started with sc.exe, services.exe on the target runs it as SYSTEM.
 */
export const adminShareServiceExec: Procedure = {
  id: "t1021.002-admin-share-service",
  technique: "T1021.002",
  name: "ADMIN$ copy and remote service execution",
  description:
    "On the workstation an elevated prompt maps \\\\<server>\\ADMIN$ with a domain admin's credentials (4648), copies a binary over SMB, then sc.exe creates and starts a service. The server logs the type 3 logon from the workstation's IP, 5140/5145 on ADMIN$, 4697 + 7045, and services.exe starting the binary as SYSTEM.",
  variants: ["sc", "sc-cmd-child"],
  expectedRules: ["3abd6094-7027-475f-9630-8ab9be7b9725"],
  build({ rng, names, hostOf, variant }) {
    const target = hostOf("@server");
    const svc = `${rng.pick(["Win", "Sys", "Net", "Upd"])}${rng.pick(["Svc", "Host", "Mgr", "Agent"])}${rng.hex(4)}`;
    const bin = `${svc.toLowerCase()}.exe`;
    const remotePath = `C:\\Windows\\${bin}`;
    const admin = `${names.domain.netbios}\\${names.admin}`;
    const local = `C:\\Users\\${names.user}\\Downloads\\${bin}`;
    return [
      { id: "stage", kind: "file.create", proc: "@msedge", path: local },
      ...interactiveCmd(true),
      {
        id: "netuse",
        kind: "process.create",
        proc: "netuse",
        parent: "cmd",
        image: `${S32}\\net.exe`,
        commandLine: `net  use \\\\${target.name}\\ADMIN$ /user:${admin} ********`,
        delayMs: rng.int(4000, 12000),
      },
      {
        id: "explicit",
        kind: "credentials.explicit",
        proc: "netuse",
        targetUser: "@admin",
        targetServer: "@server",
        targetInfo: target.name,
      },
      { id: "tgt", kind: "kerberos.tgt", host: "@dc", user: "@admin", source: "@workstation" },
      {
        id: "tgs",
        kind: "kerberos.tgs",
        host: "@dc",
        user: "@admin",
        service: "@server",
        source: "@workstation",
      },
      {
        id: "smb-out",
        kind: "network.connect",
        proc: "@system",
        protocol: "tcp",
        remote: "@server",
        port: 445,
      },
      {
        id: "smb-in",
        kind: "network.connect",
        host: "@server",
        proc: "@system",
        protocol: "tcp",
        remote: "@workstation",
        port: 445,
        initiated: false,
      },
      {
        id: "logon",
        kind: "logon",
        host: "@server",
        session: "lm",
        user: "@admin",
        logonType: 3,
        source: "@workstation",
        authPackage: "Kerberos",
      },
      {
        id: "share",
        kind: "share.access",
        host: "@server",
        session: "lm",
        share: "ADMIN$",
        accessMask: "0x1",
      },
      { id: "netuse-exit", kind: "process.terminate", proc: "netuse" },
      {
        id: "copy",
        kind: "share.access",
        host: "@server",
        session: "lm",
        share: "ADMIN$",
        relativeTarget: bin,
        accessMask: "0x2",
        delayMs: rng.int(3000, 9000),
      },
      { id: "write", kind: "file.create", host: "@server", proc: "@system", path: remotePath },
      {
        id: "sc-create",
        kind: "process.create",
        proc: "sccreate",
        parent: "cmd",
        image: `${S32}\\sc.exe`,
        commandLine: `sc  \\\\${target.name} create ${svc} binPath= "${remotePath}" start= demand`,
        delayMs: rng.int(4000, 10000),
      },
      { id: "svcctl", kind: "pipe.connect", proc: "sccreate", pipe: "\\svcctl" },
      {
        id: "install",
        kind: "service.install",
        host: "@server",
        proc: "@services",
        session: "lm",
        name: svc,
        imagePath: remotePath,
        startType: "demand start",
        account: "LocalSystem",
      },
      { id: "sc-create-exit", kind: "process.terminate", proc: "sccreate" },
      {
        id: "sc-start",
        kind: "process.create",
        proc: "scstart",
        parent: "cmd",
        image: `${S32}\\sc.exe`,
        commandLine: `sc  \\\\${target.name} start ${svc}`,
        delayMs: rng.int(3000, 8000),
      },
      {
        id: "svc",
        kind: "process.create",
        host: "@server",
        proc: "svc",
        parent: "@services",
        image: remotePath,
        commandLine: remotePath,
        user: "@system",
      },
      { id: "running", kind: "service.state", host: "@server", name: svc, state: "running" },
      ...(variant === "sc-cmd-child"
        ? [
            {
              id: "child",
              kind: "process.create" as const,
              host: "@server",
              proc: "svc-cmd",
              parent: "svc",
              image: CMD,
              commandLine: `cmd.exe /c whoami /all > C:\\Windows\\Temp\\${rng.hex(6)}.txt`,
            },
            {
              id: "child-exit",
              kind: "process.terminate" as const,
              host: "@server",
              proc: "svc-cmd",
              delayMs: 300,
            },
          ]
        : []),
      { id: "sc-start-exit", kind: "process.terminate", proc: "scstart" },
      { id: "logoff", kind: "logoff", host: "@server", session: "lm", delayMs: rng.int(5000, 30000) },
      { id: "cleanup", kind: "file.delete", proc: "cmd", path: local, delayMs: 200 },
    ];
  },
};
