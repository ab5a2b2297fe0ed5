import { sysmonHashes } from "../../world/catalog";
import type { ProcessInfo } from "../../world/types";
import { sysmonUtc, userName } from "../common";
import type { RenderContext, ResolvedAction } from "../types";
import { SYSMON } from "./templates";

function isExecutable(path: string): boolean {
  return /\.(exe|dll|sys|scr|com|cpl|ocx)$/i.test(path);
}

/** File creation, creation-time changes, alternate data streams and deletions (11, 2, 15, 23, 26). */
export function fileEvents(r: ResolvedAction, ctx: RenderContext, p: ProcessInfo): void {
  const a = r.action;
  const utc = sysmonUtc(r.timeUs);
  const user = userName(p.user);
  switch (a.kind) {
    case "file.create":
    case "file.modify": {
      const created = r.createdUs !== undefined ? sysmonUtc(r.createdUs) : utc;
      ctx.emit(SYSMON.fileCreate, ["-", utc, p.guid, p.pid, p.image.path, a.path, created, user]);
      return;
    }
    case "file.timestomp":
      ctx.emit(SYSMON.fileCreateTime, [
        "-",
        utc,
        p.guid,
        p.pid,
        p.image.path,
        a.path,
        sysmonUtc(Date.parse(a.creationTime) * 1000),
        r.createdUs !== undefined ? sysmonUtc(r.createdUs) : utc,
        user,
      ]);
      return;
    case "file.stream": {
      const info = ctx.world.catalog(r.host).image(`${a.path}:${a.stream}`);
      ctx.emit(SYSMON.fileStream, [
        "-",
        utc,
        p.guid,
        p.pid,
        p.image.path,
        `${a.path}:${a.stream}`,
        r.createdUs !== undefined ? sysmonUtc(r.createdUs) : utc,
        sysmonHashes(info),
        a.contents ?? "-",
        user,
      ]);
      return;
    }
    case "file.delete": {
      const info = ctx.world.catalog(r.host).image(a.path);
      const hashes = sysmonHashes(info);
      const fields = ["-", utc, p.guid, p.pid, user, p.image.path, a.path, hashes, isExecutable(a.path)];
      // 23 (archived) has one more field than 26: the Archived flag.
      if (a.archived) ctx.emit(SYSMON.fileDelete, [...fields, "true"]);
      else ctx.emit(SYSMON.fileDeleteDetected, fields);
      return;
    }
  }
}
