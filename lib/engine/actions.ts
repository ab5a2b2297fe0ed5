import { z } from "zod";

/**
 * The action vocabulary: what happens on the estate, as plain JSON a procedure, the free-text parser or an
 * LLM can produce. Entities are named plan-locally ("p1", "s1") or by world reference ("@explorer");
 * the engine assigns PIDs, GUIDs, LogonIds and times. See notes/engine-contract.md.
 *
 * References:
 * - host: a host name from the environment ("WS01") or a role: "@workstation" (default), "@workstation2",
 *   "@server", "@dc".
 * - process: a name a previous `process.create` gave (`proc: "p1"`), or a booted process on the same host:
 *   "@explorer" (the interactive user's shell), "@system", "@smss", "@csrss", "@wininit", "@winlogon",
 *   "@services", "@lsass", "@svchost" (netsvcs), "@svchost:<group>" (e.g. "@svchost:DcomLaunch"),
 *   "@taskhost" (taskhostw.exe), "@svchost:Schedule" (Task Scheduler service), "@wmiprvse", "@spoolsv".
 * - user: a sAMAccountName from the environment, or "@user" (the interactive user), "@admin" (the domain
 *   admin), "@system", "@localservice", "@networkservice".
 * - session: a name a previous `logon` gave, or "@interactive" (the interactive user's session on the host).
 */

const ref = z.string().min(1).max(200);
const path = z.string().min(1).max(32_767);
const hexMask = z.string().regex(/^0x[0-9a-fA-F]{1,16}$/, "expected hex like 0x1fffff");
const ipv4 = z.string().regex(/^(\d{1,3})(\.\d{1,3}){3}$/, "expected an IPv4 address");

const base = {
  /** Plan-local ID, unique within the plan. */
  id: z.string().min(1).max(100),
  /** Actions that must happen before this one. */
  after: z.array(z.string()).optional(),
  host: ref.optional(),
  /** Ground truth for every event this action renders; default "malicious" in steps, "benign" in noise. */
  verdict: z.enum(["malicious", "benign"]).optional(),
  /** Extra delay after the dependencies, in milliseconds (overrides the scheduler's gap). */
  delayMs: z.number().int().min(0).max(86_400_000).optional(),
};

/** Actions performed by a process carry `proc` (the actor). */
const byProc = { ...base, proc: ref };

export const integrityLevels = ["Low", "Medium", "High", "System"] as const;

export const ProcessCreate = z.object({
  ...base,
  kind: z.literal("process.create"),
  /** Name for the new process, referenced by later actions. */
  proc: ref,
  parent: ref,
  image: path,
  commandLine: z.string().max(32_767),
  currentDirectory: path.optional(),
  /** Defaults to the parent's user. */
  user: ref.optional(),
  /** Defaults to the parent's (Medium for the interactive user's limited token). */
  integrity: z.enum(integrityLevels).optional(),
  /** Runs with the elevated linked token of an admin (integrity High). */
  elevated: z.boolean().optional(),
});

export const ProcessTerminate = z.object({ ...byProc, kind: z.literal("process.terminate") });
export const ProcessTamper = z.object({
  ...byProc,
  kind: z.literal("process.tamper"),
  type: z.enum(["Image is locked for access", "Image is replaced"]).default("Image is replaced"),
});

export const ImageLoad = z.object({ ...byProc, kind: z.literal("image.load"), image: path });
export const DriverLoad = z.object({
  ...base,
  kind: z.literal("driver.load"),
  image: path,
  signed: z.boolean().default(true),
  signature: z.string().max(500).default("Microsoft Windows"),
});

