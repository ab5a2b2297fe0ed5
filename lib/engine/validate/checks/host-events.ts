import { byTime, type Check, type EventView, issue, type Issue, SYSMON } from "../view";

/** FILETIME (100 ns since 1601) → Unix microseconds. */
function filetimeToUs(hex: string): number {
  return Number((BigInt(`0x${hex}`) - 116_444_736_000_000_000n) / 10n);
}

/** Application Error 1000 values by position: the classic form has unnamed Data in the named form's order. */
function crashFields(v: EventView) {
  const d = v.event.data.map((x) => (x === null ? "" : String(x)));
  return { appName: d[0], pid: d[8], started: d[9], appPath: d[10] };
}

/**
 * A crash report names a process that Sysmon saw with that PID and image, started when the report says, and
 * not yet gone; a blocked device install (6423) follows the device's recognition (6416).
 */
export const hostEventCheck: Check = {
  id: "host-events",
  description: "Application Error 1000 matches the faulting process; 6423 follows a 6416 for the same device",
  run(views) {
    const issues: Issue[] = [];
    const procs = new Map<string, { image: string; startUs: number | null; endUs: number | null }>();
    const devices = new Set<string>();
    for (const v of byTime(views)) {
      if (v.channel === SYSMON) {
        const pid = v.get("ProcessId");
        const image = v.str("Image");
        if (pid === undefined || !image) continue;
        const key = `${v.host}|${Number(pid)}`;
        if (v.eventId === 1) procs.set(key, { image, startUs: v.timeUs, endUs: null });
        else if (v.eventId === 5) {
          const p = procs.get(key);
          if (p) p.endUs = v.timeUs;
        } else if (!procs.has(key)) procs.set(key, { image, startUs: null, endUs: null });
        continue;
      }
      if (v.channel === "Application" && v.provider === "Application Error" && v.eventId === 1000) {
        const c = crashFields(v);
        const pid = parseInt(c.pid.replace(/^0x/i, ""), 16);
        if (c.appPath.split("\\").pop()?.toLowerCase() !== c.appName.toLowerCase())
          issues.push(
            issue("host-events", v, `AppName ${c.appName} is not the file of AppPath ${c.appPath}`),
          );
        if (/^(0x)?[0-9a-f]+$/i.test(c.started) && filetimeToUs(c.started.replace(/^0x/i, "")) > v.timeUs)
          issues.push(issue("host-events", v, "the faulting process starts after its crash report"));
        const p = procs.get(`${v.host}|${pid}`);
        if (!p) continue;
        if (p.image.toLowerCase() !== c.appPath.toLowerCase())
          issues.push(issue("host-events", v, `PID ${pid} is ${p.image} in Sysmon, not ${c.appPath}`));
        else if (p.endUs !== null && p.endUs + 5_000_000 < v.timeUs)
          issues.push(issue("host-events", v, `PID ${pid} exited well before its crash report`));
        continue;
      }
      if (v.channel === "Security" && (v.eventId === 6416 || v.eventId === 6423)) {
        const key = `${v.host}|${v.str("DeviceId") ?? ""}`;
        if (v.eventId === 6416) devices.add(key);
        else if (!devices.has(key))
          issues.push(
            issue("host-events", v, `device ${v.str("DeviceId")} blocked without being recognized`),
          );
      }
    }
    return issues;
  },
};
