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
 *   "@taskhost" (taskhostw.exe), "@svchost:Schedule" (Task Scheduler service), "@wmiprvse", "@spoolsv",
 *   "@msmpeng" (Defender's MsMpEng.exe).
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
  /**
   * The image is a renamed copy of this binary: Sysmon keeps the original's PE metadata (OriginalFileName,
   * Description, hashes) while Image is the new path. Not needed when a `file.create` with `copyOf` made it.
   */
  copyOf: path.optional(),
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

export const FileCreate = z.object({
  ...byProc,
  kind: z.literal("file.create"),
  path,
  /** The file is a copy of this one (same content): a process later started from it keeps its PE identity. */
  copyOf: path.optional(),
});
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

const taskBase = {
  ...byProc,
  name: z.string().regex(/^\\/, "task names start with \\").max(512),
  /** Session of the account acting over RPC (atexec, schtasks /s: a remote admin's network logon); default the actor's. */
  session: ref.optional(),
};
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
  /** Workstation name the client sent (NTLM): 4624 WorkstationName, 4776 Workstation; default the source host's. */
  workstation: z.string().min(1).max(255).optional(),
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
  /** Workstation name the client sent: 4625 WorkstationName (and 4776 on the DC); default the source host's. */
  workstation: z.string().min(1).max(255).optional(),
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
  /** 4768 PreAuthType: "2" encrypted timestamp, "0" none (AS-REP roastable accounts), "16"/"15" PKINIT. */
  preAuthType: z
    .string()
    .regex(/^\d{1,2}$/)
    .optional(),
  /** PKINIT: the client certificate the TGT was requested with (4768 Cert* fields). */
  certificate: z
    .object({
      issuer: z.string().min(1).max(1024),
      serial: z.string().regex(/^[0-9A-Fa-f]{1,64}$/),
      thumbprint: z.string().regex(/^[0-9A-Fa-f]{40}$/),
    })
    .optional(),
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
/** Extended rights and property sets that directory replication (DCSync) asks for on the domain root. */
export const replicationRights = {
  getChanges: "1131f6aa-9c07-11d1-f79f-00c04fc2dcd2",
  getChangesAll: "1131f6ad-9c07-11d1-f79f-00c04fc2dcd2",
  getChangesInFilteredSet: "89e95b76-444d-4c62-991a-0facbeda640c",
  synchronize: "1131f6ab-9c07-11d1-f79f-00c04fc2dcd2",
} as const;

const guidText = z.string().regex(/^[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$/, "expected a GUID");
/**
 * Who acts on the directory: a session on the DC (the network logon of a remote tool, from a `logon`
 * action with host "@dc") or a process running on the DC. Directory actions happen on the DC by default.
 */
const directoryActor = { ...base, session: ref.optional(), proc: ref.optional() };
/** A directory object: "domain" (the domain NC root) or a DN; "{{…}}"-free, DC=… is appended when missing. */
const dn = z.string().min(1).max(2048);
export const DirectoryAccess = z.object({
  ...directoryActor,
  kind: z.literal("directory.access"),
  object: dn.default("domain"),
  /** lDAPDisplayName of the object's class (domainDNS, user, groupPolicyContainer …). */
  objectClass: z.string().min(1).max(256).default("domainDNS"),
  /** Extended rights / property GUIDs checked (4662 Properties), e.g. replicationRights. */
  properties: z.array(guidText).min(1).max(16),
  /** 0x100 Control Access (extended rights), 0x10 Read Property, 0x20 Write Property. */
  accessMask: hexMask.default("0x100"),
});
export const DirectoryChange = z.object({
  ...directoryActor,
  kind: z.literal("directory.change"),
  object: dn,
  objectClass: z.string().min(1).max(256),
  /** create: 5137 (then 5136 per given value is not written: the values are part of the new object). */
  operation: z.enum(["create", "modify"]).default("modify"),
  /** Attribute values deleted ("delete") or added ("add"), in the order the LDAP modify applies them. */
  changes: z
    .array(
      z.object({
        attribute: z.string().min(1).max(256),
        value: z.string().max(32_767),
        op: z.enum(["add", "delete"]).default("add"),
      }),
    )
    .max(64)
    .default([]),
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

export const DiskRawRead = z.object({
  ...byProc,
  kind: z.literal("disk.rawread"),
  /** Kernel device opened for raw reads (\\.\C: is \Device\HarddiskVolumeN; a whole disk \Device\Harddisk0\DR0). */
  device: z
    .string()
    .regex(/^\\Device\\/, "a kernel device path like \\Device\\HarddiskVolume2")
    .max(260),
});
/** A process crashes (unhandled exception): Windows Error Reporting writes Application 1000. */
export const ProcessCrash = z.object({
  ...byProc,
  kind: z.literal("process.crash"),
  /** Faulting module path; default the process image. */
  module: path.optional(),
  /** NTSTATUS of the exception: 0xc0000005 access violation, 0xc0000409 stack buffer overrun … */
  exceptionCode: hexMask.default("0xc0000005"),
});
/** A component reports an exploitation attempt through CveEventWrite (Application, Microsoft-Windows-Audit-CVE 1). */
export const CveAudit = z.object({
  ...byProc,
  kind: z.literal("cve.audit"),
  /** The CveId string the component passes, e.g. "[CVE-2020-0601] cert validation". */
  cve: z.string().min(1).max(256),
  details: z.string().max(8192).default(""),
});
/** Software Restriction Policies refuse to run a file (Application 865–868). */
export const SrpBlock = z.object({
  ...byProc,
  kind: z.literal("srp.block"),
  /** The file the process tried to run. */
  path,
  /** default: the default security level (865); path: a path rule (866); publisher (867); hash: a hash rule (868). */
  rule: z.enum(["default", "path", "publisher", "hash"]).default("path"),
  /** The path the path rule is placed on (866), e.g. "%AppData%\\*.exe". */
  rulePath: z.string().max(32_767).optional(),
});
export const deviceKinds = ["usb-storage", "usb-keyboard", "usb-ethernet"] as const;
/** A device is plugged in: Security 6416 per recognised device node (6423 when policy blocks installation). */
export const DeviceConnect = z.object({
  ...base,
  kind: z.literal("device.connect"),
  device: z.enum(deviceKinds),
  /** USB vendor/product IDs (4 hex digits) and serial; default a common device of that kind. */
  vendorId: z
    .string()
    .regex(/^[0-9A-Fa-f]{4}$/)
    .optional(),
  productId: z
    .string()
    .regex(/^[0-9A-Fa-f]{4}$/)
    .optional(),
  serial: z
    .string()
    .regex(/^[0-9A-Za-z]{1,64}$/)
    .optional(),
  /** Device installation restrictions forbid it: 6423 instead of the class driver installing. */
  blocked: z.boolean().default(false),
});
/** A key of Defender's own configuration or of its policy ("HKLM\\SOFTWARE\\[Policies\\]Microsoft\\Windows Defender…"). */
const defenderKey = z
  .string()
  .regex(
    /^HKLM\\SOFTWARE\\(Policies\\)?Microsoft\\Windows Defender(\\|$)/i,
    "a Windows Defender key under HKLM",
  )
  .max(2048);
/**
 * Microsoft Defender Antivirus takes a configuration change (Set-MpPreference, a policy value): 5007 with the old
 * and new value, then 5001 when real-time protection goes off. With `blocked`, Tamper Protection refuses it (5013)
 * instead. The registry write itself is a separate registry.value.set (by "@msmpeng" for Set-MpPreference).
 */
export const DefenderConfig = z.object({
  ...base,
  kind: z.literal("defender.config"),
  key: defenderKey,
  value: z.string().min(1).max(16_383),
  /** New data: a number (decimal or 0x-hex) for DWORD settings and exclusions ("0"), else text. */
  data: z.string().max(32_767),
  /** Data before the change; absent: the built-in default ("Default\\…") or nothing (a new exclusion). */
  previous: z.string().max(32_767).optional(),
  blocked: z.boolean().default(false),
});
/**
 * Defender detects a file (1116) and quarantines, removes or blocks it (1117). `proc`, when given, is the process
 * whose write or launch was scanned (Process Name, Detection User); the file is gone from disk afterwards.
 */
export const DefenderDetection = z.object({
  ...base,
  kind: z.literal("defender.detection"),
  proc: ref.optional(),
  path,
  /** Defender's threat name, "Type:Platform/Family.Variant", e.g. "HackTool:Win32/Mimikatz.D". */
  threat: z
    .string()
    .regex(/^[A-Za-z]+:[A-Za-z0-9]+\/[!-~]+$/, "a threat name like HackTool:Win32/Mimikatz.D"),
  /** realtime: on-access scan of a write or launch; download: IOAV (browser/mail downloads); amsi: a script buffer. */
  source: z.enum(["realtime", "download", "amsi"]).default("realtime"),
  remediation: z.enum(["quarantine", "remove", "block"]).default("quarantine"),
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
  DirectoryAccess,
  DirectoryChange,
  AuditLogClear,
  ScriptBlock,
  ModuleLogging,
  DiskRawRead,
  ProcessCrash,
  CveAudit,
  SrpBlock,
  DeviceConnect,
  DefenderConfig,
  DefenderDetection,
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
