import { fieldValue, type WinEvent } from "../event";
import { stableHex } from "../rng";
import { sysmonProvider } from "./ecs-names";
import { cachedGuid } from "./sentinel-xml";

/**
 * Defender XDR advanced-hunting rows (DeviceProcessEvents, DeviceNetworkEvents, DeviceFileEvents,
 * DeviceRegistryEvents) derived from the Sysmon events of the same activity. Defender describes the acting
 * process with InitiatingProcess* columns (hashes, command line, parent, account); Sysmon repeats those only
 * in its event 1, so a `DefenderState` remembers processes by ProcessGuid (and account SIDs seen in Security
 * events) within one output stream.
 */

interface ProcessFacts {
  pid?: number;
  image?: string;
  commandLine?: string;
  account?: string;
  integrity?: string;
  md5?: string;
  sha1?: string;
  sha256?: string;
  company?: string;
  product?: string;
  fileVersion?: string;
  description?: string;
  originalFileName?: string;
  created?: string;
  logonId?: number;
  parentPid?: number;
  parentImage?: string;
  parentCreated?: string;
}

export class DefenderState {
  readonly processes = new Map<string, ProcessFacts>();
  /** "DOMAIN\\user" (lowercase) → SID, learned from Security events. */
  readonly sids = new Map<string, string>([
    ["nt authority\\system", "S-1-5-18"],
    ["nt authority\\local service", "S-1-5-19"],
    ["nt authority\\network service", "S-1-5-20"],
  ]);

  /** Remembers what later rows need; returns nothing. */
  learn(event: WinEvent): void {
    const t = event.template;
    if (t.channel === "Security") {
      for (const prefix of ["Subject", "Target"]) {
        const name = str(event, `${prefix}UserName`);
        const domain = str(event, `${prefix}DomainName`);
        const sid = str(event, prefix === "Subject" ? "SubjectUserSid" : "TargetUserSid");
        if (name && domain && sid && sid !== "S-1-0-0")
          this.sids.set(`${domain}\\${name}`.toLowerCase(), sid);
      }
      return;
    }
    if (t.provider.name !== sysmonProvider || t.eventId !== 1) return;
    const guid = str(event, "ProcessGuid");
    if (!guid) return;
    const parent = this.processes.get(str(event, "ParentProcessGuid") ?? "");
    this.processes.set(guid, {
      ...hashes(str(event, "Hashes")),
      pid: num(event, "ProcessId"),
      image: str(event, "Image"),
      commandLine: str(event, "CommandLine"),
      account: str(event, "User"),
      integrity: str(event, "IntegrityLevel"),
      company: str(event, "Company"),
      product: str(event, "Product"),
      fileVersion: str(event, "FileVersion"),
      description: str(event, "Description"),
      originalFileName: str(event, "OriginalFileName"),
      created: event.timeCreated,
      logonId: hexNum(str(event, "LogonId")),
      parentPid: num(event, "ParentProcessId"),
      parentImage: str(event, "ParentImage"),
      parentCreated: parent?.created,
    });
  }

  rows(event: WinEvent): Record<string, unknown>[] {
    const t = event.template;
    if (t.provider.name !== sysmonProvider) return [];
    switch (t.eventId) {
      case 1:
        return [this.processRow(event)];
      case 3:
        return [this.networkRow(event)];
      case 11:
      case 23:
      case 26:
        return [this.fileRow(event)];
      case 12:
      case 13:
        return [this.registryRow(event)];
      default:
        return [];
    }
  }

  private base(event: WinEvent, table: string, actionType: string): Record<string, unknown> {
    const domain = event.computer.includes(".") ? event.computer.slice(event.computer.indexOf(".") + 1) : "";
    return {
      Type: table,
      TenantId: cachedGuid(`tenant|${domain.toLowerCase()}`),
      SourceSystem: "",
      TimeGenerated: event.timeCreated,
      Timestamp: event.timeCreated,
      DeviceId: deviceId(event.computer),
      DeviceName: event.computer.toLowerCase(),
      ActionType: actionType,
    };
  }

  private account(account: string | undefined, prefix: string): Record<string, unknown> {
    const [domain, name] = splitAccount(account);
    return {
      [`${prefix}AccountDomain`]: domain?.toLowerCase() ?? null,
      [`${prefix}AccountName`]: name?.toLowerCase() ?? null,
      [`${prefix}AccountSid`]: account ? (this.sids.get(account.toLowerCase()) ?? null) : null,
    };
  }

