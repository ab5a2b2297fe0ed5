// Seeded evtx-json events for the data-layer tests and the insert benchmark: process creations, logons,
// registry sets, with a label each (a test fixture, not the engine).
import { eventRowFromEvtx, type RunEventInput } from "../event-rows";

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYSMON = "Microsoft-Windows-Sysmon/Operational";
const IMAGES = [
  "C:\\Windows\\System32\\cmd.exe",
  "C:\\Windows\\explorer.exe",
  "C:\\Windows\\System32\\svchost.exe",
];
const POWERSHELL = "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe";

export interface SyntheticOptions {
  seed: number;
  hosts?: string[];
  start?: Date;
  /** One event in `maliciousEvery` is labelled malicious (PowerShell, T1059.001). */
  maliciousEvery?: number;
}

const guid = (rand: () => number) =>
  Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16))
    .join("")
    .toUpperCase()
    .replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, "$1-$2-$3-$4-$5");

/** The i-th..(i+count)-th events of a seeded stream, as rows ready for insertRunEvents. */
export function* syntheticEvents(count: number, options: SyntheticOptions): Generator<RunEventInput> {
  const rand = mulberry32(options.seed);
  const hosts = options.hosts ?? ["WS01.corp.example", "WS02.corp.example", "DC01.corp.example"];
  const start = (options.start ?? new Date("2026-03-01T09:00:00Z")).getTime();
  const every = options.maliciousEvery ?? 10;
  let parent = guid(rand);
  for (let i = 0; i < count; i++) {
    const host = hosts[i % hosts.length];
    const time = new Date(start + i * 250 + Math.floor(rand() * 200)).toISOString().replace("Z", "000Z");
    const malicious = i % every === every - 1;
    const kind = malicious ? 0 : i % 3;
    const processGuid = guid(rand);
    const logonId = `0x${(0x3e7 + (i % 5) * 0x1000).toString(16)}`;
    const system = (eventId: number, channel: string) => ({
      Provider: {
        "#attributes": {
          Name: channel === SYSMON ? "Microsoft-Windows-Sysmon" : "Microsoft-Windows-Security-Auditing",
        },
      },
      EventID: eventId,
      TimeCreated: { "#attributes": { SystemTime: time } },
      EventRecordID: i + 1,
      Channel: channel,
      Computer: host,
    });
    let raw: unknown;
    if (kind === 0) {
      const image = malicious ? POWERSHELL : IMAGES[Math.floor(rand() * IMAGES.length)];
      raw = {
        Event: {
          System: system(1, SYSMON),
          EventData: {
            UtcTime: time,
            ProcessGuid: processGuid,
            ProcessId: 1000 + Math.floor(rand() * 9000),
            Image: image,
            CommandLine: malicious ? `powershell.exe -enc ${guid(rand)}` : `"${image}"`,
            LogonId: logonId,
            ParentProcessGuid: parent,
            ParentImage: "C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE",
          },
        },
      };
      if (malicious) parent = processGuid;
    } else if (kind === 1) {
      raw = {
        Event: {
          System: system(4624, "Security"),
          EventData: { TargetUserName: "alice", TargetLogonId: logonId, LogonType: 3, IpAddress: "10.0.0.5" },
        },
      };
    } else {
      raw = {
        Event: {
          System: system(13, SYSMON),
          EventData: {
            EventType: "SetValue",
            ProcessGuid: processGuid,
            Image: IMAGES[0],
            TargetObject: "HKU\\S-1-5-21\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\Updater",
            Details: "C:\\Users\\alice\\AppData\\updater.exe",
          },
        },
      };
    }
    yield eventRowFromEvtx(raw, {
      technique: malicious ? "T1059.001" : null,
      verdict: malicious ? "malicious" : "benign",
    });
  }
}
