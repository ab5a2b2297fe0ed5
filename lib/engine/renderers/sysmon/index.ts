import type { ActionKind, ActionOf } from "../../actions";
import { sysmonHashes } from "../../world/catalog";
import type { ProcessInfo } from "../../world/types";
import { sysmonUtc, userName } from "../common";
import type { RenderContext, Renderer, ResolvedAction } from "../types";
import { sysmonConfigChange, sysmonExtraTemplates, sysmonServiceState, wmiSubscription } from "./extra";
import { SYSMON, SYSMON_CHANNEL, sysmonTemplates } from "./templates";

/** Sysmon v15 with a configuration that logs every event type (RuleName "-"). */

const handles: readonly ActionKind[] = [
  "process.create",
  "process.terminate",
  "process.tamper",
  "image.load",
  "driver.load",
  "file.create",
  "file.modify",
  "file.delete",
  "file.timestomp",
  "file.stream",
  "registry.key.create",
  "registry.key.delete",
  "registry.key.rename",
  "registry.value.set",
  "registry.value.delete",
  "network.connect",
  "dns.query",
  "pipe.create",
  "pipe.connect",
  "process.access",
  "thread.remote",
  "service.install",
  "task.create",
  "task.delete",
  "wmi.subscription",
  "service.state",
];

function isExecutable(path: string): boolean {
  return /\.(exe|dll|sys|scr|com|cpl|ocx)$/i.test(path);
}

function registryEvents(r: ResolvedAction, ctx: RenderContext, actor: ProcessInfo, utc: string): void {
  const a = r.action;
  const user = userName(actor.user);
  switch (a.kind) {
    case "registry.key.create":
    case "registry.key.delete":
      ctx.emit(SYSMON.registryObject, [
        "-",
        a.kind === "registry.key.create" ? "CreateKey" : "DeleteKey",
        utc,
        actor.guid,
        actor.pid,
        actor.image.path,
        r.object!,
        user,
      ]);
      return;
    case "registry.value.delete":
      ctx.emit(SYSMON.registryObject, [
        "-",
        "DeleteValue",
        utc,
        actor.guid,
        actor.pid,
        actor.image.path,
        r.object!,
        user,
      ]);
      return;
    case "registry.value.set":
      ctx.emit(SYSMON.registryValue, [
        "-",
        "SetValue",
        utc,
        actor.guid,
        actor.pid,
        actor.image.path,
        r.object!,
        r.details!,
        user,
      ]);
      return;
    case "registry.key.rename":
      ctx.emit(SYSMON.registryRename, [
        "-",
        "RenameKey",
        utc,
        actor.guid,
        actor.pid,
        actor.image.path,
        r.object!,
        r.details!,
        user,
      ]);
      return;
  }
}

/** What services.exe writes to the registry when a service is created. */
function serviceKeys(r: ResolvedAction<"service.install">, ctx: RenderContext): void {
  const services = ctx.world.proc(r.host, "@services");
  const svc = r.service;
  if (!services || !svc) return;
  const key = `HKLM\\System\\CurrentControlSet\\Services\\${svc.name}`;
  const utc = sysmonUtc(r.timeUs);
  const user = userName(services.user);
  const startCodes: Record<string, number> = {
    "boot start": 0,
    "system start": 1,
    "auto start": 2,
    "demand start": 3,
    disabled: 4,
  };
  const dword = (n: number) => `DWORD (0x${n.toString(16).padStart(8, "0")})`;
  ctx.emit(SYSMON.registryObject, [
    "-",
    "CreateKey",
    utc,
    services.guid,
    services.pid,
    services.image.path,
    key,
    user,
  ]);
  const values: [string, string][] = [
    ["Type", dword(svc.serviceType === "kernel mode driver" ? 1 : 16)],
    ["Start", dword(startCodes[svc.startType] ?? 3)],
    ["ErrorControl", dword(0)],
    ["ImagePath", svc.imagePath],
    ["DisplayName", svc.displayName],
    ["ObjectName", svc.account],
  ];
  values.forEach(([name, details], i) =>
    ctx.emit(
      SYSMON.registryValue,
      [
        "-",
        "SetValue",
        utc,
        services.guid,
        services.pid,
        services.image.path,
        `${key}\\${name}`,
        details,
        user,
      ],
      { offsetUs: 150 + i * 40 },
    ),
  );
}

