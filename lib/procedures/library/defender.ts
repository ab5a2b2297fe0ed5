import type { ActionInput } from "@/lib/engine/actions";
import type { Run } from "./types";

const POLICY = /^HKLM\\SOFTWARE\\Policies\\/i;

/**
 * The actions a run's Defender setting changes imply. Set-MpPreference / Add-MpPreference only ask the Defender
 * service: MsMpEng.exe writes its own key (Sysmon 13 from MsMpEng) and logs 5007. A policy value is written by
 * the run itself (its `reg`), and Defender logs 5007 when it picks the policy up. With Tamper Protection on
 * (`tamper`), nothing is written and Defender logs 5013 for a change to its own settings.
 */
export function defenderEffects(
  run: Run,
  on: { host?: string },
  id: (k: string) => string,
  f: (s: string) => string,
): ActionInput[] {
  const out: ActionInput[] = [];
  run.defender?.forEach(([rawKey, rawValue, rawData], k) => {
    const key = f(rawKey);
    const value = f(rawValue);
    const data = f(rawData);
    const policy = POLICY.test(key);
    const blocked = run.tamper === true && !policy;
    if (!policy && !blocked)
      out.push({
        id: id(`mpreg${k}`),
        kind: "registry.value.set",
        proc: "@msmpeng",
        ...on,
        key,
        value,
        type: "REG_DWORD",
        data,
      });
    out.push({ id: id(`mp${k}`), kind: "defender.config", ...on, key, value, data, blocked });
  });
  return out;
}
