import { defineTemplate, type EventTemplate } from "../../event";

/**
 * SQL Server in the Application log. Each instance registers a classic event source, "MSSQLSERVER" for the
 * default instance and "MSSQL$NAME" for a named one: no provider GUID, Qualifiers from the event type, the
 * Classic keyword, empty Security, unnamed insertion strings. Shapes from real events (Event Viewer XML):
 * - 15457 "Configuration option '%1' changed from %2 to %3. Run the RECONFIGURE statement to install.":
 *   informational (Qualifiers 16384, Level 4), category 2 "Server", a <Binary> of the error record.
 * - 33205 "Audit event: …" from a server audit whose target is APPLICATION_LOG: Level 0, category 5,
 *   Keywords Classic | Audit Success (0xa0000000000000), one Data holding the whole audit record.
 */

export const MSSQL_DEFAULT_INSTANCE = "MSSQLSERVER";

/** The event source an instance logs under. */
export function mssqlSource(instance: string): string {
  const name = instance.toUpperCase();
  return name === MSSQL_DEFAULT_INSTANCE ? name : `MSSQL$${name}`;
}

function build(source: string) {
  const base = { provider: { name: source }, version: 0, opcode: 0, channel: "Application" } as const;
  const id = source === MSSQL_DEFAULT_INSTANCE ? "mssql" : `mssql/${source}`;
  return {
    config: defineTemplate({
      ...base,
      key: `application/${id}-15457`,
      eventId: 15457,
      qualifiers: 16384,
      level: 4,
      task: 2,
      keywords: "0x80000000000000",
      fields: ["", "", "", "Binary:binary"],
    }),
    audit: defineTemplate({
      ...base,
      key: `application/${id}-33205`,
      eventId: 33205,
      qualifiers: 16384,
      level: 0,
      task: 5,
      keywords: "0xa0000000000000",
      fields: [""],
    }),
  };
}

export type MssqlTemplates = ReturnType<typeof build>;

const bySource = new Map<string, MssqlTemplates>();

/** The templates of one instance (built once per event source; the default instance's are registered). */
export function mssqlTemplatesFor(instance: string): MssqlTemplates {
  const source = mssqlSource(instance);
  let t = bySource.get(source);
  if (!t) bySource.set(source, (t = build(source)));
  return t;
}

const defaults = mssqlTemplatesFor(MSSQL_DEFAULT_INSTANCE);
export const mssqlConfigChanged: EventTemplate = defaults.config;
export const mssqlAuditEvent: EventTemplate = defaults.audit;
export const mssqlTemplates = [mssqlConfigChanged, mssqlAuditEvent] as const;

/** Error numbers SQL Server writes first in the event's binary data. */
export const MSSQL_CONFIG_ERROR = 15457;

/**
 * The <Binary> SQL Server attaches to its own messages: error number and severity (little-endian DWORDs), then
 * the server name and the session's database, each as a character count (with the NUL) and UTF-16LE text.
 */
export function mssqlBinary(error: number, severity: number, server: string, database: string): string {
  return dword(error) + dword(severity) + counted(server) + counted(database);
}

function dword(n: number): string {
  let out = "";
  for (let i = 0; i < 4; i++) out += byte((n >>> (8 * i)) & 0xff);
  return out;
}

function counted(text: string): string {
  let out = dword(text.length + 1);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out += byte(c & 0xff) + byte(c >>> 8);
  }
  return out + "0000";
}

function byte(n: number): string {
  return n.toString(16).toUpperCase().padStart(2, "0");
}

/** The 15457 message text (also what the client sees as the informational message). */
export function configMessage(option: string, previous: string, value: string): string {
  return `Configuration option '${option}' changed from ${previous} to ${value}. Run the RECONFIGURE statement to install.`;
}
