import { defineTemplate } from "../../event";

/**
 * Exchange Server's cmdlet log: the classic event source "MSExchange CmdletLogs" writes to its own
 * "MSExchange Management" log, on every server with the management tools (Exchange 2013 to 2019, on by default).
 * Event 1 (Qualifiers 16384, Level 4) "Cmdlet succeeded. Cmdlet %1, parameters %2." — 6 is the failure form.
 * Unnamed insertion strings in this order: cmdlet, parameters ("-Name "Value"" pairs), caller (canonical name),
 * the caller's SID twice (effective, original), the PowerShell host name, "<pid> <process>", an empty slot,
 * the proxy note, an empty slot, the run time (TimeSpan) and the directory-session settings. The System part
 * and the first seven follow a real event (Exchange 2010's failure form); the trailing ones are less certain.
 */
export const EXCHANGE_MANAGEMENT_CHANNEL = "MSExchange Management";

export const exchangeCmdletSucceeded = defineTemplate({
  key: "msexchange/cmdlet-1",
  provider: { name: "MSExchange CmdletLogs" },
  eventId: 1,
  qualifiers: 16384,
  version: 0,
  level: 4,
  task: 1,
  opcode: 0,
  keywords: "0x80000000000000",
  channel: EXCHANGE_MANAGEMENT_CHANNEL,
  fields: Array.from({ length: 12 }, () => ""),
});

export const exchangeTemplates = [exchangeCmdletSucceeded] as const;

/** Parameters as the cmdlet log prints them: `-Name "Value"` in binding order, separated by single spaces. */
export function cmdletParameters(parameters: Readonly<Record<string, string>>): string {
  return Object.entries(parameters)
    .map(([name, value]) => `-${name} "${value}"`)
    .join(" ");
}
