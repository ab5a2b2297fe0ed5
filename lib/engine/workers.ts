/**
 * Programs that hand their work to a second process, as Windows does: for most sub-commands net.exe relaunches
 * `C:\Windows\system32\net1  <arguments>` (two spaces) and waits for it. Plans name the front end; the engine
 * adds the worker, so the process tree is the one Sysmon 1 and Security 4688 show, and the worker does the
 * work (its DNS queries, connections and account changes are attributed to it).
 */

type Raw = Record<string, unknown>;

const NET1_SUBCOMMANDS = new Set([
  "accounts",
  "computer",
  "config",
  "continue",
  "file",
  "group",
  "localgroup",
  "pause",
  "session",
  "share",
  "start",
  "statistics",
  "stop",
  "time",
  "use",
  "user",
]);

const isObject = (v: unknown): v is Raw => typeof v === "object" && v !== null && !Array.isArray(v);

/** The arguments after the program token of a command line (quoted or bare). */
export function argumentsOf(commandLine: string): string {
  const s = commandLine.trimStart();
  if (s.startsWith('"')) {
    const end = s.indexOf('"', 1);
    return end < 0 ? "" : s.slice(end + 1).trimStart();
  }
  const space = s.search(/\s/);
  return space < 0 ? "" : s.slice(space).trimStart();
}

/** net1's command line for a net.exe process, or null when net.exe does the work itself. */
export function net1CommandLine(image: string, commandLine: string): string | null {
  if (!/(^|\\)net\.exe$/i.test(image)) return null;
  const args = argumentsOf(commandLine);
  const sub = args.split(/\s/, 1)[0].toLowerCase();
  if (!NET1_SUBCOMMANDS.has(sub)) return null;
  const dir = /\\syswow64\\/i.test(image) ? "C:\\Windows\\SysWOW64" : "C:\\Windows\\system32";
  return `${dir}\\net1  ${args}`;
}

/**
 * Adds the worker processes to a raw plan (before it is checked): each net.exe `process.create` that forwards
 * to net1 gets its net1.exe child and exit; the front end's later per-process actions move to the worker, and
 * the front end exits after it. A plan that already names the worker (a child net1.exe) is left alone.
 */
export function addWorkers(plan: readonly unknown[]): unknown[] {
  const fronts = new Map<string, { create: Raw; net1: string }>();
  for (const a of plan) {
    if (!isObject(a) || a.kind !== "process.create") continue;
    if (typeof a.image !== "string" || typeof a.commandLine !== "string" || typeof a.proc !== "string")
      continue;
    const net1 = net1CommandLine(a.image, a.commandLine);
    if (net1) fronts.set(a.proc, { create: a, net1 });
  }
  for (const a of plan)
    if (
      isObject(a) &&
      a.kind === "process.create" &&
      typeof a.parent === "string" &&
      fronts.has(a.parent) &&
      /(^|\\)net1\.exe$/i.test(String(a.image))
    )
      fronts.delete(a.parent);
  if (fronts.size === 0) return plan.slice();

  const workerOf = (proc: string) => `${proc}~net1`;
  const exits = new Map<string, Raw>();
  const out: unknown[] = [];
  for (const a of plan) {
    if (!isObject(a)) {
      out.push(a);
      continue;
    }
    const front = typeof a.proc === "string" ? fronts.get(a.proc) : undefined;
    if (!front) {
      out.push(a);
      continue;
    }
    const c = front.create;
    const worker = workerOf(c.proc as string);
    const exitId = `${String(c.id)}~net1-exit`;
    if (a === c) {
      const create: Raw = {
        id: `${String(c.id)}~net1`,
        kind: "process.create",
        proc: worker,
        parent: c.proc,
        image: front.net1.startsWith("C:\\Windows\\SysWOW64")
          ? "C:\\Windows\\SysWOW64\\net1.exe"
          : "C:\\Windows\\System32\\net1.exe",
        commandLine: front.net1,
        after: [c.id],
      };
      if (c.host !== undefined) create.host = c.host;
      if (c.verdict !== undefined) create.verdict = c.verdict;
      const exit: Raw = { id: exitId, kind: "process.terminate", proc: worker, after: [create.id] };
      if (c.host !== undefined) exit.host = c.host;
      if (c.verdict !== undefined) exit.verdict = c.verdict;
      exits.set(c.proc as string, exit);
      out.push(a, create);
      continue;
    }
    if (a.kind === "process.terminate") {
      // The front end waits for its worker.
      out.push(exits.get(c.proc as string), { ...a, after: [...((a.after as string[]) ?? []), exitId] });
      exits.delete(c.proc as string);
      continue;
    }
    // The worker does the work: it runs after the worker starts, and the worker exits after it.
    const moved = { ...a, proc: worker, after: [...((a.after as string[]) ?? []), `${String(c.id)}~net1`] };
    const exit = exits.get(c.proc as string);
    if (exit) exit.after = [...(exit.after as string[]), String(a.id)];
    out.push(moved);
  }
  // Fronts the plan leaves running: their workers still exit.
  for (const exit of exits.values()) out.push(exit);
  return out;
}
