import { FieldMapBuilder, type PreparedEvent } from "./prepared";
import { prepareEcs } from "./ecs";
import { parseTime } from "./entry";
import { addProcessCreationValues } from "./security";

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `{"#text": 4104, "#attributes": {...}}` → 4104; plain values pass through. */
function textOf(value: unknown): unknown {
  if (isObject(value) && "#text" in value) return value["#text"];
  return value;
}

function attr(value: unknown, name: string): unknown {
  if (!isObject(value)) return undefined;
  const attrs = value["#attributes"];
  return isObject(attrs) ? attrs[name] : undefined;
}

function toEventId(value: unknown): number | undefined {
  const n =
    typeof value === "number"
      ? value
      : typeof value === "string" && /^\d+$/.test(value.trim())
        ? Number(value)
        : NaN;
  return Number.isInteger(n) ? n : undefined;
}

/** EventData as a map, a `Data` list of named items, or a single unnamed `Data` text. */
/**
 * Some providers (Microsoft Defender: "New Value", "Process Name", "Feature Name") name fields with spaces;
 * Sigma rules write them without (NewValue) or with underscores (Feature_Name), as SIEM ingestion does.
 */
function setDataField(builder: FieldMapBuilder, name: string, value: ReturnType<typeof textOf>): void {
  builder.set(name, value, true);
  if (!name.includes(" ")) return;
  builder.set(name.replace(/ /g, ""), value, true);
  builder.set(name.replace(/ /g, "_"), value, true);
}

function addEventData(builder: FieldMapBuilder, data: unknown): void {
  if (!isObject(data)) return;
  for (const [key, value] of Object.entries(data)) {
    if (key === "#attributes") continue;
    if (key === "Data" && (Array.isArray(value) || isObject(value))) {
      const items = Array.isArray(value) ? value : [value];
      items.forEach((item, i) => {
        const name = attr(item, "Name");
        setDataField(builder, typeof name === "string" ? name : `Data${i > 0 ? i : ""}`, textOf(item));
      });
      continue;
    }
    if (isObject(value) && !("#text" in value)) {
      addEventData(builder, value); // UserData nests one element per event type
      continue;
    }
    setDataField(builder, key, textOf(value));
  }
}

/**
 * Sigma's `Data` is "the container for the event data as a whole": where Windows names every field (Application
 * Error 1000 since Windows 10), rules like `Data|contains|all` still mean all of EventData's values.
 */
function containerValues(data: unknown): unknown[] {
  if (!isObject(data)) return [];
  const values: unknown[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (key === "#attributes") continue;
    if (isObject(value) && !("#text" in value)) continue;
    const text = textOf(value);
    if (Array.isArray(text)) values.push(...text);
    else if (text !== null && text !== undefined) values.push(text);
  }
  return values;
}

function prepareEvtx(event: Json, index: number, source: unknown): PreparedEvent {
  const system = isObject(event.System) ? event.System : {};
  const builder = new FieldMapBuilder();
  const provider = system.Provider;
  const providerName = attr(provider, "Name") ?? attr(provider, "EventSourceName");
  const eventId = toEventId(textOf(system.EventID));
  const channel = textOf(system.Channel);
  builder.set("EventID", eventId ?? textOf(system.EventID));
  builder.set("Channel", channel);
  builder.set("Provider_Name", providerName);
  builder.set("Provider_Guid", attr(provider, "Guid"));
  for (const key of ["Computer", "Level", "Task", "Opcode", "Keywords", "EventRecordID", "Version"])
    builder.set(key, textOf(system[key]));
  builder.set("SecurityUserID", attr(system.Security, "UserID"));
  builder.set("Execution_ProcessID", attr(system.Execution, "ProcessID"));
  const systemTime = attr(system.TimeCreated, "SystemTime");
  addEventData(builder, event.EventData);
  addEventData(builder, event.UserData);
  const container = containerValues(event.EventData);
  if (container.length > 0) {
    builder.alias("Data", container);
    // Keyword rules search the event as a whole (the rendered message, the raw record): values side by side,
    // so a token like ' -Identity ' that follows the cmdlet name is found as it would be in the message.
    if (container.length > 1) builder.addKeyword(container.map(String).join(" "));
  }
  if (typeof channel === "string") addProcessCreationValues(builder, channel, eventId);
  return {
    index,
    channel: typeof channel === "string" ? channel.toLowerCase() : "",
    eventId,
    provider: typeof providerName === "string" ? providerName.toLowerCase() : "",
    time: parseTime(systemTime),
    fields: builder.build(),
    keywords: builder.keywordSource(),
    source,
  };
}

/** Already-flat events (SQL-style exports): EventID, Channel and data fields side by side. */
function prepareFlat(event: Json, index: number): PreparedEvent {
  const builder = new FieldMapBuilder();
  for (const [key, value] of Object.entries(event))
    builder.set(key, value, !["EventID", "Channel", "Provider_Name"].includes(key));
  const channel = event.Channel;
  const provider = event.Provider_Name;
  return {
    index,
    channel: typeof channel === "string" ? channel.toLowerCase() : "",
    eventId: toEventId(event.EventID),
    provider: typeof provider === "string" ? provider.toLowerCase() : "",
    time: parseTime(event.TimeCreated ?? event.UtcTime ?? event["@timestamp"]),
    fields: builder.build(),
    keywords: builder.keywordSource(),
    source: event,
  };
}

/** Recognises the event's shape (evtx-json, ECS, flat) and prepares it. */
export function prepareEvent(raw: unknown, index: number): PreparedEvent {
  if (!isObject(raw)) return prepareFlat({}, index);
  if (isObject(raw.Event)) return prepareEvtx(raw.Event, index, raw);
  if (isObject(raw.System)) return prepareEvtx(raw, index, raw);
  if (isObject(raw.winlog) || isObject(raw.event) || "@timestamp" in raw || isObject(raw.process))
    return prepareEcs(raw, index);
  return prepareFlat(raw, index);
}

export function prepareEvents(raws: readonly unknown[]): PreparedEvent[] {
  return raws.map((raw, i) => prepareEvent(raw, i));
}