/** What the Schedule service writes when a task is registered or deleted. */
function taskArtifacts(r: ResolvedAction<"task.create" | "task.delete">, ctx: RenderContext): void {
  const schedule = ctx.world.proc(r.host, "@svchost:Schedule");
  const task = r.task;
  if (!schedule || !task) return;
  const utc = sysmonUtc(r.timeUs);
  const user = userName(schedule.user);
  const file = `C:\\Windows\\System32\\Tasks${task.name}`;
  const tree = `HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Schedule\\TaskCache\\Tree${task.name}`;
  const tasks = `HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Schedule\\TaskCache\\Tasks\\{${task.guid}}`;
  if (r.action.kind === "task.create") {
    ctx.emit(
      SYSMON.registryObject,
      ["-", "CreateKey", utc, schedule.guid, schedule.pid, schedule.image.path, tree, user],
      { offsetUs: 900 },
    );
    ctx.emit(
      SYSMON.registryValue,
      [
        "-",
        "SetValue",
        utc,
        schedule.guid,
        schedule.pid,
        schedule.image.path,
        `${tree}\\Id`,
        `{${task.guid}}`,
        user,
      ],
      { offsetUs: 1000 },
    );
    ctx.emit(
      SYSMON.registryValue,
      [
        "-",
        "SetValue",
        utc,
        schedule.guid,
        schedule.pid,
        schedule.image.path,
        `${tree}\\Index`,
        "DWORD (0x00000003)",
        user,
      ],
      { offsetUs: 1060 },
    );
    ctx.emit(
      SYSMON.registryObject,
      ["-", "CreateKey", utc, schedule.guid, schedule.pid, schedule.image.path, tasks, user],
      { offsetUs: 1120 },
    );
    ctx.emit(
      SYSMON.registryValue,
      [
        "-",
        "SetValue",
        utc,
        schedule.guid,
        schedule.pid,
        schedule.image.path,
        `${tasks}\\Path`,
        task.name,
        user,
      ],
      { offsetUs: 1180 },
    );
    ctx.emit(
      SYSMON.fileCreate,
      ["-", utc, schedule.guid, schedule.pid, schedule.image.path, file, utc, user],
      { offsetUs: 1500 },
    );
  } else {
    ctx.emit(
      SYSMON.registryObject,
      ["-", "DeleteKey", utc, schedule.guid, schedule.pid, schedule.image.path, tree, user],
      { offsetUs: 900 },
    );
    ctx.emit(
      SYSMON.registryObject,
      ["-", "DeleteKey", utc, schedule.guid, schedule.pid, schedule.image.path, tasks, user],
      { offsetUs: 1000 },
    );
    ctx.emit(
      SYSMON.fileDeleteDetected,
      ["-", utc, schedule.guid, schedule.pid, user, schedule.image.path, file, "-", false],
      { offsetUs: 1300 },
    );
  }
}