export const FileCreate = z.object({ ...byProc, kind: z.literal("file.create"), path });
export const FileModify = z.object({ ...byProc, kind: z.literal("file.modify"), path });
export const FileRead = z.object({ ...byProc, kind: z.literal("file.read"), path });
export const FileDelete = z.object({
  ...byProc,
  kind: z.literal("file.delete"),
  path,
  /** Sysmon 23 (archived) when true, 26 (delete detected) otherwise. */
  archived: z.boolean().default(false),
});
export const FileTimestomp = z.object({
  ...byProc,
  kind: z.literal("file.timestomp"),
  path,
  /** ISO time to set as the creation time. */
  creationTime: z.iso.datetime(),
});
export const FileStream = z.object({
  ...byProc,
  kind: z.literal("file.stream"),
  path,
  stream: z.string().min(1).max(255),
  contents: z.string().max(100_000).optional(),
});

export const regValueTypes = [
  "REG_SZ",
  "REG_EXPAND_SZ",
  "REG_DWORD",
  "REG_QWORD",
  "REG_BINARY",
  "REG_MULTI_SZ",
] as const;
/** Registry keys in Sysmon's form: "HKLM\\…", "HKCU\\…" (resolved to HKU\\<SID>\\…), "HKU\\…", "HKCR\\…". */
export const RegistryKeyCreate = z.object({ ...byProc, kind: z.literal("registry.key.create"), key: path });
export const RegistryKeyDelete = z.object({ ...byProc, kind: z.literal("registry.key.delete"), key: path });
export const RegistryKeyRename = z.object({
  ...byProc,
  kind: z.literal("registry.key.rename"),
  key: path,
  newName: z.string().min(1).max(255),
});
export const RegistryValueSet = z.object({
  ...byProc,
  kind: z.literal("registry.value.set"),
  key: path,
  /** "(Default)" for the default value. */
  value: z.string().max(16_383),
  type: z.enum(regValueTypes).default("REG_SZ"),
  /** Text for string types, decimal or 0x-hex for DWORD/QWORD, hex bytes for BINARY. */
  data: z.string().max(100_000),
});
export const RegistryValueDelete = z.object({
  ...byProc,
  kind: z.literal("registry.value.delete"),
  key: path,
  value: z.string().max(16_383),
});

export const NetworkConnect = z.object({
  ...byProc,
  kind: z.literal("network.connect"),
  protocol: z.enum(["tcp", "udp"]).default("tcp"),
  /** A host of the environment (name or role) or a DNS name resolved earlier, or an IP. */
  remote: z.string().min(1).max(255),
  port: z.number().int().min(1).max(65535),
  /** false: an inbound connection accepted by `proc`. */
  initiated: z.boolean().default(true),
});
export const DnsQuery = z.object({
  ...byProc,
  kind: z.literal("dns.query"),
  name: z.string().min(1).max(255),
  /** IPs the name resolves to; the world picks stable ones when absent. */
  answers: z.array(ipv4).max(16).optional(),
  /** DNS status, 0 = success, 9003 = NXDOMAIN. */
  status: z.number().int().min(0).default(0),
});
export const PipeCreate = z.object({
  ...byProc,
  kind: z.literal("pipe.create"),
  pipe: z.string().min(1).max(256),
});
export const PipeConnect = z.object({
  ...byProc,
  kind: z.literal("pipe.connect"),
  pipe: z.string().min(1).max(256),
});

export const ProcessAccess = z.object({
  ...byProc,
  kind: z.literal("process.access"),
  target: ref,
  grantedAccess: hexMask,
  /** Modules on the stack, outermost last ("dbgcore.dll", "comsvcs.dll"); the engine adds offsets. */
  callTrace: z.array(z.string().min(1).max(260)).max(32).optional(),
});
export const RemoteThread = z.object({
  ...byProc,
  kind: z.literal("thread.remote"),
  target: ref,
  startModule: z.string().max(260).optional(),
  startFunction: z.string().max(260).optional(),
});

export const WmiSubscription = z.object({
  ...byProc,
  kind: z.literal("wmi.subscription"),
  name: z.string().min(1).max(256),
  query: z.string().min(1).max(4096),
  consumerType: z.enum(["CommandLineEventConsumer", "ActiveScriptEventConsumer"]),
  destination: z.string().min(1).max(8192),
  namespace: z.string().default("root\\subscription"),
});

