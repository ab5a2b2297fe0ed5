import { prepareEvent } from "../events/prepare";
import { lookup, type PreparedEvent } from "../events/prepared";
import { AhoCorasick } from "./aho-corasick";
import { firedSelections, type CompiledRule, type CompiledVariant } from "./compile";
import { evaluateCorrelations, type CompiledCorrelation, type CorrelationMatch } from "./correlation";
import type { NeedKey } from "./prefilter";
import type { RuleInfo } from "./types";

export interface RuleMatch {
  /** 0-based index of the event in the input. */
  event: number;
  rule: RuleInfo;
  /** Selections of the condition that held for this event. */
  selections: string[];
  /** Which kind of event the rule saw it as (e.g. "sysmon:1", "security:4688"). */
  source: string;
}

export interface DetectionResult {
  matches: RuleMatch[];
  correlations: CorrelationMatch[];
  /** Rule-event pairs actually evaluated after the logsource prefilter. */
  evaluations: number;
}

export interface EngineOptions {
  /** "ignore" evaluates every rule on every event with rule field names as written (ad-hoc checks). */
  logsource?: "strict" | "ignore";
  /** Index rules by necessary keys (default true); false evaluates every rule of the logsource. */
  keyIndex?: boolean;
}

interface Candidate {
  rule: CompiledRule;
  variant: CompiledVariant;
  /** Last event stamp this candidate was queued for (dedupes rules reached through several keys). */
  stamp: number;
}

interface Probe {
  field: string;
  lower: string;
  kind: NeedKey["kind"];
}

/** "contains" keys of one field in a slot: an automaton over their literals, candidates per literal. */
interface SubIndex {
  field: string;
  lower: string;
  literals: string[];
  candidates: Candidate[][];
  automaton?: AhoCorasick;
}

/** Rules of one (channel, event ID) slot: those always run, and those indexed by a necessary key. */
interface Bucket {
  always: Candidate[];
  byKey: Map<string, Candidate[]>;
  probes: Probe[];
  subs: Map<string, SubIndex>;
}

const ANY = "*";
const ANY_SLOT = `${ANY}\u0000${ANY}`;
const keyOf = (field: string, kind: string, value: string) => `${field}\u0000${kind}\u0000${value}`;

/**
 * Runs compiled rules over events through two prefilters: rules are bucketed by channel and event ID
 * (logsource), and inside a bucket indexed by a necessary key (e.g. the Image base name a rule requires).
 * An event only meets rules that could match it; each of those is one closure call.
 */
export class SigmaEngine {
  private readonly index = new Map<string, Bucket>();
  private readonly strict: boolean;
  private stamp = 0;
  private readonly keyIndex: boolean;

  constructor(
    readonly rules: readonly CompiledRule[],
    readonly correlations: readonly CompiledCorrelation[] = [],
    options: EngineOptions = {},
  ) {
    this.strict = options.logsource !== "ignore";
    this.keyIndex = options.keyIndex !== false;
    for (const rule of rules) {
      if (!this.strict) {
        this.add(ANY, { rule, variant: rule.anyEvent, stamp: -1 });
        continue;
      }
      for (const variant of rule.variants) {
        const { channels, eventIds } = variant.target;
        for (const channel of channels ?? [ANY]) {
          for (const id of eventIds ?? [ANY]) this.add(`${channel}\u0000${id}`, { rule, variant, stamp: -1 });
        }
      }
    }
  }

  private add(slot: string, candidate: Candidate): void {
    let bucket = this.index.get(slot);
    if (!bucket) {
      bucket = { always: [], byKey: new Map(), probes: [], subs: new Map() };
      this.index.set(slot, bucket);
    }
    const need = this.keyIndex ? candidate.variant.need : null;
    if (!need || need.length === 0) {
      bucket.always.push(candidate);
      return;
    }
    for (const key of need) {
      if (key.kind === "sub") {
        let sub = bucket.subs.get(key.field);
        if (!sub) {
          sub = { field: key.field, lower: key.field.toLowerCase(), literals: [], candidates: [] };
          bucket.subs.set(key.field, sub);
        }
        let id = sub.literals.indexOf(key.value);
        if (id < 0) id = sub.literals.push(key.value) - 1;
        (sub.candidates[id] ??= []).push(candidate);
        sub.automaton = undefined;
        continue;
      }
      const k = keyOf(key.field, key.kind, key.value);
      const list = bucket.byKey.get(k);
      if (list) list.push(candidate);
      else bucket.byKey.set(k, [candidate]);
      if (!bucket.probes.some((p) => p.field === key.field && p.kind === key.kind))
        bucket.probes.push({ field: key.field, lower: key.field.toLowerCase(), kind: key.kind });
    }
  }

