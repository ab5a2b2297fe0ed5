import type { ActionInput } from "@/lib/engine/actions";
import type { Procedure, ProcedureContext } from "@/lib/engine/procedure";
import { CMD, CONHOST, encodePowerShell, POWERSHELL } from "../curated/common";
import { defenderEffects } from "./defender";
import { bindVars, fill, fillDeep, scopeFor, type Scope } from "./template";
import type { Run, TechniqueEntry, Variant } from "./types";

const S32 = "C:\\Windows\\System32";
const NETFX = "C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319";
/** Programs a bare name starts from outside System32 (the Windows folder, WBEM, the .NET Framework). */
const special: Record<string, string> = {
  "powershell.exe": POWERSHELL,
  "pwsh.exe": "C:\\Program Files\\PowerShell\\7\\pwsh.exe",
  "wmic.exe": `${S32}\\wbem\\WMIC.exe`,
  "mofcomp.exe": `${S32}\\wbem\\mofcomp.exe`,
  "winrm.cmd": `${S32}\\winrm.cmd`,
  ...Object.fromEntries(
    ["hh.exe", "regedit.exe", "explorer.exe", "splwow64.exe", "HelpPane.exe", "write.exe", "bfsvc.exe"].map(
      (n) => [n.toLowerCase(), `C:\\Windows\\${n}`],
    ),
  ),
  ...Object.fromEntries(
    [
      "InstallUtil.exe",
      "RegAsm.exe",
      "RegSvcs.exe",
      "MSBuild.exe",
      "csc.exe",
      "vbc.exe",
      "jsc.exe",
      "ilasm.exe",
      "AddInProcess.exe",
      "aspnet_compiler.exe",
    ].map((n) => [n.toLowerCase(), `${NETFX}\\${n}`]),
  ),
};

/** A procedure built from a table row, with what it needs to run. */
export interface LibraryProcedure extends Procedure {
  readonly prerequisites: readonly string[];
}

/** The image a command line starts: its first token, bare names in System32, %VARS% expanded. */
export function imageOf(commandLine: string, scope: Scope): string {
  const t = commandLine.trimStart();
  let first = t.startsWith('"') ? t.slice(1, t.indexOf('"', 1)) : t.split(/\s+/)[0];
  first = first.replace(/%(\w+)%/g, (w, v: string) => {
    const k = v.toLowerCase();
    if (k === "temp" || k === "tmp") return scope.get("tmp") ?? w;
    if (k === "appdata") return scope.get("appdata") ?? w;
    if (k === "localappdata") return scope.get("local") ?? w;
    if (k === "userprofile") return scope.get("home") ?? w;
    if (k === "public") return "C:\\Users\\Public";
    if (k === "programdata") return "C:\\ProgramData";
    if (k === "windir" || k === "systemroot") return "C:\\Windows";
    return w;
  });
  if (first.includes("\\")) return first;
  const name = /\.\w{2,4}$/.test(first) ? first : `${first}.exe`;
  return special[name.toLowerCase()] ?? `${S32}\\${name}`;
}

/** `powershell.exe -Command` line for a script, inner double quotes escaped as cmd passes them. */
export function oneLiner(script: string): string {
  return `powershell.exe -NoProfile -ExecutionPolicy Bypass -Command "${script.replace(/"/g, '\\"')}"`;
}

const isPowerShell = (image: string) => /\\(powershell|pwsh)\.exe$/i.test(image);