  /** InitiatingProcess* columns for the process with this GUID (falling back to what the event says). */
  private initiating(guid: string | undefined, fallback: ProcessFacts): Record<string, unknown> {
    const p = { ...fallback, ...(guid ? this.processes.get(guid) : undefined) };
    return {
      ...this.account(p.account, "InitiatingProcess"),
      InitiatingProcessLogonId: p.logonId ?? null,
      InitiatingProcessIntegrityLevel: p.integrity ?? null,
      InitiatingProcessTokenElevation: elevation(p.integrity, p.account),
      InitiatingProcessSHA1: p.sha1 ?? null,
      InitiatingProcessSHA256: p.sha256 ?? null,
      InitiatingProcessMD5: p.md5 ?? null,
      InitiatingProcessFileName: p.image ? baseName(p.image) : null,
      InitiatingProcessVersionInfoCompanyName: p.company ?? null,
      InitiatingProcessVersionInfoProductName: p.product ?? null,
      InitiatingProcessVersionInfoProductVersion: productVersion(p.fileVersion),
      InitiatingProcessVersionInfoOriginalFileName: p.originalFileName ?? null,
      InitiatingProcessVersionInfoFileDescription: p.description ?? null,
      InitiatingProcessId: p.pid ?? null,
      InitiatingProcessCommandLine: p.commandLine ?? null,
      InitiatingProcessCreationTime: p.created ?? null,
      InitiatingProcessFolderPath: p.image ?? null,
      InitiatingProcessParentId: p.parentPid ?? null,
      InitiatingProcessParentFileName: p.parentImage ? baseName(p.parentImage) : null,
      InitiatingProcessParentCreationTime: p.parentCreated ?? null,
    };
  }

  private processRow(e: WinEvent): Record<string, unknown> {
    const image = str(e, "Image") ?? "";
    const h = hashes(str(e, "Hashes"));
    const parentGuid = str(e, "ParentProcessGuid");
    return {
      ...this.base(e, "DeviceProcessEvents", "ProcessCreated"),
      FileName: baseName(image),
      FolderPath: image,
      SHA1: h.sha1 ?? null,
      SHA256: h.sha256 ?? null,
      MD5: h.md5 ?? null,
      ProcessVersionInfoCompanyName: str(e, "Company") ?? null,
      ProcessVersionInfoProductName: str(e, "Product") ?? null,
      ProcessVersionInfoProductVersion: productVersion(str(e, "FileVersion")),
      ProcessVersionInfoInternalFileName: str(e, "OriginalFileName") ?? null,
      ProcessVersionInfoOriginalFileName: str(e, "OriginalFileName") ?? null,
      ProcessVersionInfoFileDescription: str(e, "Description") ?? null,
      ProcessId: num(e, "ProcessId") ?? null,
      ProcessCommandLine: str(e, "CommandLine") ?? "",
      ProcessIntegrityLevel: str(e, "IntegrityLevel") ?? null,
      ProcessTokenElevation: elevation(str(e, "IntegrityLevel"), str(e, "User")),
      ProcessCreationTime: e.timeCreated,
      ...this.account(str(e, "User"), ""),
      LogonId: hexNum(str(e, "LogonId")) ?? null,
      ...this.initiating(parentGuid, {
        pid: num(e, "ParentProcessId"),
        image: str(e, "ParentImage"),
        commandLine: str(e, "ParentCommandLine"),
        account: str(e, "ParentUser"),
      }),
      CreatedProcessSessionId: num(e, "TerminalSessionId") ?? null,
      ReportId: e.recordId,
      AdditionalFields: null,
    };
  }

  private actor(e: WinEvent): Record<string, unknown> {
    return this.initiating(str(e, "ProcessGuid"), {
      pid: num(e, "ProcessId"),
      image: str(e, "Image"),
      account: str(e, "User"),
    });
  }

  private networkRow(e: WinEvent): Record<string, unknown> {
    const outbound = fieldValue(e, "Initiated") !== false && fieldValue(e, "Initiated") !== "false";
    const local = outbound ? "Source" : "Destination";
    const remote = outbound ? "Destination" : "Source";
    const remoteIp = str(e, `${remote}Ip`) ?? "";
    const url = str(e, `${remote}Hostname`);
    return {
      ...this.base(e, "DeviceNetworkEvents", outbound ? "ConnectionSuccess" : "InboundConnectionAccepted"),
      RemoteIP: remoteIp,
      RemotePort: num(e, `${remote}Port`) ?? null,
      RemoteUrl: url && url !== "-" ? url : "",
      LocalIP: str(e, `${local}Ip`) ?? "",
      LocalPort: num(e, `${local}Port`) ?? null,
      Protocol: (str(e, "Protocol") ?? "tcp") === "udp" ? "Udp" : "Tcp",
      LocalIPType: ipType(str(e, `${local}Ip`)),
      RemoteIPType: ipType(remoteIp),
      ...this.actor(e),
      ReportId: e.recordId,
      AdditionalFields: null,
    };
  }

  private fileRow(e: WinEvent): Record<string, unknown> {
    const path = str(e, "TargetFilename") ?? "";
    const h = hashes(str(e, "Hashes"));
    const action = e.template.eventId === 11 ? "FileCreated" : "FileDeleted";
    return {
      ...this.base(e, "DeviceFileEvents", action),
      FileName: baseName(path),
      FolderPath: path,
      SHA1: h.sha1 ?? null,
      SHA256: h.sha256 ?? null,
      MD5: h.md5 ?? null,
      FileSize: null,
      ...this.actor(e),
      RequestProtocol: "Local",
      RequestAccountName: splitAccount(str(e, "User"))[1]?.toLowerCase() ?? null,
      RequestAccountDomain: splitAccount(str(e, "User"))[0]?.toLowerCase() ?? null,
      ReportId: e.recordId,
      AdditionalFields: null,
    };
  }

