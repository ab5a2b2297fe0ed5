import { type Check, type EventView, issue, type Issue } from "../view";

/** EventRecordIDs strictly increase and times never go back, per channel per host (in record order). */
export const recordOrderCheck: Check = {
  id: "record-order",
  description: "EventRecordID and TimeCreated monotonic per channel per host",
  run(views) {
    const issues: Issue[] = [];
    const groups = new Map<string, EventView[]>();
    for (const v of views) {
      const k = `${v.host}|${v.channel}`;
      const g = groups.get(k);
      if (g) g.push(v);
      else groups.set(k, [v]);
    }
    for (const g of groups.values()) {
      const sorted = g.slice().sort((a, b) => a.recordId - b.recordId);
      for (let i = 1; i < sorted.length; i++) {
        const prev = sorted[i - 1];
        const cur = sorted[i];
        if (cur.recordId === prev.recordId)
          issues.push(
            issue("record-order", cur, `EventRecordID ${cur.recordId} appears twice in ${cur.channel}`),
          );
        else if (cur.timeUs < prev.timeUs)
          issues.push(
            issue(
              "record-order",
              cur,
              `TimeCreated goes back in time after record #${prev.recordId} (${cur.event.timeCreated} < ${prev.event.timeCreated})`,
            ),
          );
        if (Number.isNaN(cur.timeUs)) issues.push(issue("record-order", cur, "unreadable TimeCreated"));
      }
    }
    return issues;
  },
};
