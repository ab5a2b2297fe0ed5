import { z } from "zod";
import { ref, path, hexMask, base, byProc } from "./common";
import { accountRemovalActions } from "./account-removal";
import { serverAppActions } from "./server-apps";

export * from "./account-removal";
export * from "./server-apps";

// Logs and PowerShell logging, raw disk, crashes and Application-log events, devices, Microsoft Defender.

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
/**
 * NTFS meets a corrupted structure while the process touches the volume (System, Ntfs 55). Opening
 * C:\:$i30:$bitmap (CVE-2021-28312) makes NTFS flag the root directory's file record this way.
 */
export const NtfsCorruption = z.object({
  ...byProc,
  kind: z.literal("ntfs.corruption"),
  volume: z
    .string()
    .regex(/^[A-Za-z]:$/, "a drive letter like C:")
    .default("C:"),
  /** Kernel device of the volume. */
  device: z
    .string()
    .regex(/^\\Device\\/, "a kernel device path like \\Device\\HarddiskVolume3")
    .max(260)
    .default("\\Device\\HarddiskVolume3"),
  /** File reference number of the damaged record (sequence and record); default the root directory's, 5/5. */
  fileReference: z
    .string()
    .regex(/^0x[0-9a-f]{1,16}$/, "a 64-bit file reference like 0x5000000000005")
    .default("0x5000000000005"),
  /** Name NTFS gives the record ("\\" is the root directory). */
  fileName: z.string().min(1).max(32_767).default("\\"),
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

/** Logging, crash, device, Defender and file-system actions, in the order of the Action union. */
export const hostTelemetryActions = [
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
  NtfsCorruption,
  ...serverAppActions,
  ...accountRemovalActions,
] as const;
