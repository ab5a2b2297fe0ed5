import { byTime, type Check, type EventView, issue, type Issue, SYSMON } from "../view";

interface Proc {
  guid: string;
  pid: number;
  image: string;
  startUs: number;
  endUs: number | null;
  /** Created inside the data set (Sysmon 1) rather than seen running. */
  created: boolean;
}

/** Fields naming a process in Sysmon events: [GUID field, PID field, image field]. */
const REFS: readonly (readonly [string, string, string])[] = [
  ["ProcessGuid", "ProcessId", "Image"],
  ["SourceProcessGuid", "SourceProcessId", "SourceImage"],
  ["SourceProcessGUID", "SourceProcessId", "SourceImage"],
  ["TargetProcessGuid", "TargetProcessId", "TargetImage"],
  ["TargetProcessGUID", "TargetProcessId", "TargetImage"],
];

/**
 * Sysmon's process lifecycle: a parent exists and started before its child, nothing happens in a process
 * before it starts or after it ends, and a GUID maps to one PID (and a PID to one GUID) while alive.
 */
export const processTreeCheck: Check = {
  id: "process-tree",
  description:
    "parents exist and precede children; activity only while a process lives; GUID↔PID unique while alive",
  run(views) {
    const issues: Issue[] = [];
    const hosts = new Map<string, { byGuid: Map<string, Proc>; livePid: Map<number, Proc> }>();
    const state = (h: string) => {
      let s = hosts.get(h);
      if (!s) hosts.set(h, (s = { byGuid: new Map(), livePid: new Map() }));
      return s;
    };
    const sighting = (v: EventView, guid: string, pid: number, image: string | undefined, role: string) => {
      const s = state(v.host);
      const p = s.byGuid.get(guid.toUpperCase());
      if (p) {
        if (p.pid !== pid)
          issues.push(issue("process-tree", v, `${role} ${guid} has PID ${pid} but was PID ${p.pid}`));
        if (p.created && v.timeUs < p.startUs)
          issues.push(issue("process-tree", v, `${role} ${guid} acts before it was created`));
        if (p.endUs !== null && v.timeUs > p.endUs)
          issues.push(issue("process-tree", v, `${role} ${guid} (PID ${pid}) acts after it exited`));
        if (image && p.image && image.toLowerCase() !== p.image.toLowerCase() && role !== "parent")
          issues.push(issue("process-tree", v, `${role} ${guid} has image ${image} but was ${p.image}`));
        return;
      }
      // Running since before the capture: bind GUID↔PID now.
      const holder = s.livePid.get(pid);
      if (holder && holder.guid !== guid.toUpperCase())
        issues.push(issue("process-tree", v, `PID ${pid} is held by ${holder.guid} while ${guid} uses it`));
      const np: Proc = {
        guid: guid.toUpperCase(),
        pid,
        image: image ?? "",
        startUs: -Infinity,
        endUs: null,
        created: false,
      };
      s.byGuid.set(np.guid, np);
      s.livePid.set(pid, np);
    };
    for (const v of byTime(views)) {
      if (v.channel !== SYSMON) continue;
      const s = state(v.host);
      if (v.eventId === 1) {
        const guid = (v.str("ProcessGuid") ?? "").toUpperCase();
        const pid = Number(v.get("ProcessId"));
        const parentGuid = (v.str("ParentProcessGuid") ?? "").toUpperCase();
        const parentPid = Number(v.get("ParentProcessId"));
        if (s.byGuid.has(guid)) issues.push(issue("process-tree", v, `ProcessGuid ${guid} created twice`));
        const holder = s.livePid.get(pid);
        if (holder && holder.endUs === null)
          issues.push(
            issue("process-tree", v, `PID ${pid} reused while ${holder.guid} (${holder.image}) is alive`),
          );
        const parent = s.byGuid.get(parentGuid);
        if (parent) {
          if (parent.created && parent.startUs > v.timeUs)
            issues.push(issue("process-tree", v, `parent ${parentGuid} starts after its child`));
          if (parent.endUs !== null && parent.endUs < v.timeUs)
            issues.push(issue("process-tree", v, `parent ${parentGuid} exited before creating this process`));
          if (parent.pid !== parentPid)
            issues.push(
              issue(
                "process-tree",
                v,
                `ParentProcessId ${parentPid} does not match parent ${parentGuid} (PID ${parent.pid})`,
              ),
            );
          const pImage = v.str("ParentImage");
          if (pImage && parent.image && pImage.toLowerCase() !== parent.image.toLowerCase())
            issues.push(
              issue(
                "process-tree",
                v,
                `ParentImage ${pImage} differs from the parent's image ${parent.image}`,
              ),
            );
        } else if (parentGuid) sighting(v, parentGuid, parentPid, v.str("ParentImage"), "parent");
        const p: Proc = {
          guid,
          pid,
          image: v.str("Image") ?? "",
          startUs: v.timeUs,
          endUs: null,
          created: true,
        };
        s.byGuid.set(guid, p);
        s.livePid.set(pid, p);
        continue;
      }
      for (const [g, pidField, imageField] of REFS) {
        const guid = v.str(g);
        if (!guid) continue;
        sighting(
          v,
          guid,
          Number(v.get(pidField)),
          v.str(imageField),
          g.startsWith("Target") ? "target" : "process",
        );
      }
      if (v.eventId === 5) {
        const p = s.byGuid.get((v.str("ProcessGuid") ?? "").toUpperCase());
        if (p) {
          if (p.endUs !== null) issues.push(issue("process-tree", v, `process ${p.guid} terminated twice`));
          p.endUs = v.timeUs;
          if (s.livePid.get(p.pid) === p) s.livePid.delete(p.pid);
        }
      }
    }
    return issues;
  },
};
