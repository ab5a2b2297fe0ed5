/**
 * Generation + evtx-json serialization speed on one core. Prints figures, ends with exactly one line:
 *   bench: N events/s, X of JSON.stringify floor, peak RSS M MiB
 * N: events generated and serialized per second of pipeline CPU time (process.cpuUsage, so one core's
 *    work; GC helper threads count against us). Wall-clock rates are printed too: on a shared, loaded
 *    box they mostly measure the other processes.
 * X: N / the floor, JSON.stringify's rate (CPU time) on the same events already built as evtx_dump-shaped
 *    objects (generation counts against us). Also printed: the template serializer alone against the floor.
 * Everything is timed in alternating 2,000-event chunks so all measures see the same machine load;
 * memory stays bounded (one chunk).
 * Usage: npm run bench [-- --events 10000000]
 */
import { runScenario } from "@/lib/engine/engine";
import type { WinEvent } from "@/lib/engine/event";
import { serializeEvtxJson } from "@/lib/engine/formats/evtx-json";
import { curatedProcedures as curated } from "@/lib/procedures/curated";
import { procedures } from "@/lib/procedures/registry";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v <= 0) {
    process.stderr.write(`bench: bad ${name} "${process.argv[i + 1]}"\n`);
    process.exit(2);
  }
  return v;
}

const total = arg("--events", 1_000_000);
const CHUNK = 2_000;
const spec = {
  seed: 2026,
  steps: curated.map((p) => ({ technique: p.technique, procedure: p.id })),
  noise: { level: "high", burstsPerMinute: 6000, durationSeconds: 7 * 86_400 },
};

// Warm-up (JIT) on a small run.
runScenario(spec, { procedures, maxEvents: 50_000 }, (e) => JSON.stringify(JSON.parse(serializeEvtxJson(e))));

const now = () => Number(process.hrtime.bigint()) / 1e9;
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
let pipeline = 0;
let pipelineWall = 0;
let floorWall = 0;
let floor = 0;
let count = 0;
let bytes = 0;
let sameBytes = true;
const lines: string[] = new Array(CHUNK);
const chunk: WinEvent[] = new Array(CHUNK);
let serialize = 0;
let n = 0;
let chunkBytes = 0;
let t0 = 0;
let w0 = 0;
const wall0 = now();
const measureFloor = () => {
  const s0 = cpu();
  let lb = 0;
  for (let i = 0; i < n; i++) lb += (lines[i] = serializeEvtxJson(chunk[i])).length + 1;
  serialize += cpu() - s0;
  const objects: unknown[] = new Array(n);
  for (let i = 0; i < n; i++) objects[i] = JSON.parse(lines[i]);
  const fw = now();
  const f0 = cpu();
  let fb = 0;
  for (let i = 0; i < n; i++) fb += JSON.stringify(objects[i]).length + 1;
  floor += cpu() - f0;
  floorWall += now() - fw;
  if (lb !== fb || lb !== chunkBytes) sameBytes = false;
  bytes += lb;
  count += n;
  for (let i = 0; i < n; i++) {
    chunk[i] = undefined as unknown as WinEvent;
    lines[i] = "";
  }
  n = 0;
  chunkBytes = 0;
};
const stop = () => {
  pipeline += cpu() - t0;
  pipelineWall += now() - w0;
};
w0 = now();
t0 = cpu();
runScenario(spec, { procedures, maxEvents: total }, (e) => {
  // The line is dropped as a streaming writer would; measureFloor re-serializes the chunk for the floor.
  chunk[n++] = e;
  chunkBytes += serializeEvtxJson(e).length + 1;
  if (n === CHUNK) {
    stop();
    measureFloor();
    w0 = now();
    t0 = cpu();
  }
});
stop();
measureFloor();
const wall = now() - wall0;
const rate = count / pipeline;
const floorRate = count / floor;
const serializeRate = count / serialize;
const rss = process.resourceUsage().maxRSS / 1024;
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
console.log(
  `events:             ${fmt(count)} (${(bytes / 1e6).toFixed(0)} MB of NDJSON), wall ${wall.toFixed(1)} s`,
);
console.log(
  `generate+serialize: ${fmt(rate)} events/s CPU time (${(bytes / 1e6 / pipeline).toFixed(0)} MB/s), ` +
    `${fmt(count / pipelineWall)} events/s wall clock`,
);
console.log(
  `serialize only:     ${fmt(serializeRate)} events/s (template serializer on the built WinEvents)`,
);
console.log(
  `JSON.stringify:     ${fmt(floorRate)} events/s CPU time (${fmt(count / floorWall)} wall) on the same events ` +
    `pre-built as objects (${sameBytes ? "same bytes" : "byte counts differ"})`,
);
console.log(`serializer vs floor: ${(serializeRate / floorRate).toFixed(2)} (serialization alone)`);
console.log(
  `bench: ${fmt(rate)} events/s, ${(rate / floorRate).toFixed(2)} of JSON.stringify floor, peak RSS ${Math.round(rss)} MiB`,
);
