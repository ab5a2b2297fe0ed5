import type { Action } from "./actions";
import { type Rng, stableHex } from "./rng";
import type { TimedAction } from "./schedule";
import type { Host } from "./world/types";

/**
 * Benign background activity (labelled benign): service hosts talking to update and telemetry endpoints,
 * Defender scans, short-lived helper processes, browsing, and on the DC Kerberos traffic. Produced lazily
 * in time order, so long runs stream in bounded memory.
 */

const S32 = "C:\\Windows\\System32";

const updateHosts = [
  "fe3cr.delivery.mp.microsoft.com",
  "sls.update.microsoft.com",
  "settings-win.data.microsoft.com",
  "v10.events.data.microsoft.com",
  "ctldl.windowsupdate.com",
  "login.live.com",
];
const browseHosts = [
  "www.bing.com",
  "outlook.office365.com",
  "teams.microsoft.com",
  "www.office.com",
  "github.com",
  "login.microsoftonline.com",
  "edge.microsoft.com",
  "docs.microsoft.com",
];
const regKeys = [
  [
    "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Orchestrator\\UScheduler\\6.0",
    "LastRun",
  ],
  ["HKLM\\SOFTWARE\\Microsoft\\Windows Defender\\Signature Updates", "SignaturesLastChecked"],
  ["HKLM\\System\\CurrentControlSet\\Services\\bam\\State\\UserSettings", "LastSync"],
] as const;

const updateServices = ["@svchost:wuauserv", "@svchost:UsoSvc", "@svchost:BITS"];
const tgtUsers = ["@user", "@admin"];
const tgtSources = ["@workstation", "@workstation2"];
/** Defender's 16 scan cache names (computed once, not per burst). */
const mpcacheNames = Array.from({ length: 16 }, (_, i) => stableHex(String(i), 40).toUpperCase());
const startupDlls = ["ntdll.dll", "kernel32.dll", "KernelBase.dll"].map((dll) => `${S32}\\${dll}`);

/** An action before the generator gives it an ID and a host. */
type WithoutIds<T> = T extends unknown ? Omit<T, "host" | "id"> : never;
type Bare = WithoutIds<Action>;

/** The DLLs every new process maps first (Sysmon 7 when image-load logging is on). */
function startupLoads(proc: string, rng: Rng): [number, Bare][] {
  let t = rng.int(300, 900);
  return startupDlls.map((image) => [(t += rng.int(50, 400)), { kind: "image.load", proc, image }]);
}

/** Prefetch file SysMain writes about ten seconds after a program starts. */
function prefetch(exe: string): Bare {
  return {
    kind: "file.create",
    proc: "@svchost:LocalSystemNetworkRestricted",
    path: `C:\\Windows\\Prefetch\\${exe}-${stableHex(exe, 8).toUpperCase()}.pf`,
  };
}

type Burst = (host: Host, n: number, rng: Rng) => [number, Bare][];

