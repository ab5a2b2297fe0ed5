import { hash32, Rng } from "../rng";
import type { EnvironmentSpec } from "../spec";
import { ImageCatalog } from "./catalog";
import { buildEstate, type Estate } from "./estate";
import { HostIds } from "./ids";
import type {
  Domain,
  Host,
  ImageInfo,
  Integrity,
  ProcessInfo,
  ServiceInfo,
  Session,
  TaskInfo,
  User,
} from "./types";

/** Mutable per-host state. */
export interface HostState {
  readonly host: Host;
  readonly ids: HostIds;
  readonly catalog: ImageCatalog;
  /** Live and ended processes by PID (latest holder of the PID). */
  readonly byPid: Map<number, ProcessInfo>;
  /** Named processes: "@explorer", plan names. */
  readonly named: Map<string, ProcessInfo>;
  readonly sessions: Map<number, Session>;
  readonly namedSessions: Map<string, Session>;
  /** Lowercased paths of files that exist → creation time (µs). */
  readonly files: Map<string, number>;
  /** Lowercased paths of copied binaries → the PE identity of the original (renamed utilities). */
  readonly copies: Map<string, ImageInfo>;
  /** Lowercased registry keys that exist (Sysmon form, HKU\SID\…). */
  readonly keys: Set<string>;
  readonly services: Map<string, ServiceInfo>;
  readonly tasks: Map<string, TaskInfo>;
  /** Execution ProcessID/ThreadID of the writer of each channel. */
  readonly writers: Map<string, { pid: number; tid: number }>;
  /** Next ephemeral port (49152-65535). */
  port: number;
  bootUs: number;
}

export interface NewProcess {
  readonly host: string;
  readonly name: string;
  readonly parent: ProcessInfo | null;
  readonly image: ImageInfo;
  readonly commandLine: string;
  readonly currentDirectory: string;
  readonly user: User;
  readonly session: Session;
  readonly integrity: Integrity;
  readonly tokenElevation: ProcessInfo["tokenElevation"];
  readonly startUs: number;
  /** Fixed PID (System = 4). */
  readonly pid?: number;
}

export interface NewSession {
  readonly host: string;
  readonly name: string;
  readonly user: User;
  readonly logonType: number;
  readonly elevated: boolean;
  readonly authPackage: string;
  readonly sourceIp: string;
  readonly sourcePort: number;
  readonly sourceHost: string;
  readonly startUs: number;
  readonly terminalSession: number;
  /** Fixed LogonId (0x3e7 SYSTEM, 0x3e4 NETWORK SERVICE, 0x3e5 LOCAL SERVICE). */
  readonly logonId?: number;
  readonly outbound?: User;
  readonly caller?: Session;
  readonly subject?: { readonly sam: string; readonly domain: string };
}

export class World {
  readonly domain: Domain;
  readonly estate: Estate;
  readonly hosts: readonly Host[];
  private readonly states = new Map<string, HostState>();
  private readonly catalogs = new Map<string, ImageCatalog>();
  private readonly hostRefs = new Map<string, Host | undefined>();
  /** DNS name → answers, stable per world. */
  private readonly dns = new Map<string, string[]>();

  constructor(
    env: EnvironmentSpec,
    readonly rng: Rng,
  ) {
    this.estate = buildEstate(env, rng.fork("estate"));
    this.domain = this.estate.domain;
    this.hosts = this.estate.hosts;
    for (const host of this.hosts) {
      let catalog = this.catalogs.get(host.os.version);
      if (!catalog) this.catalogs.set(host.os.version, (catalog = new ImageCatalog(host.os)));
      this.states.set(host.name, {
        host,
        ids: new HostIds(host, rng.fork(`ids:${host.name}`)),
        catalog,
        byPid: new Map(),
        named: new Map(),
        sessions: new Map(),
        namedSessions: new Map(),
        files: new Map(),
        copies: new Map(),
        keys: new Set(),
        services: new Map(),
        tasks: new Map(),
        writers: new Map(),
        port: 49152 + rng.int(0, 8000),
        bootUs: 0,
      });
    }
  }

