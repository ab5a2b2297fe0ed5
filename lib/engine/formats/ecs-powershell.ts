import { commandLineToArgv, splitAccount, toNumber, type Flat } from "./ecs-fields";

/** "\tKey=Value" lines of the classic details, or "        Key = Value" lines of 4103 ContextInfo. */
function keyValues(text: string | undefined, separator: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!text) return out;
  for (const line of text.split("\n")) {
    const i = line.indexOf(separator);
    if (i < 0) continue;
    out[line.slice(0, i).trim().replace(/ /g, "")] = line.slice(i + separator.length).trim();
  }
  return out;
}

/**
 * What the Winlogbeat powershell pipelines derive (x-pack/winlogbeat/module/powershell/ingest): engine and
 * provider state, runspace, sequence, script block fields, the host process (process.*), the script file.
 */
export function powershellFields(eventId: number, d: Record<string, string>): Flat {
  const f: Flat = { "event.module": "powershell", "event.category": ["process"] };
  f["event.type"] = eventId === 400 ? ["start"] : eventId === 403 ? ["end"] : ["info"];
  let ctx: Record<string, string>;
  if (eventId === 4103) ctx = keyValues(d.ContextInfo, " = ");
  else if (eventId === 800) ctx = keyValues(d.param2, "=");
  else ctx = keyValues(d.param3, "=");
  const get = (...keys: string[]) => keys.map((k) => ctx[k]).find((v) => v !== undefined && v !== "");

  if (eventId === 400 || eventId === 403) {
    f["powershell.engine.new_state"] = d.param1;
    f["powershell.engine.previous_state"] = d.param2;
  }
  if (eventId === 600) {
    f["powershell.provider.name"] = d.param1;
    f["powershell.provider.new_state"] = d.param2;
  }
  const engine = get("EngineVersion");
  if (engine) f["powershell.engine.version"] = engine;
  const hostVersion = get("HostVersion");
  if (hostVersion) f["powershell.process.executable_version"] = hostVersion;
  const runspace = get("RunspaceId", "RunspaceID");
  if (runspace) f["powershell.runspace_id"] = runspace;
  const pipeline = toNumber(get("PipelineId", "PipelineID"));
  if (pipeline !== undefined) f["powershell.pipeline_id"] = String(pipeline);
  const sequence = toNumber(get("SequenceNumber"));
  if (sequence !== undefined) f["event.sequence"] = sequence;

  if (eventId === 4104) {
    f["powershell.sequence"] = toNumber(d.MessageNumber);
    f["powershell.total"] = toNumber(d.MessageTotal);
    if (d.ScriptBlockId) f["powershell.file.script_block_id"] = d.ScriptBlockId;
    if (d.ScriptBlockText) f["powershell.file.script_block_text"] = d.ScriptBlockText;
  }
  if (eventId === 4103 || eventId === 800) {
    const name = get("CommandName");
    if (name) f["powershell.command.name"] = name;
    const type = get("CommandType");
    if (type) f["powershell.command.type"] = type;
    const detail = eventId === 4103 ? d.Payload : d.param3;
    if (detail) f["powershell.command.invocation_details"] = detail.split("\n");
    const value = eventId === 800 ? d.param1 : undefined;
    if (value) f["powershell.command.value"] = value;
  }

  const app = get("HostApplication");
  if (app) {
    f["process.command_line"] = app;
    const args = commandLineToArgv(app);
    f["process.args"] = args;
    f["process.args_count"] = args.length;
  }
  const hostName = get("HostName");
  if (hostName) f["process.title"] = hostName;
  const hostId = get("HostID", "HostId");
  if (hostId) f["process.entity_id"] = hostId;
  const script = eventId === 4104 ? d.Path : get("ScriptName");
  if (script) {
    const i = script.lastIndexOf("\\");
    f["file.path"] = script;
    if (i >= 0) {
      f["file.directory"] = script.slice(0, i);
      f["file.name"] = script.slice(i + 1);
    }
    const dot = script.lastIndexOf(".");
    if (dot > i) f["file.extension"] = script.slice(dot + 1);
  }
  const account = splitAccount(get("UserId", "User"));
  if (account.name) {
    f["user.name"] = account.name;
    if (account.domain) f["user.domain"] = account.domain;
    f["related.user"] = [account.name];
  }
  return f;
}
