"use client";

import {
  Background,
  Controls,
  Handle,
  MarkerType,
  Position,
  ReactFlow,
  type Edge,
  type Node,
  type NodeProps,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useMemo, useState } from "react";
import { btn } from "@/components/scenarios/ui";
import { ancestry, type ProcessModel, type ProcessNode } from "./process-model";
import { defaultExpanded, layoutProcessTree, NODE_H, NODE_W } from "./tree-layout";

type ProcData = {
  proc: ProcessNode;
  parentName: string;
  childCount: number;
  hiddenChildren: number;
  hit: boolean;
  selected: boolean;
  onToggle: (key: string) => void;
};
type ProcNodeType = Node<ProcData, "proc">;
type HostData = { host: string; width: number; height: number };
type HostNodeType = Node<HostData, "host">;

function ProcCard({ data }: NodeProps<ProcNodeType>) {
  const { proc, childCount, hiddenChildren, hit, selected } = data;
  const tone = proc.malicious
    ? "border-red-500 bg-red-50"
    : proc.seq === null
      ? "border-slate-300 bg-slate-50"
      : "border-slate-300 bg-white";
  return (
    <div
      className={`rounded-md border-2 px-2 py-1 text-xs shadow-sm ${tone} ${hit ? "ring-2 ring-amber-400" : ""} ${selected ? "outline-2 outline-blue-600" : ""}`}
      style={{ width: NODE_W, height: NODE_H }}
      title={proc.commandLine || proc.image}
      data-testid="process-node"
      data-image={proc.name}
      data-parent={data.parentName}
    >
      <Handle type="target" position={Position.Left} className="!bg-slate-400" />
      <div className="flex items-center gap-1">
        {proc.malicious && (
          <span className="rounded bg-red-600 px-1 text-[10px] font-semibold text-white">MAL</span>
        )}
        <span className="truncate font-semibold text-slate-900">{proc.name}</span>
        <span className="ml-auto shrink-0 text-slate-500">PID {proc.pid}</span>
      </div>
      <div className="truncate text-slate-600">{proc.user || "—"}</div>
      <div className="flex items-center gap-1 text-slate-500">
        <span className="truncate">
          {proc.integrity || (proc.seq === null ? "started before the run" : "")}
        </span>
        {proc.technique && (
          <span className="ml-auto rounded bg-slate-200 px-1 text-[10px] text-slate-700">
            {proc.technique}
          </span>
        )}
        {childCount > 0 && (
          <button
            type="button"
            className={`nodrag ${proc.technique ? "ml-1" : "ml-auto"} rounded border border-slate-300 bg-white px-1 text-[10px] hover:bg-slate-100`}
            onClick={(e) => {
              e.stopPropagation();
              data.onToggle(proc.key);
            }}
            aria-label={hiddenChildren > 0 ? `Expand ${proc.name}` : `Collapse ${proc.name}`}
          >
            {hiddenChildren > 0 ? `+${hiddenChildren}` : "−"}
          </button>
        )}
      </div>
      <Handle type="source" position={Position.Right} className="!bg-slate-400" />
    </div>
  );
}

function HostBand({ data }: NodeProps<HostNodeType>) {
  return (
    <div
      className="rounded-lg border border-dashed border-slate-300 bg-slate-100/50"
      style={{ width: data.width, height: data.height }}
    >
      <div className="px-2 py-1 text-xs font-semibold uppercase tracking-wide text-slate-500">
        {data.host}
      </div>
    </div>
  );
}

const nodeTypes = { proc: ProcCard, host: HostBand };

