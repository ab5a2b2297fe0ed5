import { byTime, type Check, type EventView, issue, type Issue, parseHex, SYSMON } from "../view";

const WELL_KNOWN: Record<number, string> = {
  0x3e7: "system",
  0x3e4: "network service",
  0x3e5: "local service",
};

interface SessionInfo {
  user: string;
  startUs: number;
  endUs: number | null;
  fromLogon: boolean;
}

/** Account names compared without the domain: Sysmon prints "CORP\\alice", Security splits domain and name. */
function account(name: string | undefined): string {
  return (name ?? "").toLowerCase();
}

/** Every LogonId used by a process or a subject refers to a session of the same user that is live then. */
export const sessionCheck: Check = {
  id: "sessions",
  description: "LogonIds reference live sessions of the right user",
  run(views) {
    const issues: Issue[] = [];
    const hosts = new Map<string, Map<number, SessionInfo>>();
    const sessions = (h: string) => {
      let m = hosts.get(h);
      if (!m) hosts.set(h, (m = new Map()));
      return m;
    };
    const check = (v: EventView, logonId: number, user: string, what: string) => {
      if (Number.isNaN(logonId) || logonId === 0) return;
      const known = WELL_KNOWN[logonId];
      if (known) {
        if (user !== known && !user.endsWith("$"))
          issues.push(
            issue(
              "sessions",
              v,
              `${what} LogonId 0x${logonId.toString(16)} belongs to ${known.toUpperCase()}, not ${user}`,
            ),
          );
        return;
      }
      const m = sessions(v.host);
      const s = m.get(logonId);
      if (!s) {
        m.set(logonId, { user, startUs: -Infinity, endUs: null, fromLogon: false });
        return;
      }
      if (s.user !== user)
        issues.push(
          issue("sessions", v, `${what} LogonId 0x${logonId.toString(16)} belongs to ${s.user}, not ${user}`),
        );
      else if (s.fromLogon && v.timeUs < s.startUs)
        issues.push(issue("sessions", v, `${what} uses LogonId 0x${logonId.toString(16)} before the logon`));
      else if (s.endUs !== null && v.timeUs > s.endUs)
        issues.push(issue("sessions", v, `${what} uses LogonId 0x${logonId.toString(16)} after its logoff`));
    };
    for (const v of byTime(views)) {
      if (v.channel === SYSMON && v.eventId === 1) {
        const user = (v.str("User") ?? "").split("\\").pop()!.toLowerCase();
        check(v, parseHex(v.str("LogonId")), user, "process");
        continue;
      }
      if (v.channel !== "Security") continue;
      if (v.eventId === 4624) {
        const id = parseHex(v.str("TargetLogonId"));
        const m = sessions(v.host);
        const prev = m.get(id);
        if (prev && prev.fromLogon && prev.endUs === null)
          issues.push(issue("sessions", v, `LogonId 0x${id.toString(16)} logged on twice without a logoff`));
        m.set(id, {
          user: account(v.str("TargetUserName")),
          startUs: v.timeUs,
          endUs: null,
          fromLogon: true,
        });
      } else if (v.eventId === 4634 || v.eventId === 4647) {
        const id = parseHex(v.str("TargetLogonId"));
        check(v, id, account(v.str("TargetUserName")), "logoff");
        if (v.eventId === 4634) {
          const s = sessions(v.host).get(id);
          if (s) s.endUs = v.timeUs;
        }
      } else {
        const id = v.str("SubjectLogonId");
        if (id !== undefined) check(v, parseHex(id), account(v.str("SubjectUserName")), "subject");
      }
    }
    return issues;
  },
};
