// Median server time of "Generate" for a one-technique scenario (T1059.001): the engine render alone, and the
// whole server action (validate → render → store scenario, run, events, report) on the embedded database
// (PGlite in a temp folder) or on PostgreSQL when DATABASE_URL is set. Prints figures; asserts nothing.
//   npm run bench:generate [-- --runs 40 --technique T1547.001]
import { spawnSync } from "node:child_process";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const runs = Math.max(5, Number(arg("runs", "30")));
const technique = arg("technique", "T1059.001");
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)];

async function main() {
  // The server modules import "server-only", which loads only under the react-server condition.
  const { ensureLocalActor } = await import("@/lib/db/actors");
  const { createTestDatabase } = await import("@/lib/db/testing/database");
  const { renderScenario } = await import("@/lib/scenarios/render");
  const { generateScenario } = await import("@/lib/scenarios/run");
  const { getRun } = await import("@/lib/db/runs");
  const def = { title: `bench ${technique}`, steps: [{ technique }] };
  // Warm the JIT and module caches as a running server would be.
  for (let i = 0; i < 5; i++) renderScenario(def, 1000 + i);

  const render: number[] = [];
  const engine: number[] = [];
  const rows: number[] = [];
  const validate: number[] = [];
  let events = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const out = renderScenario(def, 2000 + i);
    render.push(performance.now() - t0);
    engine.push(out.timings.generateMs);
    rows.push(out.timings.rowsMs);
    validate.push(out.timings.validateMs);
    events = out.rows.length;
  }

  const kind = process.env.DATABASE_URL ? "postgres" : "pglite";
  const database = await createTestDatabase(kind);
  const full: number[] = [];
  const deferred: number[] = [];
  const phases: Record<string, number[]> = {};
  try {
    const actor = await ensureLocalActor();
    // As the builder's server action: Sigma matching is deferred until after the response (Next's after()),
    // so it is timed apart and awaited between runs, never overlapping the next measurement.
    const detections: (() => Promise<void>)[] = [];
    const deferDetection = (job: () => Promise<void>) => void detections.push(job);
    const settle = async () => {
      const t0 = performance.now();
      for (const job of detections.splice(0)) await job();
      return performance.now() - t0;
    };
    for (let i = 0; i < 3; i++) {
      await generateScenario(actor, { ...def, seed: 3000 + i }, { deferDetection });
      await settle();
    }
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const { runId } = await generateScenario(actor, { ...def, seed: 4000 + i }, { deferDetection });
      full.push(performance.now() - t0);
      deferred.push(await settle());
      const timings = (await getRun(actor, runId))?.timings ?? {};
      for (const [phase, ms] of Object.entries(timings)) (phases[phase] ??= []).push(ms);
    }
  } finally {
    await database.drop();
  }

  const fmt = (x: number) => x.toFixed(1);
  console.log(
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} on ${os.cpus().length} CPU(s)`,
  );
  console.log(`bench:generate ${technique}, ${events} events per run, ${runs} runs each`);
  console.log(
    `  render (generate + evtx-json rows + validator): median ${fmt(median(render))} ms, p90 ${fmt(p90(render))} ms`,
  );
  console.log(
    `    of which engine generate ${fmt(median(engine))} ms, evtx-json rows ${fmt(median(rows))} ms, validator ${fmt(median(validate))} ms`,
  );
  console.log(
    `  server action incl. storing on ${kind}:    median ${fmt(median(full))} ms, p90 ${fmt(p90(full))} ms`,
  );
  console.log(
    `  deferred Sigma matching (after the response): median ${fmt(median(deferred))} ms, p90 ${fmt(p90(deferred))} ms`,
  );
  console.log(
    `    stored phases (median ms): ${Object.entries(phases)
      .map(([phase, xs]) => `${phase} ${fmt(median(xs))}`)
      .join(
        ", ",
      )}${process.env.SIGMA_RULES_DIR ? "" : " (SIGMA_RULES_DIR unset: templates only, no Sigma matching)"}`,
  );
  console.log(
    `bench: generate median ${fmt(median(render))} ms, full Generate with saving ${fmt(median(full))} ms (target ≤ 30 ms)`,
  );
}

if (process.env.MIMICRY_BENCH_CHILD) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
} else {
  const child = spawnSync(
    process.execPath,
    [
      "--conditions=react-server",
      "--import",
      "tsx",
      fileURLToPath(import.meta.url),
      ...process.argv.slice(2),
    ],
    { stdio: "inherit", env: { ...process.env, MIMICRY_BENCH_CHILD: "1" } },
  );
  process.exit(child.status ?? 1);
}
