import type { EventKind } from "./facts";
import type { Condition, EventPredicate, LogicalField } from "./predicates";

export type KqlTarget = "sentinel-sysmon" | "sentinel-securityevent" | "defender-xdr";

interface Table {
  /** Lines before the filter (table, event ID filter, parsing). */
  head: string[];
  columns: Partial<Record<LogicalField, string>>;
  numeric?: LogicalField[];
  project: string[];
}

const SYSMON_IDS: Record<EventKind, number[]> = {
  process: [1],
  network: [3],
  image_load: [7],
  file: [11],
  registry: [12, 13, 14],
  dns: [22],
  script: [],
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

function sysmonTable(kind: EventKind): Table | undefined {
  const ids = SYSMON_IDS[kind];
  if (!ids.length) return undefined;
  const columns = { ...SYSMON_FIELDS, file: kind === "image_load" ? "ImageLoaded" : "TargetFilename" };
  const used = [...new Set(Object.values(columns))];
  return {
    head: [
      "Event",
      `| where Source == "Microsoft-Windows-Sysmon" and EventID in (${ids.join(", ")})`,
      "| extend Data = parse_xml(EventData).DataItem.EventData.Data",
      '| mv-apply d = Data on (summarize Fields = make_bag(bag_pack(tostring(d["@Name"]), tostring(d["#text"]))))',
      `| extend ${used.map((c) => `${c} = tostring(Fields.${c})`).join(", ")}`,
    ],
    columns,
    project: ["TimeGenerated", "Computer", "EventID", ...used.filter((c) => c !== "DestinationHostname")],
  };
}

function securityTable(kind: EventKind): Table | undefined {
  if (kind === "process") {
    return {
      head: ["SecurityEvent", "| where EventID == 4688"],
      columns: { image: "NewProcessName", parentImage: "ParentProcessName", commandLine: "CommandLine" },
      project: ["TimeGenerated", "Computer", "Account", "NewProcessName", "CommandLine", "ParentProcessName"],
    };
  }
  if (kind === "registry") {
    return {
      head: [
        "SecurityEvent",
        "| where EventID == 4657",
        '| extend RegistryPath = strcat(ObjectName, @"\\", ObjectValueName)',
      ],
      columns: { registryPath: "RegistryPath", image: "ProcessName" },
      project: ["TimeGenerated", "Computer", "Account", "ObjectName", "ObjectValueName", "ProcessName"],
    };
  }
  return undefined;
}

function defenderTable(kind: EventKind): Table | undefined {
  const initiating = { image: "InitiatingProcessFolderPath" };
  switch (kind) {
    case "process":
      return {
        head: ["DeviceProcessEvents"],
        columns: {
          image: "FolderPath",
          commandLine: "ProcessCommandLine",
          parentImage: "InitiatingProcessFolderPath",
        },
        project: [
          "Timestamp",
          "DeviceName",
          "AccountName",
          "FileName",
          "FolderPath",
          "ProcessCommandLine",
          "InitiatingProcessFileName",
        ],
      };
    case "registry":
      return {
        head: ["DeviceRegistryEvents"],
        columns: {
          ...initiating,
          registryKey: "RegistryKey",
          registryValue: "RegistryValueName",
          registryData: "RegistryValueData",
        },
        project: [
          "Timestamp",
          "DeviceName",
          "ActionType",
          "RegistryKey",
          "RegistryValueName",
          "RegistryValueData",
          "InitiatingProcessFileName",
        ],
      };
    case "network":
    case "dns":
      return {
        head: ["DeviceNetworkEvents"],
        columns: {
          ...initiating,
          destIp: "RemoteIP",
          destPort: "RemotePort",
          destHost: "RemoteUrl",
          query: "RemoteUrl",
        },
        numeric: ["destPort"],
        project: [
          "Timestamp",
          "DeviceName",
          "ActionType",
          "RemoteIP",
          "RemotePort",
          "RemoteUrl",
          "InitiatingProcessFileName",
        ],
      };
    case "file":
      return {
        head: ["DeviceFileEvents"],
        columns: { ...initiating, file: "FolderPath" },
        project: [
          "Timestamp",
          "DeviceName",
          "ActionType",
          "FileName",
          "FolderPath",
          "InitiatingProcessFileName",
        ],
      };
    case "image_load":
      return {
        head: ["DeviceImageLoadEvents"],
        columns: { ...initiating, file: "FolderPath" },
        project: ["Timestamp", "DeviceName", "FileName", "FolderPath", "InitiatingProcessFileName"],
      };
    default:
      return undefined;
  }
}

export const KQL_TABLES: Record<KqlTarget, (kind: EventKind) => Table | undefined> = {
  "sentinel-sysmon": sysmonTable,
  "sentinel-securityevent": securityTable,
  "defender-xdr": defenderTable,
};

/** KQL verbatim string: no escapes inside except a doubled quote. */
export function kqlString(value: string): string {
  return `@"${value.replace(/"/g, '""')}"`;
}

function kqlCondition(c: Condition, table: Table): string | undefined {
  const column = table.columns[c.field];
  if (!column) return undefined;
  if (table.numeric?.includes(c.field) && /^\d+$/.test(c.value)) return `${column} == ${c.value}`;
  const op = c.op === "equals" ? "=~" : c.op;
  return `${column} ${op} ${kqlString(c.value)}`;
}

/** One KQL query for the predicates of one event kind, or undefined when the target cannot express them. */
export function kqlQuery(
  target: KqlTarget,
  kind: EventKind,
  predicates: readonly EventPredicate[],
  comment: string[],
): string | undefined {
  const table = KQL_TABLES[target](kind);
  if (!table) return undefined;
  const clauses = predicates
    .map((p) => p.conditions.map((c) => kqlCondition(c, table)).filter((c): c is string => c !== undefined))
    .filter((parts) => parts.length > 0)
    .map((parts) => `(${parts.join(" and ")})`);
  if (clauses.length === 0) return undefined;
  return [
    ...comment.map((line) => `// ${line.replace(/[\r\n]+/g, " ")}`),
    ...table.head,
    `| where ${[...new Set(clauses)].join("\n    or ")}`,
    `| project ${table.project.join(", ")}`,
  ].join("\n");
}
