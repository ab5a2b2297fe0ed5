import { baseName, toNumber, type Flat } from "./ecs-fields";
import { securityEcs } from "./ecs-names";

const logonTypes: Record<string, string> = {
  "2": "Interactive",
  "3": "Network",
  "4": "Batch",
  "5": "Service",
  "7": "Unlock",
  "8": "NetworkCleartext",
  "9": "NewCredentials",
  "10": "RemoteInteractive",
  "11": "CachedInteractive",
};

/** Events whose subject of interest is the Target* account (the one logging on / being authenticated). */
const targetUserEvents = new Set([4624, 4625, 4634, 4647, 4768, 4769, 4776]);
/** Account management: the Subject acts on user.target. */
const accountEvents = new Set([4720, 4722, 4724, 4738, 4742]);
const groupEvents = new Set([4728, 4732]);

const present = (v: string | undefined): v is string => v !== undefined && v !== "" && v !== "-";

/**
 * The main ECS fields the Winlogbeat security pipeline (security_standard.yml) derives: categorisation,
 * outcome, user / user.target / group, process and parent, source address, logon ID and type, service name.
 */
export function securityFields(eventId: number, keywords: string, d: Record<string, string>): Flat {
  const f: Flat = { "event.module": "security" };
  const cat = securityEcs[eventId];
  if (cat) {
    f["event.action"] = cat[0];
    f["event.category"] = [...cat[1]];
    f["event.type"] = [...cat[2]];
  }
  f["event.outcome"] = keywords.toLowerCase() === "0x8010000000000000" ? "failure" : "success";

  const related: string[] = [];
  const useTarget = targetUserEvents.has(eventId) && present(d.TargetUserName);
  const name = useTarget ? d.TargetUserName : d.SubjectUserName;
  if (present(name)) {
    f["user.name"] = name;
    related.push(name);
    const domain = useTarget ? d.TargetDomainName : d.SubjectDomainName;
    if (present(domain)) f["user.domain"] = domain;
    const sid = useTarget ? d.TargetUserSid : d.SubjectUserSid;
    if (present(sid)) f["user.id"] = sid;
  }
  if (accountEvents.has(eventId) && present(d.TargetUserName)) {
    f["user.target.name"] = d.TargetUserName;
    if (present(d.TargetDomainName)) f["user.target.domain"] = d.TargetDomainName;
    if (present(d.TargetSid)) f["user.target.id"] = d.TargetSid;
    related.push(d.TargetUserName);
  }
  if (groupEvents.has(eventId)) {
    if (present(d.TargetUserName)) f["group.name"] = d.TargetUserName;
    if (present(d.TargetDomainName)) f["group.domain"] = d.TargetDomainName;
    if (present(d.TargetSid)) f["group.id"] = d.TargetSid;
    if (present(d.MemberSid)) f["user.target.id"] = d.MemberSid;
  }
  if (eventId === 4688 && present(d.TargetUserSid)) f["user.effective.id"] = d.TargetUserSid;

  if (eventId === 4688) {
    if (present(d.NewProcessName)) {
      f["process.executable"] = d.NewProcessName;
      f["process.name"] = baseName(d.NewProcessName);
    }
    if (toNumber(d.NewProcessId) !== undefined) f["process.pid"] = toNumber(d.NewProcessId);
    if (present(d.CommandLine)) {
      f["process.command_line"] = d.CommandLine;
      // security_standard.yml splits on whitespace and keeps quotes (the sysmon pipeline parses like Windows).
      f["process.args"] = d.CommandLine.trim().split(/\s+/);
    }
    if (present(d.ParentProcessName)) {
      f["process.parent.executable"] = d.ParentProcessName;
      f["process.parent.name"] = baseName(d.ParentProcessName);
    }
    if (toNumber(d.ProcessId) !== undefined) f["process.parent.pid"] = toNumber(d.ProcessId);
  } else if (present(d.ProcessName) || present(d.Application)) {
    const exe = present(d.ProcessName) ? d.ProcessName : d.Application!;
    f["process.executable"] = exe;
    f["process.name"] = baseName(exe);
    const pid = toNumber(d.ProcessId ?? d.ProcessID);
    if (pid) f["process.pid"] = pid;
  }

  const ip = d.IpAddress ?? d.SourceAddress;
  if (present(ip) && ip !== "::1" && ip !== "127.0.0.1") {
    f["source.ip"] = ip.replace(/^::ffff:/, "");
    const port = toNumber(d.IpPort ?? d.SourcePort);
    if (port) f["source.port"] = port;
  }
  if (present(d.WorkstationName)) f["source.domain"] = d.WorkstationName;
  if (present(d.Workstation)) f["source.domain"] = d.Workstation;
  if (eventId === 5156) {
    if (present(d.DestAddress)) f["destination.ip"] = d.DestAddress;
    if (toNumber(d.DestPort) !== undefined) f["destination.port"] = toNumber(d.DestPort);
    f["network.transport"] = d.Protocol === "17" ? "udp" : d.Protocol === "6" ? "tcp" : d.Protocol;
    if (d.Direction === "%%14593") f["network.direction"] = "egress";
    if (d.Direction === "%%14592") f["network.direction"] = "ingress";
  }
  // The logon the event is about: the new/ended one for logon events, else the subject's.
  const target = present(d.TargetLogonId) && d.TargetLogonId !== "0x0" ? d.TargetLogonId : undefined;
  const logonId = targetUserEvents.has(eventId)
    ? (target ?? d.SubjectLogonId)
    : present(d.SubjectLogonId) && d.SubjectLogonId !== "0x0"
      ? d.SubjectLogonId
      : target;
  if (present(logonId)) f["winlog.logon.id"] = logonId;
  if (d.LogonType && logonTypes[d.LogonType]) f["winlog.logon.type"] = logonTypes[d.LogonType];
  if (present(d.ServiceName)) f["service.name"] = d.ServiceName;
  if (related.length) f["related.user"] = [...new Set(related)];
  return f;
}
