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

/**
 * Where a burst writes its actions (one object reused for every burst): `add` gives each action the next
 * noise ID, the host, and a time after the previous action of the burst.
 */
interface Out {
  readonly rng: Rng;
  /** Burst number (unique process names). */
  n: number;
  /** "cifs/<fqdn>" of the burst's host, built once per host. */
  cifs: string;
  add(offsetUs: number, action: Action): void;
}
type Burst = (o: Out) => void;

// Factories: each kind gets one object shape, built complete (id and host last, filled by `add`).
const dns = (proc: string, name: string): Action => ({
  kind: "dns.query",
  proc,
  name,
  status: 0,
  id: "",
  host: "",
});
const connect = (proc: string, remote: string): Action => ({
  kind: "network.connect",
  proc,
  protocol: "tcp",
  remote,
  port: 443,
  initiated: true,
  id: "",
  host: "",
});
const create = (proc: string, parent: string, image: string, commandLine: string, user: string): Action => ({
  kind: "process.create",
  proc,
  parent,
  image,
  commandLine,
  user,
  id: "",
  host: "",
});
const load = (proc: string, image: string): Action => ({ kind: "image.load", proc, image, id: "", host: "" });
const terminate = (proc: string): Action => ({ kind: "process.terminate", proc, id: "", host: "" });
const fileCreate = (proc: string, path: string): Action => ({
  kind: "file.create",
  proc,
  path,
  id: "",
  host: "",
});
const regSet = (
  proc: string,
  key: string,
  value: string,
  type: "REG_SZ" | "REG_BINARY" | "REG_QWORD",
  data: string,
): Action => ({
  kind: "registry.value.set",
  proc,
  key,
  value,
  type,
  data,
  id: "",
  host: "",
});

/** The DLLs every new process maps first (Sysmon 7 when image-load logging is on). */
function startupLoads(proc: string, o: Out): void {
  let t = o.rng.int(300, 900);
  for (const image of startupDlls) o.add((t += o.rng.int(50, 400)), load(proc, image));
}

/** Prefetch file SysMain writes about ten seconds after a program starts. */
function prefetchPath(exe: string): string {
  return `C:\\Windows\\Prefetch\\${exe}-${stableHex(exe, 8).toUpperCase()}.pf`;
}

// Constant strings built once: equal strings from one object keep their hash for the world's map lookups.
const BTH_IMAGE = `${S32}\\backgroundTaskHost.exe`;
const BTH_COMMAND = `"${BTH_IMAGE}" -ServerName:BackgroundTaskHost.WebAccountBackgroundManagerTask`;
const BTH_PREFETCH = prefetchPath("BACKGROUNDTASKHOST.EXE");
const USO_IMAGE = `${S32}\\MoUsoCoreWorker.exe`;
const USO_COMMAND = `${S32}\\mousocoreworker.exe -Embedding`;
const MPCACHE_DIR = "C:\\ProgramData\\Microsoft\\Windows Defender\\Scans\\mpcache-";
/** Defender scan cache paths by (name, number), built on first use. */
const mpcachePaths: string[] = [];
function mpcachePath(name: number, k: number): string {
  const i = name * 100 + k;
  return (mpcachePaths[i] ??= `${MPCACHE_DIR}${mpcacheNames[name]}.bin.${String(k).padStart(2, "0")}`);
}
/** "@n<burst>": names are unique per burst. */
const procName = (n: number) => `@n${n}`;

/** Each burst adds its actions with offsets (µs) from the burst start. */
const workstationBursts: Burst[] = [
  (o) => {
    const name = o.rng.pick(browseHosts);
    o.add(0, dns("@msedge", name));
    o.add(o.rng.int(2_000, 30_000), connect("@msedge", name));
  },
  (o) => {
    const name = o.rng.pick(updateHosts);
    const svc = o.rng.pick(updateServices);
    o.add(0, dns(svc, name));
    o.add(o.rng.int(1_000, 20_000), connect(svc, name));
  },
  (o) => {
    const p = procName(o.n);
    const life = o.rng.int(400_000, 4_000_000);
    o.add(0, create(p, "@svchost:DcomLaunch", BTH_IMAGE, BTH_COMMAND, "@user"));
    startupLoads(p, o);
    o.add(life, terminate(p));
    o.add(
      life + o.rng.int(5_000_000, 10_000_000),
      fileCreate("@svchost:LocalSystemNetworkRestricted", BTH_PREFETCH),
    );
  },
  (o) => {
    const p = procName(o.n);
    o.add(0, create(p, "@svchost:UsoSvc", USO_IMAGE, USO_COMMAND, "@system"));
    startupLoads(p, o);
    o.add(
      o.rng.int(5_000, 50_000),
      regSet(p, regKeys[0][0], regKeys[0][1], "REG_SZ", "2026-03-02T08:00:00Z"),
    );
    o.add(o.rng.int(2_000_000, 9_000_000), terminate(p));
  },
  (o) => {
    const name = o.rng.int(0, 15);
    o.add(0, fileCreate("@msmpeng", mpcachePath(name, o.rng.int(1, 99))));
    o.add(
      o.rng.int(1_000, 40_000),
      regSet("@msmpeng", regKeys[1][0], regKeys[1][1], "REG_BINARY", o.rng.hex(16)),
    );
  },
  (o) => {
    o.add(
      0,
      regSet("@svchost:netsvcs", regKeys[2][0], regKeys[2][1], "REG_QWORD", String(o.rng.int(1, 1_000_000))),
    );
  },
];

