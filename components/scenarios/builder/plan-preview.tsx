"use client";

import { MarkerType, ReactFlow, Handle, Position, type Edge, type Node, type NodeProps } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useMemo } from "react";
import type { PlanAction, PlanPreview } from "@/lib/scenarios/types";

/** The decomposed action graph: one column per step, actions stacked by dependency depth, `after` as edges. */

const COL_W = 300;
const ROW_H = 74;

type ActionData = { action: PlanAction; technique: string };
type ActionNode = Node<ActionData, "action">;

function ActionCard({ data }: NodeProps<ActionNode>) {
  const { action } = data;
  return (
    <div
      className={`w-[270px] rounded border px-2 py-1 text-xs shadow-sm ${action.verdict === "malicious" ? "border-red-400 bg-red-50" : "border-slate-300 bg-white"}`}
      title={action.summary}
      data-testid="plan-action"
    >
      <Handle type="target" position={Position.Top} className="!bg-slate-400" />
      <div className="flex items-center gap-1">
        <span className="font-mono font-semibold text-slate-800">{action.kind}</span>
        {action.host && <span className="ml-auto text-slate-500">{action.host}</span>}
      </div>
      <div className="line-clamp-2 break-all text-slate-600">{action.summary}</div>
      <Handle type="source" position={Position.Bottom} className="!bg-slate-400" />
    </div>
  );
}

const nodeTypes = { action: ActionCard };

export function PlanPreviewView({ plan }: { plan: PlanPreview }) {
  const { nodes, edges, height } = useMemo(() => {
    const nodes: Node[] = [];
    const edges: Edge[] = [];
    const known = new Set(plan.steps.flatMap((s) => s.actions.map((a) => a.id)));
    let maxRows = 0;
    plan.steps.forEach((step, col) => {
      const depth = new Map<string, number>();
      const depthOf = (a: PlanAction, seen: Set<string>): number => {
        if (depth.has(a.id)) return depth.get(a.id)!;
        if (seen.has(a.id)) return 0;
        seen.add(a.id);
        const parents = a.after
          .map((id) => step.actions.find((x) => x.id === id))
          .filter((x): x is PlanAction => Boolean(x));
        const d = parents.length ? Math.max(...parents.map((p) => depthOf(p, seen))) + 1 : 0;
        depth.set(a.id, d);
        return d;
      };
      const rows = new Map<number, number>();
      step.actions.forEach((a) => {
        const d = depthOf(a, new Set());
        const slot = rows.get(d) ?? 0;
        rows.set(d, slot + 1);
        const row =
          [...rows.keys()].filter((k) => k < d).reduce((sum, k) => sum + (rows.get(k) ?? 0), 0) + slot;
        maxRows = Math.max(maxRows, row + 1);
        nodes.push({
          id: a.id,
          type: "action",
          position: { x: col * COL_W, y: 40 + row * ROW_H },
          data: { action: a, technique: step.technique },
          draggable: false,
        });
        for (const dep of a.after) {
          if (known.has(dep)) {
            edges.push({
              id: `${dep}>${a.id}`,
              source: dep,
              target: a.id,
              type: "smoothstep",
              markerEnd: { type: MarkerType.ArrowClosed },
            });
          }
        }
      });
      nodes.push({
        id: `label-${step.index}`,
        position: { x: col * COL_W, y: 0 },
        data: {
          label: `${step.index + 1}. ${step.technique}${step.procedure ? ` · ${step.procedure}` : ""} (${step.source})`,
        },
        draggable: false,
        selectable: false,
        className:
          "!w-[270px] !border-0 !bg-transparent !p-0 !text-left !text-xs !font-semibold !shadow-none",
      });
    });
    return { nodes, edges, height: Math.min(520, 80 + maxRows * ROW_H) };
  }, [plan]);

  const total = plan.steps.reduce((n, s) => n + s.actions.length, 0);
  return (
    <section
      aria-label="Plan preview"
      data-testid="plan-preview"
      className="rounded-lg border border-slate-200 bg-white"
    >
      <header className="flex items-center gap-3 border-b border-slate-200 px-3 py-2 text-sm">
        <h2 className="font-semibold">Plan preview</h2>
        <span className="text-slate-600">
          {plan.steps.length} step(s), {total} action(s)
          {plan.eventCount !== null ? `, ${plan.eventCount} events` : ""} — nothing stored yet
        </span>
      </header>
      {plan.issues.length > 0 && (
        <ul className="border-b border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {plan.issues.map((issue, i) => (
            <li key={i}>
              {issue.step !== null ? `Step ${issue.step + 1}: ` : ""}
              {issue.message}
            </li>
          ))}
        </ul>
      )}
      <div style={{ height }}>
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          defaultViewport={{ x: 12, y: 8, zoom: 0.9 }}
          minZoom={0.2}
          nodesConnectable={false}
          proOptions={{ hideAttribution: true }}
          panOnScroll
        />
      </div>
    </section>
  );
}
