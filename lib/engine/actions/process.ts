import { z } from "zod";
import { ref, path, hexMask, base, byProc } from "./common";

// Processes, images and drivers, files, the registry, and one process acting on another.

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

/** Process, image, file and registry actions, in the order of the Action union. */
export const processActions = [
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
] as const;

/** One process acting on another, in the order of the Action union. */
export const crossProcessActions = [ProcessAccess, RemoteThread] as const;