export function ProcessTree({
  model,
  selectedKey,
  onSelect,
}: {
  model: ProcessModel;
  selectedKey: string | null;
  onSelect: (proc: ProcessNode) => void;
}) {
  const [expanded, setExpanded] = useState(() => defaultExpanded(model));
  const [search, setSearch] = useState("");
  const [focus, setFocus] = useState<string | null>(null);
  const [background, setBackground] = useState(false);

  // The attack's processes: malicious ones with their ancestors and descendants (what "attack only" keeps).
  const attack = useMemo(() => {
    const keep = new Set<string>();
    const down = (k: string) => {
      keep.add(k);
      for (const c of model.children.get(k) ?? []) down(c);
    };
    for (const n of model.nodes.values()) {
      if (!n.malicious) continue;
      for (const a of ancestry(model, n.key)) keep.add(a);
      down(n.key);
    }
    return keep;
  }, [model]);

  const hits = useMemo(() => {
    const q = search.trim().toLowerCase();
    if (!q) return new Set<string>();
    return new Set(
      [...model.nodes.values()]
        .filter((n) => `${n.name} ${n.pid} ${n.commandLine} ${n.user}`.toLowerCase().includes(q))
        .map((n) => n.key),
    );
  }, [model, search]);

  const only = useMemo(() => {
    if (focus) {
      const keep = new Set(ancestry(model, focus));
      const walk = (k: string) => {
        keep.add(k);
        for (const c of model.children.get(k) ?? []) walk(c);
      };
      walk(focus);
      return keep;
    }
    if (hits.size === 0) return background || attack.size === 0 ? null : attack;
    const keep = new Set<string>();
    for (const k of hits) for (const a of ancestry(model, k)) keep.add(a);
    return keep;
  }, [focus, hits, model, background, attack]);

  const openAll = Boolean(focus) || hits.size > 0;
  const layout = useMemo(
    () => layoutProcessTree({ model, expanded, only, openAll }),
    [model, expanded, only, openAll],
  );

  const { nodes, edges } = useMemo(() => {
    const toggle = (key: string) =>
      setExpanded((prev) => {
        const next = new Set(prev);
        if (next.has(key)) next.delete(key);
        else next.add(key);
        return next;
      });
    const width = Math.max(NODE_W + 40, ...layout.nodes.map((n) => n.x + NODE_W + 40));
    const bands: HostNodeType[] = layout.hosts.map((h) => ({
      id: `host:${h.host}`,
      type: "host",
      position: { x: -20, y: h.y },
      data: { host: h.host, width, height: h.height },
      draggable: false,
      selectable: false,
      zIndex: -1,
    }));
    const procs: ProcNodeType[] = layout.nodes.map((n) => ({
      id: n.key,
      type: "proc",
      position: { x: n.x, y: n.y },
      data: {
        proc: n.node,
        parentName: n.node.parentKey ? (model.nodes.get(n.node.parentKey)?.name ?? "") : "",
        childCount: n.childCount,
        hiddenChildren: n.hiddenChildren,
        hit: hits.has(n.key),
        selected: n.key === selectedKey,
        onToggle: toggle,
      },
      draggable: false,
    }));
    const flowEdges: Edge[] = layout.edges.map((e) => ({
      id: `${e.from}>${e.to}`,
      source: e.from,
      target: e.to,
      type: e.lateral ? "default" : "smoothstep",
      animated: e.lateral,
      label: e.lateral ? `lateral: ${e.via}` : undefined,
      style: e.lateral
        ? { stroke: "#dc2626", strokeWidth: 2, strokeDasharray: "6 4" }
        : { stroke: "#94a3b8" },
      markerEnd: { type: MarkerType.ArrowClosed, color: e.lateral ? "#dc2626" : "#94a3b8" },
    }));
    return { nodes: [...bands, ...procs] as Node[], edges: flowEdges };
  }, [layout, hits, selectedKey, model]);

  return (
    <div className="flex h-full flex-col">
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 p-2 text-sm">
        <input
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder="Search processes (name, PID, command line, user)"
          className="w-80 rounded border border-slate-300 px-2 py-1"
          aria-label="Search processes"
        />
        <span className="text-xs text-slate-500">
          {search
            ? `${hits.size} match${hits.size === 1 ? "" : "es"}`
            : `${model.nodes.size} processes on ${model.hosts.length} host(s)`}
        </span>
        <button type="button" className={btn} onClick={() => setExpanded(new Set(model.nodes.keys()))}>
          Expand all
        </button>
        <button type="button" className={btn} onClick={() => setExpanded(defaultExpanded(model))}>
          Attack path
        </button>
        <button type="button" className={btn} onClick={() => setExpanded(new Set())}>
          Collapse all
        </button>
        <label className="flex items-center gap-1 text-xs text-slate-600">
          <input type="checkbox" checked={background} onChange={(e) => setBackground(e.target.checked)} />
          Background processes
        </label>
        <button
          type="button"
          className={btn}
          disabled={!selectedKey}
          onClick={() => setFocus(focus ? null : selectedKey)}
        >
          {focus ? "Show all" : "Focus ancestry"}
        </button>
        <span className="ml-auto flex items-center gap-3 text-xs text-slate-500">
          <span className="flex items-center gap-1">
            <span className="inline-block h-3 w-3 rounded border-2 border-red-500 bg-red-50" /> malicious
          </span>
          <span className="flex items-center gap-1">
            <span className="inline-block h-3 w-3 rounded border-2 border-slate-300 bg-white" /> benign
          </span>
          <span className="flex items-center gap-1">
            <span className="inline-block w-5 border-t-2 border-dashed border-red-600" /> lateral movement
          </span>
        </span>
      </div>
      <div className="min-h-0 flex-1" data-testid="process-tree">
        <ReactFlow
          key={`${background}|${focus ?? ""}|${hits.size > 0}`}
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          onNodeClick={(_, node) => {
            if (node.type === "proc") onSelect((node.data as ProcData).proc);
          }}
          fitView
          fitViewOptions={{ padding: 0.1, maxZoom: 1 }}
          minZoom={0.1}
          nodesConnectable={false}
          proOptions={{ hideAttribution: true }}
        >
          <Background gap={24} color="#e2e8f0" />
          <Controls showInteractive={false} />
        </ReactFlow>
      </div>
    </div>
  );
}
