import { baseName, commandLineToArgv, splitAccount, toNumber, type Flat } from "./ecs-fields";
import { sysmonEcs } from "./ecs-names";

/**
 * ECS fields the Winlogbeat sysmon ingest pipeline derives from Sysmon EventData
 * (x-pack/winlogbeat/module/sysmon/ingest/sysmon.yml). Unlike the pipeline, winlog.event_data is left
 * complete (Sigma rules match on the original names).
 */
export function sysmonFields(eventId: number, d: Record<string, string>, userSid: string | undefined): Flat {
  const f: Flat = {};
  const code = String(eventId);
  const cat = sysmonEcs[eventId];
  if (cat) {
    f["event.action"] = cat[0];
    if (cat[1].length) f["event.category"] = [...cat[1]];
    f["event.type"] = [...cat[2]];
  }
  f["event.module"] = "sysmon";
  if (d.UtcTime) f["@timestamp"] = `${d.UtcTime.replace(" ", "T")}Z`;
  if (d.RuleName && d.RuleName !== "-") f["rule.name"] = d.RuleName;

  const related: { hash: string[]; user: string[]; ip: string[]; hosts: string[] } = {
    hash: [],
    user: [],
    ip: [],
    hosts: [],
  };
  const hashes = parseHashes(d.Hashes ?? d.Hash);
  // The pipeline moves hashes to process.* for 1/23/24/25/26 first, so 26 never reaches file.*.
  const where = ["1", "23", "24", "25", "26"].includes(code)
    ? "process"
    : ["6", "7", "15", "29"].includes(code)
      ? "file"
      : null;
  if (hashes && where) {
    for (const [k, v] of Object.entries(hashes)) {
      if (k === "imphash") f[`${where}.pe.imphash`] = v;
      else f[`${where}.hash.${k}`] = v;
      related.hash.push(v);
    }
  }

  // Process fields (the acting process; SourceProcess* for 8 and 10).
  const guid = d.ProcessGuid ?? d.SourceProcessGuid ?? d.SourceProcessGUID;
  if (guid) f["process.entity_id"] = guid;
  const pid = toNumber(d.ProcessId ?? d.SourceProcessId);
  if (pid !== undefined) f["process.pid"] = pid;
  const tid = toNumber(d.SourceThreadId);
  if (tid !== undefined) f["process.thread.id"] = tid;
  const exe = d.Image ?? d.SourceImage ?? d.Destination;
  if (exe) f["process.executable"] = exe;
  if (d.CommandLine) f["process.command_line"] = d.CommandLine;
  if (d.CurrentDirectory) f["process.working_directory"] = d.CurrentDirectory;
  if (d.ParentProcessGuid) f["process.parent.entity_id"] = d.ParentProcessGuid;
  const ppid = toNumber(d.ParentProcessId);
  if (ppid !== undefined) f["process.parent.pid"] = ppid;
  if (d.ParentImage) f["process.parent.executable"] = d.ParentImage;
  if (d.ParentCommandLine) f["process.parent.command_line"] = d.ParentCommandLine;
  const pe = eventId === 7 ? "file.pe" : "process.pe";
  if (d.OriginalFileName) f[`${pe}.original_file_name`] = d.OriginalFileName;
  if (d.Company) f[`${pe}.company`] = d.Company;
  if (d.Description) f[`${pe}.description`] = d.Description;
  if (d.FileVersion) f[`${pe}.file_version`] = d.FileVersion;
  if (d.Product) f[`${pe}.product`] = d.Product;
  if (d.CommandLine) {
    const args = commandLineToArgv(d.CommandLine);
    f["process.args"] = args;
    f["process.args_count"] = args.length;
  }
  if (d.ParentCommandLine) {
    const args = commandLineToArgv(d.ParentCommandLine);
    f["process.parent.args"] = args;
    f["process.parent.args_count"] = args.length;
  }
  if (exe && exe.length > 1 && baseName(exe) !== "") f["process.name"] = baseName(exe);
  if (d.ParentImage && baseName(d.ParentImage) !== "") f["process.parent.name"] = baseName(d.ParentImage);

  // File fields.
  const filePath = d.TargetFilename ?? d.Device ?? d.ImageLoaded;
  if (filePath) f["file.path"] = filePath;
  if (d.PipeName) f["file.name"] = d.PipeName;
  if (d.Signature) f["file.code_signature.subject_name"] = d.Signature;
  if (d.SignatureStatus) f["file.code_signature.status"] = d.SignatureStatus;
  if (d.Signed === "true") f["file.code_signature.signed"] = true;
  if (d.SignatureStatus === "Valid") f["file.code_signature.valid"] = true;
  if (filePath && filePath.includes("\\")) {
    const i = filePath.lastIndexOf("\\");
    f["file.name"] = filePath.slice(i + 1);
    f["file.directory"] = filePath.slice(0, i);
    const dot = filePath.lastIndexOf(".");
    if (dot > i) f["file.extension"] = filePath.slice(dot + 1);
  }

  // Network.
  if (d.Protocol) f["network.transport"] = d.Protocol;
  if (eventId !== 22 && (d.DestinationPortName || d.SourcePortName))
    f["network.protocol"] = d.DestinationPortName ?? d.SourcePortName;
  if (eventId === 22) f["network.protocol"] = "dns";
  if (d.SourceIp) f["source.ip"] = d.SourceIp;
  if (d.SourceHostname) f["source.domain"] = d.SourceHostname;
  if (toNumber(d.SourcePort) !== undefined) f["source.port"] = toNumber(d.SourcePort);
  if (d.DestinationIp) f["destination.ip"] = d.DestinationIp;
  if (d.DestinationHostname) f["destination.domain"] = d.DestinationHostname;
  if (toNumber(d.DestinationPort) !== undefined) f["destination.port"] = toNumber(d.DestinationPort);
  if (d.Initiated === "true") f["network.direction"] = "egress";
  if (d.Initiated === "false") f["network.direction"] = "ingress";
  if (d.SourceIsIpv6 === "false") f["network.type"] = "ipv4";
  if (d.SourceIsIpv6 === "true") f["network.type"] = "ipv6";
  if (d.QueryName) {
    f["dns.question.name"] = d.QueryName;
    Object.assign(f, registeredDomain(d.QueryName));
    related.hosts.push(d.QueryName);
  }
  if (d.QueryResults) Object.assign(f, dnsAnswers(d.QueryResults, related));
  if (d.QueryStatus) f["sysmon.dns.status"] = d.QueryStatus === "0" ? "SUCCESS" : d.QueryStatus;
  if (d.Archived) f["sysmon.file.archived"] = d.Archived === "true";
  if (d.IsExecutable) f["sysmon.file.is_executable"] = d.IsExecutable === "true";

  // User: user.id is the writer's SID (the pipeline copies winlog.user.identifier), name from User.
  if (userSid) f["user.id"] = userSid;
  const account = splitAccount(d.User);
  if (account.domain !== undefined && account.name !== undefined) {
    f["user.domain"] = account.domain;
    f["user.name"] = account.name;
    related.user.push(account.name);
  }
  if (d.SourceIp) related.ip.push(d.SourceIp);
  if (d.DestinationIp && !related.ip.includes(d.DestinationIp)) related.ip.push(d.DestinationIp);
  if (related.hash.length) f["related.hash"] = related.hash;
  if (related.hosts.length) f["related.hosts"] = related.hosts;
  if (related.ip.length) f["related.ip"] = related.ip;
  if (related.user.length) f["related.user"] = related.user;

  if ((eventId === 12 || eventId === 13 || eventId === 14) && d.TargetObject) Object.assign(f, registry(d));
  return f;
}

