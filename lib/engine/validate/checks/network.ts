import { byTime, type Check, type EventView, issue, type Issue, SYSMON } from "../view";

/** Learns each host's IP from its own outbound Sysmon 3 events. */
export function hostAddresses(views: readonly EventView[]): Map<string, string> {
  const ips = new Map<string, string>();
  for (const v of views) {
    if (v.channel !== SYSMON || v.eventId !== 3) continue;
    const src = v.str("SourceHostname")?.toLowerCase();
    const ip = v.str("SourceIp");
    if (src && ip && src === v.host && !ips.has(v.host)) ips.set(v.host, ip);
  }
  return ips;
}

/** Connections agree with DNS answers seen earlier and with the IPs the hosts themselves use. */
export const networkCheck: Check = {
  id: "network",
  description: "connections consistent with DNS answers and host IPs",
  run(views) {
    const issues: Issue[] = [];
    const ips = hostAddresses(views);
    const answers = new Map<string, Set<string>>();
    for (const v of byTime(views)) {
      if (v.channel !== SYSMON) continue;
      if (v.eventId === 22) {
        const name = (v.str("QueryName") ?? "").toLowerCase();
        const set = answers.get(name) ?? new Set<string>();
        for (const part of (v.str("QueryResults") ?? "").split(";")) {
          const m = /(\d{1,3}(?:\.\d{1,3}){3})\s*$/.exec(part.trim());
          if (m) set.add(m[1]);
        }
        answers.set(name, set);
        continue;
      }
      if (v.eventId !== 3) continue;
      const src = v.str("SourceIp");
      const own = ips.get(v.host);
      if (own && src && src !== own && v.get("Initiated") !== false)
        issues.push(issue("network", v, `source IP ${src} is not ${v.event.computer}'s address ${own}`));
      const name = (v.str("DestinationHostname") ?? "").toLowerCase();
      const dst = v.str("DestinationIp");
      if (!name || name === "-" || !dst) continue;
      const hostIp = ips.get(name);
      if (hostIp && hostIp !== dst)
        issues.push(issue("network", v, `${name} is ${hostIp}, but the connection goes to ${dst}`));
      const seen = answers.get(name);
      if (seen && seen.size && !seen.has(dst))
        issues.push(
          issue(
            "network",
            v,
            `DNS answered ${[...seen].join(", ")} for ${name}, but the connection goes to ${dst}`,
          ),
        );
    }
    return issues;
  },
};
