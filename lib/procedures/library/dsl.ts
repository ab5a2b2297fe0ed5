import type { Run, TechniqueEntry, ThenAction, Variant } from "./types";

/** Shorthands for the tables: a technique row and a variant. */
export function t(
  technique: string,
  name: string,
  description: string,
  variants: Variant[],
  needs?: string[],
): TechniqueEntry {
  return { technique, name, description, variants, ...(needs ? { needs } : {}) };
}

export function v(
  name: string,
  runs: (Run | string)[],
  options: Omit<Variant, "name" | "runs"> = {},
): Variant {
  return { name, runs, ...options };
}

/** Frequently used locations. */
export const S32 = "C:\\Windows\\System32";
export const PS = "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe";
export const HKCU_RUN = "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run";
export const HKLM_RUN = "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run";
export const NET35 = "C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319";

/** A network logon of the domain admin on the server (what a remote execution tool causes first). */
export const remoteLogon = (session: string, auth: "Kerberos" | "NTLM" = "NTLM"): ThenAction[] => [
  {
    id: "logon",
    kind: "logon",
    host: "@server",
    session,
    user: "@admin",
    logonType: 3,
    source: "@workstation",
    authPackage: auth,
  },
];

/** Where Impacket's wmiexec/dcomexec/smbexec redirect command output. */
export const IMPACKET_OUT = "1> \\\\127.0.0.1\\ADMIN$\\__{{n}}.{{rand}} 2>&1";
