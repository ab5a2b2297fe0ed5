import { appendReason, type CommandNote, type PlanBuilder } from "./builder";
import { argv, headAndRest, splitCmd, takeRedirects, unescapeCaret } from "./cmdline";
import { nativeEffects } from "./effects";
import { expandCmdVars, expandPath } from "./env";
import { baseName, CMD, isAbsolutePath, knownImage, POWERSHELL } from "./images";
import { runPowerShell } from "./powershell";

/**
 * The one command → actions mapper, shared by the Atomic importer and the free-text parser: a cmd.exe line
 * becomes the processes cmd starts (nested cmd /c, start, call, powershell -c, pipe halves) plus the effects
 * of the programs it runs.
 */

const BUILTINS = new Set(
  "echo set cd chdir pushd popd cls title rem exit goto ver vol dir type color prompt setlocal endlocal shift pause copy move del erase mkdir md rmdir rd ren rename mklink assoc ftype path break verify".split(
    " ",
  ),
);

/** Runs a cmd.exe command line inside the cmd process `shell`. */
export function runCmdLine(b: PlanBuilder, shell: string, line: string): void {
  const segments = splitCmd(line);
  segments.forEach((seg, i) => {
    const piped = seg.joiner === "|" || segments[i + 1]?.joiner === "|";
    // cmd keeps the space before a pipe in the left half's command line (/c" echo hi ").
    const spaced = segments[i + 1]?.joiner === "|" && line[seg.start + seg.text.length] === " ";
    runCmdCommand(b, shell, spaced ? `${seg.text} ` : seg.text, piped);
  });
}

function stripCondition(text: string): string | null {
  // if [/i] [not] (exist X | errorlevel N | defined V | a==b) command
  const m =
    /^if\s+(?:\/i\s+)?(?:not\s+)?(?:exist\s+("[^"]*"|\S+)|errorlevel\s+\S+|defined\s+\S+|("[^"]*"|\S+?)\s*==\s*("[^"]*"|\S+))\s+(.*)$/is.exec(
      text,
    );
  if (m) return m[4].replace(/\s+else\s+.*$/is, "");
  const f = /^for\s+.*?\s+do\s+(.*)$/is.exec(text);
  return f ? f[1] : null;
}

function runCmdCommand(b: PlanBuilder, shell: string, text: string, piped: boolean): void {
  const { command, redirects } = takeRedirects(text);
  const typed = command.replace(/^@/, "").trim();
  if (!typed) return;
  const inner = stripCondition(typed);
  if (inner !== null) return runCmdLine(b, shell, inner);
  const expanded = unescapeCaret(expandCmdVars(typed, b.env));
  const { head, rest } = headAndRest(expanded);
  const name = baseName(head);
  let actor = shell;
  if (BUILTINS.has(name) && !/\.(exe|com)$/i.test(head)) {
    const note = b.note(typed);
    if (piped) {
      // Built-ins on either side of a pipe run in their own cmd.exe.
      actor = b.spawn(
        shell,
        CMD,
        `C:\\Windows\\system32\\cmd.exe /S /D /c" ${typed}${/\s$/.test(text) ? " " : ""}"`,
      );
      note.image = CMD;
    }
    builtin(b, actor, name, argv(rest), note);
    writeRedirects(b, actor, redirects, note);
    if (actor !== shell) b.exit(actor);
    return;
  }
  if (name === "start") return runStart(b, shell, rest, typed);
  if (name === "call") {
    if (rest.startsWith(":")) return;
    runProgram(b, shell, rest, typed);
    return;
  }
  runProgram(b, shell, expanded, typed);
  if (redirects.length) writeRedirects(b, shell, redirects, b.notes[b.notes.length - 1]);
}

function writeRedirects(
  b: PlanBuilder,
  proc: string,
  redirects: ReturnType<typeof takeRedirects>["redirects"],
  note: CommandNote,
): void {
  for (const r of redirects) {
    if (r.op === "<" || /^(nul|con|prn|&\d)$/i.test(r.target)) continue;
    b.fileCreate(proc, expandPath(r.target, b.env), note);
  }
}

function destination(src: string, dst: string): string {
  if (/\\$/.test(dst) || !/\.[^\\]+$/.test(dst))
    return `${dst.replace(/\\$/, "")}\\${src.replace(/^.*\\/, "")}`;
  return dst;
}

function builtin(b: PlanBuilder, proc: string, name: string, args: string[], note: CommandNote): void {
  const files = args.filter((a) => !a.startsWith("/")).map((a) => expandPath(a, b.env));
  switch (name) {
    case "copy":
    case "move":
    case "ren":
    case "rename": {
      const src = files[0]?.split("+")[0];
      const dst = files[1];
      if (!src || !dst) return;
      const target = name.startsWith("ren") ? src.replace(/[^\\]*$/, dst) : destination(src, dst);
      b.fileCreate(proc, target, note);
      if (name !== "copy") b.fileDelete(proc, src, note);
      return;
    }
    case "del":
    case "erase":
      for (const f of files) b.fileDelete(proc, f, note);
      return;
  }
}

