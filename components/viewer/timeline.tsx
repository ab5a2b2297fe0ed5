"use client";

import { useMemo, useRef, useState, type PointerEvent, type WheelEvent } from "react";
import { btn } from "@/components/scenarios/ui";
import type { TimelineMark } from "@/lib/scenarios/types";
import { channelShort } from "./types";

export type { TimelineMark };

/**
 * Events per host and channel on a shared time axis. Wheel zooms around the pointer, dragging brushes a
 * range (selects its events), a click on a mark selects that event. Marks are binned per pixel column so
 * 100k events draw as a few thousand rects.
 */

const LANE_H = 22;
const LABEL_W = 190;
const AXIS_H = 22;

interface Lane {
  host: string;
  channel: string;
  events: { t: number; e: TimelineMark }[];
}

export function Timeline({
  events,
  width,
  onBrush,
  onSelect,
}: {
  events: TimelineMark[];
  width: number;
  onBrush: (range: { from: string; to: string } | null) => void;
  onSelect: (seq: number) => void;
}) {
  const { lanes, min, max } = useMemo(() => {
    const map = new Map<string, Lane>();
    let lo = Infinity;
    let hi = -Infinity;
    for (const e of events) {
      const t = Date.parse(e.time);
      lo = Math.min(lo, t);
      hi = Math.max(hi, t);
      const key = `${e.host}\u0000${e.channel}`;
      let lane = map.get(key);
      if (!lane) map.set(key, (lane = { host: e.host, channel: e.channel, events: [] }));
      lane.events.push({ t, e });
    }
    const sorted = [...map.values()].sort(
      (a, b) => a.host.localeCompare(b.host) || a.channel.localeCompare(b.channel),
    );
    return { lanes: sorted, min: lo, max: hi === lo ? lo + 1000 : hi };
  }, [events]);

  const [view, setView] = useState<[number, number] | null>(null);
  const [brush, setBrush] = useState<[number, number] | null>(null);
  const drag = useRef<{ x0: number; moved: boolean } | null>(null);
  const [v0, v1] = view ?? [min, max];
  const plotW = Math.max(100, width - LABEL_W - 10);
  const toX = (t: number) => ((t - v0) / (v1 - v0)) * plotW;
  const toT = (x: number) => v0 + (x / plotW) * (v1 - v0);
  const height = AXIS_H + lanes.length * LANE_H + 4;

  const bins = useMemo(() => {
    return lanes.map((lane) => {
      const cols = new Map<number, { n: number; malicious: boolean; first: TimelineMark }>();
      for (const { t, e } of lane.events) {
        if (t < v0 || t > v1) continue;
        const col = Math.round(((t - v0) / (v1 - v0)) * plotW);
        const bin = cols.get(col);
        if (bin) {
          bin.n += 1;
          bin.malicious ||= e.malicious;
        } else cols.set(col, { n: 1, malicious: e.malicious, first: e });
      }
      return [...cols.entries()];
    });
  }, [lanes, v0, v1, plotW]);

  const localX = (ev: PointerEvent<SVGElement> | WheelEvent<SVGElement>) => {
    const rect = (ev.currentTarget as SVGElement).getBoundingClientRect();
    return Math.min(plotW, Math.max(0, ev.clientX - rect.left - LABEL_W));
  };

  const onWheel = (ev: WheelEvent<SVGSVGElement>) => {
    const x = localX(ev);
    const center = toT(x);
    const factor = ev.deltaY > 0 ? 1.25 : 0.8;
    const span = Math.max(5, (v1 - v0) * factor);
    const a = Math.max(min, center - (x / plotW) * span);
    setView([a, Math.min(max, a + span)]);
  };

  if (events.length === 0) return <p className="p-3 text-sm text-slate-500">No events.</p>;
  const ticks = Array.from({ length: 6 }, (_, i) => v0 + ((v1 - v0) * i) / 5);

  return (
    <div className="select-none" data-testid="timeline">
      <div className="flex items-center gap-2 px-2 py-1 text-xs text-slate-600">
        <span>Wheel to zoom, drag to select a time range, click a mark to open its event.</span>
        {brush && (
          <button
            type="button"
            className={btn}
            onClick={() => {
              setView([Math.min(...brush), Math.max(...brush)]);
              setBrush(null);
            }}
          >
            Zoom to selection
          </button>
        )}
        {(view || brush) && (
          <button
            type="button"
            className={btn}
            onClick={() => {
              setView(null);
              setBrush(null);
              onBrush(null);
            }}
          >
            Reset
          </button>
        )}
      </div>
      <svg
        width={width}
        height={height}
        onWheel={onWheel}
        onPointerDown={(ev) => {
          drag.current = { x0: localX(ev), moved: false };
          (ev.currentTarget as SVGSVGElement).setPointerCapture(ev.pointerId);
        }}
        onPointerMove={(ev) => {
          if (!drag.current) return;
          const x = localX(ev);
          if (Math.abs(x - drag.current.x0) > 3) drag.current.moved = true;
          if (drag.current.moved) setBrush([toT(drag.current.x0), toT(x)]);
        }}
        onPointerUp={(ev) => {
          const state = drag.current;
          drag.current = null;
          if (state?.moved) {
            const [a, b] = [toT(state.x0), toT(localX(ev))].sort((p, q) => p - q);
            onBrush({ from: new Date(a).toISOString(), to: new Date(b).toISOString() });
          }
        }}
      >
        {ticks.map((t) => (
          <g key={t} transform={`translate(${LABEL_W + toX(t)},0)`}>
            <line y1={AXIS_H - 4} y2={height} stroke="#e2e8f0" />
            <text y={12} textAnchor="middle" className="fill-slate-500 text-[10px]">
              {new Date(t).toISOString().slice(11, 23)}
            </text>
          </g>
        ))}
        {lanes.map((lane, i) => (
          <g key={`${lane.host}/${lane.channel}`} transform={`translate(0,${AXIS_H + i * LANE_H})`}>
            <text x={4} y={LANE_H / 2 + 4} className="fill-slate-700 text-[11px]">
              {lane.host} · {channelShort(lane.channel)}
            </text>
            <line x1={LABEL_W} x2={LABEL_W + plotW} y1={LANE_H / 2} y2={LANE_H / 2} stroke="#f1f5f9" />
            {bins[i].map(([col, bin]) => (
              <rect
                key={col}
                x={LABEL_W + col - 1.5}
                y={3}
                width={3}
                height={LANE_H - 6}
                rx={1}
                className="cursor-pointer"
                fill={bin.malicious ? "#dc2626" : "#64748b"}
                opacity={Math.min(1, 0.45 + bin.n / 10)}
                onPointerDown={(ev) => ev.stopPropagation()}
                onClick={() => onSelect(bin.first.seq)}
              >
                <title>{`${bin.n} event(s) from ${bin.first.time}`}</title>
              </rect>
            ))}
          </g>
        ))}
        {brush && (
          <rect
            x={LABEL_W + Math.min(toX(brush[0]), toX(brush[1]))}
            y={AXIS_H}
            width={Math.abs(toX(brush[1]) - toX(brush[0]))}
            height={height - AXIS_H}
            fill="#2563eb"
            opacity={0.12}
            stroke="#2563eb"
          />
        )}
      </svg>
    </div>
  );
}