export const ServiceInstall = z.object({
  ...byProc,
  kind: z.literal("service.install"),
  name: z.string().min(1).max(256),
  displayName: z.string().max(256).optional(),
  imagePath: z.string().min(1).max(32_767),
  serviceType: z.enum(["user mode service", "kernel mode driver"]).default("user mode service"),
  startType: z
    .enum(["demand start", "auto start", "boot start", "system start", "disabled"])
    .default("demand start"),
  account: z.string().default("LocalSystem"),
  /** Session of the account that installed it (a remote admin's network logon); default the actor's. */
  session: ref.optional(),
});
export const ServiceState = z.object({
  ...base,
  kind: z.literal("service.state"),
  name: z.string().min(1).max(256),
  state: z.enum(["running", "stopped"]),
});

const taskBase = { ...byProc, name: z.string().regex(/^\\/, "task names start with \\").max(512) };
export const TaskCreate = z.object({
  ...taskBase,
  kind: z.literal("task.create"),
  command: z.string().min(1).max(32_767),
  arguments: z.string().max(32_767).optional(),
  trigger: z.enum(["logon", "boot", "daily", "once", "minute"]).default("logon"),
  runAs: ref.optional(),
  runLevel: z.enum(["LeastPrivilege", "HighestAvailable"]).default("LeastPrivilege"),
});
export const TaskUpdate = z.object({
  ...taskBase,
  kind: z.literal("task.update"),
  command: z.string().max(32_767).optional(),
  enabled: z.boolean().optional(),
});
export const TaskDelete = z.object({ ...taskBase, kind: z.literal("task.delete") });
export const TaskRun = z.object({
  ...base,
  kind: z.literal("task.run"),
  name: z.string().regex(/^\\/).max(512),
  /** Name for the process the task starts (child of the Schedule service host). */
  spawn: ref.optional(),
});

export const logonTypes = [2, 3, 4, 5, 7, 8, 9, 10, 11] as const;
export const Logon = z.object({
  ...base,
  kind: z.literal("logon"),
  /** Name for the new session. */
  session: ref,
  user: ref,
  logonType: z.literal(logonTypes),
  /** Where the logon came from: a host reference (its IP is used) or an IP. */
  source: z.string().max(255).optional(),
  authPackage: z.enum(["Negotiate", "NTLM", "Kerberos"]).default("Kerberos"),
  /** Process on the target performing the logon; defaults by type (lsass / winlogon / services). */
  proc: ref.optional(),
});
export const LogonFailure = z.object({
  ...base,
  kind: z.literal("logon.failure"),
  user: z.string().min(1).max(256),
  logonType: z.number().int().min(2).max(11).default(3),
  source: z.string().max(255).optional(),
  /** NTSTATUS: 0xc000006d bad user/password; subStatus 0xc000006a wrong password, 0xc0000064 no such user. */
  status: hexMask.default("0xc000006d"),
  subStatus: hexMask.default("0xc000006a"),
  authPackage: z.enum(["Negotiate", "NTLM", "Kerberos"]).default("NTLM"),
});
export const Logoff = z.object({ ...base, kind: z.literal("logoff"), session: ref });
export const ExplicitCredentials = z.object({
  ...byProc,
  kind: z.literal("credentials.explicit"),
  targetUser: ref,
  /** Host reference or name of the server the credentials were used for. */
  targetServer: z.string().min(1).max(255),
  targetInfo: z.string().max(255).optional(),
});
export const SpecialPrivileges = z.object({ ...base, kind: z.literal("privileges.special"), session: ref });

