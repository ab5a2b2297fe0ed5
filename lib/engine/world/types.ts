/** The world the engine simulates: plain data, mutated only by the executor in time order. */

export interface Domain {
  /** "CORP" */
  readonly netbios: string;
  /** "corp.example.com" */
  readonly dns: string;
  /** "S-1-5-21-a-b-c" */
  readonly sid: string;
}

export type HostRole = "workstation" | "server" | "dc";

export interface OsInfo {
  /** "Windows 10 Enterprise", "Windows Server 2022 Datacenter" */
  readonly name: string;
  /** "10.0.19045" */
  readonly version: string;
  /** 19045 */
  readonly build: number;
  /** FileVersion suffix of system binaries: "10.0.19041.3636 (WinBuild.160101.0800)". */
  readonly fileVersion: string;
}

export interface Host {
  /** NetBIOS name, uppercase: "WS01". */
  readonly name: string;
  /** "WS01.corp.example.com" */
  readonly fqdn: string;
  readonly ip: string;
  readonly role: HostRole;
  readonly os: OsInfo;
  /** Local machine SID (SAM accounts): "S-1-5-21-x-y-z". */
  readonly machineSid: string;
  /** First 8 hex digits of every Sysmon ProcessGuid/LogonGuid on this host. */
  readonly guidPrefix: string;
  /** Last group of Sysmon ProcessGuids on this host ("000000004002" style). */
  readonly guidSuffix: string;
  readonly mac: string;
}

export type UserKind = "domain" | "local" | "builtin";

export interface User {
  readonly sam: string;
  /** Domain part as Windows prints it: "CORP", the host name for local accounts, "NT AUTHORITY". */
  readonly domain: string;
  readonly sid: string;
  readonly rid: number;
  readonly kind: UserKind;
  readonly fullName: string;
  /** Member of Administrators (directly or via Domain Admins): gets a split token. */
  readonly admin: boolean;
  readonly groups: readonly string[];
  /** Host for local accounts. */
  readonly host?: string;
  /** "user@corp.example.com" for domain accounts. */
  readonly upn?: string;
}

export interface Session {
  /** Plan-local name when created by a `logon` action. */
  readonly name: string;
  readonly host: string;
  readonly user: User;
  /** Numeric LogonId (fits in 32 bits here). */
  readonly logonId: number;
  /** "0x529ae3" */
  readonly logonIdHex: string;
  /** Sysmon-style LogonGuid (uppercase, no braces). */
  readonly logonGuid: string;
  /** Security-log LogonGuid (4624): Kerberos ticket GUID or all zeros. */
  readonly kerberosGuid: string;
  readonly logonType: number;
  /** The other half of an admin's split token (elevated ↔ limited). */
  linked: Session | null;
  readonly elevated: boolean;
  readonly authPackage: string;
  readonly sourceIp: string;
  readonly sourcePort: number;
  readonly sourceHost: string;
  readonly startUs: number;
  endUs: number | null;
  /** Terminal session: 0 for services/network, 1+ for interactive. */
  readonly terminalSession: number;
  /** NewCredentials (type 9, runas /netonly, sekurlsa::pth): the account used on the network; locally it is `user`. */
  readonly outbound?: User;
  /** Type 9: the session of the process that asked for it (4624's subject). */
  readonly caller?: Session;
  /**
   * How Security events name this session as their Subject when that differs from its user: LSA reports the
   * SYSTEM session (0x3e7) as the computer account, "WS01$" in the domain, while 4624/4672 targets say SYSTEM.
   */
  readonly subject?: { readonly sam: string; readonly domain: string };
}

export interface ImageInfo {
  /** Full path with Windows' casing: "C:\\Windows\\System32\\cmd.exe". */
  readonly path: string;
  readonly fileName: string;
  readonly fileVersion: string;
  readonly description: string;
  readonly product: string;
  readonly company: string;
  readonly originalFileName: string;
  readonly md5: string;
  readonly sha1: string;
  readonly sha256: string;
  readonly imphash: string;
  readonly signed: boolean;
  readonly signature: string;
  readonly signatureStatus: string;
}

export type Integrity = "Low" | "Medium" | "High" | "System";

export interface ProcessInfo {
  readonly host: string;
  readonly pid: number;
  /** Sysmon ProcessGuid, uppercase, no braces. */
  readonly guid: string;
  readonly image: ImageInfo;
  readonly commandLine: string;
  readonly currentDirectory: string;
  readonly user: User;
  readonly session: Session;
  readonly integrity: Integrity;
  readonly parent: ProcessInfo | null;
  readonly startUs: number;
  endUs: number | null;
  /** Plan-local name, or "@…" for booted processes. */
  readonly name: string;
  /** Security 4688 TokenElevationType: %%1936 full, %%1937 elevated, %%1938 limited. */
  readonly tokenElevation: "%%1936" | "%%1937" | "%%1938";
  /** Threads the process writes events from (PowerShell logging, services). */
  readonly threadId: number;
}

export interface ServiceInfo {
  readonly name: string;
  readonly displayName: string;
  readonly imagePath: string;
  readonly serviceType: string;
  readonly startType: string;
  readonly account: string;
}

export interface TaskInfo {
  readonly name: string;
  readonly command: string;
  readonly arguments: string;
  readonly author: string;
  readonly runAs: User;
  readonly trigger: string;
  readonly runLevel: string;
  readonly guid: string;
  readonly registeredUs: number;
  enabled: boolean;
}
