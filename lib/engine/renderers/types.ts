import type { ActionKind, ActionOf } from "../actions";
import type { EventTemplate, FieldValue } from "../event";
import type { Rng } from "../rng";
import type { World } from "../world/world";
import type { Host, ProcessInfo, ServiceInfo, Session, TaskInfo, User } from "../world/types";

/** Network endpoints of a `network.connect`, resolved by the executor. */
export interface ResolvedNet {
  readonly protocol: "tcp" | "udp";
  readonly initiated: boolean;
  readonly sourceIp: string;
  readonly sourceHostname: string;
  readonly sourcePort: number;
  readonly destinationIp: string;
  /** Name Sysmon prints (DNS name or host FQDN), "" when unknown (raw IP). */
  readonly destinationHostname: string;
  readonly destinationPort: number;
  /** Well-known port name Sysmon prints ("https", "microsoft-ds"), "" otherwise. */
  readonly destinationPortName: string;
}

/** Where a logon/share access/Kerberos request came from. */
export interface ResolvedSource {
  readonly host: Host | null;
  readonly ip: string;
  readonly port: number;
  /** Workstation name as 4624 prints it ("WS01" or "-"). */
  readonly workstation: string;
}

/** The directory object of a directory.access / directory.change. */
export interface ResolvedDirectoryObject {
  readonly dn: string;
  /** objectGUID, lowercase without braces. */
  readonly guid: string;
  readonly objectClass: string;
  /** The account when the object is a user or computer account. */
  readonly account: User | null;
  /** Multi-valued attributes changed so far in the run (lowercased name → values), after this change. */
  readonly values?: ReadonlyMap<string, readonly string[]>;
}

/**
 * An action after the executor applied it to the world: every reference resolved to world entities,
 * every engine-chosen value (PIDs, GUIDs, ports, DNS answers) fixed. Renderers only format this.
 * Slots not meaningful for a kind are null/undefined.
 */
export interface ResolvedAction<K extends ActionKind = ActionKind> {
  readonly action: ActionOf<K>;
  readonly host: Host;
  /** Microseconds since the Unix epoch at which the action happens. */
  readonly timeUs: number;
  /** The acting process; for process.create the NEW process (its parent is `actor.parent`). */
  readonly actor: ProcessInfo | null;
  /** Target process of process.access / thread.remote. */
  readonly target: ProcessInfo | null;
  /** Session the action concerns: new one for logon, ended one for logoff, else the actor's. */
  readonly session: Session | null;
  /** Account the action is about (logon user, created account, targetUser of explicit credentials). */
  readonly user: User | null;
  readonly net?: ResolvedNet;
  readonly source?: ResolvedSource;
  /** DNS answers (IPs) for dns.query. */
  readonly answers?: readonly string[];
  /** Registry key in Sysmon's HKU\SID form for registry actions; file path with casing for file ones. */
  readonly object?: string;
  /** Previous and new data for registry value sets, Sysmon's "Details" form ("DWORD (0x00000001)"). */
  readonly details?: string;
  /** File actions: when the file was created (µs since the Unix epoch), if it exists. */
  readonly createdUs?: number;
  readonly service?: ServiceInfo;
  readonly task?: TaskInfo;
  /** Target host of explicit credentials / lateral movement. */
  readonly targetHost?: Host | null;
  /** Group of group.member.add: name, SID, and whether it is a local (4732) or global (4728) group. */
  readonly group?: {
    readonly name: string;
    readonly sid: string;
    readonly domain: string;
    readonly local: boolean;
  };
  /** CallTrace for process.access, already formatted ("C:\\Windows\\SYSTEM32\\ntdll.dll+9d4c4|…"). */
  readonly callTrace?: string;
  readonly directory?: ResolvedDirectoryObject;
  /** A process the action started besides itself (task.run with `spawn`): rendered as its process.create. */
  readonly spawned?: ResolvedAction;
}

export interface EmitOptions {
  /** Delay after the action time, microseconds (≥ 0). Events of one action keep their emit order. */
  readonly offsetUs?: number;
  /** Security UserID of the System part; default: the template channel's writer default (see contract). */
  readonly userId?: string | null;
  readonly activityId?: string | null;
  /** Execution ProcessID/ThreadID; default: the host's writer for the channel. */
  readonly writer?: { readonly pid: number; readonly tid: number };
}

export interface RenderContext {
  readonly world: World;
  /** Seeded stream for this renderer on this run. */
  readonly rng: Rng;
  /** Writes one event on the action's host. Record ID, Computer, TimeCreated are filled by the engine. */
  emit(template: EventTemplate, data: FieldValue[], options?: EmitOptions): void;
  /** Same, on another host (lateral movement renders on the target too). */
  emitOn(host: Host, template: EventTemplate, data: FieldValue[], options?: EmitOptions): void;
}

/** One module per log source. Listed in renderers/registry.ts; no import side effects. */
export interface Renderer {
  readonly id: string;
  /** Channels it writes ("Microsoft-Windows-Sysmon/Operational"). */
  readonly channels: readonly string[];
  /** Action kinds it renders; the engine calls `render` only for those. */
  readonly handles: readonly ActionKind[];
  /** Every template it may emit (for golden tests and formats that pre-build fragments). */
  readonly templates: readonly EventTemplate[];
  render(resolved: ResolvedAction, context: RenderContext): void;
}
