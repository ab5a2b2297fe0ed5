import { z } from "zod";
import { ref, hexMask, base, byProc } from "./common";

// Logons, credentials, accounts and groups, Kerberos, shares and the directory.

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

/** Logon, account, Kerberos, share and directory actions, in the order of the Action union. */
export const identityActions = [
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
] as const;
