import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { sysmon } from "../sigma/testing";
import { parseEventsText } from "./read";
import { readEventsFromZip } from "./zip";
import { prepareEvent } from "./prepare";

const a = sysmon(1, { Image: "C:\\a.exe", CommandLine: 'say "}{"' });
const b = sysmon(11, { TargetFilename: "C:\\b.txt" });

describe("reading events", () => {
  it("reads NDJSON, pretty-printed concatenations and arrays", () => {
    expect(parseEventsText(`${JSON.stringify(a)}\n${JSON.stringify(b)}\n`)).toEqual([a, b]);
    expect(parseEventsText(`${JSON.stringify(a, null, 2)}${JSON.stringify(b, null, 2)}`)).toEqual([a, b]);
    expect(parseEventsText(JSON.stringify([a, b]))).toEqual([a, b]);
    expect(parseEventsText("\ufeff\n\n")).toEqual([]);
  });
  it("names the line of bad input", () => {
    expect(() => parseEventsText(`${JSON.stringify(a)}\n{"Event": }\n`)).toThrow(/^line 2: /);
    expect(() => parseEventsText(`${JSON.stringify(a)}\nhello\n`)).toThrow(/line 2: unexpected 'h'/);
    expect(() => parseEventsText('{"a": 1')).toThrow(/ends inside/);
    expect(() => parseEventsText("[1, 2]")).toThrow(/must be a JSON object/);
  });
  it("reads events entries from a bundle zip and ignores the rest", () => {
    const zip = zipSync({
      "bundle/host1.evtx.jsonl": strToU8(`${JSON.stringify(a)}\n`),
      "bundle/events-2.ndjson": strToU8(`${JSON.stringify(b)}\n`),
      "manifest.json": strToU8("{}"),
    });
    expect(readEventsFromZip(zip)).toEqual([b, a]); // entries in name order
    expect(() => readEventsFromZip(zipSync({ "../x.evtx.jsonl": strToU8("{}") }))).toThrow(/path traversal/);
    expect(() =>
      readEventsFromZip(zipSync({ "a.evtx.jsonl": new Uint8Array(5000).fill(32) }), {
        maxEntries: 5,
        maxEntryBytes: 1000,
        maxTotalBytes: 1e6,
      }),
    ).toThrow(/over the limit/);
    expect(() => readEventsFromZip(strToU8("PK not a zip"))).toThrow(/not a readable zip/);
  });
  it("prepares evtx-json with named Data items and #text values", () => {
    const event = prepareEvent(
      {
        Event: {
          System: { EventID: { "#text": 4688, "#attributes": { Qualifiers: "" } }, Channel: "Security" },
          EventData: { Data: [{ "#attributes": { Name: "NewProcessName" }, "#text": "C:\\x.exe" }] },
        },
      },
      0,
    );
    expect(event.eventId).toBe(4688);
    expect(event.channel).toBe("security");
    expect(event.fields.get("NewProcessName")?.text).toBe("C:\\x.exe");
    expect(event.fields.get("newprocessname")?.text).toBe("C:\\x.exe");
  });
});