const accountBase = { ...byProc, user: ref };
export const AccountCreate = z.object({
  ...accountBase,
  kind: z.literal("account.create"),
  /** Local (SAM) account on the host, else a domain account created on the DC. */
  local: z.boolean().default(false),
});
export const AccountEnable = z.object({ ...accountBase, kind: z.literal("account.enable") });
export const AccountPasswordReset = z.object({ ...accountBase, kind: z.literal("account.password.reset") });
export const AccountChange = z.object({ ...accountBase, kind: z.literal("account.change") });
export const GroupMemberAdd = z.object({
  ...accountBase,
  kind: z.literal("group.member.add"),
  /** "Administrators" (local, 4732) or "Domain Admins" (global, 4728), or another group name. */
  group: z.string().min(1).max(256),
});

export const KerberosTgt = z.object({
  ...base,
  kind: z.literal("kerberos.tgt"),
  user: ref,
  /** Client host reference or IP. */
  source: z.string().max(255).optional(),
  status: hexMask.default("0x0"),
  encryption: hexMask.default("0x12"),
});
export const KerberosTgs = z.object({
  ...base,
  kind: z.literal("kerberos.tgs"),
  user: ref,
  /** SPN service name, e.g. "cifs/SRV01.corp.example.com" or a host reference (→ its machine account). */
  service: z.string().min(1).max(512),
  source: z.string().max(255).optional(),
  status: hexMask.default("0x0"),
  encryption: hexMask.default("0x12"),
});
export const ShareAccess = z.object({
  ...base,
  kind: z.literal("share.access"),
  session: ref,
  share: z.string().min(1).max(256),
  /** Relative path inside the share: renders 5145 as well as 5140 when set. */
  relativeTarget: z.string().max(32_767).optional(),
  accessMask: hexMask.default("0x1"),
});
export const AuditLogClear = z.object({
  ...byProc,
  kind: z.literal("log.clear"),
  channel: z.enum(["Security", "System", "Microsoft-Windows-Sysmon/Operational"]).default("Security"),
});
export const ScriptBlock = z.object({
  ...byProc,
  kind: z.literal("powershell.scriptblock"),
  script: z.string().min(1).max(1_000_000),
  /** Script file path; empty for interactive/encoded commands. */
  path: z.string().max(32_767).optional(),
});
export const ModuleLogging = z.object({
  ...byProc,
  kind: z.literal("powershell.module"),
  /** Cmdlet name, e.g. "Invoke-WebRequest". */
  command: z.string().min(1).max(512),
  parameters: z.record(z.string(), z.string()).default({}),
});

export const Action = z.discriminatedUnion("kind", [
  ProcessCreate,
  ProcessTerminate,
  ProcessTamper,
  ImageLoad,
  DriverLoad,
  FileCreate,
  FileModify,
  FileRead,
  FileDelete,
  FileTimestomp,
  FileStream,
  RegistryKeyCreate,
  RegistryKeyDelete,
  RegistryKeyRename,
  RegistryValueSet,
  RegistryValueDelete,
  NetworkConnect,
  DnsQuery,
  PipeCreate,
  PipeConnect,
  ProcessAccess,
  RemoteThread,
  WmiSubscription,
  ServiceInstall,
  ServiceState,
  TaskCreate,
  TaskUpdate,
  TaskDelete,
  TaskRun,
  Logon,
  LogonFailure,
  Logoff,
  ExplicitCredentials,
  SpecialPrivileges,
  AccountCreate,
  AccountEnable,
  AccountPasswordReset,
  AccountChange,
  GroupMemberAdd,
  KerberosTgt,
  KerberosTgs,
  ShareAccess,
  AuditLogClear,
  ScriptBlock,
  ModuleLogging,
]);
export type Action = z.infer<typeof Action>;
export type ActionInput = z.input<typeof Action>;
export type ActionKind = Action["kind"];
export type ActionOf<K extends ActionKind> = Extract<Action, { kind: K }>;

export const actionKinds = Action.options.map((o) => o.shape.kind.value) as readonly ActionKind[];

/** An ordered list of actions: what a procedure, the parser or a model produces. */
export const ActionPlan = z.object({ actions: z.array(Action).min(1).max(10_000) });
export type ActionPlan = z.infer<typeof ActionPlan>;
export type ActionPlanInput = z.input<typeof ActionPlan>;
