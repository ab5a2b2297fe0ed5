/**
 * `npm run bench:sigma`: rule-event evaluations per second for 2,000 rules over 100,000 events.
 * Rules: the real SigmaHQ rules (SIGMA_RULES_DIR), replicated to 2,000. Events: the real regression events
 * (SIGMA_REGRESSION_DIR) varied with a seeded generator (digits, names, paths, process IDs, times).
 */
import { readFileSync } from "node:fs";
import { parseConfig } from "@/lib/config/schema";
import { loadRegressionCases } from "@/lib/detect/conformance/regression";
import { prepareEvents } from "@/lib/detect/events/prepare";
import { parseEventsText } from "@/lib/detect/events/read";
import { readRuleSources } from "@/lib/detect/rulesets/files";
import { SigmaEngine } from "@/lib/detect/sigma/engine";
import { compileSources } from "@/lib/detect/sigma/load";

const RULES = Number(process.env.BENCH_RULES ?? 2000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);

const config = parseConfig(process.env);
if (!config.SIGMA_RULES_DIR || !config.SIGMA_REGRESSION_DIR) {
  console.error("Set SIGMA_RULES_DIR and SIGMA_REGRESSION_DIR.");
  process.exit(2);
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rng = mulberry32(42);
const pick = <T>(list: readonly T[]) => list[Math.floor(rng() * list.length)];
const USERS = ["alice", "bob", "svc_backup", "Administrator", "j.doe"];
const DIRS = [
  "C:\\Users\\alice\\Downloads",
  "C:\\ProgramData",
  "C:\\Windows\\Temp",
  "C:\\Program Files\\Vendor",
];

function vary(value: unknown): unknown {
  if (typeof value === "number") return Math.max(0, Math.round(value * (0.5 + rng())));
  if (typeof value !== "string") return value;
  const r = rng();
  if (r < 0.3) return value.replace(/\d/g, () => String(Math.floor(rng() * 10)));
  if (r < 0.4) return value.replace(/\\Users\\[^\\]+/i, `\\Users\\${pick(USERS)}`);
  if (r < 0.45) return value.replace(/^[A-Z]:\\[^\\]+/i, pick(DIRS));
  return value;
}

const t0 = performance.now();
const { sources } = readRuleSources(config.SIGMA_RULES_DIR);
const loaded = compileSources(sources);
const tLoad = performance.now();
// Replicas are compiled again with their own cache, so they do not share memoised field tests with the
// originals: the figure is what 2,000 distinct rules would cost, not 1,412 rules and cheap copies.
const rules = [...loaded.rules];
for (let copy = 1; rules.length < RULES; copy++) {
  const again = compileSources(sources).rules.map((r) => ({
    ...r,
    info: { ...r.info, id: `${r.info.id}#${copy}` },
  }));
  rules.push(...again.slice(0, RULES - rules.length));
}
const tReplicate = performance.now();

const base = loadRegressionCases(config.SIGMA_REGRESSION_DIR).flatMap((c) =>
  parseEventsText(readFileSync(c.eventsFile, "utf8")),
);
const raws = Array.from({ length: EVENTS }, (_, i) => {
  const event = base[i % base.length].Event as {
    System: Record<string, unknown>;
    EventData?: Record<string, unknown>;
  };
  const data = Object.fromEntries(Object.entries(event.EventData ?? {}).map(([k, v]) => [k, vary(v)]));
  const time = new Date(Date.UTC(2025, 0, 1) + i * 250).toISOString();
  return {
    Event: {
      System: { ...event.System, TimeCreated: { "#attributes": { SystemTime: time } } },
      EventData: data,
    },
  };
});
const tSynth = performance.now();
const events = prepareEvents(raws);
const tPrepare = performance.now();

const engine = new SigmaEngine(rules);
const cpu0 = process.cpuUsage();
const result = engine.run(events);
const cpu = process.cpuUsage(cpu0);
const tRun = performance.now();

const seconds = (tRun - tPrepare) / 1000;
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const pairs = RULES * EVENTS;
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
console.log(
  `rules: ${RULES} (${loaded.rules.length} real SigmaHQ rules, replicas compiled separately); events: ${fmt(EVENTS)} (from ${base.length} real regression events, varied)`,
);
console.log(
  `load+compile rules: ${((tLoad - t0) / 1000).toFixed(2)} s (+${((tReplicate - tLoad) / 1000).toFixed(2)} s compiling replicas); synthesise events: ${((tSynth - tReplicate) / 1000).toFixed(2)} s; prepare events: ${((tPrepare - tSynth) / 1000).toFixed(2)} s`,
);
const perCpu = (n: number) => fmt(n / cpuSeconds);
console.log(
  `match: ${seconds.toFixed(2)} s wall, ${cpuSeconds.toFixed(2)} s CPU, ${fmt(result.matches.length)} matches`,
);
console.log(
  `rule-event pairs decided: ${fmt(pairs / seconds)} per second wall, ${perCpu(pairs)} per CPU-second`,
);
console.log(
  `  of which rule closures actually run (after the logsource and necessary-key prefilters): ${fmt(result.evaluations)} ` +
    `(${((100 * result.evaluations) / pairs).toFixed(2)} % of pairs), ${perCpu(result.evaluations)} per CPU-second`,
);
console.log(`events matched per second: ${fmt(EVENTS / seconds)} wall, ${perCpu(EVENTS)} per CPU-second`);
console.log(`total: ${((tRun - t0) / 1000).toFixed(2)} s`);
