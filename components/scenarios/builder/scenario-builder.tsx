"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import {
  generateScenarioAction,
  previewPlanAction,
  saveAndRunAction,
  updateScenarioAction,
} from "@/app/scenarios/actions";
import { btn, btnPrimary, card, input } from "@/components/scenarios/ui";
import type { PlanPreview } from "@/lib/scenarios/types";
import { OUTPUT_FORMATS } from "@/lib/schemas/scenario";
import { EnvironmentEditor } from "./environment-editor";
import { PlanPreviewView } from "./plan-preview";
import { StepList } from "./step-list";
import { emptyStep, toCreateInput, toUpdateInput, type BuilderState, type ProcedureOption } from "./types";

type Problem = { message: string; issues?: { path: string; message: string }[] };

/** Builds a new scenario, or with `scenarioId` edits a saved one (its runs keep their snapshot). */
export function ScenarioBuilder({
  initial,
  procedures,
  scenarioId,
}: {
  initial: BuilderState;
  procedures: ProcedureOption[];
  scenarioId?: string;
}) {
  const router = useRouter();
  const [state, setState] = useState<BuilderState>(initial);
  const [plan, setPlan] = useState<PlanPreview | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [previewing, startPreview] = useTransition();
  const [generating, startGenerate] = useTransition();

  const patch = (next: Partial<BuilderState>) => {
    setState((s) => ({ ...s, ...next }));
    setPlan(null);
  };
  const incomplete = state.steps.length === 0 || state.steps.some((s) => !s.technique);

  const preview = () =>
    startPreview(async () => {
      setProblem(null);
      const result = await previewPlanAction(toCreateInput(state));
      if (result.ok) setPlan(result.value);
      else setProblem(result.error);
    });

  const generate = () =>
    startGenerate(async () => {
      setProblem(null);
      const result = await generateScenarioAction(toCreateInput(state));
      if (result.ok) router.push(`/scenarios/${result.value.scenarioId}/runs/${result.value.runId}`);
      else setProblem(result.error);
    });

  const save = (andRun: boolean) =>
    startGenerate(async () => {
      if (!scenarioId) return;
      setProblem(null);
      const input = toUpdateInput(state);
      if (andRun) {
        const result = await saveAndRunAction(scenarioId, input);
        if (result.ok) router.push(`/scenarios/${scenarioId}/runs/${result.value.runId}`);
        else setProblem(result.error);
      } else {
        const result = await updateScenarioAction(scenarioId, input);
        if (result.ok) router.push(`/scenarios/${scenarioId}`);
        else setProblem(result.error);
      }
    });

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_340px]">
      <div className="space-y-4">
        <div className={`${card} space-y-3 p-4`}>
          <label className="block text-sm font-medium">
            Title
            <input
              className={`${input} mt-1 w-full`}
              value={state.title}
              maxLength={200}
              onChange={(e) => patch({ title: e.target.value })}
              placeholder="Phishing document to Run-key persistence"
            />
          </label>
          <label className="block text-sm font-medium">
            Narrative <span className="font-normal text-slate-500">(optional)</span>
            <textarea
              className={`${input} mt-1 w-full`}
              rows={3}
              maxLength={20_000}
              value={state.narrative}
              onChange={(e) => patch({ narrative: e.target.value })}
              placeholder="A user opens a macro document; PowerShell downloads a stager; it persists in the Run key."
            />
          </label>
          <label className="block text-sm font-medium">
            Tags <span className="font-normal text-slate-500">(comma-separated, optional)</span>
            <input
              className={`${input} mt-1 w-full`}
              value={state.tags}
              onChange={(e) => patch({ tags: e.target.value })}
              placeholder="phishing, persistence"
            />
          </label>
          <label className="block text-sm font-medium">
            Visibility
            <select
              className={`${input} mt-1 w-full`}
              value={state.visibility}
              onChange={(e) => patch({ visibility: e.target.value as typeof state.visibility })}
            >
              <option value="team">Team — everyone in my team</option>
              <option value="private">Private — only me</option>
              <option value="public">Public — every team, read-only</option>
            </select>
          </label>
        </div>

        <section aria-label="Steps" className="space-y-2">
          <div className="flex items-center justify-between">
            <h2 className="text-lg font-semibold">Steps</h2>
            <button
              type="button"
              className={btn}
              onClick={() => patch({ steps: [...state.steps, emptyStep()] })}
            >
              Add step
            </button>
          </div>
          {state.steps.length === 0 ? (
            <p className="rounded border border-dashed border-slate-300 p-6 text-center text-sm text-slate-500">
              No steps yet. Add one, or select techniques in the{" "}
              <a className="text-blue-700 underline" href="/matrix">
                matrix
              </a>
              .
            </p>
          ) : (
            <StepList
              steps={state.steps}
              procedures={procedures}
              hosts={state.hosts}
              onChange={(steps) => patch({ steps })}
            />
          )}
        </section>

        {problem && (
          <div role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
            <p className="font-medium">{problem.message}</p>
            {problem.issues && problem.issues.length > 1 && (
              <ul className="mt-1 list-disc pl-5">
                {problem.issues.map((i, n) => (
                  <li key={n}>
                    <code>{i.path || "input"}</code>: {i.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}

        <div className="flex items-center gap-3">
          <button type="button" className={btn} disabled={incomplete || previewing} onClick={preview}>
            {previewing ? "Planning…" : "Preview plan"}
          </button>
          {scenarioId ? (
            <>
              <button
                type="button"
                className={btnPrimary}
                disabled={incomplete || generating}
                onClick={() => save(false)}
              >
                {generating ? "Saving…" : "Save changes"}
              </button>
              <button
                type="button"
                className={btn}
                disabled={incomplete || generating}
                onClick={() => save(true)}
              >
                Save &amp; run
              </button>
            </>
          ) : (
            <button
              type="button"
              className={btnPrimary}
              disabled={incomplete || generating}
              onClick={generate}
            >
              {generating ? "Generating…" : "Generate"}
            </button>
          )}
          {incomplete && <span className="text-sm text-slate-500">Every step needs a technique.</span>}
        </div>

        {plan && <PlanPreviewView plan={plan} />}
      </div>

      <aside className={`${card} h-fit space-y-4 p-4`}>
        <fieldset className="space-y-2">
          <legend className="text-sm font-semibold">Generation</legend>
          <label className="block text-sm">
            Seed
            <input
              className={`${input} mt-1 w-full font-mono`}
              inputMode="numeric"
              value={state.seed}
              onChange={(e) => patch({ seed: e.target.value.replace(/[^0-9]/g, "") })}
              placeholder="random"
            />
          </label>
          <label className="block text-sm">
            Start time (UTC)
            <input
              type="datetime-local"
              step={1}
              className={`${input} mt-1 w-full`}
              value={state.startTime}
              onChange={(e) => patch({ startTime: e.target.value })}
            />
          </label>
          <div className="text-sm">
            Formats
            <div className="mt-1 grid grid-cols-2 gap-1">
              {OUTPUT_FORMATS.map((f) => (
                <label key={f} className="flex items-center gap-1 text-xs">
                  <input
                    type="checkbox"
                    checked={state.formats.includes(f)}
                    onChange={(e) =>
                      patch({
                        formats: e.target.checked
                          ? [...state.formats, f]
                          : state.formats.filter((x) => x !== f),
                      })
                    }
                  />
                  {f}
                </label>
              ))}
            </div>
          </div>
        </fieldset>
        <EnvironmentEditor
          domain={state.domain}
          hosts={state.hosts}
          users={state.users}
          onChange={(p) => patch(p)}
        />
      </aside>
    </div>
  );
}
