import { CLASS_GUIDS } from "../../execute/directory";
import type { FieldValue } from "../../event";
import type { RenderContext, ResolvedAction } from "../types";
import { subjectOf } from "./identity";
import { SECURITY } from "./templates";

/**
 * Directory Service Access (4662) and Changes (5136/5137) as a DC writes them under the usual audit policy
 * with SACLs on the domain root, GPOs and account objects, plus the account-management events the SAM
 * writes for the same LDAP modify (4738 for sIDHistory, 4742 for a computer's servicePrincipalName).
 */

const NOT_SET = "%%1793";
/** "Value Added", "Value Deleted" (5136 OperationType). */
const VALUE_ADDED = "%%14674";
const VALUE_DELETED = "%%14675";
/** DSType "Active Directory Domain Services". */
const AD_DS = "%%14676";
/** AccessList / Properties access name "Control Access". */
const CONTROL_ACCESS = "%%7688";
const READ_PROPERTY = "%%7684";
const WRITE_PROPERTY = "%%7685";

/** Attribute syntax OIDs (5136 AttributeSyntaxOID) of attributes procedures change. */
const SYNTAX: Record<string, string> = {
  sidhistory: "2.5.5.17",
  versionnumber: "2.5.5.9",
  useraccountcontrol: "2.5.5.9",
  primarygroupid: "2.5.5.9",
  ntsecuritydescriptor: "2.5.5.15",
  member: "2.5.5.1",
  gplink: "2.5.5.12",
};

function accessName(mask: string): string {
  const n = parseInt(mask, 16);
  if (n & 0x100) return CONTROL_ACCESS;
  if (n & 0x20) return WRITE_PROPERTY;
  return READ_PROPERTY;
}

export function renderDirectoryAccess(r: ResolvedAction<"directory.access">, ctx: RenderContext): void {
  const a = r.action;
  const o = r.directory!;
  const classGuid = CLASS_GUIDS[o.objectClass.toLowerCase()] ?? o.guid;
  const access = accessName(a.accessMask);
  // One event per right checked, as the DRS server checks Get-Changes, then Get-Changes-All ….
  a.properties.forEach((p, i) => {
    ctx.emit(
      SECURITY.dsAccess,
      [
        ...subjectOf(r.session),
        "DS",
        `%{${classGuid}}`,
        `%{${o.guid}}`,
        "Object Access",
        "0x0",
        `${access}\n\t\t\t\t`,
        a.accessMask.toLowerCase(),
        `${access}\n\t\t{${p.toLowerCase()}}\n\t{${classGuid}}\n`,
        "-",
        "",
      ],
      { offsetUs: i * 150 },
    );
  });
}

export function renderDirectoryChange(r: ResolvedAction<"directory.change">, ctx: RenderContext): void {
  const a = r.action;
  const o = r.directory!;
  const subject = subjectOf(r.session);
  const correlation = ctx.rng.guid();
  const head: FieldValue[] = [
    correlation,
    "-",
    ...subject,
    ctx.world.domain.dns,
    AD_DS,
    o.dn,
    o.guid.toUpperCase(),
    o.objectClass,
  ];
  if (a.operation === "create") ctx.emit(SECURITY.dsCreated, head);
  else
    a.changes.forEach((c, i) => {
      ctx.emit(
        SECURITY.dsChanged,
        [
          ...head,
          c.attribute,
          SYNTAX[c.attribute.toLowerCase()] ?? "2.5.5.12",
          c.value,
          c.op === "add" ? VALUE_ADDED : VALUE_DELETED,
        ],
        { offsetUs: i * 40 },
      );
    });
  samEvents(r, ctx, subject);
}

/** The SAM's view of the same modify: account-management events for the attributes it audits. */
function samEvents(r: ResolvedAction<"directory.change">, ctx: RenderContext, subject: FieldValue[]): void {
  const a = r.action;
  const o = r.directory!;
  const u = o.account;
  if (!u || a.operation !== "modify") return;
  const changed = new Set(a.changes.map((c) => c.attribute.toLowerCase()));
  const target = [u.sam, ctx.world.domain.netbios, u.sid];
  // Account attributes the change leaves alone print "-".
  const unchanged = (sidHistory: string): FieldValue[] => [
    "-",
    "-",
    "-",
    "-",
    "-",
    "-",
    "-",
    "-",
    "-",
    "-",
    "-",
    "-",
    "-",
    "-",
    "-",
    "-",
    sidHistory,
    "-",
  ];
  const offsetUs = a.changes.length * 40 + 60;
  if (u.sam.endsWith("$") && changed.has("serviceprincipalname")) {
    const spns = o.values?.get("serviceprincipalname") ?? [];
    const host = ctx.world.hostByRef(u.sam.slice(0, -1));
    const own = host
      ? [
          `HOST/${host.fqdn}`,
          `RestrictedKrbHost/${host.fqdn}`,
          `HOST/${host.name}`,
          `RestrictedKrbHost/${host.name}`,
        ]
      : [];
    ctx.emit(
      SECURITY.computerChanged,
      ["-", ...target, ...subject, "-", ...unchanged("-"), "-", [...own, ...spns].join("\n\t\t") || NOT_SET],
      { offsetUs },
    );
  } else if (!u.sam.endsWith("$") && changed.has("sidhistory")) {
    const sids = o.values?.get("sidhistory") ?? [];
    ctx.emit(
      SECURITY.userChanged,
      [
        "-",
        ...target,
        ...subject,
        "-",
        ...unchanged(sids.length ? sids.map((s) => `%{${s}}`).join("\n\t\t") : NOT_SET),
      ],
      { offsetUs },
    );
  }
}
