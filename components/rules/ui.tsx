import type { ReactNode } from "react";

export { btn, btnDanger, btnPrimary, card, input } from "@/components/scenarios/ui";

export const textarea =
  "w-full rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs leading-5 focus:border-blue-500";

/** An error (or success) line announced to screen readers. */
export function Notice({ kind, children }: { kind: "error" | "ok"; children: ReactNode }) {
  return (
    <p
      role={kind === "error" ? "alert" : "status"}
      className={`whitespace-pre-wrap rounded px-2 py-1 text-sm ${
        kind === "error" ? "bg-red-50 text-red-800" : "bg-emerald-50 text-emerald-800"
      }`}
    >
      {children}
    </p>
  );
}

const LEVEL: Record<string, string> = {
  critical: "bg-red-100 text-red-800",
  high: "bg-orange-100 text-orange-800",
  medium: "bg-amber-100 text-amber-800",
  low: "bg-sky-100 text-sky-800",
  informational: "bg-slate-100 text-slate-700",
};

export function LevelBadge({ level }: { level: string }) {
  if (!level) return <span className="text-slate-400">—</span>;
  return (
    <span className={`rounded px-1.5 py-0.5 text-xs ${LEVEL[level] ?? LEVEL.informational}`}>{level}</span>
  );
}

/**
 * An on/off switch (role="switch"): the visible text is part of its accessible name, and `label` adds what
 * it applies to for screen readers ("Used in detection: Sysmon set").
 */
export function Switch({
  checked,
  onChange,
  text,
  label,
  disabled,
  title,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  text: string;
  label: string;
  disabled?: boolean;
  title?: string;
}) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      aria-label={label}
      title={title}
      disabled={disabled}
      onClick={() => onChange(!checked)}
      className="group inline-flex items-center gap-1.5 rounded px-1 py-0.5 text-xs text-slate-600 hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-60 disabled:hover:bg-transparent"
    >
      <span
        aria-hidden="true"
        className={`relative inline-block h-4 w-7 shrink-0 rounded-full transition-colors ${
          checked ? "bg-blue-600" : "bg-slate-300"
        }`}
      >
        <span
          className={`absolute top-0.5 h-3 w-3 rounded-full bg-white shadow transition-[left] ${
            checked ? "left-3.5" : "left-0.5"
          }`}
        />
      </span>
      {text}
    </button>
  );
}
