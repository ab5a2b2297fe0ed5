import "server-only";
import type { Actor } from "@/lib/db/actors";
import { queryRunEvents, runEventFacets } from "@/lib/db/events";
import type { FilterOptions, TimelineMark, ViewerEvent } from "./types";
import { toViewerEvent } from "./viewer-data";

/** What the viewer page hands its client component: structural events, timeline marks, filter options. */

const SYSMON = "Microsoft-Windows-Sysmon/Operational";
/** Events the process tree and lateral-movement edges are built from. */
const TREE_QUERIES = [
  { channel: SYSMON, eventId: 1 },
  { channel: SYSMON, eventId: 3 },
  { channel: "Security", eventId: 4624 },
  { channel: "Security", eventId: 4688 },
  { channel: SYSMON, eventId: 13 },
] as const;
const MAX_TREE_EVENTS = 20_000;
const MAX_MARKS = 50_000;

async function collect(actor: Actor, runId: string, query: Record<string, unknown>, max: number) {
  const out: ViewerEvent[] = [];
  let cursor: number | undefined;
  while (out.length < max) {
    const page = await queryRunEvents(actor, runId, { ...query, cursor, limit: 5_000 }, { withTotal: false });
    out.push(...page.events.map(toViewerEvent));
    if (page.nextCursor === null) break;
    cursor = page.nextCursor;
  }
  return out;
}

export async function loadViewerData(actor: Actor, runId: string) {
  const [treeLists, all, facets] = await Promise.all([
    Promise.all(TREE_QUERIES.map((q) => collect(actor, runId, q, MAX_TREE_EVENTS))),
    collect(actor, runId, {}, MAX_MARKS),
    runEventFacets(actor, runId),
  ]);
  const treeEvents = treeLists.flat().sort((a, b) => a.seq - b.seq);
  const marks: TimelineMark[] = all.map((e) => ({
    seq: e.seq,
    time: e.time,
    host: e.host,
    channel: e.channel,
    malicious: e.label.malicious,
  }));
  const options: FilterOptions = {
    hosts: facets.hosts.map((f) => f.value).sort(),
    channels: facets.channels.map((f) => f.value).sort(),
    eventIds: [...new Set(facets.eventIds.map((f) => f.value.eventId))].sort((a, b) => a - b),
    techniques: facets.techniques
      .map((f) => f.value)
      .filter((t): t is string => Boolean(t))
      .sort(),
  };
  return { treeEvents, marks, options, total: facets.total };
}
