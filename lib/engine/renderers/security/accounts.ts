import type { FieldValue } from "../../event";
import type { User } from "../../world/types";
import type { RenderContext, ResolvedAction } from "../types";
import { subjectOf } from "./identity";
import { SECURITY } from "./templates";

/** Account and group management events of the Security log (4720, 4722, 4724, 4738, 4728/4732). */

const NOT_SET = "%%1793";

function targetOf(u: User): FieldValue[] {
  return [u.sam, u.domain, u.sid];
}

function accountAttributes(u: User, created: boolean): FieldValue[] {
  return [
    u.sam,
    NOT_SET,
    u.kind === "domain" ? (u.upn ?? "-") : "-",
    NOT_SET,
    NOT_SET,
    NOT_SET,
    NOT_SET,
    NOT_SET,
    created ? "%%1794" : "-",
    created ? "%%1794" : "-",
    "513",
    "-",
    created ? "0x0" : "0x15",
    created ? "0x15" : "0x10",
    created ? "\n\t\t%%2080\n\t\t%%2082\n\t\t%%2084" : "\n\t\t%%2048",
    NOT_SET,
    "-",
    created ? "%%1797" : "-",
  ];
}

export function renderAccount(r: ResolvedAction, ctx: RenderContext): void {
  const u = r.user!;
  const subject = subjectOf(r.actor?.session);
  const kind = r.action.kind;
  if (kind === "account.create") {
    ctx.emit(SECURITY.userCreated, [...targetOf(u), ...subject, "-", ...accountAttributes(u, true)]);
    ctx.emit(SECURITY.userEnabled, [...targetOf(u), ...subject], { offsetUs: 30 });
    ctx.emit(SECURITY.userChanged, ["-", ...targetOf(u), ...subject, "-", ...accountAttributes(u, false)], {
      offsetUs: 60,
    });
  } else if (kind === "account.enable") {
    ctx.emit(SECURITY.userEnabled, [...targetOf(u), ...subject]);
    ctx.emit(SECURITY.userChanged, ["-", ...targetOf(u), ...subject, "-", ...accountAttributes(u, false)], {
      offsetUs: 30,
    });
  } else if (kind === "account.password.reset") {
    ctx.emit(SECURITY.passwordReset, [...targetOf(u), ...subject]);
    ctx.emit(
      SECURITY.userChanged,
      [
        "-",
        ...targetOf(u),
        ...subject,
        "-",
        ...accountAttributes(u, false).map((v, i) => (i === 8 ? "%%1794" : v)),
      ],
      { offsetUs: 30 },
    );
  } else if (kind === "account.change") {
    ctx.emit(SECURITY.userChanged, ["-", ...targetOf(u), ...subject, "-", ...accountAttributes(u, false)]);
  } else if (kind === "group.member.add") {
    const g = r.group!;
    const member =
      u.kind === "domain"
        ? `CN=${u.fullName},CN=Users,${ctx.world.domain.dns
            .split(".")
            .map((p) => `DC=${p}`)
            .join(",")}`
        : "-";
    ctx.emit(g.local ? SECURITY.localGroupMemberAdded : SECURITY.globalGroupMemberAdded, [
      member,
      u.sid,
      g.name,
      g.domain,
      g.sid,
      ...subject,
      "-",
    ]);
  }
}
