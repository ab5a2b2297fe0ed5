import type { ActionOf } from "../../actions";
import type { FieldValue } from "../../event";
import type { Host, ProcessInfo } from "../../world/types";
import type { RenderContext, Renderer, ResolvedAction } from "../types";
import { threatFacts, threatId } from "./threats";
import {
  configChanged,
  DEFENDER_CHANNEL,
  defenderTemplates,
  malwareActionTaken,
  malwareDetected,
  rtpDisabled,
  tamperBlocked,
} from "./templates";

/**
 * Microsoft Defender Antivirus' Operational log. MsMpEng.exe writes every event as SYSTEM, so the writer is the
 * host's MsMpEng whatever process asked for the change or touched the file.
 */

const PRODUCT = "Microsoft Defender Antivirus";
const SYSTEM_SID = "S-1-5-18";
/** Security intelligence and engine of the platform the estate runs (4.18.24090.11, October 2024). */
const INTELLIGENCE = "1.419.163.0";
const ENGINE = "1.1.24090.11";

/** Built-in values of settings Set-MpPreference changes: 5007 shows them as "Default\…" when never set. */
const DEFAULTS: Record<string, string> = {
  "real-time protection\\disablerealtimemonitoring": "0",
  "real-time protection\\disablebehaviormonitoring": "0",
  "real-time protection\\disableioavprotection": "0",
  "real-time protection\\disablescriptscanning": "0",
  "real-time protection\\disableonaccessprotection": "0",
  "real-time protection\\disablescanonrealtimeenable": "0",
  "spynet\\spynetreporting": "2",
  "spynet\\submitsamplesconsent": "1",
  "spynet\\disableblockatfirstseen": "0",
  "mpengine\\mpenablepus": "0",
};

const OWN_KEY = /^HKLM\\SOFTWARE\\Microsoft\\Windows Defender\\?/i;

/** Registry data as Defender prints it: numbers as 0x-hex (uppercase digits), text as is. */
export function defenderData(data: string): string {
  const t = data.trim();
  if (/^0x[0-9a-f]+$/i.test(t))
    return `0x${t
      .slice(2)
      .replace(/^0+(?=.)/, "")
      .toUpperCase()}`;
  if (/^\d+$/.test(t)) return `0x${Number(t).toString(16).toUpperCase()}`;
  return data;
}

/** 5007's Old Value and New Value for a change. */
export function configValues(a: ActionOf<"defender.config">): [string, string] {
  const name = `${a.key.replace(/\\+$/, "")}\\${a.value}`;
  const now = `${name} = ${defenderData(a.data)}`;
  if (a.previous !== undefined) return [`${name} = ${defenderData(a.previous)}`, now];
  const own = OWN_KEY.test(name) ? name.replace(OWN_KEY, "") : null;
  const fallback = own === null ? undefined : DEFAULTS[own.toLowerCase()];
  return [fallback === undefined ? "" : `Default\\${own} = ${defenderData(fallback)}`, now];
}

const version = (p: ProcessInfo) => p.image.fileVersion.split(" ")[0];

function writerOf(host: Host, ctx: RenderContext) {
  const p = ctx.world.proc(host, "@msmpeng");
  return p ? { pid: p.pid, tid: p.threadId, version: version(p) } : null;
}

function config(r: ResolvedAction<"defender.config">, ctx: RenderContext): void {
  const w = writerOf(r.host, ctx);
  if (!w) return;
  const opts = { userId: SYSTEM_SID, writer: { pid: w.pid, tid: w.tid } };
  const a = r.action;
  const product = [PRODUCT, w.version];
  if (a.blocked) {
    // The value stays what it was: Defender names it with "(Current)" (a policy value with the refused data).
    const policy = /\\Policies\\/i.test(a.key);
    const kept = `${a.key.replace(/\\+$/, "")}\\${a.value} = ${policy ? `${defenderData(a.data)}()` : "(Current)"}`;
    ctx.emit(tamperBlocked, [...product, "Blocked", kept], opts);
    return;
  }
  ctx.emit(configChanged, [...product, ...configValues(a)], opts);
  const off = /^\d+$|^0x[0-9a-f]+$/i.test(a.data.trim()) && Number(a.data) !== 0;
  if (a.value.toLowerCase() === "disablerealtimemonitoring" && off)
    ctx.emit(rtpDisabled, product, { ...opts, offsetUs: ctx.rng.int(20_000, 250_000) });
}