function parseHashes(text: string | undefined): Record<string, string> | null {
  if (!text) return null;
  const out: Record<string, string> = {};
  for (const pair of text.split(",")) {
    const eq = pair.indexOf("=");
    if (eq < 0) continue;
    const value = pair.slice(eq + 1).toLowerCase();
    if (/^0*$/.test(value)) continue;
    out[pair.slice(0, eq).toLowerCase()] = value;
  }
  return Object.keys(out).length ? out : null;
}

const hives: Record<string, string> = {
  HKEY_CLASSES_ROOT: "HKCR",
  HKCR: "HKCR",
  HKEY_CURRENT_CONFIG: "HKCC",
  HKCC: "HKCC",
  HKEY_CURRENT_USER: "HKCU",
  HKCU: "HKCU",
  HKEY_LOCAL_MACHINE: "HKLM",
  HKLM: "HKLM",
  HKEY_USERS: "HKU",
  HKU: "HKU",
};

function registry(d: Record<string, string>): Flat {
  const f: Flat = {};
  const path = d.TargetObject;
  const tokens = path.split("\\");
  f["registry.path"] = path;
  const hive = hives[tokens[0]];
  if (hive) {
    f["registry.hive"] = hive;
    if (tokens.length > 1) f["registry.key"] = tokens.slice(1).join("\\");
  }
  f["registry.value"] = tokens[tokens.length - 1];
  const data = d.Details;
  if (data) {
    const dword = /^DWORD \((0x[0-9A-F]{8})\)$/i.exec(data);
    const qword = /^QWORD \((0x[0-9A-F]{8})-(0x[0-9A-F]{8})\)$/i.exec(data);
    if (qword) {
      // The pipeline combines the halves as (high << 8) + low; reproduced as Elastic ships it.
      const value = parseInt(qword[1], 16) * 256 + parseInt(qword[2], 16);
      f["registry.data.strings"] = [String(value)];
      f["registry.data.type"] = "SZ_QWORD";
    } else if (dword) {
      f["registry.data.strings"] = [String(parseInt(dword[1], 16))];
      f["registry.data.type"] = "SZ_DWORD";
    } else {
      f["registry.data.strings"] = [data];
      f["registry.data.type"] = data === "Binary Data" ? "REG_BINARY" : "REG_SZ";
    }
  }
  return f;
}

