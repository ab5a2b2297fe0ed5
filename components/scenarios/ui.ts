/** Shared Tailwind class strings for the scenario and viewer screens (no global CSS edits needed). */
export const btn =
  "rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-700 hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-50";
export const btnPrimary =
  "rounded bg-blue-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-700 disabled:cursor-not-allowed disabled:opacity-50";
export const btnDanger =
  "rounded border border-red-300 bg-white px-2 py-1 text-sm text-red-700 hover:bg-red-50 disabled:opacity-50";
export const input = "rounded border border-slate-300 bg-white px-2 py-1 text-sm";
export const card = "rounded-lg border border-slate-200 bg-white shadow-sm";
