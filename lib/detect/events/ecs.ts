import { FieldMapBuilder, type PreparedEvent } from "./prepared";
import { parseTime } from "./entry";
import { addProcessCreationValues } from "./security";

type Json = Record<string, unknown>;

/** ECS fields → the Sysmon/Windows field names Sigma rules use (for events without winlog.event_data). */
const ECS_ALIASES: ReadonlyArray<readonly [string, string]> = [
  ["process.executable", "Image"],
  ["process.command_line", "CommandLine"],
  ["process.pid", "ProcessId"],
  ["process.entity_id", "ProcessGuid"],
  ["process.working_directory", "CurrentDirectory"],
  ["process.pe.original_file_name", "OriginalFileName"],
  ["process.pe.description", "Description"],
  ["process.pe.product", "Product"],
  ["process.pe.company", "Company"],
  ["process.hash.sha256", "sha256"],
  ["process.parent.executable", "ParentImage"],
  ["process.parent.command_line", "ParentCommandLine"],
  ["process.parent.pid", "ParentProcessId"],
  ["process.parent.entity_id", "ParentProcessGuid"],
  ["file.path", "TargetFilename"],
  ["dll.path", "ImageLoaded"],
  ["registry.path", "TargetObject"],
  ["registry.data.strings", "Details"],
  ["destination.ip", "DestinationIp"],
  ["destination.port", "DestinationPort"],
  ["destination.domain", "DestinationHostname"],
  ["source.ip", "SourceIp"],
  ["source.port", "SourcePort"],
  ["network.transport", "Protocol"],
  ["dns.question.name", "QueryName"],
  ["host.name", "Computer"],
  ["winlog.computer_name", "Computer"],
  ["winlog.provider_name", "Provider_Name"],
  ["winlog.channel", "Channel"],
  ["powershell.file.script_block_text", "ScriptBlockText"],
];

/** ECS event.category/type → the Sysmon event the record stands for, when the record names no channel. */
function inferSysmon(event: Json | undefined): number | undefined {
  const category = [event?.category].flat().map(String);
  const type = [event?.type].flat().map(String);
  if (category.includes("process")) return type.includes("end") ? 5 : 1;
  if (category.includes("network")) return category.includes("dns") || type.includes("protocol") ? 22 : 3;
  if (category.includes("registry")) return 13;
  if (category.includes("library")) return 7;
  if (category.includes("file")) return type.includes("deletion") ? 23 : 11;
  return undefined;
}

function flatten(builder: FieldMapBuilder, value: unknown, path: string, keywords: boolean): void {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value))
      flatten(builder, inner, path ? `${path}.${key}` : key, keywords);
    return;
  }
  builder.set(path, value, keywords);
}

/** param1…paramN of winlog.event_data in order, as Windows wrote the unnamed <Data> values. */
function unnamedParams(data: unknown): unknown[] {
  if (typeof data !== "object" || data === null) return [];
  return Object.entries(data as Json)
    .map(([key, value]) => [Number(/^param(\d+)$/.exec(key)?.[1]), value] as const)
    .filter(([n]) => Number.isInteger(n))
    .sort((a, b) => a[0] - b[0])
    .map(([, value]) => value);
}

function get(doc: Json, path: string): unknown {
  let cur: unknown = doc;
  for (const key of path.split(".")) {
    if (typeof cur !== "object" || cur === null) return undefined;
    const obj = cur as Json;
    cur = key in obj ? obj[key] : undefined;
  }
  return cur;
}

export function prepareEcs(doc: Json, index: number): PreparedEvent {
  const builder = new FieldMapBuilder();
  flatten(builder, doc, "", false);
  // Winlogbeat keeps EventData and UserData apart; Sigma rules name their fields bare, as in the XML.
  for (const path of ["winlog.event_data", "winlog.user_data"]) {
    const data = get(doc, path);
    if (typeof data !== "object" || data === null || Array.isArray(data)) continue;
    for (const [key, value] of Object.entries(data)) builder.set(key, value, true);
  }
  // Unnamed <Data> (Windows PowerShell 400/403/600/800) become param1…paramN in Winlogbeat; evtx-json
  // gives them as one multi-valued `Data`, which is what posh_pc_* rules match.
  const params = unnamedParams(get(doc, "winlog.event_data"));
  if (params.length) builder.alias("Data", params);
  for (const [path, name] of ECS_ALIASES) {
    const value = get(doc, path);
    if (value !== undefined) builder.alias(name, value);
  }
  const message = doc.message;
  if (typeof message === "string") builder.addKeyword(message);
  const event = typeof doc.event === "object" && doc.event !== null ? (doc.event as Json) : undefined;
  let channel = get(doc, "winlog.channel");
  const rawId = get(doc, "winlog.event_id") ?? event?.code;
  let eventId = rawId === undefined ? undefined : Number(rawId);
  if (channel === undefined) {
    const inferred = inferSysmon(event);
    if (inferred !== undefined) {
      channel = "Microsoft-Windows-Sysmon/Operational";
      eventId = eventId ?? inferred;
    }
  }
  if (typeof channel === "string") addProcessCreationValues(builder, channel, eventId);
  builder.alias("EventID", eventId);
  builder.alias("Channel", channel);
  const provider = get(doc, "winlog.provider_name");
  return {
    index,
    channel: typeof channel === "string" ? channel.toLowerCase() : "",
    eventId: Number.isInteger(eventId) ? eventId : undefined,
    provider: typeof provider === "string" ? provider.toLowerCase() : "",
    time: parseTime(doc["@timestamp"]),
    fields: builder.build(),
    keywords: builder.keywordSource(),
    source: doc,
  };
}