const dcBursts: Burst[] = [
  (o) => {
    o.add(0, {
      kind: "kerberos.tgs",
      user: "@user",
      service: o.cifs,
      source: "@workstation",
      status: "0x0",
      encryption: "0x12",
      id: "",
      host: "",
    });
  },
  (o) => {
    o.add(0, {
      kind: "kerberos.tgt",
      user: o.rng.pick(tgtUsers),
      source: o.rng.pick(tgtSources),
      status: "0x0",
      encryption: "0x12",
      id: "",
      host: "",
    });
  },
  (o) => {
    const name = o.rng.pick(updateHosts);
    o.add(0, dns("@svchost:wuauserv", name));
    o.add(o.rng.int(1_000, 20_000), connect("@svchost:wuauserv", name));
  },
];

const serverBursts: Burst[] = [workstationBursts[1], workstationBursts[4], workstationBursts[5], dcBursts[2]];

/**
 * Binary min-heap on (timeUs, seq); the keys live in typed arrays beside the items so the sift loops
 * compare numbers without touching the (thousands of) pending objects. (timeUs, seq) is a strict order,
 * so the pop order does not depend on the heap's layout.
 */
class Heap {
  private items: Action[] = [];
  private times = new Float64Array(1024);
  private seqs = new Float64Array(1024);
  private n = 0;
  get size() {
    return this.n;
  }
  peekTime(): number {
    return this.n ? this.times[0] : Infinity;
  }
  push(p: Action, t: number, q: number): void {
    if (this.n === this.times.length) {
      const times = new Float64Array(this.n * 2);
      times.set(this.times);
      this.times = times;
      const seqs = new Float64Array(this.n * 2);
      seqs.set(this.seqs);
      this.seqs = seqs;
    }
    const { items, times, seqs } = this;
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
  pop(): Action | null {
    if (this.n === 0) return null;
    const { items, times, seqs } = this;
    const top = items[0];
    const n = --this.n;
    const last = items[n];
    const t = times[n];
    const q = seqs[n];
    items[n] = undefined as unknown as Action;
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

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Time-ordered benign actions over [startUs, endUs]: each call returns the next one, null when done.
 * A plain pull function rather than a generator: it is called once per action of long runs. A returned
 * item stays valid until the call after next (two result objects alternate).
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
  /** The host whose next burst comes first (only changes when that burst opens). */
  const earliest = () => {
    let h = 0;
    for (let i = 1; i < next.length; i++) if (next[i] < next[h]) h = i;
    return h;
  };
  let h = earliest();
  let hostName = "";
  // Burst start and the previous action's time: object fields, since doubles in closure variables are
  // boxed afresh on every write.
  const at = { start: 0, prev: 0 };
  const cifs = o.hosts.map((host) => `cifs/${host.fqdn}`);
  // Results are two slots used in turn (no object per action): the engine holds the action it runs and
  // one look-ahead, and keeps neither past the next call but one.
  const slot = (): Mutable<TimedAction> => ({
    action: undefined as unknown as Action,
    step: null,
    technique: null,
    procedure: null,
    verdict: "benign",
    host: "",
    timeUs: 0,
  });
  const slots = [slot(), slot()];
  let turn = 0;
  const out: Out = {
    rng: o.rng,
    n: 0,
    cifs: "",
    add(offsetUs, action) {
      const t = Math.max(at.prev + 1, at.start + offsetUs);
      at.prev = t;
      action.id = `noise:${seq}`;
      action.host = hostName;
      heap.push(action, t, seq++);
    },
  };
  return () => {
    for (;;) {
      // Open every burst that starts before the earliest pending action.
      if (next[h] > o.endUs || next[h] > heap.peekTime()) {
        const timeUs = heap.peekTime();
        const action = heap.pop();
        if (!action) return null;
        const r = slots[(turn ^= 1)];
        r.action = action;
        r.host = action.host!;
        r.timeUs = timeUs;
        return r;
      }
      hostName = o.hosts[h].name;
      const burst = o.rng.pick(burstsOf[h]);
      out.cifs = cifs[h];
      at.start = at.prev = next[h];
      burst(out);
      out.n++;
      next[h] += Math.max(1000, Math.round(-Math.log(1 - o.rng.next()) * meanGapUs));
      h = earliest();
    }
  };
}
