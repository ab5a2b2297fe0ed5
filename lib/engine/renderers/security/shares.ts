import type { RenderContext, ResolvedAction } from "../types";
import { subjectOf } from "./identity";
import { SECURITY } from "./templates";

/** File share access of the Security log (5140, 5145). */

/** File access rights (bit → message ID), in the order Windows lists them in AccessList. */
const FILE_RIGHTS: readonly (readonly [number, string])[] = [
  [0x10000, "%%1537"],
  [0x20000, "%%1538"],
  [0x40000, "%%1539"],
  [0x80000, "%%1540"],
  [0x100000, "%%1541"],
  [0x1000000, "%%1542"],
  [0x1, "%%4416"],
  [0x2, "%%4417"],
  [0x4, "%%4418"],
  [0x8, "%%4419"],
  [0x10, "%%4420"],
  [0x20, "%%4421"],
  [0x40, "%%4422"],
  [0x80, "%%4423"],
  [0x100, "%%4424"],
];

function rightsOf(mask: string): string[] {
  const n = parseInt(mask, 16);
  const names = FILE_RIGHTS.filter(([bit]) => (n & bit) !== 0).map(([, name]) => name);
  return names.length ? names : ["%%4416"];
}

/** 5140/5145 AccessList for a mask ("%%4416\n\t\t\t\t%%4417…"). */
export function accessListOf(mask: string): string {
  return rightsOf(mask)
    .map((r) => `${r}\n\t\t\t\t`)
    .join("");
}

/** 5145 AccessReason: each requested right granted ("%%1801") by the share and file DACLs. */
function accessReasonOf(mask: string): string {
  return rightsOf(mask)
    .map((r) => `${r}:\t%%1801\n\t\t\t\t`)
    .join("");
}

export function renderShareAccess(r: ResolvedAction<"share.access">, ctx: RenderContext): void {
  const a = r.action;
  const s = r.session!;
  const share = a.share.startsWith("\\\\") ? a.share : `\\\\*\\${a.share}`;
  const name = share.slice(share.lastIndexOf("\\") + 1).toUpperCase();
  const local =
    name === "ADMIN$"
      ? "\\??\\C:\\Windows"
      : name === "C$"
        ? "\\??\\C:\\"
        : name === "IPC$"
          ? ""
          : `\\??\\C:\\Shares\\${name}`;
  // 5140 and 5145 share the subject, the client address and the share; 5145 adds the file inside it.
  const shareFields = [...subjectOf(s), "File", s.sourceIp, String(s.sourcePort), share, local];
  ctx.emit(SECURITY.shareAccess, [...shareFields, a.accessMask, accessListOf(a.accessMask)]);
  if (a.relativeTarget !== undefined) {
    ctx.emit(
      SECURITY.shareObjectCheck,
      [
        ...shareFields,
        a.relativeTarget,
        a.accessMask,
        accessListOf(a.accessMask),
        accessReasonOf(a.accessMask),
      ],
      { offsetUs: 200 },
    );
  }
}
