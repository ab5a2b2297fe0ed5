import { ecsFormat } from "./ecs";
import { evtxJsonFormat } from "./evtx-json";
import { evtxXmlFormat } from "./evtx-xml";
import { sentinelFormat } from "./sentinel";
import type { EventFormat, FormatId } from "./types";

/** Every output format. Add one: write formats/<id>.ts exporting an `EventFormat`, then list it here. */
export const formats: readonly EventFormat[] = [evtxJsonFormat, evtxXmlFormat, ecsFormat, sentinelFormat];

export function formatById(id: string): EventFormat | undefined {
  return formats.find((f) => f.id === (id as FormatId));
}
