import type { ActionInput } from "@/lib/engine/actions";
import type { Rng } from "@/lib/engine/rng";

/** Paths and helpers shared by the curated procedures. */
export const S32 = "C:\\Windows\\System32";
export const CMD = `${S32}\\cmd.exe`;
export const POWERSHELL = `${S32}\\WindowsPowerShell\\v1.0\\powershell.exe`;
export const CONHOST = `${S32}\\conhost.exe`;
export const CONHOST_ARGS = "\\??\\C:\\Windows\\system32\\conhost.exe 0xffffffff -ForceV1";

/** An operator's interactive cmd.exe started from explorer, with the console host Windows starts for it. */
export function interactiveCmd(elevated: boolean): ActionInput[] {
  return [
    {
      id: "cmd",
      kind: "process.create",
      proc: "cmd",
      parent: "@explorer",
      image: CMD,
      commandLine: `"${CMD}" `,
      elevated,
    },
    {
      id: "conhost",
      kind: "process.create",
      proc: "cmd-conhost",
      parent: "cmd",
      image: CONHOST,
      commandLine: CONHOST_ARGS,
    },
  ];
}

/** -EncodedCommand payload: base64 of the UTF-16LE script, as PowerShell expects. */
export function encodePowerShell(script: string): string {
  let bin = "";
  for (let i = 0; i < script.length; i++) {
    const c = script.charCodeAt(i);
    bin += String.fromCharCode(c & 0xff, c >>> 8);
  }
  return btoa(bin);
}

const words = ["update", "sync", "cdn", "static", "telemetry", "assets", "files", "api", "docs", "portal"];
const tlds = ["com", "net", "org", "info", "online", "site"];
const brands = [
  "contoso-cloud",
  "msft-sync",
  "office-docs",
  "securedrop",
  "datavault",
  "cloudfront-edge",
  "winupdate-svc",
  "azure-blob",
];

/** A seeded, plausible attacker domain. */
export function attackerDomain(rng: Rng): string {
  return `${rng.pick(words)}.${rng.pick(brands)}.${rng.pick(tlds)}`;
}

/** Seeded benign-looking names for payloads, tasks, services. */
export function benignName(rng: Rng): string {
  return rng.pick([
    "OneDriveUpdate",
    "EdgeUpdateCore",
    "AdobeSync",
    "TeamsHelper",
    "WinDefendSvc",
    "GoogleUpdateTask",
    "SecurityHealthCheck",
    "OfficeBackgroundTask",
  ]);
}
