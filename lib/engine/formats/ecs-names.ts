/**
 * Names Windows renders from provider manifests (task, opcode, keyword, level) and the ECS categorisation
 * Elastic's Winlogbeat modules add (x-pack/winlogbeat/module/{sysmon,security}/ingest). Shared by the ecs and
 * sentinel formats.
 */

export const sysmonProvider = "Microsoft-Windows-Sysmon";
export const securityProvider = "Microsoft-Windows-Security-Auditing";

/** Sysmon event ID → [task name, message title]. Sysmon's task number equals its event ID. */
export const sysmonNames: Record<number, readonly [string, string]> = {
  1: ["Process Create (rule: ProcessCreate)", "Process Create"],
  2: ["File creation time changed (rule: FileCreateTime)", "File creation time changed"],
  3: ["Network connection detected (rule: NetworkConnect)", "Network connection detected"],
  4: ["Sysmon service state changed", "Sysmon service state changed"],
  5: ["Process terminated (rule: ProcessTerminate)", "Process terminated"],
  6: ["Driver loaded (rule: DriverLoad)", "Driver loaded"],
  7: ["Image loaded (rule: ImageLoad)", "Image loaded"],
  8: ["CreateRemoteThread detected (rule: CreateRemoteThread)", "CreateRemoteThread detected"],
  9: ["RawAccessRead detected (rule: RawAccessRead)", "RawAccessRead detected"],
  10: ["Process accessed (rule: ProcessAccess)", "Process accessed"],
  11: ["File created (rule: FileCreate)", "File created"],
  12: ["Registry object added or deleted (rule: RegistryEvent)", "Registry object added or deleted"],
  13: ["Registry value set (rule: RegistryEvent)", "Registry value set"],
  14: ["Registry object renamed (rule: RegistryEvent)", "Registry object renamed"],
  15: ["File stream created (rule: FileCreateStreamHash)", "File stream created"],
  16: ["Sysmon config state changed", "Sysmon config state changed"],
  17: ["Pipe Created (rule: PipeEvent)", "Pipe Created"],
  18: ["Pipe Connected (rule: PipeEvent)", "Pipe Connected"],
  19: ["WmiEventFilter activity detected (rule: WmiEvent)", "WmiEventFilter activity detected"],
  20: ["WmiEventConsumer activity detected (rule: WmiEvent)", "WmiEventConsumer activity detected"],
  21: [
    "WmiEventConsumerToFilter activity detected (rule: WmiEvent)",
    "WmiEventConsumerToFilter activity detected",
  ],
  22: ["Dns query (rule: DnsQuery)", "Dns query"],
  23: ["File Delete archived (rule: FileDelete)", "File Delete archived"],
  24: ["Clipboard changed (rule: ClipboardChange)", "Clipboard changed"],
  25: ["Process Tampering (rule: ProcessTampering)", "Process Tampering"],
  26: ["File Delete logged (rule: FileDeleteDetected)", "File Delete logged"],
};

/** Winlogbeat sysmon pipeline: event ID → [event.action, event.category, event.type]. */
export const sysmonEcs: Record<number, readonly [string, readonly string[], readonly string[]]> = {
  1: ["Process creation", ["process"], ["start"]],
  2: ["A process changed a file creation time", ["file"], ["change"]],
  3: ["Network connection", ["network"], ["start", "connection", "protocol"]],
  4: ["Sysmon service state changed", ["process"], ["change"]],
  5: ["Process terminated", ["process"], ["end"]],
  6: ["Driver loaded", ["driver"], ["start"]],
  7: ["Image loaded", ["process"], ["change"]],
  8: ["CreateRemoteThread", ["process"], ["change"]],
  9: ["RawAccessRead", ["process"], ["access"]],
  10: ["ProcessAccess", ["process"], ["access"]],
  11: ["FileCreate", ["file"], ["creation"]],
  12: ["RegistryEvent (Object create and delete)", ["configuration", "registry"], ["change"]],
  13: ["RegistryEvent (Value Set)", ["configuration", "registry"], ["change"]],
  14: ["RegistryEvent (Key and Value Rename)", ["configuration", "registry"], ["change"]],
  15: ["FileCreateStreamHash", ["file"], ["access"]],
  16: ["ServiceConfigurationChange", ["configuration"], ["change"]],
  17: ["PipeEvent (Pipe Created)", ["file"], ["creation"]],
  18: ["PipeEvent (Pipe Connected)", ["file"], ["access"]],
  19: ["WmiEvent (WmiEventFilter activity detected)", ["process"], ["info"]],
  20: ["WmiEvent (WmiEventConsumer activity detected)", ["process"], ["change"]],
  21: ["WmiEvent (WmiEventConsumerToFilter activity detected)", ["process"], ["access"]],
  22: ["DNSEvent (DNS query)", ["network"], ["connection", "protocol", "info"]],
  23: ["FileDelete (File Delete archived)", ["file"], ["deletion"]],
  24: ["ClipboardChange (New content in the clipboard)", [], ["change"]],
  25: ["ProcessTampering (Process image change)", ["process"], ["change"]],
  26: ["FileDeleteDetected (File Delete logged)", ["file"], ["deletion"]],
};

