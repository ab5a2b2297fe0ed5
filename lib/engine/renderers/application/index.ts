import type { ActionKind } from "../../actions";
import type { FieldValue } from "../../event";
import type { ImageInfo, ProcessInfo } from "../../world/types";
import type { RenderContext, Renderer, ResolvedAction } from "../types";
import {
  APPLICATION_CHANNEL,
  applicationErrorClassic,
  applicationErrorManifest,
  applicationTemplates,
  auditCve,
  SRP,
} from "./templates";

/** The Application log: process crashes (WER 1000), CveEventWrite reports, SRP blocks. */

const handles: readonly ActionKind[] = ["process.crash", "cve.audit", "srp.block"];

/** Windows 11 writes 1000 from the manifest provider (named Data); Windows 10 and Server from the classic source. */
const MANIFEST_CRASH_BUILD = 22000;

/** 100 ns intervals between 1601-01-01 and the Unix epoch. */
const FILETIME_EPOCH = 116_444_736_000_000_000n;

/** FILETIME of a process start as hex digits, no prefix. */
export function filetimeHex(us: number): string {
  return (BigInt(Math.floor(us)) * 10n + FILETIME_EPOCH).toString(16);
}

/** "10.0.19041.3636 (WinBuild…)" → "10.0.19041.3636"; WER prints 0.0.0.0 for files without a version resource. */
function versionOf(info: ImageInfo): string {
  const v = info.fileVersion.split(" ")[0];
  return /^\d+(\.\d+){0,3}$/.test(v) ? v : "0.0.0.0";
}

/** PE header TimeDateStamp: fixed per binary (derived from its hash) as WER prints it, 8 hex digits. */
function peTimestamp(info: ImageInfo): string {
  return info.sha1.slice(0, 8).toLowerCase();
}

function crash(r: ResolvedAction<"process.crash">, ctx: RenderContext, p: ProcessInfo): void {
  const catalog = ctx.world.catalog(r.host);
  const modulePath = r.action.module ?? p.image.path;
  const faulting =
    modulePath.toLowerCase() === p.image.path.toLowerCase() ? p.image : catalog.image(modulePath);
  const code = r.action.exceptionCode.slice(2).toLowerCase().padStart(8, "0");
  const offset = ctx.rng.hex(16).replace(/^.{10}/, "0000000000");
  const manifest = r.host.os.build >= MANIFEST_CRASH_BUILD;
  const started = filetimeHex(p.startUs);
  const data: FieldValue[] = [
    p.image.fileName,
    versionOf(p.image),
    peTimestamp(p.image),
    faulting.fileName,
    versionOf(faulting),
    peTimestamp(faulting),
    code,
    offset,
    manifest ? `0x${p.pid.toString(16)}` : p.pid.toString(16),
    manifest ? `0x${started}` : started.padStart(16, "0"),
    p.image.path,
    modulePath,
    ctx.rng.guid().toLowerCase(),
    "",
    "",
  ];
  // WerFault reports a moment after the exception; the classic source logs with no writer or user.
  const offsetUs = ctx.rng.int(150_000, 900_000);
  if (manifest)
    ctx.emit(applicationErrorManifest, data, {
      offsetUs,
      userId: p.user.sid,
      writer: { pid: 4 * ctx.rng.int(500, 9000), tid: 4 * ctx.rng.int(500, 9000) },
    });
  else ctx.emit(applicationErrorClassic, data, { offsetUs, userId: null, writer: { pid: 0, tid: 0 } });
}

function render(r: ResolvedAction, ctx: RenderContext): void {
  const p = r.actor;
  if (!p) return;
  const inProcess = { userId: p.user.sid, writer: { pid: p.pid, tid: p.threadId } };
  switch (r.action.kind) {
    case "process.crash":
      return crash(r as ResolvedAction<"process.crash">, ctx, p);
    case "cve.audit":
      ctx.emit(auditCve, [r.action.cve, r.action.details], inProcess);
      return;
    case "srp.block": {
      const a = r.action;
      const t = SRP[a.rule];
      const data: FieldValue[] = [a.path];
      if (a.rule === "path" || a.rule === "hash") data.push(ctx.rng.guid());
      if (a.rule === "path") data.push(a.rulePath ?? a.path.replace(/[^\\]*$/, ""));
      ctx.emit(t, data, inProcess);
      return;
    }
  }
}

export const applicationRenderer: Renderer = {
  id: "application",
  channels: [APPLICATION_CHANNEL],
  handles,
  templates: applicationTemplates,
  render,
};
