import type { Action, ActionKind } from "./actions";
import type { EventLabel, EventTemplate, FieldValue, WinEvent } from "./event";
import { ExecError, execute } from "./execute";
import type { ExecContext } from "./execute/context";
import { noiseActions } from "./noise";
import type { Procedure } from "./procedure";
import { renderers as defaultRenderers } from "./renderers/registry";
import type { EmitOptions, RenderContext, Renderer } from "./renderers/types";
import { Rng } from "./rng";
import type { TimedAction } from "./schedule";
import { ScenarioSpec } from "./spec";
import { planSteps, type StepReport, type TextParser } from "./steps";
import { systemTime } from "./time";
import { bootHost } from "./world/boot";
import type { Host } from "./world/types";
import { World } from "./world/world";

export interface RunOptions {
  readonly procedures: readonly Procedure[];
  /** Stop after this many events (bench, previews). */
  readonly maxEvents?: number;
  /** Override the renderer list (tests). */
  readonly renderers?: readonly Renderer[];
  /** Free-text parser for `step.text` (else only quoted commands are understood, lib/engine/text.ts). */
  readonly parseText?: TextParser;
}

export interface RunIssue {
  readonly actionId: string;
  readonly step: number | null;
  readonly code: string;
  readonly message: string;
}

export interface GenerateReport {
  readonly seed: number;
  readonly start: string;
  readonly end: string;
  readonly domain: { netbios: string; dns: string; sid: string };
  readonly hosts: { name: string; fqdn: string; ip: string; role: string; os: string }[];
  readonly interactiveUser: string;
  readonly steps: StepReport[];
  readonly events: number;
  readonly actions: number;
  readonly byChannel: Record<string, number>;
  readonly byEventId: Record<string, number>;
  readonly issues: RunIssue[];
}

const NOISE_RATE = { none: 0, low: 1, normal: 4, high: 20 } as const;
const SECURITY_PROVIDER = "Microsoft-Windows-Security-Auditing";

interface ChannelState {
  rid: number;
  count: number;
  /** Latest event time pushed: a channel never writes out of emission order (a process's create precedes its loads). */
  last: number;
}
interface TemplateState {
  channel: ChannelState;
  /** Write delay after the action: Security first, Sysmon next, other channels later. */
  lag: 0 | 1 | 2;
  writer: { pid: number; tid: number };
  activityId: string | null;
  userId: string | null;
  count: number;
}

interface Pending {
  timeUs: number;
  state: TemplateState;
  seq: number;
  host: Host;
  template: EventTemplate;
  data: FieldValue[];
  options: EmitOptions | undefined;
  label: EventLabel;
  tick: number;
}

