import { type ActionKind, serviceStartCodes } from "../../actions";
import { devicePath, hex, portText } from "../common";
import type { RenderContext, Renderer, ResolvedAction } from "../types";
import { renderAccount } from "./accounts";
import {
  renderExplicitCredentials,
  renderLogoff,
  renderLogon,
  renderLogonFailure,
  renderSpecialPrivileges,
  subjectOf,
} from "./identity";
import { renderKerberos } from "./kerberos";
import { renderShareAccess } from "./shares";
import { renderDirectoryAccess, renderDirectoryChange } from "./directory";
import { taskXml } from "./task-xml";
import { SECURITY, securityTemplates } from "./templates";

/**
 * Security log under a standard audit policy: process creation with command line, logon/logoff, special
 * logon, account and group management, Kerberos (on DCs), file shares, WFP connections, other object
 * access (scheduled tasks), and SACL'd objects (lsass, audited files).
 */

const handles: readonly ActionKind[] = [
  "process.create",
  "process.terminate",
  "process.access",
  "file.read",
  "logon",
  "logon.failure",
  "logoff",
  "credentials.explicit",
  "privileges.special",
  "service.install",
  "task.create",
  "task.update",
  "task.delete",
  "account.create",
  "account.enable",
  "account.password.reset",
  "account.change",
  "group.member.add",
  "kerberos.tgt",
  "kerberos.tgs",
  "share.access",
  "directory.access",
  "directory.change",
  "network.connect",
  "log.clear",
];

const LABELS: Record<string, string> = {
  Low: "S-1-16-4096",
  Medium: "S-1-16-8192",
  High: "S-1-16-12288",
  System: "S-1-16-16384",
};

