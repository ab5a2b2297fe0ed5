"use client";

import { useRef, useState } from "react";
import { btn, btnDanger, input } from "@/components/scenarios/ui";
import { TechniquePicker } from "./technique-picker";
import type { BuilderHost, BuilderStep, ProcedureOption } from "./types";

/**
 * Ordered steps. Reorder by dragging the handle, or focus the handle and press Alt+↑/Alt+↓ (↑/↓ also work
 * on the handle); the move is announced through a live region.
 */
export function StepList({
  steps,
  procedures,
  hosts,
  onChange,
}: {
  steps: BuilderStep[];
  procedures: ProcedureOption[];
  hosts: BuilderHost[];
  onChange: (steps: BuilderStep[]) => void;
}) {
  const [dragKey, setDragKey] = useState<string | null>(null);
  const [overKey, setOverKey] = useState<string | null>(null);
  const [announce, setAnnounce] = useState("");
  const handles = useRef(new Map<string, HTMLButtonElement>());

  const move = (from: number, to: number) => {
    if (to < 0 || to >= steps.length || from === to) return;
    const next = [...steps];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item);
    onChange(next);
    setAnnounce(`Step ${item.technique || from + 1} moved to position ${to + 1} of ${steps.length}`);
    requestAnimationFrame(() => handles.current.get(item.key)?.focus());
  };
  const update = (key: string, patch: Partial<BuilderStep>) =>
    onChange(steps.map((s) => (s.key === key ? { ...s, ...patch } : s)));

  return (
    <div>
      <p className="sr-only" aria-live="polite">
        {announce}
      </p>
      <ol className="space-y-2" aria-label="Steps">
        {steps.map((step, index) => {
          const options = procedures.filter((p) => p.technique === step.technique);
          const chosen = options.find((p) => p.id === step.procedure);
          return (
            <li
              key={step.key}
              data-testid="builder-step"
              onDragOver={(e) => {
                if (!dragKey) return;
                e.preventDefault();
                setOverKey(step.key);
              }}
              onDrop={(e) => {
                e.preventDefault();
                const from = steps.findIndex((s) => s.key === dragKey);
                setDragKey(null);
                setOverKey(null);
                if (from >= 0) move(from, index);
              }}
              className={`rounded-lg border bg-white p-3 shadow-sm ${overKey === step.key && dragKey !== step.key ? "border-blue-500" : "border-slate-200"} ${dragKey === step.key ? "opacity-50" : ""}`}
            >
              <div className="flex items-start gap-2">
                <button
                  type="button"
                  draggable
                  ref={(el) => {
                    if (el) handles.current.set(step.key, el);
                    else handles.current.delete(step.key);
                  }}
                  onDragStart={(e) => {
                    setDragKey(step.key);
                    e.dataTransfer.effectAllowed = "move";
                    e.dataTransfer.setData("text/plain", step.key);
                  }}
                  onDragEnd={() => {
                    setDragKey(null);
                    setOverKey(null);
                  }}
                  onKeyDown={(e) => {
                    if (e.key === "ArrowUp") {
                      e.preventDefault();
                      move(index, index - 1);
                    } else if (e.key === "ArrowDown") {
                      e.preventDefault();
                      move(index, index + 1);
                    }
                  }}
                  className="mt-1 cursor-grab rounded px-1 text-slate-400 hover:bg-slate-100 hover:text-slate-700"
                  aria-label={`Step ${index + 1}: drag, or press up/down arrow to reorder`}
                  title="Drag to reorder (or focus and use ↑/↓)"
                >
                  ⠿
                </button>
                <span className="mt-1 w-6 text-sm font-semibold text-slate-500">{index + 1}.</span>
                <div className="grid flex-1 gap-2 md:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
                  <div>
                    <div className="mb-1 text-sm">
                      {step.technique ? (
                        <span>
                          <span className="font-mono font-semibold">{step.technique}</span>{" "}
                          <span className="text-slate-600">{step.techniqueName}</span>
                        </span>
                      ) : (
                        <span className="text-slate-500">Choose a technique</span>
                      )}
                    </div>
                    <TechniquePicker
                      label={`Technique for step ${index + 1}`}
                      value={step.technique}
                      onPick={(hit) =>
                        update(step.key, {
                          technique: hit.id,
                          techniqueName: hit.name,
                          procedure: "",
                          variant: "",
                        })
                      }
                    />
                  </div>
                  <div className="space-y-1">
                    <div className="flex gap-3 text-xs">
                      <label className="flex items-center gap-1">
                        <input
                          type="radio"
                          checked={step.mode === "procedure"}
                          onChange={() => update(step.key, { mode: "procedure" })}
                        />
                        Procedure
                      </label>
                      <label className="flex items-center gap-1">
                        <input
                          type="radio"
                          checked={step.mode === "text"}
                          onChange={() => update(step.key, { mode: "text" })}
                        />
                        Free-text action
                      </label>
                    </div>
                    {step.mode === "procedure" ? (
                      <div className="flex gap-2">
                        <select
                          className={`${input} min-w-0 flex-1`}
                          aria-label={`Procedure for step ${index + 1}`}
                          value={step.procedure}
                          onChange={(e) => update(step.key, { procedure: e.target.value, variant: "" })}
                        >
                          <option value="">
                            {options.length
                              ? `Default: ${options[0].name}`
                              : "No curated procedure: describe the action"}
                          </option>
                          {options.map((p) => (
                            <option key={p.id} value={p.id} title={p.description}>
                              {p.name}
                            </option>
                          ))}
                        </select>
                        {chosen && chosen.variants.length > 0 && (
                          <select
                            className={input}
                            aria-label={`Variant for step ${index + 1}`}
                            value={step.variant}
                            onChange={(e) => update(step.key, { variant: e.target.value })}
                          >
                            <option value="">Default variant</option>
                            {chosen.variants.map((v) => (
                              <option key={v} value={v}>
                                {v}
                              </option>
                            ))}
                          </select>
                        )}
                      </div>
                    ) : (
                      <textarea
                        className={`${input} w-full`}
                        rows={2}
                        maxLength={2000}
                        aria-label={`Action for step ${index + 1}`}
                        placeholder='e.g. "schtasks /create /tn Updater /tr C:\Users\Public\u.exe /sc onlogon"'
                        value={step.action}
                        onChange={(e) => update(step.key, { action: e.target.value })}
                      />
                    )}
                    <select
                      className={`${input} w-full`}
                      aria-label={`Host for step ${index + 1}`}
                      value={step.host}
                      onChange={(e) => update(step.key, { host: e.target.value })}
                    >
                      <option value="">Host: default (first workstation)</option>
                      <option value="@server">Host: a server</option>
                      <option value="@dc">Host: the domain controller</option>
                      {hosts.map((h) => (
                        <option key={h.name} value={h.name}>
                          Host: {h.name} ({h.role})
                        </option>
                      ))}
                    </select>
                  </div>
                </div>
                <div className="flex flex-col gap-1">
                  <button
                    type="button"
                    className={btn}
                    onClick={() => move(index, index - 1)}
                    disabled={index === 0}
                    aria-label={`Move step ${index + 1} up`}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className={btn}
                    onClick={() => move(index, index + 1)}
                    disabled={index === steps.length - 1}
                    aria-label={`Move step ${index + 1} down`}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className={btnDanger}
                    onClick={() => onChange(steps.filter((s) => s.key !== step.key))}
                    aria-label={`Remove step ${index + 1}`}
                  >
                    ✕
                  </button>
                </div>
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
