import type { FieldValue, WinEvent } from "../event";
import { securityProvider, sysmonNames, sysmonProvider } from "./ecs-names";
import { configMessage } from "../renderers/mssql/templates";

/**
 * The event's message as Windows renders it from the provider's message table (what Event Viewer shows,
 * Winlogbeat puts in `message` and Sentinel in RenderedDescription). CRLF line ends, as FormatMessage gives.
 * Security messages are long per-event templates and are not rendered here (null).
 */
export function renderMessage(event: WinEvent): string | null {
  const t = event.template;
  const v = (i: number) => text(event.data[i], t.fields[i]?.type === "guid", false);
  if (t.provider.name === sysmonProvider) {
    const title = sysmonNames[t.eventId]?.[1];
    if (!title) return null;
    const lines = t.fields.map((f, i) => `${f.name}: ${text(event.data[i], f.type === "guid", true)}`);
    return [`${title}:`, ...lines].join("\r\n");
  }
  if (t.provider.name === securityProvider) return null;
  if (/^MSSQL(SERVER$|\$)/.test(t.provider.name))
    return t.eventId === 15457 ? configMessage(v(0), v(1), v(2)) : t.eventId === 33205 ? v(0) : null;
  switch (`${t.provider.name}|${t.eventId}`) {
    case "Service Control Manager|7045":
      return (
        "A service was installed in the system.\r\n\r\n" +
        `Service Name:  ${v(0)}\r\nService File Name:  ${v(1)}\r\nService Type:  ${v(2)}\r\n` +
        `Service Start Type:  ${v(3)}\r\nService Account:  ${v(4)}`
      );
    case "Application Error|1000":
      // Windows 11's named ProcessId/ProcessCreationTime already start with 0x; the message doubles it as Windows does.
      return (
        `Faulting application name: ${v(0)}, version: ${v(1)}, time stamp: 0x${v(2)}\r\n` +
        `Faulting module name: ${v(3)}, version: ${v(4)}, time stamp: 0x${v(5)}\r\n` +
        `Exception code: 0x${v(6)}\r\nFault offset: 0x${v(7)}\r\nFaulting process id: 0x${v(8)}\r\n` +
        `Faulting application start time: 0x${v(9)}\r\nFaulting application path: ${v(10)}\r\n` +
        `Faulting module path: ${v(11)}\r\nReport Id: ${v(12)}\r\nFaulting package full name: ${v(13)}\r\n` +
        `Faulting package-relative application ID: ${v(14)}`
      );
    case "Service Control Manager|7036":
      return `The ${v(0)} service entered the ${v(1)} state.`;
    case "MSExchange CmdletLogs|1":
      return `Cmdlet succeeded. Cmdlet ${v(0)}, parameters ${v(1)}.`;
    case "Ntfs|55":
      return `A corruption was discovered in the file system structure on volume ${v(0)}.\r\n\r\n${v(7)}`;
    case "Microsoft-Windows-PowerShell|4104":
      return `Creating Scriptblock text (${v(0)} of ${v(1)}):\r\n${v(2)}\r\n\r\nScriptBlock ID: ${v(3)}\r\nPath: ${v(4)}`;
    case "Microsoft-Windows-PowerShell|4103":
      return `${v(2)}\r\n\r\nContext:\r\n${v(0)}\r\n\r\nUser Data:\r\n${v(1)}`;
    case "PowerShell|400":
    case "PowerShell|403":
      return `Engine state is changed from ${v(1)} to ${v(0)}. \r\n\r\nDetails: \r\n${v(2)}`;
    case "PowerShell|600":
      return `Provider "${v(0)}" is ${v(1)}. \r\n\r\nDetails: \r\n${v(2)}`;
    case "PowerShell|800":
      return (
        `Pipeline execution details for command line: ${v(0)}. \r\n\r\nContext Information: \r\n${v(1)} ` +
        `\r\n\r\nDetails: \r\n${v(2)}`
      );
    case "Microsoft-Windows-TaskScheduler|106":
      return `User "${v(1)}"  registered Task Scheduler task "${v(0)}"`;
    case "Microsoft-Windows-TaskScheduler|140":
      return `User "${v(1)}"  updated Task Scheduler task "${v(0)}"`;
    case "Microsoft-Windows-TaskScheduler|141":
      return `User "${v(1)}"  deleted Task Scheduler task "${v(0)}"`;
    case "Microsoft-Windows-TaskScheduler|129":
      return `Task Scheduler launch task "${v(0)}" , instance "${v(1)}"  with process ID ${v(2)}.`;
    case "Microsoft-Windows-TaskScheduler|100":
      return `Task Scheduler started "${v(2)}" instance of the "${v(0)}" task for user "${v(1)}".`;
    case "Microsoft-Windows-TaskScheduler|200":
      return `Task Scheduler launched action "${v(1)}" in instance "${v(2)}" of task "${v(0)}".`;
    case "Microsoft-Windows-TaskScheduler|201":
      return (
        `Task Scheduler successfully completed task "${v(0)}" , instance "${v(1)}" , action "${v(2)}" ` +
        `with return code ${v(3)}.`
      );
    case "Microsoft-Windows-TaskScheduler|102":
      return `Task Scheduler successfully finished "${v(2)}" instance of the "${v(0)}" task for user "${v(1)}".`;
    case "Microsoft-Windows-WMI-Activity|5861":
      return (
        `Namespace = ${v(0)}; Eventfilter = ${v(1)} (refer to its activate eventid:5859); ` +
        `Consumer = ${v(2)}; PossibleCause = ${v(3)}`
      );
    case "Microsoft-Windows-Windows Defender|5001":
      return `${v(0)} Real-time Protection scanning for malware and other potentially unwanted software was disabled.`;
    case "Microsoft-Windows-Windows Defender|5007":
      return (
        `${v(0)} Configuration has changed. If this is an unexpected event you should review the settings as ` +
        `this may be the result of malware.\r\n \tOld value: ${v(2)}\r\n \tNew value: ${v(3)}`
      );
    case "Microsoft-Windows-Windows Defender|1116":
    case "Microsoft-Windows-Windows Defender|1117":
      return defenderThreatMessage(t.eventId, v);
    default:
      return null;
  }
}