function render(r: ResolvedAction, ctx: RenderContext): void {
  const a = r.action;
  switch (a.kind) {
    case "logon":
      return renderLogon(r as ResolvedAction<"logon">, ctx);
    case "logon.failure":
      return renderLogonFailure(r as ResolvedAction<"logon.failure">, ctx);
    case "logoff":
      return renderLogoff(r as ResolvedAction<"logoff">, ctx);
    case "credentials.explicit":
      return renderExplicitCredentials(r as ResolvedAction<"credentials.explicit">, ctx);
    case "privileges.special":
      return renderSpecialPrivileges(r as ResolvedAction<"privileges.special">, ctx);
    case "kerberos.tgt":
    case "kerberos.tgs":
      return renderKerberos(r as ResolvedAction<"kerberos.tgt" | "kerberos.tgs">, ctx);
    case "share.access":
      return renderShareAccess(r as ResolvedAction<"share.access">, ctx);
    case "directory.access":
      return renderDirectoryAccess(r as ResolvedAction<"directory.access">, ctx);
    case "directory.change":
      return renderDirectoryChange(r as ResolvedAction<"directory.change">, ctx);
    case "account.create":
    case "account.enable":
    case "account.password.reset":
    case "account.change":
    case "group.member.add":
      return renderAccount(r, ctx);
  }
  const p = r.actor;
  switch (a.kind) {
    case "process.create": {
      const parent = p!.parent!;
      const sameUser = parent.user.sid === p!.user.sid;
      const s = parent.session;
      // Subject written out (no subjectOf spread): 4688/4689 come with every background process.
      const sn = s.subject ?? s.user;
      const tn = p!.session.subject ?? p!.user;
      ctx.emit(SECURITY.processCreate, [
        s.user.sid,
        sn.sam,
        sn.domain,
        s.logonIdHex,
        hex(p!.pid),
        p!.image.path,
        p!.tokenElevation,
        hex(parent.pid),
        p!.commandLine,
        "S-1-0-0",
        sameUser ? "-" : tn.sam,
        sameUser ? "-" : tn.domain,
        sameUser ? "0x0" : p!.session.logonIdHex,
        parent.image.path,
        LABELS[p!.integrity],
      ]);
      return;
    }
    case "process.terminate": {
      const s = p!.session;
      const sn = s.subject ?? s.user;
      ctx.emit(SECURITY.processExit, [
        s.user.sid,
        sn.sam,
        sn.domain,
        s.logonIdHex,
        "0x0",
        hex(p!.pid),
        p!.image.path,
      ]);
      return;
    }
    case "process.access": {
      const t = r.target!;
      // Only LSASS carries a default SACL that audits reads of its memory.
      if (t.image.fileName.toLowerCase() !== "lsass.exe") return;
      ctx.emit(SECURITY.handleRequested, [
        ...subjectOf(p!.session),
        "Security",
        "Process",
        devicePath(t.image.path).replace("\\windows\\system32\\lsass.exe", "\\Windows\\System32\\lsass.exe"),
        hex(ctx.rng.int(0x100, 0x3ff) * 4),
        "00000000-0000-0000-0000-000000000000",
        "%%4484\n\t\t\t\t%%4416\n\t\t\t\t",
        "-",
        a.grantedAccess.toLowerCase(),
        "-",
        0,
        hex(p!.pid),
        p!.image.path,
        "-",
      ]);
      return;
    }
    case "file.read": {
      const handle = hex(ctx.rng.int(0x100, 0x3ff) * 4);
      const subject = subjectOf(p!.session);
      ctx.emit(SECURITY.handleRequested, [
        ...subject,
        "Security",
        "File",
        a.path,
        handle,
        "00000000-0000-0000-0000-000000000000",
        "%%4416\n\t\t\t\t",
        "-",
        "0x1",
        "-",
        0,
        hex(p!.pid),
        p!.image.path,
        "S:AI",
      ]);
      ctx.emit(
        SECURITY.objectAccess,
        [
          ...subject,
          "Security",
          "File",
          a.path,
          handle,
          "%%4416\n\t\t\t\t",
          "0x1",
          hex(p!.pid),
          p!.image.path,
          "S:AI",
        ],
        { offsetUs: 20 },
      );
      return;
    }
    case "service.install": {
      const svc = r.service!;
      ctx.emit(SECURITY.serviceInstalled, [
        ...subjectOf(r.session),
        svc.name,
        svc.imagePath,
        svc.serviceType === "kernel mode driver" ? "0x1" : "0x10",
        serviceStartCodes[svc.startType] ?? 3,
        svc.account,
      ]);
      return;
    }
    case "task.create":
    case "task.update":
    case "task.delete": {
      const task = r.task!;
      const tail = [
        Number(BigInt(p!.startUs) % BigInt(2 ** 48)) + 2 ** 50,
        p!.pid,
        p!.parent?.pid ?? 0,
        0,
        r.host.fqdn,
      ];
      const template =
        a.kind === "task.create"
          ? SECURITY.taskCreated
          : a.kind === "task.update"
            ? SECURITY.taskUpdated
            : SECURITY.taskDeleted;
      // The registering session: a remote admin's network logon for tasks created over RPC.
      ctx.emit(template, [...subjectOf(r.session ?? p!.session), task.name, taskXml(task), ...tail], {
        offsetUs: 700,
      });
      return;
    }
    case "network.connect": {
      const n = r.net!;
      ctx.emit(SECURITY.connectionAllowed, [
        p!.pid,
        devicePath(p!.image.path),
        n.initiated ? "%%14593" : "%%14592",
        n.sourceIp,
        portText(n.sourcePort),
        n.destinationIp,
        portText(n.destinationPort),
        n.protocol === "tcp" ? 6 : 17,
        n.initiated ? 0 : 66_000 + ctx.rng.int(0, 400),
        n.initiated ? "%%14611" : "%%14610",
        n.initiated ? 48 : 44,
        "S-1-0-0",
        "S-1-0-0",
      ]);
      return;
    }
    case "log.clear":
      if (a.channel === "Security") ctx.emit(SECURITY.logCleared, subjectOf(p!.session));
      return;
  }
}

export const securityRenderer: Renderer = {
  id: "security",
  channels: ["Security"],
  handles,
  templates: securityTemplates,
  render,
};