const SOURCES = {
  realtime: [3, "Real-Time Protection"],
  download: [4, "Downloads and attachments"],
  amsi: [10, "AMSI"],
} as const;
/** ThreatStatusID and CleaningActionID of the remediation (MSFT_MpThreatDetection). */
const REMEDIATIONS = {
  quarantine: [3, 2, "Quarantine"],
  remove: [4, 3, "Remove"],
  block: [6, 10, "Block"],
} as const;
const OK = ["0x00000000", "The operation completed successfully. "] as const;

function detection(r: ResolvedAction<"defender.detection">, ctx: RenderContext): void {
  const w = writerOf(r.host, ctx);
  if (!w) return;
  const a = r.action;
  const p = r.actor;
  const id = threatId(a.threat);
  const facts = threatFacts(a.threat);
  const [sourceId, sourceName] = SOURCES[a.source];
  const [origin, originName] = a.source === "download" ? [4, "Internet"] : [1, "Local machine"];
  const path = `${a.source === "amsi" ? "amsi" : "file"}:_${r.object ?? a.path}`;
  const detectionId = ctx.rng.guid();
  // Every insertion string of these templates is text (UnicodeString), numbers included.
  const head = (status: number, state: number): FieldValue[] => [
    PRODUCT,
    w.version,
    `{${detectionId}}`,
    new Date(Math.floor(r.timeUs / 1000)).toISOString(),
    "",
    "",
    id,
    a.threat,
    String(facts.severity[0]),
    facts.severity[1],
    String(facts.category[0]),
    facts.category[1],
    `https://go.microsoft.com/fwlink/?linkid=37020&name=${a.threat}&threatid=${id}&enterprise=0`,
    String(status),
    "",
    String(state),
    String(sourceId),
    sourceName,
    p ? p.image.path : "Unknown",
    p ? `${p.user.domain}\\${p.user.sam}` : "NT AUTHORITY\\SYSTEM",
    "",
    path,
    String(origin),
    originName,
    "0",
    "Unknown",
    "0",
    "Concrete",
    "0",
  ];
  const versions = [
    "",
    `AV: ${INTELLIGENCE}, AS: ${INTELLIGENCE}, NIS: ${INTELLIGENCE}`,
    `AM: ${ENGINE}, NIS: ${ENGINE}`,
  ];
  const opts = { userId: SYSTEM_SID, writer: { pid: w.pid, tid: w.tid } };
  ctx.emit(
    malwareDetected,
    [
      ...head(1, 1),
      "9",
      "Not Applicable",
      "",
      ...OK,
      "",
      "0",
      "0",
      "No additional actions required",
      "",
      ...versions,
    ],
    { ...opts, offsetUs: ctx.rng.int(5_000, 60_000) },
  );
  const [status, action, actionName] = REMEDIATIONS[a.remediation];
  ctx.emit(
    malwareActionTaken,
    [
      ...head(status, 2),
      String(action),
      actionName,
      "",
      ...OK,
      "",
      "0",
      "0",
      "No additional actions required",
      "NT AUTHORITY\\SYSTEM",
      ...versions,
    ],
    { ...opts, offsetUs: ctx.rng.int(900_000, 6_000_000) },
  );
}

function render(r: ResolvedAction, ctx: RenderContext): void {
  if (r.action.kind === "defender.config") config(r as ResolvedAction<"defender.config">, ctx);
  else if (r.action.kind === "defender.detection") detection(r as ResolvedAction<"defender.detection">, ctx);
}

export const defenderRenderer: Renderer = {
  id: "defender",
  channels: [DEFENDER_CHANNEL],
  handles: ["defender.config", "defender.detection"],
  templates: defenderTemplates,
  render,
};
