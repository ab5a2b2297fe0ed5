import { ATOMICS } from "./images";

/** The environment block of the interactive user's processes, for expanding paths in command lines. */
export type WinEnv = Readonly<Record<string, string>>;

export function windowsEnv(
  user: string,
  computer: string,
  domain: string,
  options: { elevated?: boolean; cwd?: string } = {},
): WinEnv {
  const profile = `C:\\Users\\${user}`;
  return {
    /** Working directory: given, else System32 for an elevated console and the profile for a normal one. */
    CD: options.cwd ?? (options.elevated ? "C:\\Windows\\System32" : profile),
    SYSTEMROOT: "C:\\Windows",
    WINDIR: "C:\\Windows",
    SYSTEMDRIVE: "C:",
    PROGRAMDATA: "C:\\ProgramData",
    ALLUSERSPROFILE: "C:\\ProgramData",
    PROGRAMFILES: "C:\\Program Files",
    "PROGRAMFILES(X86)": "C:\\Program Files (x86)",
    COMMONPROGRAMFILES: "C:\\Program Files\\Common Files",
    PUBLIC: "C:\\Users\\Public",
    USERPROFILE: profile,
    HOMEDRIVE: "C:",
    HOMEPATH: `\\Users\\${user}`,
    HOME: profile,
    APPDATA: `${profile}\\AppData\\Roaming`,
    LOCALAPPDATA: `${profile}\\AppData\\Local`,
    TEMP: `${profile}\\AppData\\Local\\Temp`,
    TMP: `${profile}\\AppData\\Local\\Temp`,
    USERNAME: user,
    USERDOMAIN: domain,
    COMPUTERNAME: computer,
    COMSPEC: "C:\\Windows\\System32\\cmd.exe",
    PATHTOATOMICSFOLDER: ATOMICS,
  };
}

/** cmd's %VAR% and %VAR:~a,b% expansion; unknown variables stay as written. */
export function expandCmdVars(text: string, env: WinEnv): string {
  return text.replace(
    /%([A-Za-z_][A-Za-z0-9_()]*)(?::~(-?\d+)(?:,(-?\d+))?)?%/g,
    (m, name: string, start?: string, len?: string) => {
      const v = env[name.toUpperCase()];
      if (v === undefined) return m;
      if (start === undefined) return v;
      const s = Number(start) < 0 ? v.length + Number(start) : Number(start);
      if (len === undefined) return v.slice(s);
      return Number(len) < 0 ? v.slice(s, v.length + Number(len)) : v.slice(s, s + Number(len));
    },
  );
}

/** PowerShell's $env:VAR, ${env:VAR}, $HOME and $PathToAtomicsFolder in paths. */
export function expandPsVars(text: string, env: WinEnv): string {
  return text
    .replace(
      /\$\{env:([A-Za-z_][A-Za-z0-9_()]*)\}|\$env:([A-Za-z_][A-Za-z0-9_]*(?:\(x86\))?)/gi,
      (m, a?: string, b?: string) => {
        const v = env[(a ?? b ?? "").toUpperCase()];
        return v ?? m;
      },
    )
    .replace(/\$HOME\b/gi, env.USERPROFILE)
    .replace(/\$PathToAtomicsFolder\b/gi, ATOMICS);
}

/** Both expansions, then a path in a canonical form (forward slashes → backslashes, no quotes). */
export function expandPath(text: string, env: WinEnv): string {
  let p = expandPsVars(expandCmdVars(text.trim().replace(/^['"]|['"]$/g, ""), env), env);
  p = p.replace(/\//g, "\\");
  if (/^~\\/.test(p)) p = env.USERPROFILE + p.slice(1);
  if (/^\.\\/.test(p)) p = `${env.CD}\\${p.slice(2)}`;
  else if (/^[\w.-]+(\\[\w .-]+)*\.[a-z0-9]{1,5}$/i.test(p)) p = `${env.CD}\\${p}`;
  return p;
}

/** A path the engine can record: absolute, no unresolved variables or wildcards. */
export function concretePath(p: string): boolean {
  return /^[a-z]:\\[^*?"<>|%$]*$/i.test(p) && !/\\$/.test(p) && p.length < 1024;
}
