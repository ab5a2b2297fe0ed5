import "server-only";
import type { ScenarioCreateInput } from "@/lib/schemas/scenario";
import type { Actor } from "./actors";
import { db } from "./client";
import type { PreparedEventRow } from "./event-rows";
import { insertPreparedEvents } from "./events";
import { insertFinishedRun, type RunCreateData, type RunRecord, type RunUpdate } from "./runs";
import { insertScenario } from "./scenarios";

/**
 * The builder's Generate, stored in one transaction: the scenario, its run in its final state and the run's
 * events. All or nothing (a failure leaves no scenario behind), and one commit instead of four.
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
