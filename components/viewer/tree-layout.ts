import { hierarchy, tree, type HierarchyPointNode } from "d3-hierarchy";
import type { ProcessModel, ProcessNode } from "./process-model";

/** Node and edge positions for React Flow, laid out by d3-hierarchy's tidy tree, one band per host. */

export const NODE_W = 220;
export const NODE_H = 64;
const GAP_X = 60;
const GAP_Y = 14;
const HOST_GAP = 70;

export interface LayoutInput {
  model: ProcessModel;
  /** Keys whose children are shown. */
  expanded: Set<string>;
  /** When set, only these keys are drawn (focus on an ancestry, search hits with their ancestors, the attack). */
  only: Set<string> | null;
  /** Open every node inside `only` (search and focus) instead of following `expanded`. */
  openAll?: boolean;
}

export interface PlacedNode {
  key: string;
  x: number;
  y: number;
  node: ProcessNode;
  childCount: number;
  hiddenChildren: number;
}

export interface PlacedHost {
  host: string;
  y: number;
  height: number;
}

export interface Layout {
  nodes: PlacedNode[];
  edges: { from: string; to: string; lateral: boolean; via?: string }[];
  hosts: PlacedHost[];
}

interface TreeDatum {
  key: string;
  children: TreeDatum[];
}

export function layoutProcessTree({ model, expanded, only, openAll = false }: LayoutInput): Layout {
  const nodes: PlacedNode[] = [];
  const edges: Layout["edges"] = [];
  const hosts: PlacedHost[] = [];
  let offsetY = 0;

  const candidates = (key: string): string[] => {
    const all = model.children.get(key) ?? [];
    return only ? all.filter((k) => only.has(k)) : all;
  };
  const visibleChildren = (key: string): string[] => (openAll || expanded.has(key) ? candidates(key) : []);
  const build = (key: string): TreeDatum => ({ key, children: visibleChildren(key).map(build) });

  for (const host of model.hosts) {
    const rootKeys = (model.roots.get(host) ?? []).filter((k) => !only || only.has(k));
    if (rootKeys.length === 0) continue;
    const root = hierarchy<TreeDatum>({ key: `host:${host}`, children: rootKeys.map(build) });
    const laid = tree<TreeDatum>().nodeSize([NODE_H + GAP_Y, NODE_W + GAP_X])(root);
    let minX = Infinity;
    let maxX = -Infinity;
    laid.each((n) => {
      minX = Math.min(minX, n.x);
      maxX = Math.max(maxX, n.x);
    });
    const top = offsetY + 28;
    laid.each((n: HierarchyPointNode<TreeDatum>) => {
      if (n.depth === 0) return;
      const node = model.nodes.get(n.data.key)!;
      const all = candidates(n.data.key);
      nodes.push({
        key: n.data.key,
        // d3's tree grows along y; draw it left to right.
        x: (n.depth - 1) * (NODE_W + GAP_X),
        y: top + (n.x - minX),
        node,
        childCount: all.length,
        hiddenChildren: all.length - n.data.children.length,
      });
      if (n.parent && n.parent.depth > 0)
        edges.push({ from: n.parent.data.key, to: n.data.key, lateral: false });
    });
    const height = maxX - minX + NODE_H + 40;
    hosts.push({ host, y: offsetY, height });
    offsetY += height + HOST_GAP;
  }

  const placed = new Set(nodes.map((n) => n.key));
  for (const edge of model.lateral) {
    if (placed.has(edge.from) && placed.has(edge.to)) {
      edges.push({ from: edge.from, to: edge.to, lateral: true, via: edge.via });
    }
  }
  return { nodes, edges, hosts };
}

/** The expansion that shows every malicious process and the path to it, and nothing else opened. */
export function defaultExpanded(model: ProcessModel): Set<string> {
  const open = new Set<string>();
  for (const node of model.nodes.values()) {
    if (!node.malicious) continue;
    let parent = node.parentKey;
    while (parent && !open.has(parent)) {
      open.add(parent);
      parent = model.nodes.get(parent)?.parentKey ?? null;
    }
  }
  for (const edge of model.lateral) open.add(edge.to);
  return open;
}