/** Winlogbeat security pipeline: event ID → [event.action, event.category, event.type]; others keep the task name. */
export const securityEcs: Record<number, readonly [string, readonly string[], readonly string[]]> = {
  1102: ["audit-log-cleared", ["iam"], ["admin", "change"]],
  4624: ["logged-in", ["authentication"], ["start"]],
  4625: ["logon-failed", ["authentication"], ["start"]],
  4634: ["logged-out", ["authentication"], ["end"]],
  4647: ["logged-out", ["authentication"], ["end"]],
  4648: ["logged-in-explicit", ["authentication"], ["start"]],
  4672: ["logged-in-special", ["iam"], ["admin"]],
  4688: ["created-process", ["process"], ["start"]],
  4689: ["exited-process", ["process"], ["end"]],
  4697: ["service-installed", ["iam", "configuration"], ["admin", "change"]],
  4698: ["scheduled-task-created", ["iam", "configuration"], ["creation", "admin"]],
  4699: ["scheduled-task-deleted", ["iam", "configuration"], ["deletion", "admin"]],
  4702: ["scheduled-task-updated", ["iam", "configuration"], ["change", "admin"]],
  4720: ["added-user-account", ["iam"], ["user", "creation"]],
  4722: ["enabled-user-account", ["iam"], ["user", "change"]],
  4724: ["reset-password", ["iam"], ["user", "change"]],
  4728: ["added-member-to-group", ["iam"], ["group", "change"]],
  4732: ["added-member-to-group", ["iam"], ["group", "change"]],
  4738: ["modified-user-account", ["iam"], ["user", "change"]],
  4742: ["changed-computer-account", ["iam"], ["change", "admin"]],
  4768: ["kerberos-authentication-ticket-requested", ["authentication"], ["start"]],
  4769: ["kerberos-service-ticket-requested", ["authentication"], ["start"]],
  4776: ["credential-validated", ["authentication"], ["start"]],
  5140: ["network-share-object-accessed", ["network", "file"], ["info", "access"]],
  5145: ["network-share-object-access-checked", ["network", "file"], ["info", "access"]],
};

/** Security audit task (subcategory) numbers → names Event Viewer shows. */
export const securityTasks: Record<number, string> = {
  104: "Log clear",
  12288: "Security State Change",
  12289: "Security System Extension",
  12290: "System Integrity",
  12544: "Logon",
  12545: "Logoff",
  12546: "Account Lockout",
  12548: "Special Logon",
  12551: "Other Logon/Logoff Events",
  12800: "File System",
  12801: "Registry",
  12802: "Kernel Object",
  12804: "Other Object Access Events",
  12808: "File Share",
  12810: "Filtering Platform Connection",
  12811: "Detailed File Share",
  12812: "Removable Storage",
  13312: "Process Creation",
  13313: "Process Termination",
  13316: "Plug and Play Events",
  13568: "Audit Policy Change",
  13824: "User Account Management",
  13825: "Computer Account Management",
  13826: "Security Group Management",
  14336: "Credential Validation",
  14337: "Kerberos Service Ticket Operations",
  14338: "Other Account Logon Events",
  14339: "Kerberos Authentication Service",
  14080: "Directory Service Access",
  14081: "Directory Service Changes",
};

