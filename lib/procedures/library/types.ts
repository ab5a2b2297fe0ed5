import type { ActionInput } from "@/lib/engine/actions";

/**
 * Technique knowledge as data. A table row is one technique with its real-world variants; a variant is a
 * shell (or none) and the commands an operator or implant runs, each with the side effects defenders see.
 * Strings are templates: `{{user}}`, `{{dc}}`, `{{c2}}` … name the estate and seeded attacker infrastructure,
 * `{{a|b|c}}` picks one alternative from the seed, `{{$name}}` reads a variant variable (see build.ts).
 */

/** [key, value name, data] or [key, value name, data, type]. */
export type RegSet = readonly [string, string, string] | readonly [string, string, string, RegType];
/** A raw action for `then`: `proc` may be left out (it defaults to the run's process). */
export type ThenAction = ActionInput extends infer A
  ? A extends { proc: string }
    ? Omit<A, "proc"> & { proc?: string }
    : A
  : never;

export type RegType = "REG_SZ" | "REG_EXPAND_SZ" | "REG_DWORD" | "REG_QWORD" | "REG_BINARY" | "REG_MULTI_SZ";

export interface Run {
  /** Command line exactly as the process sees it. Omit for in-shell PowerShell (`ps`). */
  readonly cmd?: string;
  /** PowerShell typed in the shell (or run by this process): a 4104 script block, no new process. */
  readonly ps?: string;
  /** Run `ps` as `powershell.exe -NoP -NonI -W Hidden -EncodedCommand <UTF-16LE base64>` (stagers, C2 frameworks). */
  readonly encode?: boolean;
  /** Image path; default: derived from the command line's first token (bare names live in System32). */
  readonly image?: string;
  /** The image is a renamed copy of this binary (keeps its PE identity: OriginalFileName, hashes …). */
  readonly copyOf?: string;
  /** Plan-local name, so later runs can use it as `parent` or `by`. */
  readonly as?: string;
  /** Parent: a run's `as`, "shell" (default), "prev" (the previous run), or a world process ("@wmiprvse"). */
  readonly parent?: string;
  /** Effects only (no process): performed by this named process instead of a new one. */
  readonly by?: string;
  readonly host?: string;
  readonly user?: string;
  readonly elevated?: boolean;
  readonly cwd?: string;
  readonly files?: readonly string[];
  /** [source, copy]: files this run copies; a process later started from the copy keeps the source's identity. */
  readonly copies?: readonly (readonly [string, string])[];
  readonly reads?: readonly string[];
  readonly deletes?: readonly string[];
  readonly reg?: readonly RegSet[];
  readonly regKeys?: readonly string[];
  readonly regDel?: readonly (readonly [string, string])[];
  /**
   * Defender settings the run changes, [key, value, DWORD data]: with Set-MpPreference/Add-MpPreference MsMpEng.exe
   * writes its own key and logs 5007 (5001 for real-time protection); for a Policies key (written by `reg`), 5007.
   */
  readonly defender?: readonly (readonly [string, string, string])[];
  /** Tamper Protection is on: changes to Defender's own settings are refused (5013, nothing written). */
  readonly tamper?: boolean;
  readonly loads?: readonly string[];
  /** [remote, port]: a DNS name is resolved first; "@server"/"@dc" are estate hosts. */
  readonly net?: readonly (readonly [string, number])[];
  readonly dns?: readonly string[];
  /** [target process, access mask, call trace modules]. */
  readonly access?: readonly [string, string, ...string[]];
  readonly thread?: string;
  readonly pipes?: readonly string[];
  readonly pipeConnects?: readonly string[];
  readonly streams?: readonly (readonly [string, string])[];
  /** Raw actions after this run (templated; `proc` defaults to this run's process). */
  readonly then?: readonly ThenAction[];
  /** Leave the process running (implants, servers). */
  readonly keep?: boolean;
  /** Milliseconds before this run; default: operator typing time in a shell, a few ms for children. */
  readonly delay?: number;
}

export type Shell = "cmd" | "ps" | "none";

export interface Variant {
  readonly name: string;
  /** Interactive cmd.exe / powershell.exe the runs are typed in, or none (runs name their parents). */
  readonly shell?: Shell;
  /** Parent of the shell (default @explorer); e.g. "@wmiprvse" for remote WMI, a run name is not allowed. */
  readonly shellParent?: string;
  /** Full command line of the shell when it is not interactive (cmd /c …, powershell -enc …). */
  readonly shellCmd?: string;
  readonly elevated?: boolean;
  readonly user?: string;
  /** Variables evaluated once in order, readable as `{{$name}}`. */
  readonly vars?: Readonly<Record<string, string>>;
  readonly runs: readonly (Run | string)[];
  /** Extra prerequisites beyond what the runs imply. */
  readonly needs?: readonly string[];
}

export interface TechniqueEntry {
  readonly technique: string;
  readonly name: string;
  readonly description: string;
  readonly variants: readonly Variant[];
  readonly needs?: readonly string[];
}
