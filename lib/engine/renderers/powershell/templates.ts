import { defineTemplate } from "../../event";

/**
 * PowerShell 5.1 logging. Operational events come from the ETW provider (PSEtwLogProvider: Version 1,
 * Keywords written as 0); the "Windows PowerShell" classic log from EventLogLogProvider via ReportEvent
 * (source "PowerShell", category = Task, Keywords 0x80000000000000 "Classic", ThreadID 0).
 */
const psProvider = {
  name: "Microsoft-Windows-PowerShell",
  guid: "A0C1853B-5C40-4B15-8766-3CF1C58F985A",
} as const;
const operational = "Microsoft-Windows-PowerShell/Operational";

const scriptBlockBase = {
  provider: psProvider,
  eventId: 4104,
  version: 1,
  task: 2, // Execute a Remote Command
  opcode: 15, // On create calls
  keywords: "0x0",
  channel: operational,
  fields: ["MessageNumber:int", "MessageTotal:int", "ScriptBlockText", "ScriptBlockId", "Path"],
} as const;

/** 4104 written because script block logging is on (LogOperationalVerbose). */
export const scriptBlockVerbose = defineTemplate({ ...scriptBlockBase, key: "powershell/4104", level: 5 });

/** 4104 written because the text matched the suspicious-content list (LogOperationalWarning), logged even
 *  with script block logging off. */
export const scriptBlockWarning = defineTemplate({
  ...scriptBlockBase,
  key: "powershell/4104-warning",
  level: 3,
});

/** 4103 module logging (Pipeline_Detail, PSTask.ExecutePipeline, PSOpcode.Method). */
export const pipelineDetail = defineTemplate({
  key: "powershell/4103",
  provider: psProvider,
  eventId: 4103,
  version: 1,
  level: 4,
  task: 106, // Executing Pipeline
  opcode: 20, // To be used when operation is just executing a method
  keywords: "0x0",
  channel: operational,
  fields: ["ContextInfo", "UserData", "Payload"],
});

const classicBase = {
  provider: { name: "PowerShell" },
  qualifiers: 0,
  version: 0,
  level: 4,
  opcode: 0,
  keywords: "0x80000000000000",
  channel: "Windows PowerShell",
  // Three insertion strings, no raw data.
  fields: ["", "", ""],
} as const;

/** 400 "Engine state is changed from %2 to %1." Data: NewEngineState, PreviousEngineState, details. */
export const engineLifecycle = defineTemplate({
  ...classicBase,
  key: "powershell-classic/400",
  eventId: 400,
  task: 4,
});

/** 403 "Engine state is changed from Available to Stopped." (process exit). */
export const engineStopped = defineTemplate({
  ...classicBase,
  key: "powershell-classic/403",
  eventId: 403,
  task: 4,
});

/** 600 "Provider %1 is %2." Data: ProviderName, NewProviderState, details. */
export const providerLifecycle = defineTemplate({
  ...classicBase,
  key: "powershell-classic/600",
  eventId: 600,
  task: 6,
});

/** 800 "Pipeline execution details for command line: %1." Data: CommandLine, context, details. */
export const pipelineExecution = defineTemplate({
  ...classicBase,
  key: "powershell-classic/800",
  eventId: 800,
  task: 8,
});

export const powershellTemplates = [
  scriptBlockVerbose,
  scriptBlockWarning,
  pipelineDetail,
  engineLifecycle,
  engineStopped,
  providerLifecycle,
  pipelineExecution,
] as const;
