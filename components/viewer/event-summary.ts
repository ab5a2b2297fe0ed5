import type { ViewerEvent } from "./types";

/** One-line summary of what the event says, by the fields that matter most for it. */
export function summarize(e: ViewerEvent): string {
  const d = e.data;
  return (
    d.CommandLine ||
    (d.TargetObject &&
      `${d.EventType ?? ""} ${d.TargetObject}${d.Details ? ` = ${d.Details}` : ""}`.trim()) ||
    d.TargetFilename ||
    (d.DestinationIp &&
      `${d.SourceIp ?? ""}:${d.SourcePort ?? ""} → ${d.DestinationIp}:${d.DestinationPort ?? ""}`) ||
    (d.DestAddress &&
      `${d.Application ?? ""} ${d.SourceAddress ?? ""}:${d.SourcePort ?? ""} → ${d.DestAddress}:${d.DestPort ?? ""}`.trim()) ||
    d.QueryName ||
    d.ScriptBlockText?.slice(0, 200) ||
    d.TargetImage ||
    d.ImageLoaded ||
    d.ServiceName ||
    d.TaskName ||
    (d.TargetUserName &&
      `${d.TargetDomainName ?? ""}\\${d.TargetUserName}${d.LogonType ? ` type ${d.LogonType}` : ""}`) ||
    d.PipeName ||
    d.ProcessName ||
    ""
  );
}
