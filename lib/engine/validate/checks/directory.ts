import { type Check, issue, type Issue } from "../view";

/** Directory Service Changes events that name an object (DN + objectGUID). */
const NAMED = new Set([5136, 5137, 5139, 5141]);
/** Directory Service Access / Changes and computer-account changes: written by a domain controller. */
const DS_EVENTS = new Set([4662, 4742, 5136, 5137, 5139, 5141]);

/**
 * Directory objects keep their identity (one objectGUID per DN and one DN per objectGUID within a domain),
 * and when the log shows which hosts are KDCs (4768/4769), directory events come from one of them.
 */
export const directoryCheck: Check = {
  id: "directory",
  description: "directory objects keep one objectGUID; DS events come from DCs",
  run(views) {
    const issues: Issue[] = [];
    const guidOf = new Map<string, string>();
    const dnOf = new Map<string, string>();
    const kdcs = new Set<string>();
    for (const v of views)
      if (v.channel === "Security" && (v.eventId === 4768 || v.eventId === 4769)) kdcs.add(v.host);
    for (const v of views) {
      if (v.channel !== "Security" || !DS_EVENTS.has(v.eventId)) continue;
      if (kdcs.size > 0 && !kdcs.has(v.host))
        issues.push(issue("directory", v, `directory event on ${v.host}, which is not a domain controller`));
      if (!NAMED.has(v.eventId)) continue;
      const domain = (v.str("DSName") ?? "").toLowerCase();
      const dn = (v.str("ObjectDN") ?? "").toLowerCase();
      const guid = (v.str("ObjectGUID") ?? "").toLowerCase();
      if (!dn || !guid) continue;
      const g = guidOf.get(`${domain}|${dn}`);
      const d = dnOf.get(`${domain}|${guid}`);
      if (g !== undefined && g !== guid)
        issues.push(issue("directory", v, `${v.str("ObjectDN")} has objectGUID ${guid}, earlier ${g}`));
      else if (d !== undefined && d !== dn)
        issues.push(issue("directory", v, `objectGUID ${guid} names ${v.str("ObjectDN")}, earlier ${d}`));
      guidOf.set(`${domain}|${dn}`, guid);
      dnOf.set(`${domain}|${guid}`, dn);
    }
    return issues;
  },
};
