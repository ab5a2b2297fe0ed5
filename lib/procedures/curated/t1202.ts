import type { Procedure } from "@/lib/engine/procedure";
import { CMD, CONHOST, CONHOST_ARGS, S32 } from "./common";

const PYTHON = "C:\\Program Files\\Python311\\python.exe";

/** forfiles' 0xHH escapes → characters, as forfiles expands them before starting the command. */
export function expandForfilesHex(command: string): string {
  return command.replace(/0x([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** cmd.exe's %VAR% and %VAR:~start,length% expansion for the variables used here. */
export function expandCmdVariables(command: string, env: Record<string, string>): string {
  return command.replace(
    /%([A-Za-z_]+)(?::~(-?\d+)(?:,(-?\d+))?)?%/g,
    (m, name: string, start?: string, len?: string) => {
      const v = env[name.toUpperCase()];
      if (v === undefined) return m;
      if (start === undefined) return v;
      const s = Number(start) < 0 ? v.length + Number(start) : Number(start);
      return len === undefined
        ? v.slice(s)
        : Number(len) < 0
          ? v.slice(s, v.length + Number(len))
          : v.slice(s, s + Number(len));
    },
  );
}

/**
 * Indirect command execution with forfiles (research example): echo/open/read/find/exec are obfuscated with
 * forfiles' hex escapes (0x65 = e, 0x5b/0x5d = [ ]) and %PROGRAMFILES% expansion; forfiles starts cmd.exe,
 * which pipes the reconstructed Python code into python.exe.
 */
export const forfilesObfuscatedPython: Procedure = {
  id: "t1202.forfiles-hex-python",
  technique: "T1202",
  name: "forfiles hex-obfuscated command piping into Python",
  description:
    "forfiles.exe /c with 0xHH escapes and %PROGRAMFILES% substring expansion first finds the staged file (find), then echoes exec(bytes.fromhex(open(…).read().split()[1])) into python.exe: forfiles → cmd.exe → cmd.exe /S /D /c pipe halves → find.exe / python.exe.",
  variants: ["find-then-exec"],
  expectedRules: ["9aa5106d-bce3-4b13-86df-3a20f1d5cf0b"],
  build({ rng, names }) {
    const stage = `C:\\Users\\Public\\${rng.pick(["update", "cache", "config", "sync"])}.dat`;
    const env = { PROGRAMFILES: "C:\\Program Files" };
    const stageVar = stage.replace("C:", "%PROGRAMFILES:~0,2%");
    // Obfuscated forms as the operator typed them.
    const findCmd = `cmd /c fin0x64 /c /i 0x22fromhex0x22 @path`;
    const execCmd = `cmd /c 0x65cho ex0x65c(bytes.fromhex(op0x65n(r0x27${stageVar}0x27).r0x65ad().split()0x5b10x5d)) | 0x22%PROGRAMFILES%\\Python311\\python.exe0x22`;
    // What forfiles hands to CreateProcess (hex expanded; %VAR% left for cmd.exe).
    const findChild = expandForfilesHex(findCmd).replace("@path", `"${stage}"`);
    const execChild = expandForfilesHex(execCmd);
    const expanded = expandCmdVariables(execChild, env);
    const left = expanded.slice("cmd /c ".length, expanded.indexOf(" | "));
    const right = expanded.slice(expanded.indexOf(" | ") + 3);
    const home = `C:\\Users\\${names.user}`;
    return [
      { id: "stage", kind: "file.create", proc: "@msedge", path: stage },
      {
        id: "cmd",
        kind: "process.create",
        proc: "cmd",
        parent: "@explorer",
        image: CMD,
        commandLine: `"${CMD}" `,
        currentDirectory: home,
      },
      {
        id: "conhost",
        kind: "process.create",
        proc: "cmd-conhost",
        parent: "cmd",
        image: CONHOST,
        commandLine: CONHOST_ARGS,
      },
      {
        id: "forfiles1",
        kind: "process.create",
        proc: "ff1",
        parent: "cmd",
        image: `${S32}\\forfiles.exe`,
        commandLine: `forfiles  /p C:\\Users\\Public /m *.dat /c "${findCmd}"`,
        delayMs: rng.int(4000, 12000),
      },
      {
        id: "ff1-cmd",
        kind: "process.create",
        proc: "ff1cmd",
        parent: "ff1",
        image: CMD,
        commandLine: findChild,
      },
      {
        id: "find",
        kind: "process.create",
        proc: "find",
        parent: "ff1cmd",
        image: `${S32}\\find.exe`,
        commandLine: `find  /c /i "fromhex" "${stage}"`,
      },
      { id: "find-read", kind: "file.read", proc: "find", path: stage },
      { id: "find-exit", kind: "process.terminate", proc: "find" },
      { id: "ff1-cmd-exit", kind: "process.terminate", proc: "ff1cmd" },
      { id: "ff1-exit", kind: "process.terminate", proc: "ff1" },
      {
        id: "forfiles2",
        kind: "process.create",
        proc: "ff2",
        parent: "cmd",
        image: `${S32}\\forfiles.exe`,
        commandLine: `forfiles  /p C:\\Windows\\System32 /m notepad.exe /c "${execCmd}"`,
        delayMs: rng.int(6000, 20000),
      },
      {
        id: "ff2-cmd",
        kind: "process.create",
        proc: "ff2cmd",
        parent: "ff2",
        image: CMD,
        commandLine: execChild,
      },
      {
        id: "pipe-left",
        kind: "process.create",
        proc: "left",
        parent: "ff2cmd",
        image: CMD,
        commandLine: `C:\\Windows\\system32\\cmd.exe  /S /D /c" ${left} "`,
      },
      {
        id: "pipe-right",
        kind: "process.create",
        proc: "right",
        parent: "ff2cmd",
        image: CMD,
        commandLine: `C:\\Windows\\system32\\cmd.exe  /S /D /c" ${right}"`,
        after: ["ff2-cmd"],
      },
      {
        id: "python",
        kind: "process.create",
        proc: "python",
        parent: "right",
        image: PYTHON,
        commandLine: right,
      },
      { id: "py-read", kind: "file.read", proc: "python", path: stage },
      { id: "left-exit", kind: "process.terminate", proc: "left", after: ["pipe-left", "python"] },
      {
        id: "py-child",
        kind: "process.create",
        proc: "whoami",
        parent: "python",
        image: `${S32}\\whoami.exe`,
        commandLine: "whoami",
      },
      { id: "whoami-exit", kind: "process.terminate", proc: "whoami" },
      { id: "py-exit", kind: "process.terminate", proc: "python" },
      { id: "right-exit", kind: "process.terminate", proc: "right" },
      { id: "ff2-cmd-exit", kind: "process.terminate", proc: "ff2cmd" },
      { id: "ff2-exit", kind: "process.terminate", proc: "ff2" },
    ];
  },
};