  state(host: string): HostState {
    // Consecutive calls mostly ask for the same host: a one-entry cache before the map.
    if (host === this.lastStateHost) return this.lastState!;
    const s = this.states.get(host);
    if (!s) throw new Error(`unknown host ${host}`);
    this.lastStateHost = host;
    this.lastState = s;
    return s;
  }
  private lastStateHost = "";
  private lastState: HostState | null = null;

  /** Host by name (case-insensitive), FQDN, IP, or role reference ("@workstation", "@workstation2", "@server", "@dc"). */
  hostByRef(ref: string): Host | undefined {
    // The engine and the executor resolve the same reference back to back.
    if (ref === this.lastRef) return this.lastRefHost;
    const cached = this.hostRefs.get(ref);
    if (cached !== undefined) {
      this.lastRef = ref;
      this.lastRefHost = cached;
      return cached;
    }
    if (this.hostRefs.has(ref)) return undefined;
    const found = this.findHost(ref);
    this.hostRefs.set(ref, found);
    return found;
  }

  private lastRef = "";
  private lastRefHost: Host | undefined = undefined;

  private findHost(ref: string): Host | undefined {
    const r = ref.trim();
    if (r.startsWith("@")) {
      const m = /^@(workstation|server|dc)(\d*)$/i.exec(r);
      if (!m) return undefined;
      const nth = m[2] ? Number(m[2]) - 1 : 0;
      return this.hosts.filter((h) => h.role === m[1].toLowerCase())[nth];
    }
    const up = r.toUpperCase();
    return this.hosts.find((h) => h.name === up || h.fqdn.toUpperCase() === up || h.ip === r);
  }

  /** Multi-valued directory attributes changed during the run: lowercased DN → attribute (lowercased) → values. */
  readonly directory = new Map<string, Map<string, string[]>>();

  get dc(): Host | undefined {
    return this.hosts.find((h) => h.role === "dc");
  }

  /** User by reference; local accounts are looked up on `host`. */
  userByRef(ref: string, host?: Host): User | undefined {
    const e = this.estate;
    switch (ref.toLowerCase()) {
      case "@user":
        return e.interactive;
      case "@admin":
        return e.admin;
      case "@system":
        return e.system;
      case "@localservice":
        return e.localService;
      case "@networkservice":
        return e.networkService;
    }
    const [dom, sam] = ref.includes("\\") ? ref.split("\\", 2) : [null, ref];
    const lower = sam.toLowerCase();
    const candidates = e.users.filter((u) => u.sam.toLowerCase() === lower);
    if (dom) return candidates.find((u) => u.domain.toLowerCase() === dom.toLowerCase());
    return (
      candidates.find((u) => u.kind === "domain") ??
      candidates.find((u) => u.host === host?.name) ??
      candidates[0]
    );
  }

  addUser(user: User): void {
    this.estate.users.push(user);
  }

  catalog(host: Host): ImageCatalog {
    return this.state(host.name).catalog;
  }

  /** Process by reference on a host: plan name or "@role"; only live processes unless `includeEnded`. */
  proc(host: Host, ref: string, includeEnded = false): ProcessInfo | undefined {
    const p = this.state(host.name).named.get(ref);
    if (!p) return undefined;
    return includeEnded || p.endUs === null ? p : undefined;
  }

  processByPid(host: Host, pid: number): ProcessInfo | undefined {
    return this.state(host.name).byPid.get(pid);
  }

  createProcess(spec: NewProcess): ProcessInfo {
    const st = this.state(spec.host);
    const pid = spec.pid !== undefined ? st.ids.reserve(spec.pid) : st.ids.allocate();
    const threadId = st.ids.allocate();
    const p: ProcessInfo = {
      host: spec.host,
      pid,
      guid: st.ids.processGuid(spec.startUs),
      image: spec.image,
      commandLine: spec.commandLine,
      currentDirectory: spec.currentDirectory,
      user: spec.user,
      session: spec.session,
      integrity: spec.integrity,
      parent: spec.parent,
      startUs: spec.startUs,
      endUs: null,
      name: spec.name,
      tokenElevation: spec.tokenElevation,
      threadId,
    };
    st.byPid.set(pid, p);
    st.named.set(spec.name, p);
    return p;
  }

