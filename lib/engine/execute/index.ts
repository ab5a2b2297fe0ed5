import type { Action, ActionOf } from "../actions";
import type { ResolvedAction, ResolvedNet } from "../renderers/types";
import type { TaskInfo, User } from "../world/types";
import { lower } from "../world/lower";
import type { HostState } from "../world/world";
import {
  ExecError,
  type ExecContext,
  expandPath,
  hostOf,
  normalizeKey,
  procOf,
  sessionOf,
  userOf,
} from "./context";
import { executeDefender } from "./defender";
import { executeDirectory } from "./directory";
import {
  executeAccount,
  executeExplicitCredentials,
  executeKerberos,
  executeLogoff,
  executeLogon,
  executeLogonFailure,
  executeShareAccess,
  executeSpecialPrivileges,
} from "./identity";
import { base, executeProcessAccess, executeProcessCreate, executeProcessTerminate } from "./process";

export { ExecError, type ExecContext } from "./context";

const PORT_NAMES: Record<number, string> = {
  53: "domain",
  80: "http",
  88: "kerberos",
  135: "epmap",
  139: "netbios-ssn",
  389: "ldap",
  443: "https",
  445: "microsoft-ds",
  3389: "ms-wbt-server",
  5985: "wsman",
  636: "ldaps",
};

/** Applies an action to the world (in time order) and returns it resolved for the renderers. */
export function execute(action: Action, ctx: ExecContext): ResolvedAction {
  switch (action.kind) {
    case "process.create":
      return executeProcessCreate(action, ctx);
    case "process.terminate":
      return executeProcessTerminate(action, ctx);
    case "process.access":
    case "thread.remote":
      return executeProcessAccess(action, ctx);
    case "logon":
      return executeLogon(action, ctx);
    case "logon.failure":
      return executeLogonFailure(action, ctx);
    case "logoff":
      return executeLogoff(action, ctx);
    case "credentials.explicit":
      return executeExplicitCredentials(action, ctx);
    case "privileges.special":
      return executeSpecialPrivileges(action, ctx);
    case "account.create":
    case "account.enable":
    case "account.password.reset":
    case "account.change":
    case "group.member.add":
      return executeAccount(action, ctx);
    case "kerberos.tgt":
    case "kerberos.tgs":
      return executeKerberos(action, ctx);
    case "share.access":
      return executeShareAccess(action, ctx);
    case "directory.access":
    case "directory.change":
      return executeDirectory(action, ctx);
    case "file.create":
    case "file.modify":
    case "file.read":
    case "file.delete":
    case "file.timestomp":
    case "file.stream":
      return executeFile(action, ctx);
    case "registry.key.create":
    case "registry.key.delete":
    case "registry.key.rename":
    case "registry.value.set":
    case "registry.value.delete":
      return executeRegistry(action, ctx);
    case "network.connect":
      return executeConnect(action, ctx);
    case "dns.query": {
      const host = hostOf(action, ctx);
      const actor = procOf(action.proc, host, action, ctx);
      const answers = action.status === 0 ? (action.answers ?? ctx.world.resolve(action.name)) : [];
      if (action.status === 0) ctx.world.setAnswers(action.name, answers);
      return {
        action,
        host,
        timeUs: ctx.timeUs,
        actor,
        target: null,
        session: actor.session,
        user: actor.user,
        answers,
      };
    }
    case "service.install": {
      const host = hostOf(action, ctx);
      const actor = procOf(action.proc, host, action, ctx);
      const session = action.session ? sessionOf(action.session, host, action, ctx) : actor.session;
      const service = {
        name: action.name,
        displayName: action.displayName ?? action.name,
        imagePath: action.imagePath,
        serviceType: action.serviceType,
        startType: action.startType,
        account: action.account,
      };
      ctx.world.state(host.name).services.set(action.name.toLowerCase(), service);
      return { ...base(action, host, ctx, actor, session, session.user), service };
    }
    case "service.state": {
      const host = hostOf(action, ctx);
      const service = ctx.world.state(host.name).services.get(action.name.toLowerCase());
      return { ...base(action, host, ctx, ctx.world.proc(host, "@services") ?? null), service };
    }
    case "task.create":
    case "task.update":
    case "task.delete":
      return executeTask(action, ctx);
    case "task.run": {
      const host = hostOf(action, ctx);
      const task = ctx.world.state(host.name).tasks.get(action.name.toLowerCase());
      if (!task)
        throw new ExecError("invalid", action.id, `no scheduled task ${action.name} on ${host.name}`);
      const schedule = ctx.world.proc(host, "@svchost:Schedule") ?? null;
      if (!action.spawn || !schedule) return { ...base(action, host, ctx, schedule), task };
      const spawned = executeProcessCreate(spawnAction(action, task), ctx, task.runAs);
      return { ...base(action, host, ctx, schedule), task, target: spawned.actor, spawned };
    }
    case "defender.config":
    case "defender.detection":
      return executeDefender(action, ctx);
    case "driver.load":
    case "device.connect":
      return base(action, hostOf(action, ctx), ctx, null);
    default: {
      // Actions performed by a process with no world change beyond the actor.
      const host = hostOf(action, ctx);
      const a = action as Extract<Action, { proc: string }>;
      return base(action, host, ctx, procOf(a.proc, host, action, ctx));
    }
  }
}

