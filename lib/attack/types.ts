/**
 * Domain types of the ATT&CK knowledge layer (STIX is converted to these at one boundary: build-index.ts).
 *
 * Shape:
 *   AttackIndex { version "18.1", bundleSha256, tactics[] (matrix order), techniques[] (live techniques and
 *   sub-techniques sorted by id), retired { "T1086": { reason, replacedBy "T1059.001" } } }
 *   Technique → detectionStrategies[] (DETxxxx) → analytics[] (ANxxxx) → logSources[] { name, channel,
 *   eventIds, dataComponent } + mutableElements[]; mitigations[] (Mxxxx); citations[] for "(Citation: X)".
 *   logSourceKeys: "WinEventLog:Sysmon" plus "WinEventLog:Sysmon EventCode 10" per parsed event id.
 *
 *   MatrixPayload (GET /api/attack, toMatrixPayload): version, tactics with ordered technique ids (parents only,
 *   ordered by name as in the ATT&CK matrix), and a per-technique record with only what the grid needs
 *   (id, name, platforms, tactics, parent, children, logSourceKeys, text = plain-text description), plus the
 *   sorted platform and log-source-key lists for the filters and `retired` to map old ids.
 *   Build it with toMatrixPayload(index) from "@/lib/attack/matrix"; details come from /api/attack/techniques/{id}.
 */

export interface AttackIndex {
  /** ATT&CK release, e.g. "18.1" ("unknown" when the bundle does not say). */
  version: string;
  bundleSha256: string;
  tactics: Tactic[];
  /** Live techniques and sub-techniques, sorted by id. */
  techniques: Technique[];
  /** Revoked or deprecated ATT&CK id → what became of it. Hidden from the matrix, still resolvable. */
  retired: Record<string, RetiredObject>;
}

export interface Tactic {
  id: string;
  shortname: string;
  name: string;
  description: string;
  url: string;
}

export interface Technique {
  id: string;
  stixId: string;
  name: string;
  /** ATT&CK markdown (links, <code>, "(Citation: X)"). */
  description: string;
  platforms: string[];
  /** Tactic shortnames, in matrix order. */
  tactics: string[];
  isSubtechnique: boolean;
  parent: string | null;
  children: string[];
  url: string;
  citations: Citation[];
  detectionStrategies: DetectionStrategy[];
  mitigations: Mitigation[];
  /** Normalised log-source keys for filtering, e.g. "WinEventLog:Sysmon" and "WinEventLog:Sysmon EventCode 10". */
  logSourceKeys: string[];
}

export interface DetectionStrategy {
  id: string;
  name: string;
  url?: string;
  analytics: Analytic[];
}

export interface Analytic {
  id: string;
  name: string;
  description: string;
  platforms: string[];
  logSources: LogSource[];
  mutableElements: MutableElement[];
}

export interface MutableElement {
  field: string;
  description: string;
}

export interface LogSource {
  /** e.g. "WinEventLog:Sysmon", "auditd:SYSCALL". */
  name: string;
  /** Raw channel text from ATT&CK, e.g. "EventCode=13, 14" or free text. */
  channel: string;
  /** Parsed from "EventCode=…" channels; [] when the channel is free text. */
  eventIds: number[];
  /** Data component name, e.g. "Process Access". */
  dataComponent: string | null;
}

export interface Mitigation {
  id: string;
  name: string;
  description: string;
  url: string;
}

export interface Citation {
  name: string;
  url: string | null;
  description: string;
}

export interface RetiredObject {
  id: string;
  name: string;
  reason: "revoked" | "deprecated";
  /** ATT&CK id of the live replacement (revoked-by chain followed), null when there is none. */
  replacedBy: string | null;
}

/** What the matrix grid needs for one cell. */
export interface MatrixTechnique {
  id: string;
  name: string;
  platforms: string[];
  tactics: string[];
  parent: string | null;
  children: string[];
  logSourceKeys: string[];
  /** The whole description as plain text (markdown, links and citations stripped), for search. */
  text: string;
}

export interface MatrixTactic {
  id: string;
  shortname: string;
  name: string;
  /** Parent technique ids in this column, ordered by name (as attack.mitre.org shows them). */
  techniqueIds: string[];
}

export interface MatrixPayload {
  version: string;
  tactics: MatrixTactic[];
  techniques: Record<string, MatrixTechnique>;
  platforms: string[];
  logSourceKeys: string[];
  /** Revoked/deprecated ids and their replacements, so old ids in URLs and layers can be mapped. */
  retired: Record<string, RetiredObject>;
}