/** "type:  5 name;::ffff:1.2.3.4;" → dns.answers / dns.resolved_ip, as the pipeline splits it. */
function dnsAnswers(results: string, related: { ip: string[]; hosts: string[] }): Flat {
  const answers: { type?: string; data?: string }[] = [];
  const ips: string[] = [];
  for (const answer of results.split(";")) {
    if (answer === "") continue;
    if (answer.startsWith("type:")) {
      const parts = answer.split(/\s+/);
      if (parts.length === 3) {
        answers.push({ type: dnsTypes[parts[1]] ?? parts[1], data: parts[2] });
        related.hosts.push(parts[2]);
      } else answers.push({ type: dnsTypes[parts[1]] ?? parts[1] });
    } else ips.push(answer.replace(/^\[?::ffff:(\d+\.\d+\.\d+\.\d+)\]?$/, "$1"));
  }
  for (const ip of ips) {
    answers.push({ type: ip.includes(":") ? "AAAA" : "A", data: ip });
    if (!related.ip.includes(ip)) related.ip.push(ip);
  }
  const f: Flat = {};
  if (answers.length) f["dns.answers"] = answers;
  if (ips.length) f["dns.resolved_ip"] = ips;
  return f;
}

const dnsTypes: Record<string, string> = {
  "1": "A",
  "2": "NS",
  "5": "CNAME",
  "6": "SOA",
  "12": "PTR",
  "15": "MX",
  "16": "TXT",
  "28": "AAAA",
  "33": "SRV",
};

/** registered_domain processor, without the public-suffix list: the last two labels. */
function registeredDomain(name: string): Flat {
  const labels = name.replace(/\.$/, "").split(".");
  if (labels.length < 2) return {};
  const f: Flat = {
    "dns.question.registered_domain": labels.slice(-2).join("."),
    "dns.question.top_level_domain": labels[labels.length - 1],
  };
  if (labels.length > 2) f["dns.question.subdomain"] = labels.slice(0, -2).join(".");
  return f;
}
