import type { FieldValue } from "../../event";
import type { RenderContext, Renderer, ResolvedAction } from "../types";
import { corruptedRecordText, ntfsCorruption, ntfsTemplates } from "./templates";

/**
 * System channel, Ntfs 55: the file system driver finds a corrupted file record while a process touches the
 * volume. NTFS reports it from a kernel worker thread, so the event names the System process and SYSTEM; the
 * root directory's record is critical, so the volume goes to an offline check instead of the spot verifier.
 */
function render(r: ResolvedAction, ctx: RenderContext): void {
  if (!r.actor || r.action.kind !== "ntfs.corruption") return;
  const a = r.action;
  const offset = (digits: number) => ctx.rng.hex(digits).replace(/^0+(?=.)/, "");
  const frames = [
    ...Array.from({ length: 6 }, () => `Ntfs+0x${offset(5)}`),
    ...Array.from({ length: 3 }, () => `ntoskrnl+0x${offset(5)}`),
  ];
  const data: FieldValue[] = [
    a.volume.toUpperCase(),
    a.device,
    "0x0",
    "0x922",
    "Critical",
    "File System Driver",
    "Bad FRS",
    corruptedRecordText(a.fileReference, a.fileName),
    `0x${offset(8)}`,
    "Spot Verifier Bypassed On Critical",
    0,
    "",
    `0x${ctx.rng.int(1, 0x40).toString(16)}`,
    ctx.rng.int(200, 9000),
    ctx.rng.int(100, 999),
    "0xd00000a2",
    frames.join(", "),
  ];
  // NTFS notices the damage as the open walks the root index: a moment after the request.
  ctx.emit(ntfsCorruption, data, {
    offsetUs: ctx.rng.int(2_000, 40_000),
    userId: "S-1-5-18",
    writer: { pid: 4, tid: 4 * ctx.rng.int(40, 9000) },
  });
}

export const ntfsRenderer: Renderer = {
  id: "ntfs",
  channels: ["System"],
  handles: ["ntfs.corruption"],
  templates: ntfsTemplates,
  render,
};
