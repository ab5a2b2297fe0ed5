"use client";

import { useState, type FormEvent } from "react";

interface AnnotateFormProps {
  count: number;
  onApply(annotation: { color?: string; score?: number; comment?: string }): void;
  onClear(): void;
}

/** Colour, score and comment for the selected techniques, written to the editable "Mimicry annotations" layer. */
export function AnnotateForm({ count, onApply, onClear }: AnnotateFormProps) {
  const [color, setColor] = useState("#f59e0b");
  const [useColor, setUseColor] = useState(true);
  const [score, setScore] = useState("");
  const [comment, setComment] = useState("");
  const disabled = count === 0;

  function submit(event: FormEvent) {
    event.preventDefault();
    const value = score.trim() === "" ? undefined : Number(score);
    onApply({
      color: useColor ? color : undefined,
      score: value !== undefined && Number.isFinite(value) ? value : undefined,
      comment: comment.trim() || undefined,
    });
  }

  return (
    <form
      onSubmit={submit}
      className="flex flex-wrap items-center gap-1.5 text-xs"
      aria-label="Annotate selection"
    >
      <span className="text-slate-500">Annotate {count} selected:</span>
      <label className="inline-flex items-center gap-1">
        <input
          type="checkbox"
          checked={useColor}
          onChange={(e) => setUseColor(e.target.checked)}
          aria-label="Use colour"
        />
        <input
          type="color"
          value={color}
          onChange={(e) => setColor(e.target.value)}
          aria-label="Colour"
          className="h-6 w-8 cursor-pointer rounded border border-slate-300"
        />
      </label>
      <input
        type="number"
        value={score}
        onChange={(e) => setScore(e.target.value)}
        placeholder="score"
        aria-label="Score"
        className="w-16 rounded border border-slate-300 px-1.5 py-0.5"
      />
      <input
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        placeholder="comment"
        aria-label="Comment"
        maxLength={2000}
        className="w-40 rounded border border-slate-300 px-1.5 py-0.5"
      />
      <button
        type="submit"
        disabled={disabled}
        className="rounded bg-slate-800 px-2 py-1 font-medium text-white hover:bg-slate-700 disabled:opacity-40"
      >
        Apply
      </button>
      <button
        type="button"
        disabled={disabled}
        onClick={onClear}
        className="rounded border border-slate-300 bg-white px-2 py-1 hover:bg-slate-50 disabled:opacity-40"
      >
        Clear annotations
      </button>
    </form>
  );
}