function render(r: ResolvedAction, ctx: RenderContext): void {
  const a = r.action;
  const utc = sysmonUtc(r.timeUs);
  if (a.kind === "driver.load") {
    const info = ctx.world.catalog(r.host).image(a.image);
    ctx.emit(SYSMON.driverLoad, [
      "-",
      utc,
      a.image,
      sysmonHashes(info),
      a.signed ? "true" : "false",
      a.signed ? a.signature : "-",
      a.signed ? "Valid" : "Unavailable",
    ]);
    return;
  }
  if (a.kind === "service.install") return serviceKeys(r as ResolvedAction<"service.install">, ctx);
  if (a.kind === "task.create" || a.kind === "task.delete")
    return taskArtifacts(r as ResolvedAction<"task.create" | "task.delete">, ctx);
  if (a.kind === "service.state") return sysmonServiceState(r as ResolvedAction<"service.state">, ctx);
  const p = r.actor;
  if (!p) return;
  if (a.kind === "wmi.subscription") return wmiSubscription(r as ResolvedAction<"wmi.subscription">, ctx, p);
  const user = userName(p.user);
  switch (a.kind) {
    case "process.create": {
      const parent = p.parent!;
      const img = p.image;
      ctx.emit(SYSMON.processCreate, [
        "-",
        utc,
        p.guid,
        p.pid,
        img.path,
        img.fileVersion,
        img.description,
        img.product,
        img.company,
        img.originalFileName,
        p.commandLine,
        p.currentDirectory,
        user,
        p.session.logonGuid,
        p.session.logonIdHex,
        p.session.terminalSession,
        p.integrity,
        sysmonHashes(img),
        parent.guid,
        parent.pid,
        parent.image.path,
        parent.commandLine,
        userName(parent.user),
      ]);
      sysmonConfigChange(p, r, ctx);
      return;
    }
    case "process.terminate":
      ctx.emit(SYSMON.processTerminate, ["-", utc, p.guid, p.pid, p.image.path, user]);
      return;
    case "process.tamper":
      ctx.emit(SYSMON.processTampering, ["-", utc, p.guid, p.pid, p.image.path, a.type, user]);
      return;
    case "image.load": {
      const dll = ctx.world.catalog(r.host).image(a.image);
      ctx.emit(SYSMON.imageLoad, [
        "-",
        utc,
        p.guid,
        p.pid,
        p.image.path,
        dll.path,
        dll.fileVersion,
        dll.description,
        dll.product,
        dll.company,
        dll.originalFileName,
        sysmonHashes(dll),
        dll.signed ? "true" : "false",
        dll.signature,
        dll.signatureStatus,
        user,
      ]);
      return;
    }
    case "file.create":
    case "file.modify": {
      const created = r.details !== undefined ? sysmonUtc(Number(r.details)) : utc;
      ctx.emit(SYSMON.fileCreate, ["-", utc, p.guid, p.pid, p.image.path, a.path, created, user]);
      return;
    }
    case "file.timestomp":
      ctx.emit(SYSMON.fileCreateTime, [
        "-",
        utc,
        p.guid,
        p.pid,
        p.image.path,
        a.path,
        sysmonUtc(Date.parse(a.creationTime) * 1000),
        r.details ? sysmonUtc(Number(r.details)) : utc,
        user,
      ]);
      return;
    case "file.stream": {
      const info = ctx.world.catalog(r.host).image(`${a.path}:${a.stream}`);
      ctx.emit(SYSMON.fileStream, [
        "-",
        utc,
        p.guid,
        p.pid,
        p.image.path,
        `${a.path}:${a.stream}`,
        r.details ? sysmonUtc(Number(r.details)) : utc,
        sysmonHashes(info),
        a.contents ?? "-",
        user,
      ]);
      return;
    }
    case "file.delete": {
      const info = ctx.world.catalog(r.host).image(a.path);
      const hashes = sysmonHashes(info);
      if (a.archived)
        ctx.emit(SYSMON.fileDelete, [
          "-",
          utc,
          p.guid,
          p.pid,
          user,
          p.image.path,
          a.path,
          hashes,
          isExecutable(a.path),
          "true",
        ]);
      else
        ctx.emit(SYSMON.fileDeleteDetected, [
          "-",
          utc,
          p.guid,
          p.pid,
          user,
          p.image.path,
          a.path,
          hashes,
          isExecutable(a.path),
        ]);
      return;
    }
    case "network.connect": {
      const n = r.net!;
      ctx.emit(SYSMON.networkConnect, [
        "-",
        utc,
        p.guid,
        p.pid,
        p.image.path,
        user,
        n.protocol,
        n.initiated,
        false,
        n.sourceIp,
        n.sourceHostname,
        n.sourcePort,
        "-",
        false,
        n.destinationIp,
        n.destinationHostname,
        n.destinationPort,
        n.destinationPortName,
      ]);
      return;
    }
    case "dns.query": {
      const q = a as ActionOf<"dns.query">;
      const results = (r.answers ?? []).map((ip) => `::ffff:${ip};`).join("");
      ctx.emit(SYSMON.dnsQuery, [
        "-",
        utc,
        p.guid,
        p.pid,
        q.name,
        String(q.status),
        results || "-",
        p.image.path,
        user,
      ]);
      return;
    }
    case "pipe.create":
      ctx.emit(SYSMON.pipeCreate, ["-", "CreatePipe", utc, p.guid, p.pid, a.pipe, p.image.path, user]);
      return;
    case "pipe.connect":
      ctx.emit(SYSMON.pipeConnect, ["-", "ConnectPipe", utc, p.guid, p.pid, a.pipe, p.image.path, user]);
      return;
    case "process.access": {
      const t = r.target!;
      ctx.emit(SYSMON.processAccess, [
        "-",
        utc,
        p.guid,
        p.pid,
        p.threadId,
        p.image.path,
        t.guid,
        t.pid,
        t.image.path,
        a.grantedAccess.toLowerCase(),
        r.callTrace ?? "-",
        user,
        userName(t.user),
      ]);
      return;
    }
    case "thread.remote": {
      const t = r.target!;
      const tid = ctx.world.state(r.host.name).ids.allocate();
      ctx.world.state(r.host.name).ids.release(tid);
      const address = `0x00007FF${ctx.rng.hex(9).toUpperCase()}`;
      ctx.emit(SYSMON.createRemoteThread, [
        "-",
        utc,
        p.guid,
        p.pid,
        p.image.path,
        t.guid,
        t.pid,
        t.image.path,
        tid,
        address,
        a.startModule ?? "-",
        a.startFunction ?? "-",
        user,
        userName(t.user),
      ]);
      return;
    }
    default:
      registryEvents(r, ctx, p, utc);
  }
}

export const sysmonRenderer: Renderer = {
  id: "sysmon",
  channels: [SYSMON_CHANNEL],
  handles,
  templates: [...sysmonTemplates, ...sysmonExtraTemplates],
  render,
};