/** Each burst: [offset µs from the burst start, action]. Names are unique per burst. */
const workstationBursts: Burst[] = [
  (_h, n, rng) => {
    const name = rng.pick(browseHosts);
    return [
      [0, { kind: "dns.query", proc: "@msedge", name, status: 0 }],
      [
        rng.int(2_000, 30_000),
        {
          kind: "network.connect",
          proc: "@msedge",
          protocol: "tcp",
          remote: name,
          port: 443,
          initiated: true,
        },
      ],
    ];
  },
  (_h, n, rng) => {
    const name = rng.pick(updateHosts);
    const svc = rng.pick(updateServices);
    return [
      [0, { kind: "dns.query", proc: svc, name, status: 0 }],
      [
        rng.int(1_000, 20_000),
        { kind: "network.connect", proc: svc, protocol: "tcp", remote: name, port: 443, initiated: true },
      ],
    ];
  },
  (_h, n, rng) => {
    const p = `@n${n}`;
    const life = rng.int(400_000, 4_000_000);
    return [
      [
        0,
        {
          kind: "process.create",
          proc: p,
          parent: "@svchost:DcomLaunch",
          image: `${S32}\\backgroundTaskHost.exe`,
          commandLine: `"${S32}\\backgroundTaskHost.exe" -ServerName:BackgroundTaskHost.WebAccountBackgroundManagerTask`,
          user: "@user",
        },
      ],
      ...startupLoads(p, rng),
      [life, { kind: "process.terminate", proc: p }],
      [life + rng.int(5_000_000, 10_000_000), prefetch("BACKGROUNDTASKHOST.EXE")],
    ];
  },
  (_h, n, rng) => {
    const p = `@n${n}`;
    return [
      [
        0,
        {
          kind: "process.create",
          proc: p,
          parent: "@svchost:UsoSvc",
          image: `${S32}\\MoUsoCoreWorker.exe`,
          commandLine: `${S32}\\mousocoreworker.exe -Embedding`,
          user: "@system",
        },
      ],
      ...startupLoads(p, rng),
      [
        rng.int(5_000, 50_000),
        {
          kind: "registry.value.set",
          proc: p,
          key: regKeys[0][0],
          value: regKeys[0][1],
          type: "REG_SZ",
          data: "2026-03-02T08:00:00Z",
        },
      ],
      [rng.int(2_000_000, 9_000_000), { kind: "process.terminate", proc: p }],
    ];
  },
  (_h, n, rng) => [
    [
      0,
      {
        kind: "file.create",
        proc: "@msmpeng",
        path: `C:\\ProgramData\\Microsoft\\Windows Defender\\Scans\\mpcache-${mpcacheNames[rng.int(0, 15)]}.bin.${String(rng.int(1, 99)).padStart(2, "0")}`,
      },
    ],
    [
      rng.int(1_000, 40_000),
      {
        kind: "registry.value.set",
        proc: "@msmpeng",
        key: regKeys[1][0],
        value: regKeys[1][1],
        type: "REG_BINARY",
        data: rng.hex(16),
      },
    ],
  ],
  (_h, n, rng) => [
    [
      0,
      {
        kind: "registry.value.set",
        proc: "@svchost:netsvcs",
        key: `${regKeys[2][0]}`,
        value: regKeys[2][1],
        type: "REG_QWORD",
        data: String(rng.int(1, 1_000_000)),
      },
    ],
  ],
];

const dcBursts: Burst[] = [
  (h, _n, _rng) => [
    [
      0,
      {
        kind: "kerberos.tgs",
        user: "@user",
        service: `cifs/${h.fqdn}`,
        source: "@workstation",
        status: "0x0",
        encryption: "0x12",
      },
    ],
  ],
  (_h, n, rng) => [
    [
      0,
      {
        kind: "kerberos.tgt",
        user: rng.pick(tgtUsers),
        source: rng.pick(tgtSources),
        status: "0x0",
        encryption: "0x12",
      },
    ],
  ],
  (_h, n, rng) => {
    const name = rng.pick(updateHosts);
    return [
      [0, { kind: "dns.query", proc: "@svchost:wuauserv", name, status: 0 }],
      [
        rng.int(1_000, 20_000),
        {
          kind: "network.connect",
          proc: "@svchost:wuauserv",
          protocol: "tcp",
          remote: name,
          port: 443,
          initiated: true,
        },
      ],
    ];
  },
];

const serverBursts: Burst[] = [workstationBursts[1], workstationBursts[4], workstationBursts[5], dcBursts[2]];

/**
 * Binary min-heap on (timeUs, seq); the keys live in typed arrays beside the items so the sift loops
 * compare numbers without touching the (thousands of) pending objects. (timeUs, seq) is a strict order,
 * so the pop order does not depend on the heap's layout.
 */