/** An insertion string as FormatMessage prints it: GUIDs braced (Sysmon uppercase, others lowercase). */
function text(value: FieldValue | undefined, guid: boolean, upperGuid: boolean): string {
  if (value === null || value === undefined) return "";
  if (guid && typeof value === "string")
    return upperGuid ? `{${value.toUpperCase()}}` : `{${value.toLowerCase()}}`;
  return String(value);
}

/** 1116/1117 as Event Viewer renders them (fields by position in the shared threat template). */
function defenderThreatMessage(eventId: number, v: (i: number) => string): string {
  const head =
    eventId === 1116
      ? `${v(0)} has detected malware or other potentially unwanted software.`
      : `${v(0)} has taken action to protect this machine from malware or other potentially unwanted software.`;
  const lines = [
    ["Name", v(7)],
    ["ID", v(6)],
    ["Severity", v(9)],
    ["Category", v(11)],
    ["Path", v(21)],
    ["Detection Origin", v(23)],
    ["Detection Type", v(27)],
    ["Detection Source", v(17)],
    ["User", eventId === 1116 ? v(19) : v(38)],
    ["Process Name", v(18)],
    ...(eventId === 1117
      ? [
          ["Action", v(30)],
          ["Action Status", ` ${v(37)}`],
          ["Error Code", v(32)],
          ["Error description", v(33)],
        ]
      : []),
    ["Security intelligence Version", v(40)],
    ["Engine Version", v(41)],
  ];
  return [
    head,
    " For more information please see the following:",
    v(12),
    ...lines.map(([k, x]) => ` \t${k}: ${x}`),
  ].join("\r\n");
}
