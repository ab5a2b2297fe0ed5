import type { AttackIndex, Technique } from "@/lib/attack/types";
import type { Procedure } from "@/lib/engine/procedure";
import { procedures as registered } from "./registry";

/** One technique's coverage row (the `coverage --json` element). */
export interface CoverageRow {
  id: string;
  name: string;
  platforms: string[];
  tactics: string[];
  procedures: number;
  variants: number;
  noHostTelemetry: boolean;
  reason: string | null;
}

/** Where a technique's evidence lives when it is not a Windows host log the engine renders. */
export function noTelemetryReason(t: Pick<Technique, "platforms" | "tactics">): string {
  const p = new Set(t.platforms);
  if (p.has("PRE"))
    return "Happens on adversary infrastructure or in public sources before access (PRE): no host telemetry; evidence, if any, is in third-party or perimeter data.";
  if (p.has("Network Devices") && p.size === 1)
    return "Runs on routers, switches or firewalls: evidence is device syslog/config audit, which the engine does not render.";
  const cloud = ["IaaS", "SaaS", "Office Suite", "Identity Provider", "Containers"].filter((x) => p.has(x));
  if (cloud.length && !p.has("Windows"))
    return `Cloud/identity technique (${cloud.join(", ")}): evidence is the provider's audit log (CloudTrail, Entra ID, M365 unified audit), which the engine does not render.`;
  if (p.has("ESXi") && !p.has("Windows"))
    return "Runs on ESXi hosts: evidence is hostd/shell logs, which the engine does not render.";
  return `Applies to ${t.platforms.join(", ")} only: the engine renders Windows event logs, so there is no host telemetry to produce.`;
}

/** Coverage of every live technique: procedure and variant counts, or why there is no host telemetry. */
export function coverageRows(
  index: AttackIndex,
  procedures: readonly Procedure[] = registered,
): CoverageRow[] {
  const by = new Map<string, Procedure[]>();
  for (const p of procedures) by.set(p.technique, [...(by.get(p.technique) ?? []), p]);
  return index.techniques.map((t) => {
    const mine = by.get(t.id) ?? [];
    const variants = mine.reduce((n, p) => n + Math.max(1, p.variants?.length ?? 0), 0);
    const windows = t.platforms.includes("Windows");
    const none = mine.length === 0;
    return {
      id: t.id,
      name: t.name,
      platforms: t.platforms,
      tactics: t.tactics,
      procedures: mine.length,
      variants,
      noHostTelemetry: none && !windows,
      reason: none
        ? windows
          ? "not yet covered: Windows technique without a procedure"
          : noTelemetryReason(t)
        : null,
    };
  });
}

/** Per-technique procedure counts for the matrix coverage layer (parents include their sub-techniques' counts). */
export function coverageFor(
  index: AttackIndex,
  procedures: readonly Procedure[] = registered,
): Record<string, { procedures: number; variants: number }> {
  const out: Record<string, { procedures: number; variants: number }> = {};
  for (const row of coverageRows(index, procedures))
    if (row.procedures > 0) out[row.id] = { procedures: row.procedures, variants: row.variants };
  return out;
}

export interface CoverageCount {
  techniques: number;
  covered: number;
  noHostTelemetry: number;
  uncovered: number;
}

/** Counts per tactic and per platform (a technique counts under each of its tactics/platforms). */
export function coverageCounts(rows: readonly CoverageRow[]) {
  const count = () => ({ techniques: 0, covered: 0, noHostTelemetry: 0, uncovered: 0 });
  const tactics = new Map<string, CoverageCount>();
  const platforms = new Map<string, CoverageCount>();
  const add = (m: Map<string, CoverageCount>, key: string, r: CoverageRow) => {
    const c = m.get(key) ?? count();
    c.techniques++;
    if (r.procedures > 0) c.covered++;
    else if (r.noHostTelemetry) c.noHostTelemetry++;
    else c.uncovered++;
    m.set(key, c);
  };
  const total = count();
  for (const r of rows) {
    for (const t of r.tactics) add(tactics, t, r);
    for (const p of r.platforms) add(platforms, p, r);
    total.techniques++;
    if (r.procedures > 0) total.covered++;
    else if (r.noHostTelemetry) total.noHostTelemetry++;
    else total.uncovered++;
  }
  return { total, tactics, platforms };
}
