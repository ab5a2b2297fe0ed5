import type { ActionInput } from "@/lib/engine/actions";
import { concretePath, type WinEnv } from "./env";

/** What one command became: the process it started and its effects, or why it was not mapped. */
export interface CommandNote {
  readonly command: string;
  image?: string;
  readonly effects: string[];
  /** Set when (part of) the command could not be turned into actions. */
  unmapped?: string;
}

type NewAction = ActionInput extends infer A ? (A extends ActionInput ? Omit<A, "id"> : never) : never;

/**
 * Accumulates a plan (plain action JSON) while commands are mapped, and tracks what exists so the plan
 * stays coherent: files deleted once, tasks run only if created, DNS answered before a connection.
 */
export class PlanBuilder {
  readonly actions: ActionInput[] = [];
  readonly notes: CommandNote[] = [];
  private readonly used = new Map<string, number>();
  private readonly created = new Set<string>();
  private readonly deleted = new Set<string>();
  private readonly keysDeleted = new Set<string>();
  readonly tasks = new Set<string>();
  readonly users = new Set<string>();
  readonly services = new Set<string>();
  /** PowerShell string variables assigned so far ($name → value). */
  readonly psVars = new Map<string, string>();

  constructor(
    readonly env: WinEnv,
    readonly prefix = "",
  ) {}

  /** A plan-unique name: "reg", "reg-2", … */
  unique(base: string): string {
    const clean = `${this.prefix}${
      base
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, "") || "a"
    }`;
    const n = (this.used.get(clean) ?? 0) + 1;
    this.used.set(clean, n);
    return n === 1 ? clean : `${clean}-${n}`;
  }

  add(action: NewAction, base: string = action.kind): string {
    const id = this.unique(base);
    this.actions.push({ ...action, id } as ActionInput);
    return id;
  }

  note(command: string, image?: string): CommandNote {
    const n: CommandNote = { command, image, effects: [] };
    this.notes.push(n);
    return n;
  }

  spawn(
    parent: string,
    image: string,
    commandLine: string,
    extra: { elevated?: boolean; user?: string; currentDirectory?: string } = {},
  ): string {
    const base = image.replace(/^.*\\/, "").replace(/\.[a-z]+$/i, "");
    const proc = this.unique(base);
    this.used.set(`#${proc}`, 1);
    this.actions.push({ id: proc, kind: "process.create", proc, parent, image, commandLine, ...extra });
    return proc;
  }

  exit(proc: string): void {
    this.add({ kind: "process.terminate", proc }, `${proc}-exit`);
  }

  fileCreate(proc: string, path: string, note?: CommandNote): boolean {
    if (!concretePath(path)) {
      if (note) note.unmapped = appendReason(note.unmapped, `file path not concrete: ${path}`);
      return false;
    }
    const k = path.toLowerCase();
    if (this.deleted.has(k) && !this.created.has(k)) {
      // Deleting a pre-existing file and then writing it reads as "deleted before created": drop the delete.
      const i = this.actions.findIndex((a) => a.kind === "file.delete" && a.path.toLowerCase() === k);
      if (i >= 0) this.actions.splice(i, 1);
    }
    this.deleted.delete(k);
    this.created.add(k);
    this.add({ kind: "file.create", proc, path });
    note?.effects.push(`file.create ${path}`);
    return true;
  }

  fileDelete(proc: string, path: string, note?: CommandNote): void {
    if (!concretePath(path)) {
      if (note) note.unmapped = appendReason(note.unmapped, `file path not concrete: ${path}`);
      return;
    }
    const k = path.toLowerCase();
    if (this.deleted.has(k)) return;
    this.deleted.add(k);
    this.created.delete(k);
    this.add({ kind: "file.delete", proc, path });
    note?.effects.push(`file.delete ${path}`);
  }

  fileRead(proc: string, path: string, note?: CommandNote): void {
    if (!concretePath(path) || this.deleted.has(path.toLowerCase())) return;
    this.add({ kind: "file.read", proc, path });
    note?.effects.push(`file.read ${path}`);
  }

  /** Registry writes under a key deleted earlier in the plan re-create the key first. */
  registry(action: NewAction & { key: string }, note?: CommandNote): void {
    const key = action.key.toLowerCase();
    const dead = [...this.keysDeleted].some((d) => key === d || key.startsWith(`${d}\\`));
    if (action.kind === "registry.key.delete") {
      if (dead) return;
      this.keysDeleted.add(key);
    } else if (dead) {
      if (action.kind !== "registry.value.set" && action.kind !== "registry.key.create") return;
      for (const d of [...this.keysDeleted])
        if (key === d || key.startsWith(`${d}\\`)) this.keysDeleted.delete(d);
      if (action.kind === "registry.value.set")
        this.add({ kind: "registry.key.create", proc: action.proc, key: action.key });
    }
    this.add(action);
    note?.effects.push(`${action.kind} ${action.key}${"value" in action ? `\\${action.value}` : ""}`);
  }

  /** DNS (for names) + TCP connection, as a download or C2 client does. */
  connect(proc: string, host: string, port: number, note?: CommandNote): void {
    const ip = /^\d{1,3}(\.\d{1,3}){3}$/.test(host);
    if (!ip) this.add({ kind: "dns.query", proc, name: host });
    this.add({ kind: "network.connect", proc, remote: host, port });
    note?.effects.push(`${ip ? "" : `dns ${host} + `}connect ${host}:${port}`);
  }

  /** A download: connection to the URL's host, then the file written (when the output path is known). */
  download(proc: string, url: string, out: string | undefined, note?: CommandNote): void {
    const u =
      parseUrl(url) ?? (/^[a-z0-9.-]+\.[a-z]{2,}(\/|$)/i.test(url) ? parseUrl(`http://${url}`) : null);
    if (!u) {
      if (note) note.unmapped = appendReason(note.unmapped, `URL not understood: ${url}`);
      return;
    }
    if (!/^(localhost|127\.\d+\.\d+\.\d+)$/i.test(u.host)) this.connect(proc, u.host, u.port, note);
    if (out) this.fileCreate(proc, out, note);
  }
}

export function appendReason(prev: string | undefined, reason: string): string {
  return prev ? `${prev}; ${reason}` : reason;
}

export function parseUrl(url: string): { host: string; port: number; path: string } | null {
  const m = /^(https?|ftp):\/\/(?:[^@/\s]+@)?(\[[^\]]+\]|[^:/\s?#]+)(?::(\d+))?([^\s]*)$/i.exec(url.trim());
  if (!m) return null;
  const host = m[2].toLowerCase();
  if (!/^[a-z0-9.-]+$/.test(host) || !/[a-z0-9]$/.test(host)) return null;
  const port = m[3]
    ? Number(m[3])
    : m[1].toLowerCase() === "http"
      ? 80
      : m[1].toLowerCase() === "ftp"
        ? 21
        : 443;
  if (port < 1 || port > 65535) return null;
  return { host, port, path: m[4] || "/" };
}