/** `start ["title"] [/b /min /wait /d dir …] program args`: cmd starts the program as its own child. */
function runStart(b: PlanBuilder, shell: string, rest: string, typed: string): void {
  let r = rest.trim();
  if (r.startsWith('"')) {
    const { head, rest: after } = headAndRest(r);
    // The first quoted string is the window title unless nothing follows it.
    if (after) r = after;
    else r = `"${head}"`;
  }
  for (;;) {
    const m = /^\/(d\s+("[^"]*"|\S+)|[a-z]+)\s*/i.exec(r);
    if (!m) break;
    r = r.slice(m[0].length);
  }
  if (!r) return void b.note(typed);
  const first = headAndRest(r).head;
  if (/^https?:\/\//i.test(first)) {
    const note = b.note(typed);
    note.unmapped = "start URL: opened by the default browser";
    return;
  }
  runProgram(b, shell, r, typed, true);
}

function resolveImage(head: string, b: PlanBuilder): string | null {
  // A bare name is looked up on PATH, not in the working directory (for the binaries the table knows).
  if (!/[\\/]/.test(head) && knownImage(head)) return knownImage(head)!;
  const path = expandPath(head, b.env);
  if (isAbsolutePath(path)) return path;
  return knownImage(path) ?? null;
}

/** Starts a program from `parent` with the command line as typed, then maps what the program does. */
export function runProgram(
  b: PlanBuilder,
  parent: string,
  commandLine: string,
  typed = commandLine,
  detached = false,
): string | null {
  const { head, rest } = headAndRest(commandLine);
  const note = b.note(typed);
  let image = resolveImage(head, b);
  let line = commandLine;
  const ext = /\.([a-z0-9]+)$/i.exec(head)?.[1]?.toLowerCase();
  if (image && ext && ["bat", "cmd", "vbs", "js", "hta", "ps1"].includes(ext) && isAbsolutePath(image)) {
    // Script files run through their host.
    const script = image;
    if (ext === "bat" || ext === "cmd") {
      image = CMD;
      line = `C:\\Windows\\system32\\cmd.exe /c ""${script}" ${rest}"`;
      note.unmapped = appendReason(note.unmapped, `batch file ${script}: its contents are not known`);
    } else if (ext === "ps1") {
      image = POWERSHELL;
      line = `"${POWERSHELL}" -File "${script}" ${rest}`.trimEnd();
      note.unmapped = appendReason(note.unmapped, `script ${script}: its contents are not known`);
    } else {
      image = knownImage(ext === "hta" ? "mshta" : "wscript")!;
      line = `"${image}" "${script}" ${rest}`.trimEnd();
    }
  }
  if (!image) {
    note.unmapped = appendReason(note.unmapped, `unknown program "${head}" (no known image path)`);
    return null;
  }
  note.image = image;
  const proc = b.spawn(parent, image, line);
  const name = baseName(image);
  const args = argv(rest);
  if (name === "cmd") {
    const inner = cmdInner(rest);
    if (inner !== null) runCmdLine(b, proc, inner);
  } else if (name === "powershell" || name === "pwsh") {
    const script = powershellScript(args);
    if (script !== null) runPowerShell(b, proc, script, runProgram);
    else if (args.length === 0 || args.every((a) => a.startsWith("-")))
      note.effects.push("interactive PowerShell");
  } else {
    nativeEffects(b, proc, name, args, note, (p, cl, n) => {
      const child = runProgram(b, p, cl);
      if (!child) n.unmapped = appendReason(n.unmapped, `nested command not mapped: ${cl}`);
    });
  }
  if (!detached && !/^(explorer|notepad|calc|mspaint|mshta)$/.test(name)) b.exit(proc);
  return proc;
}

/** The command after cmd's /c or /k, with cmd's outer-quote rule applied; null when interactive. */
export function cmdInner(rest: string): string | null {
  const m = /^((?:\/[a-bd-jl-z](?::\S*)?\s*)*)\/[ck]\s*(.*)$/is.exec(rest.trim());
  if (!m) return null;
  let inner = m[2].trim();
  if (inner.startsWith('"') && inner.endsWith('"') && (inner.match(/"/g)?.length ?? 0) >= 2) {
    const stripped = inner.slice(1, -1);
    if (/\/s/i.test(m[1]) || (stripped.match(/"/g)?.length ?? 0) % 2 === 0) inner = stripped;
  }
  return inner;
}

/** Script text of a powershell.exe command line (-Command, -EncodedCommand, or bare trailing text). */
export function powershellScript(args: string[]): string | null {
  for (let i = 0; i < args.length; i++) {
    const a = args[i].toLowerCase();
    if (/^[-/](e|ec|en|enc|enco|encod|encode|encoded|encodedc\w*)$/.test(a) && args[i + 1])
      return decodeUtf16(args[i + 1]);
    if (/^[-/](c|co|com|comm|comma|comman|command)$/.test(a)) return args.slice(i + 1).join(" ");
    if (/^[-/](file|f)$/.test(a)) return null;
    if (
      /^[-/](ep|ex|exec|executionpolicy|w|win|window|windowstyle|version|v|inputformat|outputformat|psconsolefile)$/.test(
        a,
      )
    ) {
      i++;
      continue;
    }
    if (a.startsWith("-") || a.startsWith("/")) continue;
    return args.slice(i).join(" ");
  }
  return null;
}

function decodeUtf16(b64: string): string {
  try {
    const bin = atob(b64.replace(/[^A-Za-z0-9+/=]/g, ""));
    let s = "";
    for (let i = 0; i + 1 < bin.length; i += 2)
      s += String.fromCharCode(bin.charCodeAt(i) | (bin.charCodeAt(i + 1) << 8));
    return s;
  } catch {
    return "";
  }
}