/** Calls `sink` with the scenario's events in time order (no buffering beyond a few pending events). */
export function runScenario(
  input: unknown,
  options: RunOptions,
  sink: (event: WinEvent, label: EventLabel) => void,
): GenerateReport {
  const spec = ScenarioSpec.parse(input);
  const rng = new Rng(spec.seed);
  const world = new World(spec.environment, rng.fork("world"));
  const startUs = Date.parse(spec.start) * 1000;
  for (const h of world.hosts) bootHost(world, h, startUs, rng.fork(`boot:${h.name}`));

  const planned = planSteps(spec, world, options.procedures, startUs, rng.fork("steps"), options.parseText);
  const issues: RunIssue[] = planned.issues.slice();
  const endUs = Math.max(planned.endUs + 60_000_000, startUs + (spec.noise.durationSeconds ?? 0) * 1_000_000);
  const noise = noiseActions({
    hosts: world.hosts,
    startUs,
    endUs,
    burstsPerMinute: spec.noise.burstsPerMinute ?? NOISE_RATE[spec.noise.level],
    rng: rng.fork("noise"),
  });

  const byKind = new Map<ActionKind, Renderer[]>();
  for (const r of options.renderers ?? defaultRenderers)
    for (const k of r.handles) byKind.set(k, [...(byKind.get(k) ?? []), r]);
  const renderRng = rng.fork("render");
  const latencyRng = rng.fork("latency");
  const activity = new Map<string, string>();
  for (const h of world.hosts) activity.set(h.name, rng.fork(`activity:${h.name}`).guid());
  const stepEvents = new Map<number, number>();

  // Pending events, kept as a min-heap on (time, seq) until no later action can precede them.
  const heap: Pending[] = [];
  const free: Pending[] = [];
  let seq = 0;
  let label: EventLabel | null = null;
  let latency = 0;

  const push = (host: Host, template: EventTemplate, data: FieldValue[], opts: EmitOptions | undefined) => {
    const state = stateOf(template, host);
    const lat = state.lag === 0 ? latency >> 2 : state.lag === 1 ? latency : latency + 700;
    let time = execCtx.timeUs + lat + (opts?.offsetUs ?? 0);
    if (time <= state.channel.last) time = state.channel.last + 1;
    state.channel.last = time;
    // Finalized entries are reused (see finalize): one object per pending slot, not one per event.
    const p = free.pop() ?? ({} as Pending);
    p.timeUs = time;
    p.state = state;
    p.seq = seq++;
    p.host = host;
    p.template = template;
    p.data = data;
    p.options = opts;
    p.label = host.name === label!.host ? label! : { ...label!, host: host.name };
    p.tick = renderRng.int(0, 9);
    heap.push(p);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const a = heap[i];
      const b = heap[parent];
      if (a.timeUs < b.timeUs || (a.timeUs === b.timeUs && a.seq < b.seq)) {
        heap[i] = b;
        heap[parent] = a;
        i = parent;
      } else break;
    }
  };
  const popMin = (): Pending => {
    const top = heap[0];
    const last = heap.pop()!;
    if (heap.length) {
      heap[0] = last;
      let i = 0;
      const n = heap.length;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (
          l < n &&
          (heap[l].timeUs < heap[m].timeUs ||
            (heap[l].timeUs === heap[m].timeUs && heap[l].seq < heap[m].seq))
        )
          m = l;
        if (
          r < n &&
          (heap[r].timeUs < heap[m].timeUs ||
            (heap[r].timeUs === heap[m].timeUs && heap[r].seq < heap[m].seq))
        )
          m = r;
        if (m === i) break;
        const t = heap[i];
        heap[i] = heap[m];
        heap[m] = t;
        i = m;
      }
    }
    return top;
  };
  // Per (template, host): the channel's record counter and the System defaults, looked up once.
  const channels = new Map<string, ChannelState>();
  // One template → state map per host (hosts are few: a pointer scan finds the map), plus the creation order.
  const stateHosts: Host[] = [];
  const stateMaps: Map<EventTemplate, TemplateState>[] = [];
  const stateList: [EventTemplate, TemplateState][] = [];
  const stateOf = (t: EventTemplate, host: Host): TemplateState => {
    let h = 0;
    while (h < stateHosts.length && stateHosts[h] !== host) h++;
    if (h === stateHosts.length) {
      stateHosts.push(host);
      stateMaps.push(new Map());
    }
    const byTemplate = stateMaps[h];
    let st = byTemplate.get(t);
    if (!st) {
      const key = `${host.name}|${t.channel}`;
      let channel = channels.get(key);
      if (!channel) {
        const rid = renderRng
          .fork(key)
          .int(t.channel === "Security" ? 200_000 : 20_000, t.channel === "Security" ? 9_000_000 : 3_000_000);
        channels.set(key, (channel = { rid, count: 0, last: -Infinity }));
      }
      st = {
        channel,
        lag: t.channel === "Security" ? 0 : t.channel === "Microsoft-Windows-Sysmon/Operational" ? 1 : 2,
        writer: world.writer(host, t.channel),
        activityId: t.provider.name === SECURITY_PROVIDER ? activity.get(host.name)! : null,
        userId: t.channel === "Security" ? null : "S-1-5-18",
        count: 0,
      };
      byTemplate.set(t, st);
      stateList.push([t, st]);
    }
    return st;
  };
  const finalize = (p: Pending): void => {
    const t = p.template;
    const st = p.state;
    const o = p.options;
    const writer = o?.writer ?? st.writer;
    st.count++;
    st.channel.count++;
    const event: WinEvent = {
      template: t,
      timeCreated: systemTime(p.timeUs, p.tick),
      timeUs: p.timeUs,
      recordId: ++st.channel.rid,
      activityId: o?.activityId !== undefined ? o.activityId : st.activityId,
      processId: writer.pid,
      threadId: writer.tid,
      computer: p.host.fqdn,
      userId: o?.userId !== undefined ? o.userId : st.userId,
      data: p.data,
    };
    const lab = p.label;
    free.push(p);
    if (lab.step !== null) stepEvents.set(lab.step, (stepEvents.get(lab.step) ?? 0) + 1);
    sink(event, lab);
  };

  const ctx: RenderContext = {
    world,
    rng: renderRng,
    emit: (template, data, opts) => push(hostOfCurrent, template, data, opts),
    emitOn: (host, template, data, opts) => push(host, template, data, opts),
  };
  let hostOfCurrent: Host = world.hosts[0];

  // One context object for every action (execute does not keep it).
  const execCtx: { -readonly [K in keyof ExecContext]: ExecContext[K] } = {
    world,
    rng: renderRng,
    timeUs: 0,
    defaultHost: world.hosts[0],
  };
  const scenario = planned.timed;
  let si = 0;
  let nextNoise = noise();
  let produced = 0;
  let actions = 0;
  const max = options.maxEvents ?? Infinity;

  for (;;) {
    let item: TimedAction;
    if (si < scenario.length && (nextNoise === null || scenario[si].timeUs <= nextNoise.timeUs))
      item = scenario[si++];
    else if (nextNoise !== null) {
      item = nextNoise;
      nextNoise = noise();
    } else break;
    while (heap.length && heap[0].timeUs < item.timeUs) {
      finalize(popMin());
      if (++produced >= max) return report();
    }
    // The action's time lives in execCtx (a double field, updated in place; noise items are reused slots).
    execCtx.timeUs = item.timeUs;
    actions++;
    const action: Action = item.action;
    const host = world.hostByRef(action.host ?? item.host) ?? world.hosts[0];
    hostOfCurrent = host;
    let resolved;
    try {
      execCtx.defaultHost = host;
      resolved = execute(action, execCtx);
    } catch (error) {
      if (!(error instanceof ExecError)) throw error;
      if (item.step !== null)
        issues.push({ actionId: action.id, step: item.step, code: error.code, message: error.message });
      continue;
    }
    label = {
      step: item.step,
      technique: item.technique,
      procedure: item.procedure,
      actionId: action.id,
      actionKind: action.kind,
      verdict: action.verdict ?? item.verdict,
      host: resolved.host.name,
    };
    hostOfCurrent = resolved.host;
    latency = latencyRng.int(100, 1500);
    if (resolved.spawned) {
      const ps = byKind.get("process.create");
      if (ps) for (const r of ps) r.render(resolved.spawned, ctx);
    }
    const rs = byKind.get(action.kind);
    if (rs) for (let i = 0; i < rs.length; i++) rs[i].render(resolved, ctx);
  }
  while (heap.length) {
    finalize(popMin());
    if (++produced >= max) break;
  }
  return report();

  function report(): GenerateReport {
    const byChannel: Record<string, number> = {};
    const byEventId: Record<string, number> = {};
    for (const [key, c] of channels) {
      const channel = key.slice(key.indexOf("|") + 1);
      byChannel[channel] = (byChannel[channel] ?? 0) + c.count;
    }
    for (const [t, st] of stateList) byEventId[t.key] = (byEventId[t.key] ?? 0) + st.count;
    return {
      seed: spec.seed,
      start: spec.start,
      end: new Date(Math.floor(Math.max(endUs, execCtx.timeUs) / 1000)).toISOString(),
      domain: { ...world.domain },
      hosts: world.hosts.map((h) => ({ name: h.name, fqdn: h.fqdn, ip: h.ip, role: h.role, os: h.os.name })),
      interactiveUser: `${world.estate.interactive.domain}\\${world.estate.interactive.sam}`,
      steps: planned.steps.map((s) => ({ ...s, events: stepEvents.get(s.index) ?? 0 })),
      events: produced,
      actions,
      byChannel,
      byEventId,
      issues,
    };
  }
}
