import { fieldIndex } from "../../event";
import { type Check, issue, type Issue } from "../view";

const SID = /^S-1-\d+(-\d+)+$/;
const WELL_KNOWN: Record<string, string> = {
  "S-1-5-18": "system",
  "S-1-5-19": "local service",
  "S-1-5-20": "network service",
  "S-1-5-7": "anonymous logon",
};
/** [SID field, name field] pairs of the Security log. */
const PAIRS = [
  ["SubjectUserSid", "SubjectUserName"],
  ["TargetUserSid", "TargetUserName"],
  ["TargetSid", "TargetUserName"],
] as const;

/** SIDs are well formed, well-known SIDs carry their names, and one SID keeps one account name. */
export const sidCheck: Check = {
  id: "sids",
  description: "SIDs well-formed and matching names",
  run(views) {
    const issues: Issue[] = [];
    const names = new Map<string, string>();
    for (const v of views) {
      const t = v.event.template;
      t.fields.forEach((f, i) => {
        if (f.type !== "sid") return;
        const val = v.event.data[i];
        if (typeof val !== "string" || !SID.test(val))
          issues.push(issue("sids", v, `${f.name} is not a SID: ${JSON.stringify(val)}`));
      });
      if (v.event.userId !== null && !SID.test(v.event.userId))
        issues.push(issue("sids", v, `Security UserID is not a SID: ${v.event.userId}`));
      if (v.channel !== "Security") continue;
      const idx = fieldIndex(t);
      for (const [sidField, nameField] of PAIRS) {
        if (!idx.has(sidField) || !idx.has(nameField)) continue;
        const sid = v.str(sidField);
        const name = (v.str(nameField) ?? "").toLowerCase();
        if (
          !sid ||
          sid === "S-1-0-0" ||
          name === "-" ||
          name === "" ||
          ((v.eventId === 4728 || v.eventId === 4732) && sidField === "TargetSid")
        )
          continue;
        const wk = WELL_KNOWN[sid];
        if (wk && name !== wk && !name.endsWith("$"))
          issues.push(
            issue("sids", v, `${sidField} ${sid} is ${wk.toUpperCase()}, but ${nameField} says ${name}`),
          );
        if (wk) continue;
        const seen = names.get(sid);
        if (seen === undefined) names.set(sid, name);
        else if (seen !== name)
          issues.push(issue("sids", v, `${sid} is named ${name} here but ${seen} elsewhere`));
      }
    }
    return issues;
  },
};
