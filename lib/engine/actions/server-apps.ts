import { z } from "zod";
import { byProc } from "./common";

// Server applications that log to the Windows event log: SQL Server (Application) and Exchange (MSExchange Management).

/** The SQL Server instance, which names the event source: MSSQLSERVER (default) or a named instance. */
const instance = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_$]{0,15}$/, "an instance name like MSSQLSERVER or SQLEXPRESS")
  .default("MSSQLSERVER");

/**
 * sp_configure changes a server option (Application, MSSQLSERVER 15457 "Configuration option '…' changed from
 * … to …"). `proc` is the instance's sqlservr.exe.
 */
export const MssqlConfig = z.object({
  ...byProc,
  kind: z.literal("mssql.config"),
  instance,
  /** The option as sp_configure names it: "show advanced options", "xp_cmdshell", "Ole Automation Procedures". */
  option: z.string().min(1).max(128),
  previous: z.number().int().default(0),
  value: z.number().int().default(1),
});

/**
 * A SQL Server Audit whose target is the Application log records an action (MSSQLSERVER 33205). `proc` is the
 * instance's sqlservr.exe; the login, statement and client describe the session that did it.
 */
export const MssqlAudit = z.object({
  ...byProc,
  kind: z.literal("mssql.audit"),
  instance,
  /** Audit action ID: EX execute, SL select, AL alter, CR create, LGIS login succeeded … */
  actionId: z
    .string()
    .regex(/^[A-Z0-9]{1,4}$/)
    .default("EX"),
  /** Class of the audited object: X extended stored procedure, P stored procedure, U table, DB, SR server … */
  classType: z
    .string()
    .regex(/^[A-Z0-9]{1,2}$/)
    .default("X"),
  /** Server principal: "sa", a SQL login, or a Windows login "DOMAIN\\user". */
  login: z.string().min(1).max(256).default("sa"),
  database: z.string().max(128).default("master"),
  schema: z.string().max(128).default("sys"),
  object: z.string().max(256).default(""),
  statement: z.string().max(32_767),
  succeeded: z.boolean().default(true),
  /** Client address ("local machine" for a shared-memory connection) and its host and application names. */
  clientIp: z.string().max(64).default("local machine"),
  clientHost: z.string().max(128).default(""),
  application: z.string().max(256).default(""),
});

/**
 * An Exchange cmdlet runs (MSExchange Management, MSExchange CmdletLogs 1). `proc` is the process running it:
 * w3wp.exe of MSExchangePowerShellAppPool for remote PowerShell (and ProxyShell), powershell.exe for the snap-in.
 */
export const ExchangeCmdlet = z.object({
  ...byProc,
  kind: z.literal("exchange.cmdlet"),
  cmdlet: z.string().regex(/^[A-Za-z]+-[A-Za-z0-9]+$/, "a cmdlet name like New-MailboxExportRequest"),
  /** Bound parameters in order, values as Exchange logs them (switches "True"/"False"). */
  parameters: z.record(z.string(), z.string()).default({}),
  /** Account the cmdlet runs for; default the process's user. */
  user: z.string().min(1).max(200).optional(),
  /** Exchange's name for the PowerShell host: "Remote-PowerShell-Unknown", "Exchange Management Shell" … */
  hostName: z.string().min(1).max(128).default("Remote-PowerShell-Unknown"),
});

export const serverAppActions = [MssqlConfig, MssqlAudit, ExchangeCmdlet] as const;
