import {
  CHANNEL_CATEGORIES,
  SECURITY_CATEGORIES,
  SECURITY_CHANNEL,
  SERVICE_CHANNELS,
  SYSMON_CATEGORIES,
  SYSMON_CHANNEL,
} from "./windows";

export interface Logsource {
  product?: string;
  category?: string;
  service?: string;
}

/** One kind of event a rule sees: channels (lowercased; null = any Windows channel), IDs, field mapping. */
export interface LogTarget {
  label: string;
  channels: string[] | null;
  eventIds: number[] | null;
  /** Rule field → event field for this kind of event (absent = names as written). */
  fieldMap?: Readonly<Record<string, string>>;
  /** Sysmon registry events share ID 12: EventType tells add from delete. */
  eventTypes?: string[];
}

export interface LogsourceResolution {
  targets: LogTarget[];
  /** Why no Windows event can reach the rule, when targets is empty. */
  outOfScope?: string;
}

const lower = (list: readonly string[]) => list.map((c) => c.toLowerCase());

/** Resolves a Sigma logsource to the Windows events it covers (Sysmon, Security, other channels). */
export function resolveLogsource(logsource: Logsource): LogsourceResolution {
  const product = logsource.product?.toLowerCase();
  const { category, service } = logsource;
  if (product && product !== "windows")
    return { targets: [], outOfScope: `product '${product}' is not Windows event logs` };
  if (!product && !category && !service)
    return { targets: [], outOfScope: "logsource names no product, category or service" };
  const targets: LogTarget[] = [];
  if (category) {
    const sysmon = SYSMON_CATEGORIES[category];
    if (sysmon)
      targets.push({
        label: `sysmon:${sysmon.eventIds.join("/")}`,
        channels: lower([SYSMON_CHANNEL]),
        eventIds: sysmon.eventIds,
        eventTypes: sysmon.eventTypes,
      });
    const security = SECURITY_CATEGORIES[category];
    if (security)
      targets.push({
        label: `security:${security.eventIds.join("/")}`,
        channels: lower([SECURITY_CHANNEL]),
        eventIds: security.eventIds,
        fieldMap: security.fieldMap,
      });
    const channel = CHANNEL_CATEGORIES[category];
    if (channel)
      targets.push({
        label: `${category}:${channel.eventIds.join("/")}`,
        channels: lower(channel.channels),
        eventIds: channel.eventIds,
      });
    if (targets.length === 0)
      return { targets, outOfScope: `category '${category}' has no Windows event log source` };
    if (service) {
      const channels = SERVICE_CHANNELS[service];
      if (channels) {
        const allowed = new Set(lower(channels));
        return { targets: targets.filter((t) => t.channels?.some((c) => allowed.has(c))) };
      }
    }
    return { targets };
  }
  if (service) {
    const channels = SERVICE_CHANNELS[service];
    if (!channels) return { targets: [], outOfScope: `service '${service}' has no known Windows channel` };
    return { targets: [{ label: `service:${service}`, channels: lower(channels), eventIds: null }] };
  }
  return { targets: [{ label: "windows", channels: null, eventIds: null }] };
}
