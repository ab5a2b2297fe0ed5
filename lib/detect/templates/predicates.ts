import { baseName, fragments, registryKeyAndValue, type EventFacts, type EventKind } from "./facts";

/** Logical fields templates talk about; each backend maps them to its own columns. */
export type LogicalField =
  | "image"
  | "parentImage"
  | "commandLine"
  | "registryKey"
  | "registryValue"
  | "registryPath"
  | "registryData"
  | "destIp"
  | "destPort"
  | "destHost"
  | "file"
  | "query"
  | "script";

export interface Condition {
  field: LogicalField;
  op: "equals" | "contains" | "endswith";
  value: string;
}

/** One malicious event as a conjunction of conditions; a step's template ORs them. */
export interface EventPredicate {
  kind: EventKind;
  events: number[];
  conditions: Condition[];
}

function forEvent(f: EventFacts, splitRegistry: boolean): Condition[] {
  const out: Condition[] = [];
  const image = f.image ? baseName(f.image) : undefined;
  if (f.kind === "process") {
    if (image) out.push({ field: "image", op: "endswith", value: `\\${image}` });
    for (const frag of fragments(f.commandLine))
      out.push({ field: "commandLine", op: "contains", value: frag });
  } else if (f.kind === "registry" && f.registryPath) {
    const { key, value } = registryKeyAndValue(f.registryPath);
    if (splitRegistry) {
      out.push({ field: "registryKey", op: "endswith", value: key });
      if (value) out.push({ field: "registryValue", op: "equals", value });
    } else out.push({ field: "registryPath", op: "endswith", value: value ? `${key}\\${value}` : key });
    if (f.registryData && f.registryData.length <= 120 && !/[\r\n]/.test(f.registryData))
      out.push({ field: "registryData", op: "contains", value: f.registryData });
  } else if (f.kind === "network") {
    if (image) out.push({ field: "image", op: "endswith", value: `\\${image}` });
    if (f.destIp) out.push({ field: "destIp", op: "equals", value: f.destIp });
    if (f.destPort) out.push({ field: "destPort", op: "equals", value: f.destPort });
  } else if (f.kind === "file" || f.kind === "image_load") {
    if (f.file) out.push({ field: "file", op: "endswith", value: `\\${baseName(f.file)}` });
    if (image) out.push({ field: "image", op: "endswith", value: `\\${image}` });
  } else if (f.kind === "dns" && f.query) {
    out.push({ field: "query", op: "equals", value: f.query });
  } else if (f.kind === "script") {
    for (const frag of fragments(f.script ? `x ${f.script}` : undefined))
      out.push({ field: "script", op: "contains", value: frag });
  }
  return out;
}

/** Deduplicated predicates per kind for a set of malicious events (at most `limit` per kind). */
export function predicatesFor(
  facts: readonly EventFacts[],
  splitRegistry: boolean,
  limit = 12,
): EventPredicate[] {
  const byKey = new Map<string, EventPredicate>();
  for (const f of facts) {
    const conditions = forEvent(f, splitRegistry);
    if (conditions.length === 0) continue;
    const key = `${f.kind}\u0000${JSON.stringify(conditions)}`;
    const existing = byKey.get(key);
    if (existing) existing.events.push(f.index);
    else if ([...byKey.values()].filter((p) => p.kind === f.kind).length < limit)
      byKey.set(key, { kind: f.kind, events: [f.index], conditions });
  }
  return [...byKey.values()];
}