class Heap {
  private items: TimedAction[] = [];
  private times = new Float64Array(1024);
  private seqs = new Float64Array(1024);
  private n = 0;
  get size() {
    return this.n;
  }
  peekTime(): number {
    return this.n ? this.times[0] : Infinity;
  }
  push(p: TimedAction, q: number): void {
    if (this.n === this.times.length) {
      const times = new Float64Array(this.n * 2);
      times.set(this.times);
      this.times = times;
      const seqs = new Float64Array(this.n * 2);
      seqs.set(this.seqs);
      this.seqs = seqs;
    }
    const { items, times, seqs } = this;
    const t = p.timeUs;
    let i = this.n++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent];
      if (t < pt || (t === pt && q < seqs[parent])) {
        items[i] = items[parent];
        times[i] = pt;
        seqs[i] = seqs[parent];
        i = parent;
      } else break;
    }
    items[i] = p;
    times[i] = t;
    seqs[i] = q;
  }
  pop(): TimedAction | null {
    if (this.n === 0) return null;
    const { items, times, seqs } = this;
    const top = items[0];
    const n = --this.n;
    const last = items[n];
    const t = times[n];
    const q = seqs[n];
    items[n] = undefined as unknown as TimedAction;
    if (n === 0) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let m = l;
      if (r < n && (times[r] < times[l] || (times[r] === times[l] && seqs[r] < seqs[l]))) m = r;
      const mt = times[m];
      if (mt < t || (mt === t && seqs[m] < q)) {
        items[i] = items[m];
        times[i] = mt;
        seqs[i] = seqs[m];
        i = m;
      } else break;
    }
    items[i] = last;
    times[i] = t;
    seqs[i] = q;
    return top;
  }
}

export interface NoiseOptions {
  readonly hosts: readonly Host[];
  readonly startUs: number;
  readonly endUs: number;
  /** Mean bursts per minute per host. */
  readonly burstsPerMinute: number;
  readonly rng: Rng;
}

/**
 * Time-ordered benign actions over [startUs, endUs]: each call returns the next one, null when done.
 * A plain pull function rather than a generator: it is called once per action of long runs.
 */
export function noiseActions(o: NoiseOptions): () => TimedAction | null {
  if (o.burstsPerMinute <= 0 || o.hosts.length === 0) return () => null;
  const heap = new Heap();
  const meanGapUs = 60_000_000 / o.burstsPerMinute;
  // Per host, when its next burst starts (a typed array: the times stay unboxed doubles).
  const next = Float64Array.from(o.hosts, () => o.startUs + o.rng.int(0, Math.ceil(meanGapUs)));
  const burstsOf = o.hosts.map((host) =>
    host.role === "dc" ? dcBursts : host.role === "server" ? serverBursts : workstationBursts,
  );
  let seq = 0;
  let n = 0;
  /** The host whose next burst comes first (only changes when that burst opens). */
  const earliest = () => {
    let h = 0;
    for (let i = 1; i < next.length; i++) if (next[i] < next[h]) h = i;
    return h;
  };
  let h = earliest();
  return () => {
    for (;;) {
      // Open every burst that starts before the earliest pending action.
      if (next[h] > o.endUs || next[h] > heap.peekTime()) return heap.pop();
      const host = o.hosts[h];
      const burst = o.rng.pick(burstsOf[h])(host, n++, o.rng);
      let prev = next[h];
      for (let k = 0; k < burst.length; k++) {
        const offset = burst[k][0];
        const action = burst[k][1];
        const t = Math.max(prev + 1, next[h] + offset);
        prev = t;
        const a = action as Action & { id: string; host: string };
        a.id = `noise:${seq}`;
        a.host = host.name;
        const timed: TimedAction = {
          action: a,
          step: null,
          technique: null,
          procedure: null,
          verdict: "benign",
          host: host.name,
          timeUs: t,
        };
        heap.push(timed, seq++);
      }
      next[h] += Math.max(1000, Math.round(-Math.log(1 - o.rng.next()) * meanGapUs));
      h = earliest();
    }
  };
}
