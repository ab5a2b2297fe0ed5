import { describe, expect, it } from "vitest";
import { generateChannels } from "../../formats/ecs-fixture";
import { validateEvents } from "../../validate";

const channels = [
  "System",
  "Microsoft-Windows-PowerShell/Operational",
  "Windows PowerShell",
  "Microsoft-Windows-TaskScheduler/Operational",
  "Microsoft-Windows-WMI-Activity/Operational",
];

describe("System, PowerShell, TaskScheduler and WMI renderers together", () => {
  it("leave the validator nothing to report on their events, over 30 seeds with background noise", () => {
    for (let seed = 1; seed <= 30; seed++) {
      const { events, labels } = generateChannels(seed, "low");
      expect(events.some((e) => channels.includes(e.template.channel))).toBe(true);
      // Every issue on the scenario's own events or on these channels (noise of other sources is not ours).
      const issues = validateEvents(events).filter(
        (i) =>
          labels[i.eventIndex]?.step === 0 || channels.includes(events[i.eventIndex]?.template.channel ?? ""),
      );
      expect(issues, `seed ${seed}`).toEqual([]);
    }
  });

  it("are deterministic per seed and vary with the seed", () => {
    const pick = (seed: number) =>
      generateChannels(seed)
        .events.filter((e) => channels.includes(e.template.channel))
        .map((e) =>
          JSON.stringify([
            e.timeCreated,
            e.recordId,
            e.processId,
            e.threadId,
            e.activityId,
            e.userId,
            e.data,
          ]),
        );
    expect(pick(3)).toEqual(pick(3));
    expect(pick(4)).not.toEqual(pick(3));
    expect(pick(3).length).toBe(pick(4).length);
  });

  it("keep every channel's record IDs and times increasing per host", () => {
    const { events } = generateChannels(8, "low");
    const last = new Map<string, [number, number]>();
    for (const e of events) {
      const key = `${e.computer}|${e.template.channel}`;
      const prev = last.get(key);
      if (prev) {
        expect(e.recordId, key).toBeGreaterThan(prev[0]);
        expect(e.timeUs, key).toBeGreaterThanOrEqual(prev[1]);
      }
      last.set(key, [e.recordId, e.timeUs]);
    }
  });
});
