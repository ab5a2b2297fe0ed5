// Prints data-layer figures: migrate time, 100k-event insert time, paging and facet latency — on PGlite and,
// when DATABASE_URL is set, on a throwaway PostgreSQL database. Run: npx tsx --conditions=react-server scripts/bench-db.ts [count] [batchSize]
// (BENCH_DB_KINDS=pglite or postgres to run one)
import { performance } from "node:perf_hooks";
import {
  completeRun,
  createRun,
  createScenario,
  ensureLocalActor,
  insertRunEvents,
  queryRunEvents,
  runEventFacets,
} from "@/lib/db";
import { createTestDatabase, databaseKinds } from "@/lib/db/testing/database";
import { syntheticEvents } from "@/lib/db/testing/events";

const count = Number(process.argv[2] ?? 100_000);
const batchSize = Number(process.argv[3] ?? 2_000);
const only = process.env.BENCH_DB_KINDS?.split(",");

/** The synthetic stream, printing the running insert rate every 20,000 events. */
function* withProgress<T>(kind: string, items: Iterable<T>, start: number): Generator<T> {
  let n = 0;
  for (const item of items) {
    if (++n % 20_000 === 0)
      console.log(`${kind}:   ${n} events after ${(performance.now() - start).toFixed(0)} ms`);
    yield item;
  }
}
const ms = (start: number) => `${(performance.now() - start).toFixed(0)} ms`;

for (const kind of databaseKinds.filter((k) => !only || only.includes(k))) {
  let start = performance.now();
  const database = await createTestDatabase(kind);
  console.log(`${kind}: create + migrate ${ms(start)}`);
  try {
    const actor = await ensureLocalActor();
    const scenario = await createScenario(actor, { title: "bench", steps: [{ technique: "T1059.001" }] });
    const run = await createRun(actor, scenario.id, { engineVersion: "bench" });
    start = performance.now();
    const events = withProgress(kind, syntheticEvents(count, { seed: 1 }), start);
    const { inserted } = await insertRunEvents(actor, run.id, events, { batchSize });
    const insertMs = performance.now() - start;
    console.log(
      `${kind}: inserted ${inserted} events in ${insertMs.toFixed(0)} ms (${Math.round(inserted / (insertMs / 1000))} events/s)`,
    );
    start = performance.now();
    await completeRun(actor, run.id);
    console.log(`${kind}: counts per host/channel/event ID ${ms(start)}`);
    start = performance.now();
    const page = await queryRunEvents(actor, run.id, { limit: 200, cursor: Math.floor(count / 2) });
    console.log(`${kind}: page of 200 from the middle (+ total ${page.total}) ${ms(start)}`);
    start = performance.now();
    const filtered = await queryRunEvents(actor, run.id, {
      channel: "Microsoft-Windows-Sysmon/Operational",
      eventId: 13,
      limit: 200,
    });
    console.log(`${kind}: filtered page channel+eventId (total ${filtered.total}) ${ms(start)}`);
    start = performance.now();
    const text = await queryRunEvents(actor, run.id, { q: "-enc", limit: 200 });
    console.log(`${kind}: full-text page "-enc" (total ${text.total}) ${ms(start)}`);
    start = performance.now();
    await runEventFacets(actor, run.id);
    console.log(`${kind}: facets ${ms(start)}`);
  } finally {
    await database.drop();
  }
}
