import type { ActionInput } from "@/lib/engine/actions";
import type { EstateNames, Procedure, ProcedureContext } from "@/lib/engine/procedure";
import { Rng } from "@/lib/engine/rng";
import { PlanBuilder } from "../atomic/builder";
import { headAndRest } from "../atomic/cmdline";
import { windowsEnv } from "../atomic/env";
import { baseName, CMD, CONHOST, CONHOST_ARGS, knownImage, POWERSHELL } from "../atomic/images";
import { runCmdLine, runProgram } from "../atomic/mapper";
import { runPowerShell } from "../atomic/powershell";
import { commandHead, type Extracted, extract } from "./extract";

export interface ParseContext {
  readonly names: EstateNames;
  /** Technique of the step: its best-matching procedure is merged with the parsed commands. */
  readonly technique?: string;
  readonly procedures?: readonly Procedure[];
  readonly seed?: number;
  readonly host?: string;
}

export interface ParsedText {
  readonly actions: ActionInput[];
  readonly extracted: Extracted[];
  /** Things the parser saw but could not turn into actions, with the reason. */
  readonly unmapped: string[];
  /** Commands the plan runs (as written or synthesised from the prose). */
  readonly commands: string[];
  readonly procedure: string | null;
}

const PYTHON_SCRIPT =
  "exec(bytes.fromhex(open(r'%PROGRAMFILES:~0,2%\\Users\\Public\\cache.dat').read().split()[1]))";

