import { excerpt, plainText } from "./text";
import type { AttackIndex, LogSource, Technique } from "./types";

function logSourceLine(source: LogSource): string {
  const component = source.dataComponent ? ` (${source.dataComponent})` : "";
  return `${source.name}: ${source.channel}${component}`;
}

/** A technique as plain text for the terminal: header, description excerpt, detection, mitigations. */
export function formatTechnique(index: AttackIndex, t: Technique): string {
  const nameOf = (id: string) => index.techniques.find((x) => x.id === id)?.name ?? id;
  const tactics = t.tactics.map((s) => index.tactics.find((x) => x.shortname === s)?.name ?? s);
  const lines = [
    `${t.id}  ${t.name}${t.parent ? `  (sub-technique of ${t.parent} ${nameOf(t.parent)})` : ""}`,
    t.url,
    `Tactics:    ${tactics.join(", ")}`,
    `Platforms:  ${t.platforms.join(", ")}`,
  ];
  if (t.children.length)
    lines.push(`Sub-techniques: ${t.children.map((c) => `${c} ${nameOf(c)}`).join("; ")}`);
  lines.push("", excerpt(plainText(t.description), 600), "");

  lines.push(`Detection strategies (${t.detectionStrategies.length}):`);
  if (t.detectionStrategies.length === 0) lines.push("  none in this ATT&CK release");
  for (const d of t.detectionStrategies) {
    lines.push(`  ${d.id}  ${d.name}`);
    for (const a of d.analytics) {
      lines.push(`    ${a.id} [${a.platforms.join(", ")}] ${excerpt(a.description, 160)}`);
      for (const s of a.logSources) lines.push(`      log source  ${logSourceLine(s)}`);
      if (a.mutableElements.length)
        lines.push(`      tunable     ${a.mutableElements.map((m) => m.field).join(", ")}`);
    }
  }
  lines.push("", `Mitigations (${t.mitigations.length}):`);
  if (t.mitigations.length === 0) lines.push("  none in this ATT&CK release");
  for (const m of t.mitigations) lines.push(`  ${m.id}  ${m.name}`);
  return lines.join("\n");
}
