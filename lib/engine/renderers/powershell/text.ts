/**
 * The text blobs PowerShell 5.1 writes into its events, built the way its log providers build them:
 * LogContextToString (4103 ContextInfo), the Logging.resx *Context templates (classic 400/600/800 details)
 * and the pipeline execution detail lines. Lines end with CRLF as on Windows (StringBuilder.AppendLine).
 */

const CRLF = "\r\n";

/** What PowerShell knows about the hosting process and runspace (LogContext). */
export interface PsHostContext {
  /** "ConsoleHost", "Windows PowerShell ISE Host", "ServerRemoteHost", "Default Host". */
  readonly hostName: string;
  readonly hostVersion: string;
  /** Lowercase GUID without braces. */
  readonly hostId: string;
  /** The process command line; Windows PowerShell 2.0 does not log it. */
  readonly hostApplication: string;
  readonly engineVersion: string;
  /** Lowercase GUID without braces. */
  readonly runspaceId: string;
  /** "DOMAIN\\user" */
  readonly user: string;
  /** Engine 2.0 templates lack the HostApplication line. */
  readonly legacy: boolean;
}

export interface PsCommand {
  /** "Invoke-WebRequest" */
  readonly name: string;
  /** "Cmdlet", "Function", "Application", "Script", "ExternalScript". */
  readonly type: string;
  /** Full path for applications and scripts, "" for cmdlets. */
  readonly path: string;
  readonly parameters: readonly (readonly [string, string])[];
}

/** Classic 400/403 details (EngineLifecycleContext). */
export function engineDetail(
  host: PsHostContext,
  newState: string,
  previousState: string,
  sequence: number,
): string {
  return [
    `\tNewEngineState=${newState}`,
    `\tPreviousEngineState=${previousState}`,
    "",
    `\tSequenceNumber=${sequence}`,
    "",
    ...hostLines(host, host.engineVersion, host.runspaceId),
    "\tPipelineId=",
    "\tCommandName=",
    "\tCommandType=",
    "\tScriptName=",
    "\tCommandPath=",
    "\tCommandLine=",
  ].join(CRLF);
}

/** Classic 600 details (ProviderLifecycleContext); at engine start the runspace is not open yet. */
export function providerDetail(host: PsHostContext, provider: string, sequence: number): string {
  return [
    `\tProviderName=${provider}`,
    "\tNewProviderState=Started",
    "",
    `\tSequenceNumber=${sequence}`,
    "",
    ...hostLines(host, "", ""),
    "\tPipelineId=",
    "\tCommandName=",
    "\tCommandType=",
    "\tScriptName=",
    "\tCommandPath=",
    "\tCommandLine=",
  ].join(CRLF);
}

/** Classic 800 second insertion string (PipelineExecutionDetailContext). */
export function pipelineContext(
  host: PsHostContext,
  detailSequence: number,
  detailTotal: number,
  sequence: number,
  pipelineId: number,
  scriptName: string,
  commandLine: string,
): string {
  return [
    `\tDetailSequence=${detailSequence}`,
    `\tDetailTotal=${detailTotal}`,
    "",
    `\tSequenceNumber=${sequence}`,
    "",
    `\tUserId=${host.user}`,
    ...hostLines(host, host.engineVersion, host.runspaceId),
    `\tPipelineId=${pipelineId}`,
    `\tScriptName=${scriptName}`,
    `\tCommandLine=${commandLine}`,
  ].join(CRLF);
}

function hostLines(host: PsHostContext, engineVersion: string, runspaceId: string): string[] {
  const lines = [
    `\tHostName=${host.hostName}`,
    `\tHostVersion=${host.hostVersion}`,
    `\tHostId=${host.hostId}`,
  ];
  if (!host.legacy) lines.push(`\tHostApplication=${host.hostApplication}`);
  lines.push(`\tEngineVersion=${engineVersion}`, `\tRunspaceId=${runspaceId}`);
  return lines;
}

/** 4103 ContextInfo (PSEtwLogProvider.LogContextToString): every line ends with CRLF. */
export function contextInfo(
  host: PsHostContext,
  command: PsCommand,
  pipelineId: number,
  sequence: number,
  scriptName: string,
): string {
  const rows: [string, string][] = [
    ["Severity", "Informational"],
    ["Host Name", host.hostName],
    ["Host Version", host.hostVersion],
    ["Host ID", host.hostId],
    ["Host Application", host.hostApplication],
    ["Engine Version", host.engineVersion],
    ["Runspace ID", host.runspaceId],
    ["Pipeline ID", String(pipelineId)],
    ["Command Name", command.name],
    ["Command Type", command.type],
    ["Script Name", scriptName],
    ["Command Path", command.path],
    ["Sequence Number", String(sequence)],
    ["User", host.user],
    // Remoting sessions (wsmprovhost) name the connecting account; local hosts leave it empty.
    ["Connected User", host.hostName === "ServerRemoteHost" ? host.user : ""],
    ["Shell ID", "Microsoft.PowerShell"],
  ];
  return rows.map(([k, v]) => `        ${k} = ${v}${CRLF}`).join("");
}

/** Pipeline execution detail lines (shared by 4103 Payload and 800 Details), each followed by CRLF. */
export function pipelinePayload(command: PsCommand): string {
  const lines = [`CommandInvocation(${command.name}): "${command.name}"`];
  for (const [name, value] of command.parameters) {
    lines.push(`ParameterBinding(${command.name}): name="${name}"; value="${value}"`);
  }
  return lines.map((l) => l + CRLF).join("");
}

/** The statement text PowerShell records as the pipeline's command line. */
export function commandText(command: PsCommand): string {
  let text = command.name;
  for (const [name, value] of command.parameters) {
    text += ` -${name} ${/[\s;'"`$|&(){}]/.test(value) || value === "" ? `'${value.replace(/'/g, "''")}'` : value}`;
  }
  return text;
}
