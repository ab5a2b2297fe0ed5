import { sysmonHashes } from "../../world/catalog";
import type { ProcessInfo } from "../../world/types";
import { sysmonUtc, userName } from "../common";
import type { RenderContext, ResolvedAction } from "../types";
import { SYSMON } from "./templates";
import { sysmonConfigChange } from "./extra";

/** Process creation and exit, tampering, image loads, process access and remote threads (1, 5, 25, 7, 10, 8). */
export function processEvents(r: ResolvedAction, ctx: RenderContext, p: ProcessInfo): void {
  const a = r.action;
  const utc = sysmonUtc(r.timeUs);
  const user = userName(p.user);
  switch (a.kind) {
    case "process.create": {
      const parent = p.parent!;
      const img = p.image;
      ctx.emit(SYSMON.processCreate, [
        "-",
        utc,
        p.guid,
        p.pid,
        img.path,
        img.fileVersion,
        img.description,
        img.product,
        img.company,
        img.originalFileName,
        p.commandLine,
        p.currentDirectory,
        user,
        p.session.logonGuid,
        p.session.logonIdHex,
        p.session.terminalSession,
        p.integrity,
        sysmonHashes(img),
        parent.guid,
        parent.pid,
        parent.image.path,
        parent.commandLine,
        userName(parent.user),
      ]);
      sysmonConfigChange(p, r, ctx);
      return;
    }
    case "process.terminate":
      ctx.emit(SYSMON.processTerminate, ["-", utc, p.guid, p.pid, p.image.path, user]);
      return;
    case "process.tamper":
      ctx.emit(SYSMON.processTampering, ["-", utc, p.guid, p.pid, p.image.path, a.type, user]);
      return;
    case "image.load": {
      const dll = ctx.world.catalog(r.host).image(a.image);
      ctx.emit(SYSMON.imageLoad, [
        "-",
        utc,
        p.guid,
        p.pid,
        p.image.path,
        dll.path,
        dll.fileVersion,
        dll.description,
        dll.product,
        dll.company,
        dll.originalFileName,
        sysmonHashes(dll),
        dll.signed ? "true" : "false",
        dll.signature,
        dll.signatureStatus,
        user,
      ]);
      return;
    }
    case "process.access": {
      const t = r.target!;
      ctx.emit(SYSMON.processAccess, [
        "-",
        utc,
        p.guid,
        p.pid,
        p.threadId,
        p.image.path,
        t.guid,
        t.pid,
        t.image.path,
        a.grantedAccess.toLowerCase(),
        r.callTrace ?? "-",
        user,
        userName(t.user),
      ]);
      return;
    }
    case "thread.remote": {
      const t = r.target!;
      const tid = ctx.world.state(r.host.name).ids.allocate();
      ctx.world.state(r.host.name).ids.release(tid);
      const address = `0x00007FF${ctx.rng.hex(9).toUpperCase()}`;
      ctx.emit(SYSMON.createRemoteThread, [
        "-",
        utc,
        p.guid,
        p.pid,
        p.image.path,
        t.guid,
        t.pid,
        t.image.path,
        tid,
        address,
        a.startModule ?? "-",
        a.startFunction ?? "-",
        user,
        userName(t.user),
      ]);
      return;
    }
  }
}

/** A kernel driver is loaded (6): no process acts. */
export function driverLoad(r: ResolvedAction<"driver.load">, ctx: RenderContext): void {
  const a = r.action;
  const utc = sysmonUtc(r.timeUs);
  const info = ctx.world.catalog(r.host).image(a.image);
  ctx.emit(SYSMON.driverLoad, [
    "-",
    utc,
    a.image,
    sysmonHashes(info),
    a.signed ? "true" : "false",
    a.signed ? a.signature : "-",
    a.signed ? "Valid" : "Unavailable",
  ]);
}