function executeFile(
  a: ActionOf<"file.create" | "file.modify" | "file.read" | "file.delete" | "file.timestomp" | "file.stream">,
  ctx: ExecContext,
): ResolvedAction {
  const host = hostOf(a, ctx);
  const actor = procOf(a.proc, host, a, ctx);
  const st = ctx.world.state(host.name);
  const files = st.files;
  if (a.path.includes("%")) a = { ...a, path: expandPath(a.path, actor.user) };
  const key = lower(a.path);
  let created = files.get(key);
  if (a.kind === "file.create" || a.kind === "file.modify" || a.kind === "file.stream") {
    if (created === undefined) files.set(key, (created = ctx.timeUs));
    if (a.kind === "file.create" && a.copyOf) copyIdentity(a.copyOf, key, actor.user, st);
  } else if (a.kind === "file.delete") {
    files.delete(key);
    st.copies.delete(key);
    created = undefined;
  }
  // Built directly (no spread of base()): file/registry/network actions are most of a run's actions.
  return {
    action: a,
    host,
    timeUs: ctx.timeUs,
    actor,
    target: null,
    session: actor.session,
    user: actor.user,
    object: a.path,
    createdUs: created,
  };
}

/** A copied file keeps the PE identity of its source (so a renamed utility still reads as the original). */
function copyIdentity(from: string, to: string, user: User, st: HostState): void {
  const source = expandPath(from, user);
  st.copies.set(to, st.copies.get(source.toLowerCase()) ?? st.catalog.image(source));
}

const HEX = /^0x[0-9a-f]+$/i;

function registryDetails(type: string, data: string): string {
  switch (type) {
    case "REG_DWORD": {
      const n = Number(data) >>> 0;
      return `DWORD (0x${n.toString(16).padStart(8, "0")})`;
    }
    case "REG_QWORD": {
      const n = HEX.test(data) ? parseInt(data, 16) : Number(data);
      const v = Number.isFinite(n) && n >= 0 ? n : 0;
      const hi = Math.floor(v / 4294967296)
        .toString(16)
        .padStart(8, "0");
      const lo = (v % 4294967296).toString(16).padStart(8, "0");
      return `QWORD (0x${hi}-0x${lo})`;
    }
    case "REG_BINARY":
      return "Binary Data";
    default:
      return data === "" ? "(Empty)" : data;
  }
}

/**
 * "key\\value" per (key, value), memoized: background noise sets the same few values over and over, and one
 * shared string is flattened once by the serializers instead of a new concatenation per event.
 */
const valuePaths = new Map<string, Map<string, string>>();
let valuePathCount = 0;
function valuePath(key: string, value: string): string {
  let byValue = valuePaths.get(key);
  let path = byValue?.get(value);
  if (path === undefined) {
    path = `${key}\\${value === "" ? "(Default)" : value}`;
    if (valuePathCount >= 8192) {
      valuePaths.clear();
      valuePathCount = 0;
      byValue = undefined;
    }
    if (!byValue) valuePaths.set(key, (byValue = new Map()));
    byValue.set(value, path);
    valuePathCount++;
  }
  return path;
}