/** forfiles' hex escapes for the characters analysts report obfuscated (e, [ ], quotes). */
function hexObfuscate(s: string): string {
  return s.replace(/[e\[\]"']/g, (c) => `0x${c.charCodeAt(0).toString(16)}`);
}

/** Commands the prose implies but does not spell out (forfiles obfuscation, Run key, task, log clearing). */
function synthesise(text: string, extracted: Extracted[], rng: Rng, direct: Set<string>): string[] {
  const out: string[] = [];
  const lower = text.toLowerCase();
  const mentioned = (name: string) =>
    extracted.some((e) => e.kind === "binary" && e.value.toLowerCase() === name);
  const hasCommand = (name: string) =>
    extracted.some((e) => e.kind === "command" && baseName(headAndRest(e.value).head) === name);
  const python = mentioned("python") || /python/.test(lower);
  if (mentioned("forfiles") && !hasCommand("forfiles")) {
    const hex = /0x[0-9a-f]{2}|\bhex\b/.test(lower);
    let payload = python ? `echo ${PYTHON_SCRIPT} | "%PROGRAMFILES%\\Python311\\python.exe"` : "whoami";
    if (hex) payload = hexObfuscate(payload);
    // Started directly (not through cmd's expansion): the inner cmd.exe expands the variables.
    const forfiles = `forfiles /p c:\\windows\\system32 /m notepad.exe /c "cmd /c ${payload}"`;
    direct.add(forfiles);
    out.push(forfiles);
  }
  const dropped = extracted.find((e) => e.kind === "path" && /\.(dll|exe)$/i.test(e.value));
  let payload = dropped?.value;
  const dropMatch =
    /\b(dropped|wrote|staged|copied|saved|placed)\b[^.]{0,40}?\b(dll|executable|exe|payload|binary)\b/i.exec(
      text,
    );
  const dir = extracted.find(
    (e) =>
      e.kind === "path" &&
      e.span[0] > (dropMatch?.index ?? 0) &&
      /^%[a-z]+%\\?$|^[a-z]:\\[^.]*$/i.test(e.value),
  );
  if (!payload && dropMatch && dir) {
    const ext = /dll/i.test(dropMatch[2]) ? "dll" : "exe";
    payload = `${dir.value.replace(/\\$/, "")}\\${rng.pick(["msupdate", "wincache", "onedrivesync", "helper"])}.${ext}`;
    out.push(`cmd /c copy /y %TEMP%\\${payload.replace(/^.*\\/, "")} "${payload}"`);
  }
  if (/\brun(once)? key\b/i.test(text) && !hasCommand("reg")) {
    const target = payload
      ? /\.dll$/i.test(payload)
        ? `rundll32.exe ${payload},DllRegisterServer`
        : payload
      : "%APPDATA%\\updater.exe";
    out.push(
      `reg add HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run /v ${rng.pick(["OneDriveSync", "EdgeUpdate", "SecurityHealth"])} /t REG_SZ /d "${target}" /f`,
    );
  }
  if (/scheduled task/i.test(text) && !hasCommand("schtasks")) {
    out.push(
      `schtasks /create /tn "${rng.pick(["OneDriveUpdate", "GoogleUpdateTask"])}" /tr "${payload ?? "%APPDATA%\\updater.exe"}" /sc onlogon /f`,
    );
  }
  const clear = /\bclear(?:ed|s)?\s+(?:the\s+)?(security|system)?\s*(?:event\s+)?logs?\b/i.exec(text);
  if (clear && !hasCommand("wevtutil"))
    out.push(
      `wevtutil cl ${clear[1] ? clear[1][0].toUpperCase() + clear[1].slice(1).toLowerCase() : "Security"}`,
    );
  return out;
}

function pickProcedure(ctx: ParseContext, extracted: Extracted[]): Procedure | null {
  if (!ctx.technique || !ctx.procedures) return null;
  const candidates = ctx.procedures.filter((p) => p.technique === ctx.technique);
  if (candidates.length === 0) return null;
  const words = extracted
    .filter((e) => e.kind === "binary" || e.kind === "command")
    .map((e) => baseName(headAndRest(e.value).head));
  let best = candidates[0];
  let score = -1;
  for (const p of candidates) {
    const hay = `${p.id} ${p.name} ${p.description}`.toLowerCase();
    const s = words.filter((w) => hay.includes(w)).length;
    if (s > score) [best, score] = [p, s];
  }
  return best;
}

/** Deterministic free text → action plan: extracted commands and indicators, merged with the technique's procedure. */
export function parseActionText(text: string, ctx: ParseContext): ParsedText {
  const extracted = extract(text);
  const rng = new Rng(ctx.seed ?? 1).fork(`text:${text.length}`);
  const unmapped: string[] = [];
  const procedure = pickProcedure(ctx, extracted);
  let procActions: ActionInput[] = [];
  if (procedure) {
    const pctx: ProcedureContext = {
      rng: rng.fork("procedure"),
      host: ctx.host ?? "@workstation",
      user: "@user",
      names: ctx.names,
      hostOf: (ref) => ctx.names.hosts.find((h) => h.ref === ref || h.name === ref) ?? ctx.names.hosts[0],
    };
    procActions = procedure.build(pctx);
  }
  const covered = new Set(
    procActions.flatMap((a) => (a.kind === "process.create" ? [baseName(a.image)] : [])),
  );
  const isCommand = (e: Extracted) => e.kind === "command";
  // Commands nested in another (forfiles /c "cmd /c …") run as that command's children, not on their own.
  const written = extracted
    .filter(
      (e) =>
        isCommand(e) &&
        !extracted.some((o) => o !== e && isCommand(o) && o.span[0] <= e.span[0] && o.span[1] >= e.span[1]),
    )
    .map((e) => e.value);
  const bare = extracted
    .filter(
      (e) =>
        e.kind === "binary" &&
        (knownImage(e.value) || /^[a-z]:\\.+\.exe$/i.test(e.value)) &&
        !/^(python|powershell|pwsh|forfiles)$/.test(e.value),
    )
    .map((e) => e.value);
  const direct = new Set<string>();
  const commands = [...written, ...bare, ...synthesise(text, extracted, rng, direct)].filter((c) => {
    const name = baseName(headAndRest(c).head);
    // The procedure already runs a bare-mentioned or synthesised binary with a realistic command line.
    return !(covered.has(name) && !written.includes(c));
  });
  const computer = ctx.names.hosts.find((h) => h.role === "workstation")?.name ?? "WS01";
  const elevated =
    /\b(elevated|as administrator|admin(istrator)? (prompt|console|shell)|high integrity)\b/i.test(text);
  const b = new PlanBuilder(
    windowsEnv(ctx.names.user, computer, ctx.names.domain.netbios, { elevated }),
    "t-",
  );
  let shell: string | null = null;
  let ps: string | null = null;
  const console = (kind: "cmd" | "ps") => {
    if (kind === "cmd" && shell) return shell;
    if (kind === "ps" && ps) return ps;
    const image = kind === "cmd" ? CMD : POWERSHELL;
    const proc = b.spawn("@explorer", image, `"${image}" `, elevated ? { elevated: true } : {});
    b.spawn(proc, CONHOST, CONHOST_ARGS);
    if (kind === "cmd") shell = proc;
    else ps = proc;
    return proc;
  };
  for (const c of commands) {
    const head = headAndRest(c).head;
    if (/^[A-Z][a-z]+-[A-Z]/.test(head) || /^(iex|iwr|irm)$/i.test(head))
      runPowerShell(b, console("ps"), c, runProgram);
    else if (direct.has(c)) runProgram(b, console("cmd"), c);
    else if (commandHead(head)) runCmdLine(b, console("cmd"), c);
    else unmapped.push(`command "${c}": unknown program`);
  }
  // Indicators outside commands: network activity from the last process the text started.
  const inCommand = (e: Extracted) =>
    extracted.some((c) => c.kind === "command" && c.span[0] <= e.span[0] && c.span[1] >= e.span[1]);
  const lastProc =
    [...b.actions].reverse().find((a) => a.kind === "process.create" && a.image !== CONHOST)?.id ?? null;
  // The process the indicators belong to stays alive until its network activity is done.
  const exitAt = b.actions.findIndex((a) => a.kind === "process.terminate" && a.proc === lastProc);
  const exit = exitAt >= 0 ? b.actions.splice(exitAt, 1) : [];
  for (const e of extracted) {
    if (inCommand(e)) continue;
    if (e.kind === "url") {
      const note = b.note(e.value);
      if (lastProc) b.download(lastProc, e.value, undefined, note);
      else unmapped.push(`URL ${e.value}: no process in the text to connect from`);
    } else if (e.kind === "domain" || e.kind === "ip") {
      const port = extracted.find(
        (p) => p.kind === "port" && p.span[0] >= e.span[1] && p.span[0] - e.span[1] < 40,
      );
      if (lastProc) b.connect(lastProc, e.value, port ? Number(port.value) : 443);
      else unmapped.push(`${e.kind} ${e.value}: no process in the text to connect from`);
    } else if (e.kind === "hash" || e.kind === "user")
      unmapped.push(`${e.kind} ${e.value}: recorded for display only`);
  }
  b.actions.push(...exit);
  for (const n of b.notes) if (n.unmapped) unmapped.push(`${n.command}: ${n.unmapped}`);
  if (commands.length === 0 && procActions.length === 0)
    unmapped.push("no command, binary or indicator the parser can run");
  return {
    actions: [...procActions, ...b.actions],
    extracted,
    unmapped,
    commands,
    procedure: procedure?.id ?? null,
  };
}
