import { byTime, type Check, issue, type Issue, SYSMON } from "../view";
import { hostAddresses } from "./network";

const WINDOW_US = 10 * 60 * 1_000_000;

/**
 * Lateral movement shows on both ends: a network logon on a target from a host of the data set has that
 * host reaching the target shortly before; explicit credentials for a target host are followed by a
 * type 3 logon there from the source's IP; share access uses a live network session from the same IP.
 */
export const lateralCheck: Check = {
  id: "lateral",
  description: "lateral movement consistent on both hosts",
  run(views) {
    const issues: Issue[] = [];
    const ips = hostAddresses(views);
    const hostByIp = new Map<string, string>();
    for (const [h, ip] of ips) hostByIp.set(ip, h);
    const ordered = byTime(views);
    const outbound = ordered.filter(
      (v) => v.channel === SYSMON && v.eventId === 3 && v.get("Initiated") !== false,
    );
    const logons = ordered.filter(
      (v) => v.channel === "Security" && v.eventId === 4624 && Number(v.get("LogonType")) === 3,
    );
    const sessions = new Map<string, string>();
    for (const v of ordered) {
      if (v.channel !== "Security") continue;
      if (v.eventId === 4624 && Number(v.get("LogonType")) === 3) {
        const src = v.str("IpAddress") ?? "-";
        sessions.set(`${v.host}|${v.str("TargetLogonId")}`, src);
        const from = hostByIp.get(src);
        if (!from || from === v.host) continue;
        const targetIp = ips.get(v.host);
        const reached = outbound.some(
          (o) =>
            o.host === from &&
            (!targetIp || o.str("DestinationIp") === targetIp) &&
            o.timeUs <= v.timeUs + 1_000_000 &&
            o.timeUs >= v.timeUs - WINDOW_US,
        );
        if (!reached)
          issues.push(
            issue(
              "lateral",
              v,
              `network logon from ${from} (${src}) but ${from} shows no connection to ${v.event.computer}`,
            ),
          );
      } else if (v.eventId === 5140 || v.eventId === 5145) {
        const src = sessions.get(`${v.host}|${v.str("SubjectLogonId")}`);
        if (src === undefined) {
          if (logons.some((l) => l.host === v.host))
            issues.push(
              issue(
                "lateral",
                v,
                `share access by LogonId ${v.str("SubjectLogonId")} without a network logon`,
              ),
            );
        } else if (src !== v.str("IpAddress"))
          issues.push(
            issue("lateral", v, `share access from ${v.str("IpAddress")} but the session came from ${src}`),
          );
      } else if (v.eventId === 4648) {
        const server = (v.str("TargetServerName") ?? "").toLowerCase();
        const target = [...ips.keys()].find((h) => h === server || h.split(".")[0] === server.split(".")[0]);
        const srcIp = ips.get(v.host);
        if (!target || target === v.host || !srcIp) continue;
        const user = (v.str("TargetUserName") ?? "").toLowerCase();
        const landed = logons.some(
          (l) =>
            l.host === target &&
            l.str("IpAddress") === srcIp &&
            (l.str("TargetUserName") ?? "").toLowerCase() === user &&
            l.timeUs >= v.timeUs &&
            l.timeUs <= v.timeUs + WINDOW_US,
        );
        if (!landed)
          issues.push(
            issue(
              "lateral",
              v,
              `explicit credentials of ${user} for ${server}, but no network logon there from ${srcIp}`,
            ),
          );
      }
    }
    return issues;
  },
};
