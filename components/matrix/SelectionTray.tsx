"use client";

import Link from "next/link";
import { useState } from "react";
import type { MatrixPayload } from "@/lib/attack/types";
import { formatIdList } from "@/lib/matrix/url-state";

interface SelectionTrayProps {
  payload: MatrixPayload;
  ids: string[];
  onOpen(id: string): void;
  onRemove(id: string): void;
  onClear(): void;
}

const SHOWN = 12;

/** The selected techniques, pinned to the bottom, with the way into the scenario builder. */
export function SelectionTray({ payload, ids, onOpen, onRemove, onClear }: SelectionTrayProps) {
  const [copied, setCopied] = useState(false);
  if (ids.length === 0) return null;
  const sorted = formatIdList(ids).split(",");
  const shown = sorted.slice(0, SHOWN);
  return (
    <section
      aria-label="Selected techniques"
      className="fixed inset-x-0 bottom-0 z-30 border-t border-slate-300 bg-white/95 px-4 py-2 shadow-[0_-4px_12px_rgba(15,23,42,0.08)] backdrop-blur"
    >
      <div className="mx-auto flex max-w-[1600px] flex-wrap items-center gap-2">
        <strong className="text-sm" data-testid="selection-count">
          {ids.length} selected
        </strong>
        <ul className="flex min-w-0 flex-1 flex-wrap gap-1 overflow-hidden" style={{ maxHeight: "3.5rem" }}>
          {shown.map((id) => (
            <li
              key={id}
              className="inline-flex items-center rounded-full border border-blue-200 bg-blue-50 text-xs text-blue-900"
            >
              <button
                type="button"
                className="px-2 py-0.5"
                onClick={() => onOpen(id)}
                title={payload.techniques[id]?.name}
              >
                <span className="font-mono">{id}</span>
                <span className="ml-1 hidden max-w-[10rem] truncate align-bottom sm:inline-block">
                  {payload.techniques[id]?.name}
                </span>
              </button>
              <button
                type="button"
                className="rounded-r-full px-1.5 py-0.5 text-blue-700 hover:bg-blue-100"
                aria-label={`Remove ${id} from the selection`}
                onClick={() => onRemove(id)}
              >
                ×
              </button>
            </li>
          ))}
          {sorted.length > SHOWN && (
            <li className="self-center text-xs text-slate-500">+{sorted.length - SHOWN} more</li>
          )}
        </ul>
        <div className="flex items-center gap-2">
          <button
            type="button"
            className="rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50"
            onClick={() => {
              void navigator.clipboard?.writeText(window.location.href).then(() => {
                setCopied(true);
                setTimeout(() => setCopied(false), 1500);
              });
            }}
          >
            {copied ? "Link copied" : "Copy link"}
          </button>
          <button
            type="button"
            className="rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50"
            onClick={onClear}
          >
            Clear
          </button>
          <Link
            href={`/scenarios/new?techniques=${formatIdList(ids)}`}
            className="rounded bg-blue-600 px-3 py-1.5 text-xs font-semibold text-white hover:bg-blue-700"
          >
            Build scenario from selection
          </Link>
        </div>
      </div>
    </section>
  );
}