  terminate(p: ProcessInfo, us: number): void {
    if (p.endUs !== null) return;
    p.endUs = us;
    const st = this.state(p.host);
    st.ids.release(p.pid);
    st.ids.release(p.threadId);
    // Background processes get unique names: forget them once they exit so long runs stay bounded.
    if (/^@n\d+$/.test(p.name) && st.named.get(p.name) === p) st.named.delete(p.name);
  }

  createSession(spec: NewSession): Session {
    const st = this.state(spec.host);
    const logonId = spec.logonId ?? st.ids.logonId();
    const s: Session = {
      name: spec.name,
      host: spec.host,
      user: spec.user,
      logonId,
      logonIdHex: `0x${logonId.toString(16)}`,
      logonGuid: st.ids.logonGuid(logonId, spec.startUs),
      kerberosGuid:
        spec.authPackage === "Kerberos" && spec.logonType !== 5 && spec.logonId === undefined
          ? this.rng.guid()
          : "00000000-0000-0000-0000-000000000000",
      logonType: spec.logonType,
      linked: null,
      elevated: spec.elevated,
      authPackage: spec.authPackage,
      sourceIp: spec.sourceIp,
      sourcePort: spec.sourcePort,
      sourceHost: spec.sourceHost,
      startUs: spec.startUs,
      endUs: null,
      terminalSession: spec.terminalSession,
      ...(spec.outbound ? { outbound: spec.outbound, caller: spec.caller } : {}),
      ...(spec.subject ? { subject: spec.subject } : {}),
    };
    st.sessions.set(logonId, s);
    st.namedSessions.set(spec.name, s);
    return s;
  }

  session(host: Host, ref: string): Session | undefined {
    return this.state(host.name).namedSessions.get(ref);
  }

  sessionById(host: Host, logonId: number): Session | undefined {
    return this.state(host.name).sessions.get(logonId);
  }

  endSession(s: Session, us: number): void {
    if (s.endUs === null) s.endUs = us;
  }

  /** Ephemeral source port on a host (Windows' dynamic range 49152-65535). */
  ephemeralPort(host: Host): number {
    const st = this.state(host.name);
    st.port += this.rng.int(1, 9);
    if (st.port > 65535) st.port = 49152 + this.rng.int(0, 50);
    return st.port;
  }

  /** Stable answers for a DNS name: estate hosts resolve to their IPs; others to seeded public addresses. */
  resolve(name: string): string[] {
    // Fast path: names already in normal form (lowercase, no trailing dot) are the map's keys.
    const direct = this.dns.get(name);
    if (direct) return direct;
    const key = name.toLowerCase().replace(/\.$/, "");
    const known = this.dns.get(key);
    if (known) return known;
    const host = this.hosts.find((h) => h.fqdn.toLowerCase() === key || h.name.toLowerCase() === key);
    let answers: string[];
    if (host) answers = [host.ip];
    else {
      const r = new Rng(hash32(key), this.domain.sid.length);
      const first = r.pick([13, 20, 23, 40, 52, 104, 142, 151, 172, 185, 193, 203]);
      answers = [`${first}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`];
    }
    this.dns.set(key, answers);
    return answers;
  }

  /** Pins answers (from a dns.query action) so later connections agree with them. */
  setAnswers(name: string, answers: string[]): void {
    // Most queries re-pin what resolve() just returned under the same (normal-form) name.
    if (this.dns.get(name) === answers) return;
    this.dns.set(name.toLowerCase().replace(/\.$/, ""), answers);
  }

  /** The DNS name that resolved to `ip`, if any query or host did. */
  nameForIp(ip: string): string | undefined {
    const host = this.hosts.find((h) => h.ip === ip);
    if (host) return host.fqdn;
    for (const [name, answers] of this.dns) if (answers.includes(ip)) return name;
    return undefined;
  }

  writer(host: Host, channel: string): { pid: number; tid: number } {
    const st = this.state(host.name);
    return st.writers.get(channel) ?? st.writers.get("*")!;
  }

  /** The account name as Sysmon prints it: "CORP\\alice", "NT AUTHORITY\\SYSTEM". */
  static accountName(user: User): string {
    return `${user.domain}\\${user.sam}`;
  }
}
