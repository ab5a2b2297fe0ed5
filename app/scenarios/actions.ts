"use server";

import { after } from "next/server";
import { z } from "zod";
import { ensureLocalActor } from "@/lib/db/actors";
import { requireRun } from "@/lib/db/runs";
import { scenarioUpdateSchema, updateScenario } from "@/lib/db/scenarios";
import { listShareLinks, revokeShareLink, type ShareLinkRecord } from "@/lib/db/share-links";
import { previewPlan } from "@/lib/scenarios/preview";
import { executeRun, generateScenario, queueRun } from "@/lib/scenarios/run";
import { definitionOf, randomSeed } from "@/lib/scenarios/spec";
import type { ActionResult, PlanPreview } from "@/lib/scenarios/types";
import { InputError, parseInput } from "@/lib/schemas/errors";
import { scenarioCreateSchema } from "@/lib/schemas/scenario";

/** Server actions of the builder: validate with zod, call lib/scenarios, return a plain result. */

async function attempt<T>(fn: () => Promise<T> | T): Promise<ActionResult<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (error) {
    if (error instanceof InputError) return { ok: false, error: error.toBody().error };
    console.error("[scenarios] action failed", error);
    return { ok: false, error: { code: "internal", message: "Unexpected server error" } };
  }
}

/** Decomposes the scenario into its action graph; stores nothing. */
export async function previewPlanAction(input: unknown): Promise<ActionResult<PlanPreview>> {
  return attempt(() => {
    const parsed = parseInput(scenarioCreateSchema, input);
    return previewPlan(definitionOf(parsed), parsed.seed ?? randomSeed());
  });
}

/** Stores the scenario and its first run; the client then opens the viewer. */
export async function generateScenarioAction(
  input: unknown,
): Promise<ActionResult<{ scenarioId: string; runId: string; status: string }>> {
  // Sigma matching runs after the response, so the viewer opens as soon as the events are stored.
  return attempt(async () =>
    generateScenario(await ensureLocalActor(), input, { deferDetection: (job) => after(job) }),
  );
}

const linkId = z.string().trim().min(1).max(64);

/** The run's share links (active, expired and revoked), newest first. */
export async function listShareLinksAction(runId: unknown): Promise<ActionResult<ShareLinkRecord[]>> {
  return attempt(async () => {
    const actor = await ensureLocalActor();
    const id = parseInput(linkId, runId);
    await requireRun(actor, id);
    return listShareLinks(actor, { runId: id });
  });
}

/** Revokes a share link: its token stops opening anything at once. */
export async function revokeShareLinkAction(id: unknown): Promise<ActionResult<ShareLinkRecord>> {
  return attempt(async () => revokeShareLink(await ensureLocalActor(), parseInput(linkId, id)));
}

const scenarioId = z.string().trim().min(1).max(64);

/** Saves an edit of a stored scenario (runs already made keep their snapshot). */
export async function updateScenarioAction(
  id: unknown,
  input: unknown,
): Promise<ActionResult<{ scenarioId: string; visibility: string }>> {
  return attempt(async () => {
    const saved = await updateScenario(
      await ensureLocalActor(),
      parseInput(scenarioId, id),
      parseInput(scenarioUpdateSchema, input),
    );
    return { scenarioId: saved.id, visibility: saved.visibility };
  });
}

/** Saves the edit, then queues a run of the saved scenario (generated after the response). */
export async function saveAndRunAction(
  id: unknown,
  input: unknown,
): Promise<ActionResult<{ scenarioId: string; runId: string }>> {
  return attempt(async () => {
    const actor = await ensureLocalActor();
    const saved = await updateScenario(
      actor,
      parseInput(scenarioId, id),
      parseInput(scenarioUpdateSchema, input),
    );
    const run = await queueRun(actor, saved.id, {});
    after(() => executeRun(actor, run.id).then(() => undefined));
    return { scenarioId: saved.id, runId: run.id };
  });
}
