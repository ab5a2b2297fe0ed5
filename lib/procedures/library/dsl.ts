import type { Run, TechniqueEntry, ThenAction, Variant } from "./types";

/** Shorthands for the tables: a technique row and a variant. */
export function t(
  technique: string,
  name: string,
  description: string,
  variants: Variant[],
  needs?: string[],
): TechniqueEntry {
  return { technique, name, description, variants, ...(needs ? { needs } : {}) };
}

export function v(
  name: string,
  runs: (Run | string)[],
  options: Omit<Variant, "name" | "runs"> = {},
): Variant {
  return { name, runs, ...options };
}

/** Frequently used locations. */
export const S32 = "C:\\Windows\\System32";
export const PS = "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe";
export const HKCU_RUN = "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run";
export const HKLM_RUN = "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run";
export const NET35 = "C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319";

/** A network logon of the domain admin on the server (what a remote execution tool causes first). */
export const remoteLogon = (session: string, auth: "Kerberos" | "NTLM" = "NTLM"): ThenAction[] => [
  {
    id: "logon",
    kind: "logon",
    host: "@server",
    session,
    user: "@admin",
    logonType: 3,
    source: "@workstation",
    authPackage: auth,
  },
];

/** Where Impacket's wmiexec/dcomexec/smbexec redirect command output. */
export const IMPACKET_OUT = "1> \\\\127.0.0.1\\ADMIN$\\__{{n}}.{{rand}} 2>&1";

/** The replication rights a DRSGetNCChanges call is checked for (DCSync, secretsdump -just-dc). */
const REPLICATION = {
  changes: "1131f6aa-9c07-11d1-f79f-00c04fc2dcd2",
  changesAll: "1131f6ad-9c07-11d1-f79f-00c04fc2dcd2",
  filteredSet: "89e95b76-444d-4c62-991a-0facbeda640c",
};

/**
 * What a DC logs when `user` on `source` replicates secrets over DRSUAPI: the service ticket for the DC
 * (Kerberos), the network logon, the 4662 access checks on the domain root, the logoff.
 */
export const dcReplication = (
  user: string,
  source: string,
  auth: "Kerberos" | "NTLM" = "Kerberos",
  all = false,
): ThenAction[] => [
  ...(auth === "Kerberos"
    ? [{ id: "tgs", kind: "kerberos.tgs" as const, host: "@dc", user, service: "@dc", source }]
    : []),
  {
    id: "drs-logon",
    kind: "logon",
    host: "@dc",
    session: "drs",
    user,
    logonType: 3,
    source,
    authPackage: auth,
  },
  {
    id: "drs",
    kind: "directory.access",
    host: "@dc",
    session: "drs",
    properties: all
      ? [REPLICATION.changes, REPLICATION.changesAll, REPLICATION.filteredSet]
      : [REPLICATION.changes, REPLICATION.changesAll],
    delayMs: 40,
  },
  { id: "drs-logoff", kind: "logoff", host: "@dc", session: "drs", delayMs: 900 },
];

/** Client-side extension pairs in gPCMachineExtensionNames. */
export const CSE = {
  /** Registry (Administrative Templates). */
  registry: "[{35378EAC-683F-11D2-A89A-00C04FBBCFA2}{53D6AB1B-2488-11D1-A28C-00C04FB94F17}]",
  /** Security settings (GptTmpl.inf: restricted groups, user rights). */
  security: "[{827D319E-6EAC-11D2-A4EA-00C04F79F83A}{803E14A0-B4FB-11D0-A0D0-00A0C90F574B}]",
  /** Group Policy Preferences scheduled tasks (immediate tasks). */
  tasks:
    "[{00000000-0000-0000-0000-000000000000}{CAB54552-DEEA-4691-817E-ED4A4D1AFC72}][{AADCED64-746C-4633-A97C-D61349046527}{CAB54552-DEEA-4691-817E-ED4A4D1AFC72}]",
};

/**
 * What the DC logs when `user` on the workstation edits a GPO the way SharpGPOAbuse / GPMC do: the SYSVOL
 * file writes over SMB (5145 with write access), then one LDAP modify of the groupPolicyContainer that
 * replaces gPCMachineExtensionNames and bumps versionNumber (5136 value deleted / value added pairs).
 */
export const gpoEdit = (
  user: string,
  gpo: string,
  files: readonly string[],
  extensions: readonly [string, string],
  version: readonly [string, string],
): ThenAction[] => [
  {
    id: "gpo-smb",
    kind: "logon",
    host: "@dc",
    session: "gpo-smb",
    user,
    logonType: 3,
    source: "@workstation",
  },
  ...files.map((f, k) => ({
    id: `gpo-file${k}`,
    kind: "share.access" as const,
    host: "@dc",
    session: "gpo-smb",
    share: "\\\\*\\SYSVOL",
    relativeTarget: `{{dns}}\\Policies\\{${gpo}}\\${f}`,
    accessMask: "0x12019f",
  })),
  {
    id: "gpo-ldap",
    kind: "logon",
    host: "@dc",
    session: "gpo-ldap",
    user,
    logonType: 3,
    source: "@workstation",
  },
  {
    id: "gpo-modify",
    kind: "directory.change",
    host: "@dc",
    session: "gpo-ldap",
    object: `CN={${gpo}},CN=Policies,CN=System`,
    objectClass: "groupPolicyContainer",
    changes: [
      { attribute: "gPCMachineExtensionNames", value: extensions[0], op: "delete" },
      { attribute: "gPCMachineExtensionNames", value: extensions[1], op: "add" },
      { attribute: "versionNumber", value: version[0], op: "delete" },
      { attribute: "versionNumber", value: version[1], op: "add" },
    ],
  },
  { id: "gpo-ldap-off", kind: "logoff", host: "@dc", session: "gpo-ldap", delayMs: 300 },
  { id: "gpo-smb-off", kind: "logoff", host: "@dc", session: "gpo-smb", delayMs: 600 },
];

/**
 * PsExec on the local host: the client installs PSEXESVC, services.exe starts it as SYSTEM with its pipe; the
 * service process is `pss`, the parent of what the client asked it to run.
 */
export const localPsExec = (client: string, as?: string): Run[] => [
  {
    cmd: client,
    ...(as ? { as } : {}),
    then: [
      {
        id: "svc",
        kind: "service.install",
        proc: "@services",
        name: "PSEXESVC",
        imagePath: "%SystemRoot%\\PSEXESVC.exe",
      },
    ],
  },
  {
    cmd: "C:\\Windows\\PSEXESVC.exe",
    parent: "@services",
    user: "@system",
    as: "pss",
    pipes: ["\\PSEXESVC"],
  },
];
