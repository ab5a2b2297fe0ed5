import "server-only";
import type { ScenarioCreateInput } from "@/lib/schemas/scenario";
import type { Actor } from "./actors";
import { db, runStatement } from "./client";
import type { PreparedEventRow } from "./event-rows";
import { insertEventsSql, insertPreparedEvents, preparedPayload } from "./events";
import {
  finishedRunRow,
  insertFinishedRun,
  runRecordOf,
  type RunCreateData,
  type RunRecord,
  type RunUpdate,
} from "./runs";
import { insertScenario, newScenarioRow } from "./scenarios";

/** Up to this many events, Generate is one INSERT statement; beyond, a transaction of batches. */
const ONE_STATEMENT_EVENTS = 2_000;

/** `INSERT … SELECT` of one row given as a JSON object; columns not in `row` take their defaults. */
function insertRowSql(table: string, row: Record<string, unknown>, param: number): string {
  const columns = Object.keys(row)
    .filter((k) => row[k] !== undefined)
    .map((k) => `"${k}"`)
    .join(", ");
  return `INSERT INTO "${table}" (${columns}) SELECT ${columns} FROM json_populate_record(NULL::"${table}", $${param}::json)`;
}

/**
 * The builder's Generate, stored all or nothing: the scenario, its run in its final state and the run's
 * events. A one-technique scenario is a single statement (scenario and run as data-modifying CTEs, the
 * foreign keys checked at its end): no transaction round trips on the path the user waits for.
 */
export async function storeGeneratedScenario(
  actor: Actor,
  input: {
    scenario: ScenarioCreateInput;
    run: RunCreateData & { startedAt: Date };
    result: Omit<RunUpdate, "status" | "error">;
    rows: readonly PreparedEventRow[];
  },
): Promise<{ scenarioId: string; run: RunRecord }> {
  if (input.rows.length > ONE_STATEMENT_EVENTS) return storeInTransaction(actor, input);
  const { row: scenarioRow, scenario } = newScenarioRow(actor, input.scenario);
  const run = finishedRunRow(actor, scenario, input.run, input.result);
  const runRow: Record<string, unknown> = run;
  const sql =
    `WITH s AS (${insertRowSql("Scenario", scenarioRow, 1)}), r AS (${insertRowSql("Run", runRow, 2)}) ` +
    insertEventsSql(3, 4);
  await runStatement(sql, [
    JSON.stringify(scenarioRow),
    JSON.stringify(runRow),
    run.id,
    preparedPayload(input.rows),
  ]);
  return { scenarioId: scenario.id, run: runRecordOf(run) };
}

async function storeInTransaction(
  actor: Actor,
  input: Parameters<typeof storeGeneratedScenario>[1],
): Promise<{ scenarioId: string; run: RunRecord }> {
  return db().$transaction(
    async (tx) => {
      const scenario = await insertScenario(tx, actor, input.scenario);
      const run = await insertFinishedRun(tx, actor, scenario, input.run, input.result);
      await insertPreparedEvents(tx, run.id, input.rows);
      return { scenarioId: scenario.id, run };
    },
    // A loaded machine or a big scenario can take a while; the defaults (2 s wait, 5 s run) are for requests.
    { maxWait: 10_000, timeout: 120_000 },
  );
}