/** The script a powershell.exe command line runs (-Command text or decoded -EncodedCommand), if any. */
export function scriptOf(commandLine: string): string | null {
  const enc = /\s-(?:e|ec|en|enc|enco|encodedcommand)\s+([A-Za-z0-9+/=]{8,})/i.exec(commandLine);
  if (enc) {
    const bin = atob(enc[1]);
    let s = "";
    for (let i = 0; i + 1 < bin.length; i += 2)
      s += String.fromCharCode(bin.charCodeAt(i) | (bin.charCodeAt(i + 1) << 8));
    return s;
  }
  const cmd = /\s-(?:c|command)\s+(.+)$/is.exec(commandLine);
  if (!cmd) return null;
  let s = cmd[1].trim();
  if (s.startsWith("&")) s = s.slice(1).trim();
  if ((s.startsWith('"') && s.endsWith('"')) || (s.startsWith("'") && s.endsWith("'"))) s = s.slice(1, -1);
  return s.replace(/\\"/g, '"').trim() || null;
}

/** Kinds without an acting process (the engine picks lsass, services, the DC …). */
const noActor = new Set([
  "logon",
  "logon.failure",
  "logoff",
  "kerberos.tgt",
  "kerberos.tgs",
  "share.access",
  "service.state",
  "task.run",
  "driver.load",
  "privileges.special",
  "directory.access",
  "directory.change",
  "device.connect",
  "defender.config",
]);

const isHostRef = (r: string) => r.startsWith("@") || /^\d{1,3}(\.\d{1,3}){3}$/.test(r);

/** Expands one variant into plain action JSON. */
export function buildVariant(variant: Variant, ctx: ProcedureContext): ActionInput[] {
  const rng = ctx.rng.fork(variant.name);
  const scope = scopeFor(ctx, rng);
  bindVars(variant.vars, scope, rng);
  const f = (s: string) => fill(s, scope, rng);
  const out: ActionInput[] = [];
  const shell = variant.shell ?? "cmd";
  const ended: string[] = [];
  const runs: Run[] = variant.runs.map((r) => (typeof r === "string" ? { cmd: r } : r));
  const names = runs.map((r, i) => r.as ?? `r${i + 1}`);
  const usedLater = (i: number) =>
    runs
      .slice(i + 1)
      .some((r, j) => r.parent === names[i] || r.by === names[i] || (r.parent === "prev" && j === 0));
  const hostOfRun = new Map<string, string | undefined>();

  if (shell !== "none") {
    const image = shell === "cmd" ? CMD : POWERSHELL;
    const commandLine = variant.shellCmd ? f(variant.shellCmd) : `"${image}" `;
    out.push({
      id: "sh",
      kind: "process.create",
      proc: "sh",
      parent: variant.shellParent ?? "@explorer",
      image,
      commandLine,
      ...(variant.elevated ? { elevated: true } : {}),
      ...(variant.user ? { user: variant.user } : {}),
    });
    out.push({
      id: "sh-con",
      kind: "process.create",
      proc: "sh-con",
      parent: "sh",
      image: CONHOST,
      commandLine: "\\??\\C:\\Windows\\system32\\conhost.exe 0x4",
    });
    if (shell === "ps" && variant.shellCmd) {
      const script = scriptOf(commandLine);
      if (script) out.push({ id: "sh-sb", kind: "powershell.scriptblock", proc: "sh", script, delayMs: 300 });
    }
  }

  runs.forEach((raw, i) => {
    // Outside an interactive PowerShell, a PowerShell line is a powershell.exe one-liner (as typed in cmd or run by an implant).
    const encoded = raw.encode && raw.ps && !raw.cmd;
    const run: Run = encoded
      ? {
          ...raw,
          cmd: `powershell.exe -NoP -NonI -W Hidden -Enc ${encodePowerShell(fill(raw.ps!, scope, rng))}`,
          ps: undefined,
        }
      : raw.ps && !raw.cmd && (!raw.by || raw.by === "sh") && shell !== "ps"
        ? { ...raw, cmd: oneLiner(raw.ps), ps: undefined, by: undefined }
        : raw;
    const name = names[i];
    const id = (k: string) => `${name}-${k}`;
    const host = run.host ? f(run.host) : undefined;
    const on = host ? { host } : {};
    let actor: string;
    let created = false;
    if (run.cmd) {
      const commandLine = f(run.cmd);
      const image = run.image ? f(run.image) : imageOf(commandLine, scope);
      const parent =
        run.parent === "prev"
          ? names[i - 1]
          : run.parent === "shell" || !run.parent
            ? shell === "none"
              ? "@explorer"
              : "sh"
            : run.parent;
      const typed = parent === "sh" && shell !== "none" && !variant.shellCmd;
      const delay = run.delay ?? (typed ? rng.int(2500, 12000) : undefined);
      out.push({
        id: id("p"),
        kind: "process.create",
        proc: name,
        parent,
        image,
        commandLine,
        ...on,
        ...(run.copyOf ? { copyOf: f(run.copyOf) } : {}),
        ...(run.cwd ? { currentDirectory: f(run.cwd) } : {}),
        ...(run.user ? { user: run.user } : {}),
        ...(run.elevated ? { elevated: true } : {}),
        ...(delay !== undefined ? { delayMs: delay } : {}),
      });
      actor = name;
      created = true;
      hostOfRun.set(name, host);
      const script = run.ps ? f(run.ps) : isPowerShell(image) ? scriptOf(commandLine) : null;
      if (script)
        out.push({
          id: id("sb"),
          kind: "powershell.scriptblock",
          proc: name,
          script,
          ...on,
          delayMs: rng.int(300, 900),
        });
    } else {
      actor = run.by ?? (shell === "none" ? "@explorer" : "sh");
      const actorHost = host ?? hostOfRun.get(actor);
      if (actorHost) Object.assign(on, { host: actorHost });
      if (run.ps)
        out.push({
          id: id("sb"),
          kind: "powershell.scriptblock",
          proc: actor,
          script: f(run.ps),
          ...on,
          delayMs: run.delay ?? rng.int(2500, 12000),
        });
    }
    const p = { proc: actor, ...on };
    run.loads?.forEach((img, k) => out.push({ id: id(`load${k}`), kind: "image.load", ...p, image: f(img) }));
    run.reads?.forEach((path, k) => out.push({ id: id(`read${k}`), kind: "file.read", ...p, path: f(path) }));
    // A run's files are most often what it downloads: the lookup and the connection come first.
    run.dns?.forEach((name, k) => out.push({ id: id(`dns${k}`), kind: "dns.query", ...p, name: f(name) }));
    run.net?.forEach(([remote, port], k) => {
      const r = f(remote);
      if (!isHostRef(r)) out.push({ id: id(`q${k}`), kind: "dns.query", ...p, name: r });
      out.push({
        id: id(`net${k}`),
        kind: "network.connect",
        ...p,
        protocol: port === 53 || port === 123 ? "udp" : "tcp",
        remote: r,
        port,
      });
    });
    run.files?.forEach((path, k) =>
      out.push({ id: id(`file${k}`), kind: "file.create", ...p, path: f(path) }),
    );
    run.copies?.forEach(([from, to], k) =>
      out.push({ id: id(`copy${k}`), kind: "file.create", ...p, path: f(to), copyOf: f(from) }),
    );
    run.streams?.forEach(([path, stream], k) =>
      out.push({ id: id(`ads${k}`), kind: "file.stream", ...p, path: f(path), stream: f(stream) }),
    );
    run.regKeys?.forEach((key, k) =>
      out.push({ id: id(`key${k}`), kind: "registry.key.create", ...p, key: f(key) }),
    );
    run.reg?.forEach(([key, value, data, type], k) =>
      out.push({
        id: id(`reg${k}`),
        kind: "registry.value.set",
        ...p,
        key: f(key),
        value: f(value),
        data: f(data),
        ...(type ? { type } : {}),
      }),
    );
    run.regDel?.forEach(([key, value], k) =>
      out.push({ id: id(`regdel${k}`), kind: "registry.value.delete", ...p, key: f(key), value: f(value) }),
    );
    out.push(...defenderEffects(run, on, id, f));
    run.pipes?.forEach((pipe, k) =>
      out.push({ id: id(`pipe${k}`), kind: "pipe.create", ...p, pipe: f(pipe) }),
    );
    run.pipeConnects?.forEach((pipe, k) =>
      out.push({ id: id(`pipec${k}`), kind: "pipe.connect", ...p, pipe: f(pipe) }),
    );
    if (run.access) {
      const [target, mask, ...trace] = run.access;
      out.push({
        id: id("access"),
        kind: "process.access",
        ...p,
        target,
        grantedAccess: mask,
        ...(trace.length ? { callTrace: trace } : {}),
      });
    }
    if (run.thread) out.push({ id: id("thread"), kind: "thread.remote", ...p, target: run.thread });
    run.then?.forEach((a, k) => {
      const filled = fillDeep({ ...a }, scope, rng);
      // A type 9 logon (runas /netonly, pth) is asked for by the run's process: it is the 4624's subject.
      const newCredentials = a.kind === "logon" && a.logonType === 9;
      const actorless = (noActor.has(a.kind) && !newCredentials) || ("proc" in a && a.proc !== undefined);
      out.push({ ...(actorless ? on : p), ...filled, id: id(`x${k}-${a.id}`) } as ActionInput);
    });
    deleteEffects(run, p, id, f, out);
    if (created && !run.keep) {
      if (usedLater(i)) ended.push(name);
      else
        out.push({
          id: id("exit"),
          kind: "process.terminate",
          proc: name,
          ...on,
          delayMs: rng.int(60, 1500),
        });
    }
  });
  for (const name of ended.reverse())
    out.push({
      id: `${name}-end`,
      kind: "process.terminate",
      proc: name,
      ...(hostOfRun.get(name) ? { host: hostOfRun.get(name) } : {}),
    });
  if (shell !== "none") {
    out.push({ id: "sh-exit", kind: "process.terminate", proc: "sh", delayMs: rng.int(2000, 9000) });
    out.push({ id: "sh-con-exit", kind: "process.terminate", proc: "sh-con" });
  }
  return out;
}

function deleteEffects(
  run: Run,
  p: { proc: string },
  id: (k: string) => string,
  f: (s: string) => string,
  out: ActionInput[],
) {
  run.deletes?.forEach((path, k) =>
    out.push({ id: id(`del${k}`), kind: "file.delete", ...p, path: f(path) }),
  );
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

function prerequisitesOf(entry: TechniqueEntry): string[] {
  const needs = new Set(entry.needs ?? []);
  for (const v of entry.variants) {
    if (v.elevated) needs.add(`elevated (administrator) session [${v.name}]`);
    for (const n of v.needs ?? []) needs.add(`${n} [${v.name}]`);
    const runs = v.runs.map((r) => (typeof r === "string" ? { cmd: r } : r));
    if (runs.some((r) => r.host && r.host !== "@workstation"))
      needs.add(`a second host reachable from the first [${v.name}]`);
    if (runs.some((r) => r.elevated || r.user === "@system")) needs.add(`administrator rights [${v.name}]`);
  }
  return [...needs];
}

/** One procedure per table row; the variant comes from the step, else it is picked from the seed. */
export function procedureOf(table: TechniqueEntry): LibraryProcedure {
  // No synthetic cmd-launched copies of PowerShell variants: each variant runs the way its tool really does.
  const entry = table;
  const variants = entry.variants.map((v) => v.name);
  return {
    id: `${entry.technique.toLowerCase()}-${slug(entry.name)}`,
    technique: entry.technique,
    name: entry.name,
    description: entry.description,
    variants,
    prerequisites: prerequisitesOf(entry),
    build(ctx) {
      const chosen =
        entry.variants.find((v) => v.name === ctx.variant) ?? ctx.rng.fork("variant").pick(entry.variants);
      return buildVariant(chosen, ctx);
    },
  };
}