function executeRegistry(
  a: ActionOf<
    | "registry.key.create"
    | "registry.key.delete"
    | "registry.key.rename"
    | "registry.value.set"
    | "registry.value.delete"
  >,
  ctx: ExecContext,
): ResolvedAction {
  const host = hostOf(a, ctx);
  const actor = procOf(a.proc, host, a, ctx);
  const keys = ctx.world.state(host.name).keys;
  const key = normalizeKey(a.key, actor.user);
  let object = key;
  let details: string | undefined;
  if (a.kind === "registry.key.create") keys.add(key.toLowerCase());
  else if (a.kind === "registry.key.delete") keys.delete(key.toLowerCase());
  else if (a.kind === "registry.key.rename") {
    keys.delete(key.toLowerCase());
    details = `${key.slice(0, key.lastIndexOf("\\") + 1)}${a.newName}`;
    keys.add(details.toLowerCase());
  } else {
    object = valuePath(key, a.value);
    if (a.kind === "registry.value.set") {
      if ((a.type === "REG_DWORD" || a.type === "REG_QWORD") && !/^(0x[0-9a-f]+|\d+)$/i.test(a.data.trim()))
        throw new ExecError("invalid", a.id, `registry ${a.type} data must be a number, got "${a.data}"`);
      details = registryDetails(a.type, a.data);
    }
  }
  return {
    action: a,
    host,
    timeUs: ctx.timeUs,
    actor,
    target: null,
    session: actor.session,
    user: actor.user,
    object,
    details,
  };
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

function executeConnect(a: ActionOf<"network.connect">, ctx: ExecContext): ResolvedAction {
  const host = hostOf(a, ctx);
  const actor = procOf(a.proc, host, a, ctx);
  const world = ctx.world;
  const remoteHost = world.hostByRef(a.remote);
  let ip: string;
  let name: string;
  if (remoteHost) {
    ip = remoteHost.ip;
    name = remoteHost.fqdn;
  } else if (IPV4.test(a.remote)) {
    ip = a.remote;
    name = world.nameForIp(ip) ?? "-";
  } else {
    ip = world.resolve(a.remote)[0];
    name = a.remote.toLowerCase();
  }
  const sourcePort = a.initiated ? world.ephemeralPort(host) : a.port;
  const destinationPort = a.initiated ? a.port : 49152 + ctx.rng.int(0, 16_000);
  const net: ResolvedNet = {
    protocol: a.protocol,
    initiated: a.initiated,
    sourceIp: host.ip,
    sourceHostname: host.fqdn,
    sourcePort,
    destinationIp: ip,
    destinationHostname: name,
    destinationPort,
    destinationPortName: PORT_NAMES[destinationPort] ?? "-",
  };
  return {
    action: a,
    host,
    timeUs: ctx.timeUs,
    actor,
    target: null,
    session: actor.session,
    user: actor.user,
    net,
    targetHost: remoteHost ?? null,
  };
}

function executeTask(
  a: ActionOf<"task.create" | "task.update" | "task.delete">,
  ctx: ExecContext,
): ResolvedAction {
  const host = hostOf(a, ctx);
  const actor = procOf(a.proc, host, a, ctx);
  const tasks = ctx.world.state(host.name).tasks;
  const key = a.name.toLowerCase();
  // A task registered over RPC (atexec, schtasks /s) is the remote admin's act, not the Schedule service's.
  const session = a.session ? sessionOf(a.session, host, a, ctx) : actor.session;
  let task = tasks.get(key);
  if (a.kind === "task.create") {
    task = {
      name: a.name,
      command: a.command,
      arguments: a.arguments ?? "",
      author: `${session.user.domain}\\${session.user.sam}`,
      runAs: a.runAs ? userOf(a.runAs, host, a, ctx) : actor.user,
      trigger: a.trigger,
      runLevel: a.runLevel,
      guid: ctx.rng.guid(),
      registeredUs: ctx.timeUs,
      enabled: true,
    };
    tasks.set(key, task);
  } else {
    if (!task) throw new ExecError("invalid", a.id, `no scheduled task ${a.name} on ${host.name}`);
    if (a.kind === "task.update") {
      task = { ...task, command: a.command ?? task.command, enabled: a.enabled ?? task.enabled };
      tasks.set(key, task);
    } else tasks.delete(key);
  }
  return { ...base(a, host, ctx, actor, session, session.user), task };
}

/** The process.create a task run implies: the task's action as the Task Scheduler launches it. */
function spawnAction(a: ActionOf<"task.run">, task: TaskInfo): ActionOf<"process.create"> {
  const command = task.command.replace(/^"(.*)"$/, "$1");
  const image = /^[a-z]:\\|^\\\\|^%/i.test(command)
    ? command
    : `C:\\Windows\\System32\\${command.replace(/^.*[\\/]/, "")}${/\.[a-z0-9]{2,4}$/i.test(command) ? "" : ".exe"}`;
  const quoted =
    /\s/.test(task.command) && !task.command.startsWith('"') ? `"${task.command}"` : task.command;
  return {
    id: `${a.id}:spawn`,
    kind: "process.create",
    host: a.host,
    verdict: a.verdict,
    proc: a.spawn!,
    parent: "@svchost:Schedule",
    image,
    commandLine: task.arguments ? `${quoted} ${task.arguments}` : quoted,
    currentDirectory: "C:\\Windows\\system32",
    elevated: task.runLevel === "HighestAvailable" && task.runAs.admin ? true : undefined,
  };
}
