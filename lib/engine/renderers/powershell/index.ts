import type { ProcessInfo } from "../../world/types";
import type { Renderer, RenderContext, ResolvedAction } from "../types";
import { isPowerShellHost, nextActivityId, nextSequence, psState, type PsProcessState } from "./host";
import { splitScriptBlock, suspiciousMatch } from "./scriptblock";
import {
  engineLifecycle,
  engineStopped,
  pipelineDetail,
  pipelineExecution,
  powershellTemplates,
  providerLifecycle,
  scriptBlockVerbose,
  scriptBlockWarning,
} from "./templates";
import {
  commandText,
  contextInfo,
  engineDetail,
  pipelineContext,
  pipelinePayload,
  providerDetail,
  type PsCommand,
} from "./text";

/** Providers the 5.1 engine starts, in the order it logs them (600 events), before 400 "Available". */
const startupProviders = ["Registry", "Alias", "Environment", "FileSystem", "Function", "Variable"];
/** The 2.0 engine logs fewer before 400 (SequenceNumber 9). */
const legacyProviders = ["Registry", "Alias", "Environment", "FileSystem"];

/**
 * Microsoft-Windows-PowerShell/Operational (4103, 4104) and the "Windows PowerShell" classic log (400, 403, 600,
 * 800), written by the PowerShell process itself: Execution ProcessID is the host process, ThreadID its
 * pipeline thread (0 for classic ReportEvent records), Security UserID its user (empty for classic events).
 */
export const powershellRenderer: Renderer = {
  id: "powershell",
  channels: ["Microsoft-Windows-PowerShell/Operational", "Windows PowerShell"],
  handles: ["process.create", "process.terminate", "powershell.scriptblock", "powershell.module"],
  templates: powershellTemplates,
  render(r: ResolvedAction, ctx: RenderContext): void {
    const actor = r.actor;
    if (!actor) return;
    switch (r.action.kind) {
      case "process.create":
        if (isPowerShellHost(actor)) engineStart(r, actor, ctx);
        return;
      case "process.terminate":
        if (isPowerShellHost(actor)) engineStop(r, actor, ctx);
        return;
      case "powershell.scriptblock":
        scriptBlock(r, actor, r.action.script, r.action.path ?? "", ctx);
        return;
      case "powershell.module":
        moduleLogging(r, actor, r.action.command, Object.entries(r.action.parameters), ctx);
        return;
    }
  },
};

function classicWriter(actor: ProcessInfo) {
  return { writer: { pid: actor.pid, tid: 0 }, userId: null, activityId: null };
}

function engineStart(r: ResolvedAction, actor: ProcessInfo, ctx: RenderContext): void {
  const state = psState(actor, r.host);
  if (state.started) return;
  state.started = true;
  let offset = ctx.rng.int(60_000, 140_000);
  for (const provider of state.host.legacy ? legacyProviders : startupProviders) {
    const detail = providerDetail(state.host, provider, nextSequence(state));
    ctx.emit(providerLifecycle, [provider, "Started", detail], { ...classicWriter(actor), offsetUs: offset });
    offset += ctx.rng.int(300, 2_500);
  }
  offset += ctx.rng.int(4_000, 25_000);
  const detail = engineDetail(state.host, "Available", "None", nextSequence(state));
  ctx.emit(engineLifecycle, ["Available", "None", detail], { ...classicWriter(actor), offsetUs: offset });
}

function engineStop(r: ResolvedAction, actor: ProcessInfo, ctx: RenderContext): void {
  const state = psState(actor, r.host);
  if (!state.started) return;
  const detail = engineDetail(state.host, "Stopped", "Available", nextSequence(state));
  // Written while the process shuts down, just before it is gone.
  ctx.emit(engineStopped, ["Stopped", "Available", detail], classicWriter(actor));
}

function operationalOptions(state: PsProcessState, actor: ProcessInfo, ctx: RenderContext, offsetUs: number) {
  return {
    writer: { pid: actor.pid, tid: actor.threadId },
    userId: actor.user.sid,
    activityId: nextActivityId(state, ctx.rng.u32()),
    offsetUs,
  };
}

function scriptBlock(
  r: ResolvedAction,
  actor: ProcessInfo,
  script: string,
  path: string,
  ctx: RenderContext,
): void {
  const state = psState(actor, r.host);
  if (state.host.legacy) return; // PowerShell 2.0 has no script block logging: the point of a downgrade.
  const template = suspiciousMatch(script) ? scriptBlockWarning : scriptBlockVerbose;
  const id = ctx.rng.guid().toLowerCase();
  const parts = splitScriptBlock(script, ctx.rng);
  let offset = 0;
  parts.forEach((text, i) => {
    ctx.emit(template, [i + 1, parts.length, text, id, path], operationalOptions(state, actor, ctx, offset));
    offset += ctx.rng.int(40, 400);
  });
}

function commandOf(name: string, parameters: readonly (readonly [string, string])[]): PsCommand {
  const isPath = /[\\/]/.test(name) || /\.exe$/i.test(name);
  const isCmdlet = /^[A-Za-z]+-[A-Za-z0-9]+$/.test(name);
  return {
    name: isPath ? name.split(/[\\/]/).pop()! : name,
    type: isPath ? "Application" : isCmdlet ? "Cmdlet" : "Function",
    path: isPath ? name : "",
    parameters,
  };
}

function moduleLogging(
  r: ResolvedAction,
  actor: ProcessInfo,
  name: string,
  parameters: readonly (readonly [string, string])[],
  ctx: RenderContext,
): void {
  const state = psState(actor, r.host);
  if (state.host.legacy) return;
  const command = commandOf(name, parameters);
  const pipelineId = ++state.pipeline;
  // One LogContext feeds both providers, so 4103 and 800 share the sequence number.
  const sequence = nextSequence(state);
  const payload = pipelinePayload(command);
  ctx.emit(
    pipelineDetail,
    [contextInfo(state.host, command, pipelineId, sequence, ""), "", payload],
    operationalOptions(state, actor, ctx, 0),
  );
  const line = commandText(command);
  const context = pipelineContext(state.host, 1, 1, sequence, pipelineId, "", line);
  ctx.emit(pipelineExecution, [line, context, payload], {
    ...classicWriter(actor),
    offsetUs: ctx.rng.int(200, 3_000),
  });
}
