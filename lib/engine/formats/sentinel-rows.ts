import type { WinEvent } from "../event";
import { renderMessage } from "./ecs-message";
import { securityTitles, wellKnownSids } from "./ecs-names";
import { cachedGuid, eventDataXml, parameterXml, stableGuid, xmlText } from "./sentinel-xml";

/** Columns every Log Analytics row carries. */
function common(event: WinEvent, type: string): Record<string, unknown> {
  const domain = event.computer.includes(".")
    ? event.computer.slice(event.computer.indexOf(".") + 1)
    : event.computer;
  return {
    Type: type,
    TenantId: cachedGuid(`tenant|${domain.toLowerCase()}`),
    SourceSystem: "OpsManager",
    TimeGenerated: event.timeCreated,
  };
}

/**
 * EventData names that are also SecurityEvent columns (the table's schema), copied through as text;
 * LogonType and KeyLength are int columns.
 */
const securityColumns = new Set(
  (
    "SubjectUserSid SubjectUserName SubjectDomainName SubjectLogonId TargetUserSid TargetUserName TargetDomainName " +
    "TargetLogonId LogonType LogonProcessName AuthenticationPackageName WorkstationName LogonGuid TransmittedServices " +
    "LmPackageName KeyLength ProcessId ProcessName IpAddress IpPort ImpersonationLevel RestrictedAdminMode " +
    "TargetOutboundUserName TargetOutboundDomainName VirtualAccount TargetLinkedLogonId ElevatedToken Status " +
    "FailureReason SubStatus NewProcessId NewProcessName TokenElevationType MandatoryLabel CommandLine " +
    "ParentProcessName PrivilegeList ServiceName ServiceFileName ServiceType ServiceStartType ServiceAccount " +
    "ObjectServer ObjectType ObjectName HandleId AccessList AccessMask AccessReason ShareName ShareLocalPath " +
    "RelativeTargetName MemberName MemberSid TargetSid SamAccountName DisplayName UserPrincipalName HomeDirectory " +
    "HomePath ScriptPath ProfilePath UserWorkstations PasswordLastSet AccountExpires PrimaryGroupId " +
    "AllowedToDelegateTo OldUacValue NewUacValue UserAccountControl UserParameters SidHistory LogonHours " +
    "TargetServerName TargetInfo Workstation PackageName TargetLogonGuid CallerProcessId CallerProcessName " +
    "OperationType Properties AdditionalInfo AdditionalInfo2"
  ).split(" "),
);
const intColumns = new Set(["LogonType", "KeyLength"]);

const logonTypeNames: Record<number, string> = {
  2: "Interactive",
  3: "Network",
  4: "Batch",
  5: "Service",
  7: "Unlock",
  8: "NetworkCleartext",
  9: "NewCredentials",
  10: "RemoteInteractive",
  11: "CachedInteractive",
};

/** Events whose Account column names the Target account. */
const targetAccountEvents = new Set([4624, 4625, 4634, 4647, 4768, 4769, 4776]);

const usable = (v: unknown): v is string => typeof v === "string" && v !== "" && v !== "-";

function account(domain: unknown, name: unknown): string | undefined {
  if (!usable(name)) return undefined;
  return usable(domain) ? `${domain}\\${name}` : name;
}

function fileName(path: unknown): string | undefined {
  return usable(path) ? path.slice(path.lastIndexOf("\\") + 1) : undefined;
}

/** A SecurityEvent row: System columns, Sentinel's derived columns, EventData columns, the EventData XML. */
export function securityEventRow(event: WinEvent): Record<string, unknown> {
  const t = event.template;
  const data: Record<string, unknown> = {};
  t.fields.forEach((f, i) => {
    if (f.name) data[f.name] = event.data[i];
  });
  const row = common(event, "SecurityEvent");
  row.Computer = event.computer;
  row.EventSourceName = t.provider.name;
  row.Channel = t.channel;
  row.Task = t.task;
  row.Level = t.keywords.toLowerCase() === "0x8010000000000000" ? "16" : "8";
  row.EventID = t.eventId;
  row.Activity = `${t.eventId} - ${securityTitles[t.eventId] ?? ""}`.trimEnd();
  const subject = account(data.SubjectDomainName, data.SubjectUserName);
  const target = account(data.TargetDomainName, data.TargetUserName);
  const acct = targetAccountEvents.has(t.eventId) ? (target ?? subject) : (subject ?? target);
  if (acct) {
    row.Account = acct;
    row.AccountType = acct.endsWith("$") || acct === "NT AUTHORITY\\SYSTEM" ? "Machine" : "User";
  }
  // Sentinel joins the parts even when they are "-" ("-\\-" for a 4624's empty subject).
  if ("SubjectUserName" in data)
    row.SubjectAccount = `${data.SubjectDomainName ?? ""}\\${data.SubjectUserName ?? ""}`;
  if ("TargetUserName" in data) {
    row.TargetAccount = target ?? `${data.TargetDomainName ?? ""}\\${data.TargetUserName ?? ""}`;
    row.TargetUser = data.TargetUserName;
  }
  t.fields.forEach((f, i) => {
    if (!f.name || !securityColumns.has(f.name)) return;
    const value = event.data[i];
    if (value === null) return;
    row[f.name] = intColumns.has(f.name) ? Number(value) : xmlText(value, f.type);
  });
  if (typeof row.LogonType === "number" && logonTypeNames[row.LogonType])
    row.LogonTypeName = `${row.LogonType} - ${logonTypeNames[row.LogonType]}`;
  const process = fileName(data.NewProcessName) ?? fileName(data.ProcessName);
  if (process) row.Process = process;
  row.EventData = eventDataXml(event);
  row.EventOriginId = stableGuid(`origin|${event.computer}|${t.channel}|${event.recordId}`);
  row.MG = "00000000-0000-0000-0000-000000000002";
  row.ManagementGroupName = "AOI-mimicry";
  return row;
}

const levelNames = ["Information", "Critical", "Error", "Warning", "Information", "Verbose"];

/** An Event row (Sysmon and every non-Security channel), as the Azure Monitor Agent uploads it. */
export function eventRow(event: WinEvent): Record<string, unknown> {
  const t = event.template;
  const row = common(event, "Event");
  row.Source = t.provider.name;
  row.EventLog = t.channel;
  row.Computer = event.computer;
  row.EventLevel = t.level;
  row.EventLevelName = levelNames[t.level] ?? "Information";
  row.EventID = t.eventId;
  row.EventCategory = t.task;
  const known = event.userId ? wellKnownSids[event.userId] : undefined;
  row.UserName = known ? `${known[0]}\\${known[1]}` : (event.userId ?? "N/A");
  row.RenderedDescription = renderMessage(event) ?? "";
  row.ParameterXml = parameterXml(event);
  row.EventData = eventDataXml(event);
  row.MG = "00000000-0000-0000-0000-000000000002";
  row.ManagementGroupName = "AOI-mimicry";
  return row;
}