/** Security event ID → the first line of its message (SecurityEvent.Activity is "<id> - <this>"). */
export const securityTitles: Record<number, string> = {
  1102: "The audit log was cleared.",
  4624: "An account was successfully logged on.",
  4625: "An account failed to log on.",
  4634: "An account was logged off.",
  4647: "User initiated logoff.",
  4648: "A logon was attempted using explicit credentials.",
  4656: "A handle to an object was requested.",
  4663: "An attempt was made to access an object.",
  4672: "Special privileges assigned to new logon.",
  4688: "A new process has been created.",
  4689: "A process has exited.",
  4697: "A service was installed in the system.",
  4698: "A scheduled task was created.",
  4699: "A scheduled task was deleted.",
  4702: "A scheduled task was updated.",
  4720: "A user account was created.",
  4722: "A user account was enabled.",
  4724: "An attempt was made to reset an account's password.",
  4728: "A member was added to a security-enabled global group.",
  4732: "A member was added to a security-enabled local group.",
  4662: "An operation was performed on an object.",
  4738: "A user account was changed.",
  4742: "A computer account was changed.",
  4768: "A Kerberos authentication ticket (TGT) was requested.",
  4769: "A Kerberos service ticket was requested.",
  4776: "The computer attempted to validate the credentials for an account.",
  5140: "A network share object was accessed.",
  5136: "A directory service object was modified.",
  5137: "A directory service object was created.",
  5145: "A network share object was checked to see whether client can be granted desired access.",
  5156: "The Windows Filtering Platform has permitted a connection.",
  6416: "A new external device was recognized by the system.",
  6423: "The installation of this device is forbidden by system policy.",
};

/** Task names of the other providers, keyed "provider|task". */
export const otherTasks: Record<string, string> = {
  "Microsoft-Windows-PowerShell|2": "Execute a Remote Command",
  "Microsoft-Windows-PowerShell|106": "Executing Pipeline",
  "PowerShell|4": "Engine Lifecycle",
  "PowerShell|6": "Provider Lifecycle",
  "PowerShell|8": "Pipeline Execution Details",
  "Microsoft-Windows-TaskScheduler|100": "Task Started",
  "Microsoft-Windows-TaskScheduler|102": "Task completed",
  "Microsoft-Windows-TaskScheduler|106": "Task registered",
  "Microsoft-Windows-TaskScheduler|129": "Created Task Process",
  "Microsoft-Windows-TaskScheduler|140": "Task registration updated",
  "Microsoft-Windows-TaskScheduler|141": "Task registration deleted",
  "Microsoft-Windows-TaskScheduler|200": "Action started",
  "Microsoft-Windows-TaskScheduler|201": "Action completed",
  "Application Error|100": "Application Crashing Events",
};

/** Opcode names, keyed "provider|opcode"; opcode 0 renders "Info" for every provider. */
export function opcodeName(provider: string, opcode: number): string | undefined {
  if (opcode === 0) return "Info";
  if (provider === "Microsoft-Windows-PowerShell") {
    if (opcode === 15) return "On create calls";
    if (opcode === 20) return "To be used when operation is just executing a method";
  }
  if (opcode === 1) return "Start";
  if (opcode === 2) return "Stop";
  return undefined;
}

export function taskName(provider: string, task: number): string | undefined {
  if (provider === sysmonProvider) return sysmonNames[task]?.[0];
  if (provider === securityProvider) return securityTasks[task];
  return otherTasks[`${provider}|${task}`];
}

/** Keyword names Windows renders (winlog.keywords). */
export function keywordNames(keywords: string): string[] {
  switch (keywords.toLowerCase()) {
    case "0x8020000000000000":
      return ["Audit Success"];
    case "0x8010000000000000":
      return ["Audit Failure"];
    case "0x80000000000000":
    case "0x8080000000000000":
      return ["Classic"];
    default:
      return [];
  }
}

/** log.level as Winlogbeat writes it (lowercased rendered level; LogAlways renders as Information). */
export function levelName(level: number): string {
  return ["information", "critical", "error", "warning", "information", "verbose"][level] ?? "information";
}

/** Account names of the SIDs every Windows host resolves the same way. */
export const wellKnownSids: Record<string, readonly [string, string]> = {
  "S-1-5-18": ["NT AUTHORITY", "SYSTEM"],
  "S-1-5-19": ["NT AUTHORITY", "LOCAL SERVICE"],
  "S-1-5-20": ["NT AUTHORITY", "NETWORK SERVICE"],
  "S-1-5-7": ["NT AUTHORITY", "ANONYMOUS LOGON"],
};

/** How each provider's manifest spells its GUID (Windows renders it as registered). */
export function providerGuidText(provider: string, guid: string): string {
  const upper = new Set([sysmonProvider, securityProvider, "Microsoft-Windows-WMI-Activity"]);
  return `{${upper.has(provider) ? guid.toUpperCase() : guid.toLowerCase()}}`;
}
