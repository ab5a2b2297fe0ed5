import type { ProcedureContext } from "@/lib/engine/procedure";
import { stableHex, type Rng } from "@/lib/engine/rng";
import { attackerDomain, benignName } from "../curated/common";

/** Template values for one build: estate names, seeded attacker infrastructure and staging paths. */
export type Scope = Map<string, string>;

function hostName(ctx: ProcedureContext, ref: string, fallback: string) {
  try {
    return ctx.hostOf(ref);
  } catch {
    return ctx.hostOf(fallback);
  }
}

function publicIp(rng: Rng): string {
  const first = rng.pick([23, 45, 91, 104, 138, 146, 159, 185, 193, 198]);
  return `${first}.${rng.int(1, 254)}.${rng.int(1, 254)}.${rng.int(2, 253)}`;
}

/**
 * Where operators stage tools, weighted roughly as intrusion reports show them: ProgramData most, then the
 * user and system temp folders, the desktop or downloads of the account used over RDP, and now and then
 * Users\Public or PerfLogs (favoured by some ransomware crews, rarer overall).
 */
function toolFolders(home: string, tmp: string): string[] {
  return [
    ...Array<string>(5).fill("C:\\ProgramData"),
    ...Array<string>(2).fill("C:\\Windows\\Temp"),
    ...Array<string>(3).fill(tmp),
    ...Array<string>(2).fill(`${home}\\Desktop`),
    `${home}\\Downloads`,
    "C:\\Users\\Public",
    "C:\\PerfLogs",
  ];
}

/** The fixed names a template can use; `{{a|b}}` picks and `{{$var}}` variables are resolved by fill(). */
export function scopeFor(ctx: ProcedureContext, rng: Rng): Scope {
  const me = hostName(ctx, ctx.host, "@workstation");
  const srv = hostName(ctx, "@server", ctx.host);
  const dc = hostName(ctx, "@dc", ctx.host);
  const ws2 = hostName(ctx, "@workstation2", "@server");
  const user = ctx.names.user;
  const home = `C:\\Users\\${user}`;
  const tmp = `${home}\\AppData\\Local\\Temp`;
  const c2 = attackerDomain(rng);
  const s: Scope = new Map([
    ["user", user],
    ["admin", ctx.names.admin],
    ["domain", ctx.names.domain.netbios],
    ["dns", ctx.names.domain.dns],
    // The domain's distinguished name (DC=corp,DC=example,DC=com) for LDAP paths.
    [
      "domaindn",
      ctx.names.domain.dns
        .split(".")
        .map((p) => `DC=${p}`)
        .join(","),
    ],
    ["me", me.name],
    ["meip", me.ip],
    ["srv", srv.name],
    ["srvfqdn", srv.fqdn],
    ["srvip", srv.ip],
    ["dc", dc.name],
    ["dcfqdn", dc.fqdn],
    ["dcip", dc.ip],
    ["ws2", ws2.name],
    ["ws2ip", ws2.ip],
    ["home", home],
    ["tmp", tmp],
    ["appdata", `${home}\\AppData\\Roaming`],
    ["local", `${home}\\AppData\\Local`],
    ["downloads", `${home}\\Downloads`],
    ["startup", `${home}\\AppData\\Roaming\\Microsoft\\Windows\\Start Menu\\Programs\\Startup`],
    ["tools", rng.pick(toolFolders(home, tmp))],
    ["c2", c2],
    ["c2ip", publicIp(rng)],
    ["ip", publicIp(rng)],
    ["rand", rng.hex(6)],
    ["rand2", rng.hex(8)],
    ["n", String(rng.int(2, 9999))],
    ["name", benignName(rng)],
    ["port", String(rng.pick([443, 8443, 8080, 4444, 53, 80]))],
    ["mefqdn", me.fqdn],
    ["dsid", ctx.names.domain.sid ?? "S-1-5-21-1004336348-1177238915-682003330"],
    // Own stream, so adding it shifts no other seeded value.
    ["guid", rng.fork("guid").guid().toLowerCase()],
    ["gpoguid", rng.fork("gpoguid").guid().toUpperCase()],
    // Cobalt Strike's sacrificial process (spawnto): the default rundll32 most often, else a profile's choice.
    [
      "spawnto",
      rng
        .fork("spawnto")
        .pick(["rundll32.exe", "rundll32.exe", "dllhost.exe", "WerFault.exe", "gpupdate.exe"]),
    ],
    // A certificate of the estate's CA (PKINIT): SHA-1 thumbprint and serial number.
    ["thumb", rng.fork("thumb").hex(40).toUpperCase()],
    ["certserial", rng.fork("certserial").hex(38).toUpperCase()],
  ]);
  // Derived from values above (no extra draw, so later picks stay as they were): certificate thumbprints, hashes.
  s.set("hex40", stableHex(`hex40|${c2}|${s.get("rand2")}`, 40));
  return s;
}

const TOKEN = /\{\{([^{}]*)\}\}/g;

/** Resolves `{{name}}`, `{{$var}}` and `{{a|b|c}}` (seeded pick) in a string. Unknown names stay visible. */
export function fill(text: string, scope: Scope, rng: Rng): string {
  return text.replace(TOKEN, (whole, body: string) => {
    if (body.includes("|")) return rng.pick(body.split("|"));
    const key = body.startsWith("$") ? body : body.trim();
    return scope.get(key) ?? whole;
  });
}

/** Evaluates a variant's variables in order (later ones may use earlier ones). */
export function bindVars(vars: Readonly<Record<string, string>> | undefined, scope: Scope, rng: Rng): void {
  for (const [k, v] of Object.entries(vars ?? {})) scope.set(`$${k}`, fill(v, scope, rng));
}

/** Deep-fills every string of a plain JSON value. */
export function fillDeep<T>(value: T, scope: Scope, rng: Rng): T {
  if (typeof value === "string") return fill(value, scope, rng) as T;
  if (Array.isArray(value)) return value.map((v) => fillDeep(v, scope, rng)) as T;
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = fillDeep(v, scope, rng);
    return out as T;
  }
  return value;
}