  /** Fills `out` with the candidates for an event (reused buffer: no allocation per rule). */
  private collect(event: PreparedEvent, out: Candidate[]): void {
    out.length = 0;
    const stamp = ++this.stamp;
    const eventSlot = `${event.channel}\u0000${event.eventId ?? ""}`;
    const channelSlot = `${event.channel}\u0000${ANY}`;
    for (const slot of this.strict ? [eventSlot, channelSlot, ANY_SLOT] : [ANY]) {
      const bucket = this.index.get(slot);
      if (!bucket) continue;
      for (const c of bucket.always) {
        if (c.stamp !== stamp) {
          c.stamp = stamp;
          out.push(c);
        }
      }
      for (const probe of bucket.probes) {
        const entry = lookup(event, probe.field, probe.lower);
        if (!entry) continue;
        for (const value of entry.items ? entry.items.map((i) => i.lower) : [entry.lower]) {
          if (value === null) continue;
          const list = bucket.byKey.get(
            keyOf(
              probe.field,
              probe.kind,
              probe.kind === "eq" ? value : value.slice(value.lastIndexOf("\\") + 1),
            ),
          );
          if (!list) continue;
          for (const c of list) {
            if (c.stamp !== stamp) {
              c.stamp = stamp;
              out.push(c);
            }
          }
        }
      }
      for (const sub of bucket.subs.values()) {
        const entry = lookup(event, sub.field, sub.lower);
        if (!entry) continue;
        const automaton = (sub.automaton ??= new AhoCorasick(sub.literals));
        for (const value of entry.items ? entry.items.map((i) => i.lower) : [entry.lower]) {
          if (value === null) continue;
          automaton.scan(value, (id) => {
            for (const c of sub.candidates[id]) {
              if (c.stamp !== stamp) {
                c.stamp = stamp;
                out.push(c);
              }
            }
          });
        }
      }
    }
  }

  private readonly buffer: Candidate[] = [];

  /** Rules whose logsource covers this event and whose necessary key the event has (the prefilters). */
  candidates(event: PreparedEvent): Array<readonly [CompiledRule, CompiledVariant]> {
    const out: Candidate[] = [];
    this.collect(event, out);
    return out.map((c) => [c.rule, c.variant] as const);
  }

  /** Rules that fire on one prepared event. */
  matchEvent(event: PreparedEvent, onEvaluate?: (n: number) => void): RuleMatch[] {
    const out: RuleMatch[] = [];
    const candidates = this.buffer;
    this.collect(event, candidates);
    onEvaluate?.(candidates.length);
    for (let i = 0; i < candidates.length; i++) {
      const { rule, variant } = candidates[i];
      if (variant.test(event)) {
        out.push({
          event: event.index,
          rule: rule.info,
          selections: firedSelections(rule, variant, event),
          source: variant.target.label,
        });
      }
    }
    return out;
  }

  /** Rules over a bundle of events (raw evtx-json/ECS objects or prepared), then correlations over the matches. */
  run(events: readonly unknown[] | readonly PreparedEvent[]): DetectionResult {
    const prepared = events.map((e, i) => (isPrepared(e) ? e : prepareEvent(e, i)));
    const matches: RuleMatch[] = [];
    let evaluations = 0;
    const count = (n: number) => {
      evaluations += n;
    };
    for (const event of prepared) for (const m of this.matchEvent(event, count)) matches.push(m);
    const correlations = this.correlations.length
      ? evaluateCorrelations(this.correlations, matches, prepared)
      : [];
    return { matches, correlations, evaluations };
  }
}

function isPrepared(value: unknown): value is PreparedEvent {
  return typeof value === "object" && value !== null && (value as PreparedEvent).fields instanceof Map;
}
