import type { ActionOf } from "../../actions";
import type { ProcessInfo } from "../../world/types";
import { sysmonUtc, userName } from "../common";
import type { RenderContext, ResolvedAction } from "../types";
import { SYSMON } from "./templates";

/** QueryResults text per answers array: the world hands out one stable array per name. */
const answerTexts = new WeakMap<readonly string[], string>();
function answerText(answers: readonly string[]): string {
  let t = answerTexts.get(answers);
  if (t === undefined) answerTexts.set(answers, (t = answers.map((ip) => `::ffff:${ip};`).join("")));
  return t;
}

/** Network connections, DNS queries and named pipes (3, 22, 17, 18). */
export function networkEvents(r: ResolvedAction, ctx: RenderContext, p: ProcessInfo): void {
  const a = r.action;
  const utc = sysmonUtc(r.timeUs);
  const user = userName(p.user);
  switch (a.kind) {
    case "network.connect": {
      const n = r.net!;
      ctx.emit(SYSMON.networkConnect, [
        "-",
        utc,
        p.guid,
        p.pid,
        p.image.path,
        user,
        n.protocol,
        n.initiated,
        false,
        n.sourceIp,
        n.sourceHostname,
        n.sourcePort,
        "-",
        false,
        n.destinationIp,
        n.destinationHostname,
        n.destinationPort,
        n.destinationPortName,
      ]);
      return;
    }
    case "dns.query": {
      const q = a as ActionOf<"dns.query">;
      const results = r.answers ? answerText(r.answers) : "";
      ctx.emit(SYSMON.dnsQuery, [
        "-",
        utc,
        p.guid,
        p.pid,
        q.name,
        String(q.status),
        results || "-",
        p.image.path,
        user,
      ]);
      return;
    }
    case "pipe.create":
      ctx.emit(SYSMON.pipeCreate, ["-", "CreatePipe", utc, p.guid, p.pid, a.pipe, p.image.path, user]);
      return;
    case "pipe.connect":
      ctx.emit(SYSMON.pipeConnect, ["-", "ConnectPipe", utc, p.guid, p.pid, a.pipe, p.image.path, user]);
      return;
  }
}
