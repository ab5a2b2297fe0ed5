import { baseName, type ViewerEvent } from "./types";

/** A process seen in the run: created in it (Sysmon 1 / Security 4688) or only named as a parent. */
export interface ProcessNode {
  key: string;
  host: string;
  guid: string;
  pid: string;
  image: string;
  name: string;
  commandLine: string;
  user: string;
  integrity: string;
  parentKey: string | null;
  malicious: boolean;
  technique: string | null;
  /** seq of the creating event; null for processes that started before the run. */
  seq: number | null;
}

export interface LateralEdge {
  from: string;
  to: string;
  /** What carried it, e.g. "SMB 445 → 4624 type 3". */
  via: string;
}

export interface ProcessModel {
  hosts: string[];
  nodes: Map<string, ProcessNode>;
  children: Map<string, string[]>;
  roots: Map<string, string[]>;
  lateral: LateralEdge[];
}

const SYSMON = "Microsoft-Windows-Sysmon/Operational";

function keyOf(host: string, guid: string): string {
  return `${host}|${guid}`;
}

/** Builds per-host process trees from Sysmon process creations, falling back to Security 4688. */
export function buildProcessModel(events: ViewerEvent[]): ProcessModel {
  const nodes = new Map<string, ProcessNode>();
  const hostSet = new Set<string>();
  const hasSysmon = events.some((e) => e.channel === SYSMON && e.eventId === 1);

  for (const e of events) {
    hostSet.add(e.host);
    if (
      hasSysmon ? e.channel === SYSMON && e.eventId === 1 : e.channel === "Security" && e.eventId === 4688
    ) {
      addCreation(nodes, e, hasSysmon);
    }
  }
  // Processes that acted (e.g. Sysmon 13 by a pre-existing process) but were never created in the run.
  for (const e of events) {
    if (e.channel !== SYSMON || !e.data.ProcessGuid || !e.data.Image) continue;
    const key = keyOf(e.host, e.data.ProcessGuid);
    if (!nodes.has(key))
      nodes.set(key, inferred(e.host, e.data.ProcessGuid, e.data.ProcessId, e.data.Image, e.data.User));
  }

  const children = new Map<string, string[]>();
  const roots = new Map<string, string[]>();
  for (const node of nodes.values()) {
    if (node.parentKey && nodes.has(node.parentKey)) {
      const list = children.get(node.parentKey) ?? [];
      list.push(node.key);
      children.set(node.parentKey, list);
    } else {
      const list = roots.get(node.host) ?? [];
      list.push(node.key);
      roots.set(node.host, list);
    }
  }
  const bySeq = (a: string, b: string) => (nodes.get(a)!.seq ?? -1) - (nodes.get(b)!.seq ?? -1);
  for (const list of children.values()) list.sort(bySeq);
  for (const list of roots.values()) list.sort(bySeq);

  return { hosts: [...hostSet].sort(), nodes, children, roots, lateral: lateralEdges(events, nodes) };
}

function addCreation(nodes: Map<string, ProcessNode>, e: ViewerEvent, sysmon: boolean): void {
  const d = e.data;
  const guid = sysmon ? d.ProcessGuid : `pid:${d.NewProcessId}`;
  const parentGuid = sysmon ? d.ParentProcessGuid : `pid:${d.ProcessId}`;
  const image = sysmon ? d.Image : d.NewProcessName;
  if (!guid || !image) return;
  const parentKey = parentGuid ? keyOf(e.host, parentGuid) : null;
  if (parentKey && !nodes.has(parentKey)) {
    const parentImage = sysmon ? d.ParentImage : d.ParentProcessName;
    const parentPid = sysmon ? d.ParentProcessId : d.ProcessId;
    if (parentImage) nodes.set(parentKey, inferred(e.host, parentGuid, parentPid, parentImage, d.ParentUser));
  }
  nodes.set(keyOf(e.host, guid), {
    key: keyOf(e.host, guid),
    host: e.host,
    guid,
    pid: (sysmon ? d.ProcessId : d.NewProcessId) ?? "",
    image,
    name: baseName(image),
    commandLine: d.CommandLine ?? "",
    user: (sysmon ? d.User : [d.SubjectDomainName, d.SubjectUserName].filter(Boolean).join("\\")) ?? "",
    integrity: (sysmon ? d.IntegrityLevel : d.MandatoryLabel) ?? "",
    parentKey,
    malicious: e.label.malicious,
    technique: e.label.technique,
    seq: e.seq,
  });
}

function inferred(
  host: string,
  guid: string,
  pid: string | undefined,
  image: string,
  user?: string,
): ProcessNode {
  return {
    key: keyOf(host, guid),
    host,
    guid,
    pid: pid ?? "",
    image,
    name: baseName(image),
    commandLine: "",
    user: user ?? "",
    integrity: "",
    parentKey: null,
    malicious: false,
    technique: null,
    seq: null,
  };
}

/**
 * Lateral movement: a network connection from a process on host A to host B's address, followed by a
 * network logon on B from A's address; the edge goes to the first malicious process created on B after it.
 */
function lateralEdges(events: ViewerEvent[], nodes: Map<string, ProcessNode>): LateralEdge[] {
  const hostIps = new Map<string, string>();
  for (const e of events) {
    if (e.channel === SYSMON && e.eventId === 3 && e.data.Initiated === "true" && e.data.SourceIp) {
      hostIps.set(e.data.SourceIp, e.host);
    }
    if (e.channel === SYSMON && e.eventId === 3 && e.data.Initiated === "false" && e.data.DestinationIp) {
      hostIps.set(e.data.DestinationIp, e.host);
    }
  }
  const edges: LateralEdge[] = [];
  const seen = new Set<string>();
  for (const logon of events) {
    if (logon.channel !== "Security" || logon.eventId !== 4624 || logon.data.LogonType !== "3") continue;
    const sourceHost = hostIps.get(logon.data.IpAddress ?? "");
    if (!sourceHost || sourceHost === logon.host) continue;
    const conn = events.find(
      (e) =>
        e.host === sourceHost &&
        e.channel === SYSMON &&
        e.eventId === 3 &&
        e.seq <= logon.seq + 50 &&
        hostIps.get(e.data.DestinationIp ?? "") === logon.host,
    );
    const target = [...nodes.values()]
      .filter((n) => n.host === logon.host && n.malicious && (n.seq ?? -1) > logon.seq)
      .sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0))[0];
    if (!conn?.data.ProcessGuid || !target) continue;
    const from = keyOf(sourceHost, conn.data.ProcessGuid);
    const id = `${from}>${target.key}`;
    if (!nodes.has(from) || seen.has(id)) continue;
    seen.add(id);
    edges.push({ from, to: target.key, via: `${conn.data.DestinationPort ?? "?"}/tcp → logon type 3` });
  }
  return edges;
}

/** Keys of a node and all its ancestors, root first. */
export function ancestry(model: ProcessModel, key: string): string[] {
  const path: string[] = [];
  let current: string | null = key;
  while (current && model.nodes.has(current) && !path.includes(current)) {
    path.unshift(current);
    current = model.nodes.get(current)!.parentKey;
  }
  return path;
}
