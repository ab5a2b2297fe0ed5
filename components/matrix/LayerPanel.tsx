"use client";

import { useRef, useState } from "react";
import type { MatrixPayload } from "@/lib/attack/types";
import { gradientCss } from "@/lib/matrix/color";
import type { ColumnModel } from "@/lib/matrix/columns";
import { layerFileName, serializeLayer } from "@/lib/matrix/layer-file";
import { selectionToLayer } from "@/lib/matrix/layer-paint";
import { matrixToSvg } from "@/lib/matrix/svg";
import { AnnotateForm } from "./AnnotateForm";
import { downloadText } from "./download";
import type { useMatrixLayers } from "./useMatrixLayers";

interface LayerPanelProps {
  payload: MatrixPayload;
  layers: ReturnType<typeof useMatrixLayers>;
  columns: ColumnModel[];
  selection: ReadonlySet<string>;
  terms: readonly string[];
}

const button =
  "rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-40";

const noticeClass = {
  error: "border-red-300 bg-red-50 text-red-900",
  warning: "border-amber-300 bg-amber-50 text-amber-900",
  info: "border-emerald-300 bg-emerald-50 text-emerald-900",
};

/** Navigator layers: import (file or drop), toggle, export; selection-as-layer and SVG export; the legend. */
export function LayerPanel({ payload, layers, columns, selection, terms }: LayerPanelProps) {
  const fileRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const visible = layers.layers.filter((l) => l.visible);
  const legendLayers = [
    ...(layers.coverageVisible && layers.coverageLayer ? [layers.coverageLayer] : []),
    ...visible.map((l) => l.resolved),
  ];

  function exportSvg() {
    const title = `ATT&CK Enterprise ${payload.version}${terms.length ? ` — search: ${terms.join(" ")}` : ""}`;
    const svg = matrixToSvg(columns, payload, {
      title,
      paints: layers.paints,
      selection,
      layers: legendLayers,
    });
    downloadText(svg, "mimicry-matrix.svg", "image/svg+xml");
  }

  return (
    <div
      className={`px-4 pb-2 ${dragging ? "bg-blue-50 outline-2 outline-dashed outline-blue-500" : ""}`}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes("Files")) {
          e.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        void layers.importFiles([...e.dataTransfer.files]);
      }}
      aria-label="Layers"
      role="region"
    >
      <div className="flex flex-wrap items-center gap-1.5">
        <span className="mr-1 text-xs font-medium uppercase tracking-wide text-slate-500">Layers</span>
        <input
          ref={fileRef}
          type="file"
          accept=".json,application/json"
          multiple
          className="sr-only"
          id="layer-file"
          data-testid="layer-file"
          onChange={(e) => {
            void layers.importFiles([...(e.target.files ?? [])]);
            e.target.value = "";
          }}
        />
        <button type="button" className={button} onClick={() => fileRef.current?.click()}>
          Import Navigator layer…
        </button>
        <button
          type="button"
          className={button}
          disabled={selection.size === 0}
          onClick={() => {
            const layer = selectionToLayer([...selection], payload);
            downloadText(serializeLayer(layer), "mimicry-selection.json", "application/json");
          }}
        >
          Export selection as layer
        </button>
        <button type="button" className={button} onClick={exportSvg}>
          Export view as SVG
        </button>
        {layers.coverageLayer && (
          <label className="inline-flex items-center gap-1 text-xs">
            <input
              type="checkbox"
              checked={layers.coverageVisible}
              onChange={(e) => layers.setCoverageVisible(e.target.checked)}
            />
            Coverage
          </label>
        )}
        {layers.layers.length === 0 && (
          <span className="text-xs text-slate-500">or drop a layer file here</span>
        )}
        <ul className="flex flex-wrap gap-1.5" aria-label="Loaded layers">
          {layers.layers.map((l) => (
            <li
              key={l.uid}
              className="inline-flex items-center gap-1 rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 text-xs"
              data-layer={l.resolved.name}
            >
              <label className="inline-flex items-center gap-1">
                <input
                  type="checkbox"
                  checked={l.visible}
                  onChange={() => layers.toggleLayer(l.uid)}
                  aria-label={`Show layer ${l.resolved.name}`}
                />
                <span className="max-w-[12rem] truncate">{l.resolved.name}</span>
              </label>
              <button
                type="button"
                className="rounded px-1 text-blue-700 hover:bg-blue-50"
                onClick={() =>
                  downloadText(serializeLayer(l.layer), layerFileName(l.resolved.name), "application/json")
                }
                aria-label={`Export layer ${l.resolved.name}`}
              >
                Export
              </button>
              <button
                type="button"
                className="rounded px-1 text-slate-500 hover:bg-slate-200"
                onClick={() => layers.removeLayer(l.uid)}
                aria-label={`Remove layer ${l.resolved.name}`}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      </div>
      {selection.size > 0 && (
        <div className="mt-1.5">
          <AnnotateForm
            count={selection.size}
            onApply={(annotation) => layers.annotate([...selection], annotation)}
            onClear={() => layers.annotate([...selection], null)}
          />
        </div>
      )}
      {layers.notices.length > 0 && (
        <div className="mt-2 space-y-1" data-testid="layer-notices">
          {layers.notices.map((notice, i) => (
            <div
              key={i}
              role={notice.kind === "error" ? "alert" : "status"}
              className={`flex items-start gap-2 rounded border px-2 py-1 text-xs ${noticeClass[notice.kind]}`}
            >
              <div className="flex-1">
                <p>{notice.text}</p>
                {notice.ids && (
                  <ul
                    className="mt-0.5 flex flex-wrap gap-1 font-mono"
                    aria-label="Unknown technique IDs"
                    data-testid="unknown-ids"
                  >
                    {notice.ids.map((id) => (
                      <li key={id} className="rounded bg-white/70 px-1">
                        {id}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
              <button
                type="button"
                aria-label="Dismiss"
                className="px-1"
                onClick={() => layers.setNotices(layers.notices.filter((_, k) => k !== i))}
              >
                ×
              </button>
            </div>
          ))}
        </div>
      )}
      {legendLayers.some((l) => l.legend.length || l.usesGradient) && (
        <div
          className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs"
          aria-label="Legend"
          role="group"
          data-testid="legend"
        >
          {legendLayers.map((l, i) => (
            <div key={`${i}-${l.name}`} className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{l.name}:</span>
              {l.usesGradient && (
                <span className="inline-flex items-center gap-1">
                  {l.gradient.minValue}
                  <span
                    className="inline-block h-2.5 w-20 rounded-sm border border-slate-300"
                    style={{ background: gradientCss(l.gradient) }}
                  />
                  {l.gradient.maxValue}
                </span>
              )}
              {l.legend.map((item, k) => (
                <span key={`${k}-${item.label}`} className="inline-flex items-center gap-1">
                  <span
                    className="inline-block h-3 w-3 rounded-sm border border-slate-300"
                    style={{ backgroundColor: item.color }}
                  />
                  {item.label}
                </span>
              ))}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
