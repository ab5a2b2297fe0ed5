import type { EventKind } from "./facts";
import type { Condition, EventPredicate, LogicalField } from "./predicates";

const SYSMON_SOURCE = 'source="XmlWinEventLog:Microsoft-Windows-Sysmon/Operational"';
const SYSMON_CODES: Partial<Record<EventKind, string>> = {
  process: "EventCode=1",
  network: "EventCode=3",
  image_load: "EventCode=7",
  file: "EventCode=11",
  registry: "EventCode IN (12, 13, 14)",
  dns: "EventCode=22",
};

const SYSMON_FIELDS: Partial<Record<LogicalField, string>> = {
  image: "Image",
  parentImage: "ParentImage",
  commandLine: "CommandLine",
  registryPath: "TargetObject",
  registryData: "Details",
  destIp: "DestinationIp",
  destPort: "DestinationPort",
  destHost: "DestinationHostname",
  query: "QueryName",
};

const SECURITY: Partial<Record<EventKind, { head: string; fields: Partial<Record<LogicalField, string>> }>> =
  {
    process: {
      head: 'source="XmlWinEventLog:Security" EventCode=4688',
      fields: { image: "NewProcessName", parentImage: "ParentProcessName", commandLine: "CommandLine" },
    },
    registry: {
      head: 'source="XmlWinEventLog:Security" EventCode=4657',
      fields: { registryPath: "ObjectName", registryData: "NewValue" },
    },
    network: {
      head: 'source="XmlWinEventLog:Security" EventCode=5156',
      fields: { image: "Application", destIp: "DestAddress", destPort: "DestPort" },
    },
  };

/** SPL quoted value; `*` cannot be escaped in a search term, so a literal star stays a wildcard. */
function splValue(c: Condition): string {
  const escaped = c.value.replace(/\\/g, "\\\\").replace(/"/g, '\\"');
  return c.op === "equals" ? `"${escaped}"` : c.op === "endswith" ? `"*${escaped}"` : `"*${escaped}*"`;
}

/** A Splunk search for the predicates of one event kind (Sysmon or Security XML events). */
export function splQuery(
  kind: EventKind,
  source: "sysmon" | "security",
  predicates: readonly EventPredicate[],
  comment: string,
): string | undefined {
  const security = source === "security" ? SECURITY[kind] : undefined;
  const head = security
    ? security.head
    : SYSMON_CODES[kind]
      ? `${SYSMON_SOURCE} ${SYSMON_CODES[kind]}`
      : undefined;
  const fields = security
    ? security.fields
    : { ...SYSMON_FIELDS, file: kind === "image_load" ? "ImageLoaded" : "TargetFilename" };
  if (!head) return undefined;
  const clauses = predicates
    .map((p) => p.conditions.filter((c) => fields[c.field]).map((c) => `${fields[c.field]}=${splValue(c)}`))
    .filter((parts) => parts.length > 0)
    .map((parts) => `(${parts.join(" ")})`);
  if (clauses.length === 0) return undefined;
  const columns = [...new Set(Object.values(fields))].join(" ");
  const unique = [...new Set(clauses)];
  return `\`\`\`${comment.replace(/[`\r\n]/g, " ")}\`\`\`\n${head} ${unique.length === 1 ? unique[0] : `(${unique.join(" OR ")})`}\n| table _time host EventCode ${columns}`;
}
