import { describe, expect, it } from "vitest";
import { Rng } from "../rng";
import { bootHost } from "./boot";
import { ImageCatalog, sysmonHashes } from "./catalog";
import { osCatalog } from "./estate";
import { World } from "./world";

const START = Date.parse("2026-03-02T09:14:00Z") * 1000;

function booted(seed: number) {
  const world = new World({ domain: {} }, new Rng(seed));
  for (const h of world.hosts) bootHost(world, h, START, new Rng(seed).fork(`boot:${h.name}`));
  return world;
}

describe("world model", () => {
  const world = booted(5);
  const ws = world.hostByRef("@workstation")!;
  const dc = world.hostByRef("@dc")!;

  it("seeds a domain, a DC, a file server and workstations with well-formed SIDs", () => {
    expect(world.domain.sid).toMatch(/^S-1-5-21-\d+-\d+-\d+$/);
    expect(world.hosts.map((h) => h.role).sort()).toEqual(["dc", "server", "workstation", "workstation"]);
    for (const h of world.hosts) {
      expect(h.fqdn).toBe(`${h.name}.${world.domain.dns}`);
      expect(h.guidPrefix).toMatch(/^[0-9A-F]{8}$/);
    }
    for (const u of world.estate.users) expect(u.sid).toMatch(/^S-1-5-21-\d+-\d+-\d+-\d+$/);
    expect(world.estate.users.find((u) => u.sam === "krbtgt")!.sid).toBe(`${world.domain.sid}-502`);
    expect(world.userByRef("@system")!.sid).toBe("S-1-5-18");
  });

  it("boots the Windows process tree with PIDs that are multiples of 4", () => {
    const parentOf = (ref: string) => world.proc(ws, ref, true)!.parent?.name;
    expect(world.proc(ws, "@system")!.pid).toBe(4);
    expect(parentOf("@smss")).toBe("@system");
    expect(parentOf("@wininit")).toBe("@smss");
    expect(parentOf("@services")).toBe("@wininit");
    expect(parentOf("@lsass")).toBe("@wininit");
    expect(parentOf("@svchost:netsvcs")).toBe("@services");
    expect(parentOf("@winlogon")).toBe("@smss");
    expect(parentOf("@userinit")).toBe("@winlogon");
    expect(parentOf("@explorer")).toBe("@userinit");
    expect(world.proc(ws, "@userinit")).toBeUndefined(); // userinit exits after starting the shell
    expect(world.proc(dc, "@explorer")).toBeUndefined();
    expect(world.proc(dc, "@dns")).toBeDefined();
    const pids = [...world.state(ws.name).byPid.keys()];
    expect(pids.every((p) => p % 4 === 0)).toBe(true);
    expect(new Set(pids).size).toBe(pids.length);
  });

  it("gives an admin's interactive logon a split token", () => {
    const limited = world.session(ws, "@interactive")!;
    const elevated = world.session(ws, "@interactive-elevated")!;
    expect(limited.user).toBe(world.estate.interactive);
    expect(limited.linked).toBe(elevated);
    expect(elevated.linked).toBe(limited);
    expect(limited.elevated).toBe(false);
    expect(elevated.elevated).toBe(true);
    expect(world.proc(ws, "@explorer")!.session).toBe(limited);
    expect(world.proc(ws, "@explorer")!.integrity).toBe("Medium");
    expect(world.session(ws, "@system")!.logonIdHex).toBe("0x3e7");
  });

  it("keeps hashes and PE metadata per binary, across hosts and runs", () => {
    const a = new ImageCatalog(osCatalog.win10).system32("cmd.exe");
    const w99 = booted(99);
    const b = w99.catalog(w99.hostByRef("@workstation")!).system32("cmd.exe");
    const other = new ImageCatalog(osCatalog.server2022).system32("cmd.exe");
    expect(a.originalFileName).toBe("Cmd.Exe");
    expect(a.description).toBe("Windows Command Processor");
    if (b.fileVersion === a.fileVersion) expect(sysmonHashes(b)).toBe(sysmonHashes(a));
    expect(other.sha256).not.toBe(a.sha256);
    expect(sysmonHashes(a)).toMatch(
      /^SHA1=[0-9A-F]{40},MD5=[0-9A-F]{32},SHA256=[0-9A-F]{64},IMPHASH=[0-9A-F]{32}$/,
    );
    const unknown = new ImageCatalog(osCatalog.win10).image("C:\\Users\\Public\\x.exe");
    expect([unknown.signed, unknown.description]).toEqual([false, "-"]);
  });

  it("resolves DNS names stably and hosts to their own IPs; ephemeral ports stay in range", () => {
    expect(world.resolve("example.org")).toEqual(world.resolve("EXAMPLE.ORG."));
    expect(world.resolve(dc.fqdn)).toEqual([dc.ip]);
    for (let i = 0; i < 5000; i++) {
      const p = world.ephemeralPort(ws);
      expect(p).toBeGreaterThanOrEqual(49152);
      expect(p).toBeLessThanOrEqual(65535);
    }
  });

  it("changes names, SIDs and addresses with the seed", () => {
    const other = booted(6);
    expect(other.domain.sid).not.toBe(world.domain.sid);
    expect(other.hosts.map((h) => h.ip)).not.toEqual(world.hosts.map((h) => h.ip));
    expect(booted(5).hosts).toEqual(world.hosts);
  });
});