  private registryRow(e: WinEvent): Record<string, unknown> {
    const eventType = str(e, "EventType") ?? "";
    const target = defenderKey(str(e, "TargetObject") ?? "");
    const isValue = eventType === "SetValue" || eventType === "DeleteValue";
    const cut = target.lastIndexOf("\\");
    const key = isValue && cut > 0 ? target.slice(0, cut) : target;
    const valueName = isValue && cut > 0 ? target.slice(cut + 1) : "";
    const [type, data] = registryData(str(e, "Details"));
    const action =
      {
        CreateKey: "RegistryKeyCreated",
        DeleteKey: "RegistryKeyDeleted",
        SetValue: "RegistryValueSet",
        DeleteValue: "RegistryValueDeleted",
      }[eventType] ?? "RegistryValueSet";
    return {
      ...this.base(e, "DeviceRegistryEvents", action),
      RegistryKey: key,
      RegistryValueType: eventType === "SetValue" ? type : "",
      RegistryValueName: valueName === "(Default)" ? "" : valueName,
      RegistryValueData: eventType === "SetValue" ? data : "",
      PreviousRegistryKey: "",
      PreviousRegistryValueName: "",
      PreviousRegistryValueData: "",
      ...this.actor(e),
      ReportId: e.recordId,
      AppGuardContainerId: "",
    };
  }
}

const deviceIds = new Map<string, string>();

/** Defender's DeviceId: 40 hex digits, stable per machine. */
function deviceId(computer: string): string {
  const key = computer.toLowerCase();
  let id = deviceIds.get(key);
  if (id === undefined) {
    id = stableHex(`mde-device|${key}`, 40);
    if (deviceIds.size < 10_000) deviceIds.set(key, id);
  }
  return id;
}

function str(e: WinEvent, name: string): string | undefined {
  const v = fieldValue(e, name);
  return v === null || v === undefined || v === "" ? undefined : String(v);
}

function num(e: WinEvent, name: string): number | undefined {
  const v = fieldValue(e, name);
  if (typeof v === "number") return v;
  if (typeof v === "string" && /^\d+$/.test(v)) return Number(v);
  return undefined;
}

function hexNum(text: string | undefined): number | undefined {
  return text && /^0x[0-9a-f]+$/i.test(text) ? parseInt(text, 16) : undefined;
}

function hashes(text: string | undefined): { md5?: string; sha1?: string; sha256?: string } {
  const out: Record<string, string> = {};
  for (const pair of (text ?? "").split(",")) {
    const [k, v] = pair.split("=");
    if (k && v) out[k.toLowerCase()] = v.toLowerCase();
  }
  return out;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf("\\") + 1);
}

function splitAccount(account: string | undefined): [string | undefined, string | undefined] {
  if (!account) return [undefined, undefined];
  const i = account.indexOf("\\");
  return i < 0 ? [undefined, account] : [account.slice(0, i), account.slice(i + 1)];
}

function productVersion(fileVersion: string | undefined): string | null {
  return fileVersion ? fileVersion.split(" ")[0] : null;
}

/** Defender's token elevation from what Sysmon shows: High = elevated admin, System = service default. */
function elevation(integrity: string | undefined, account: string | undefined): string | null {
  if (!integrity) return null;
  if (integrity === "System" || account?.toUpperCase().startsWith("NT AUTHORITY\\"))
    return "TokenElevationTypeDefault";
  return integrity === "High" ? "TokenElevationTypeFull" : "TokenElevationTypeLimited";
}

function ipType(ip: string | undefined): string {
  if (!ip) return "";
  if (/^127\./.test(ip) || ip === "::1") return "Loopback";
  if (/^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(ip)) return "Private";
  if (/^169\.254\./.test(ip) || /^fe80:/i.test(ip)) return "LinkLocal";
  return "Public";
}

/** Sysmon's registry path in Defender's spelling (full hive names; user hives under HKEY_CURRENT_USER\SID). */
function defenderKey(path: string): string {
  return path
    .replace(/^HKLM\\/i, "HKEY_LOCAL_MACHINE\\")
    .replace(/^HKU\\/i, "HKEY_CURRENT_USER\\")
    .replace(/^HKCR\\/i, "HKEY_LOCAL_MACHINE\\SOFTWARE\\Classes\\");
}

/** Sysmon's Details text → Defender's RegistryValueType and RegistryValueData. */
function registryData(details: string | undefined): [string, string] {
  if (!details) return ["None", ""];
  const dword = /^DWORD \((0x[0-9a-f]{8})\)$/i.exec(details);
  if (dword) return ["Dword", String(parseInt(dword[1], 16))];
  const qword = /^QWORD \((0x[0-9a-f]{8})-(0x[0-9a-f]{8})\)$/i.exec(details);
  if (qword) return ["Qword", String(BigInt(qword[1]) * BigInt(4294967296) + BigInt(qword[2]))];
  if (details === "Binary Data") return ["Binary", ""];
  if (details === "(Empty)") return ["String", ""];
  return ["String", details];
}
