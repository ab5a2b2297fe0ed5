import { byTime, type Check, type EventView, issue, type Issue, SYSMON } from "../view";

/**
 * Files and registry keys exist before they are used: a file read or deleted before the event that
 * created it, or used after it was deleted and not re-created, is a violation (same for registry keys).
 */
export const objectCheck: Check = {
  id: "objects",
  description: "files and keys exist before they are read",
  run(views) {
    const issues: Issue[] = [];
    const ordered = byTime(views);
    const firstCreate = new Map<string, number>();
    for (const v of ordered) {
      if (v.channel === SYSMON && v.eventId === 11) {
        const k = `${v.host}|${(v.str("TargetFilename") ?? "").toLowerCase()}`;
        if (!firstCreate.has(k)) firstCreate.set(k, v.timeUs);
      }
    }
    const deleted = new Set<string>();
    const deletedKeys = new Set<string>();
    const fileUse = (v: EventView, path: string | undefined, what: string) => {
      if (!path) return;
      const k = `${v.host}|${path.toLowerCase()}`;
      const created = firstCreate.get(k);
      if (created !== undefined && created > v.timeUs)
        issues.push(issue("objects", v, `${what} ${path} before it was created`));
      if (deleted.has(k)) issues.push(issue("objects", v, `${what} ${path} after it was deleted`));
    };
    for (const v of ordered) {
      if (v.channel === SYSMON) {
        if (v.eventId === 11) deleted.delete(`${v.host}|${(v.str("TargetFilename") ?? "").toLowerCase()}`);
        else if (v.eventId === 23 || v.eventId === 26) {
          const path = v.str("TargetFilename");
          fileUse(v, path, "deletes");
          if (path) deleted.add(`${v.host}|${path.toLowerCase()}`);
        } else if (v.eventId === 2 || v.eventId === 15)
          fileUse(v, v.str("TargetFilename")?.replace(/:[^:\\]+$/, ""), "changes");
        else if (v.eventId === 12 || v.eventId === 13 || v.eventId === 14) {
          const target = (v.str("TargetObject") ?? "").toLowerCase();
          const type = v.str("EventType");
          const key =
            type === "SetValue" || type === "DeleteValue"
              ? target.slice(0, target.lastIndexOf("\\"))
              : target;
          const hk = `${v.host}|${key}`;
          if (type === "CreateKey") {
            for (const d of deletedKeys) if (hk === d || hk.startsWith(`${d}\\`)) deletedKeys.delete(d);
          } else {
            for (const d of deletedKeys)
              if (hk === d || hk.startsWith(`${d}\\`))
                issues.push(issue("objects", v, `${type} under ${key} after the key was deleted`));
            if (type === "DeleteKey") deletedKeys.add(hk);
          }
        }
      } else if (
        v.channel === "Security" &&
        (v.eventId === 4663 || v.eventId === 4656) &&
        v.str("ObjectType") === "File"
      ) {
        fileUse(v, v.str("ObjectName"), "reads");
      }
    }
    return issues;
  },
};
