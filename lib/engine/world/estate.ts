import type { Rng } from "../rng";
import type { EnvironmentSpec } from "../spec";
import type { Domain, Host, HostRole, OsInfo, User } from "./types";

/** Builds the seeded estate (domain, hosts, accounts) from the environment spec. */

const companies = [
  "contoso",
  "fabrikam",
  "northwind",
  "tailspin",
  "woodgrove",
  "adatum",
  "litware",
  "proseware",
  "wingtip",
  "fourthcoffee",
];
const tlds = ["local", "corp", "lan", "internal"];
const firstNames = [
  "alice",
  "bob",
  "carol",
  "dave",
  "erin",
  "frank",
  "grace",
  "heidi",
  "ivan",
  "judy",
  "mallory",
  "nina",
  "oscar",
  "peggy",
  "rupert",
  "sybil",
  "trent",
  "victor",
  "wendy",
  "yusuf",
];
const lastNames = [
  "smith",
  "jones",
  "garcia",
  "miller",
  "davis",
  "lopez",
  "wilson",
  "moore",
  "taylor",
  "clark",
  "lewis",
  "walker",
  "young",
  "king",
  "wright",
  "hill",
  "green",
  "baker",
  "adams",
  "nelson",
];

export const osCatalog: Record<string, OsInfo> = {
  win10: {
    name: "Windows 10 Enterprise",
    version: "10.0.19045",
    build: 19045,
    fileVersion: "10.0.19041.3636 (WinBuild.160101.0800)",
  },
  win11: {
    name: "Windows 11 Enterprise",
    version: "10.0.22631",
    build: 22631,
    fileVersion: "10.0.22621.4541 (WinBuild.160101.0800)",
  },
  server2019: {
    name: "Windows Server 2019 Datacenter",
    version: "10.0.17763",
    build: 17763,
    fileVersion: "10.0.17763.6414 (WinBuild.160101.0800)",
  },
  server2022: {
    name: "Windows Server 2022 Datacenter",
    version: "10.0.20348",
    build: 20348,
    fileVersion: "10.0.20348.1 (WinBuild.160101.0800)",
  },
};

export const WELL_KNOWN = {
  system: { sam: "SYSTEM", domain: "NT AUTHORITY", sid: "S-1-5-18", rid: 18 },
  localService: { sam: "LOCAL SERVICE", domain: "NT AUTHORITY", sid: "S-1-5-19", rid: 19 },
  networkService: { sam: "NETWORK SERVICE", domain: "NT AUTHORITY", sid: "S-1-5-20", rid: 20 },
  anonymous: { sam: "ANONYMOUS LOGON", domain: "NT AUTHORITY", sid: "S-1-5-7", rid: 7 },
} as const;

function builtin(w: (typeof WELL_KNOWN)[keyof typeof WELL_KNOWN]): User {
  return { ...w, kind: "builtin", fullName: w.sam, admin: w.sam === "SYSTEM", groups: [] };
}

export interface Estate {
  readonly domain: Domain;
  readonly hosts: Host[];
  readonly users: User[];
  /** The interactive user at the workstations. */
  readonly interactive: User;
  /** A domain admin. */
  readonly admin: User;
  readonly system: User;
  readonly localService: User;
  readonly networkService: User;
  readonly anonymous: User;
}

function sidPart(rng: Rng): number {
  return rng.int(1_000_000_000, 4_294_967_295);
}

export function buildEstate(env: EnvironmentSpec, rng: Rng): Estate {
  const company = rng.pick(companies);
  const netbios = env.domain.netbios ?? company.toUpperCase().slice(0, 15);
  const dns = env.domain.dns ?? `${company}.${rng.pick(tlds)}`;
  const domain: Domain = {
    netbios,
    dns,
    sid: env.domain.sid ?? `S-1-5-21-${sidPart(rng)}-${sidPart(rng)}-${sidPart(rng)}`,
  };

  const subnet = `10.${rng.int(0, 60)}.${rng.int(1, 250)}`;
  const specs: { name: string; role: HostRole; ip?: string; os?: string }[] = env.hosts ?? [
    { name: `WS${rng.int(1000, 9999)}`, role: "workstation" },
    { name: `WS${rng.int(1000, 9999)}`, role: "workstation" },
    { name: `FS${String(rng.int(1, 9)).padStart(2, "0")}`, role: "server" },
    { name: `DC${String(rng.int(1, 9)).padStart(2, "0")}`, role: "dc" },
  ];
  const usedIps = new Set<string>();
  const usedNames = new Set<string>();
  const hosts: Host[] = specs.map((s, i) => {
    let name = s.name.toUpperCase();
    while (usedNames.has(name)) name = `${name.slice(0, 13)}${i}`;
    usedNames.add(name);
    let ip =
      s.ip ?? `${subnet}.${s.role === "dc" ? 10 + i : s.role === "server" ? 20 + i : rng.int(50, 240)}`;
    while (usedIps.has(ip)) ip = `${subnet}.${rng.int(50, 250)}`;
    usedIps.add(ip);
    const osKey = s.os ?? (s.role === "workstation" ? rng.pick(["win10", "win11"]) : "server2022");
    return {
      name,
      fqdn: `${name}.${dns}`,
      ip,
      role: s.role,
      os: osCatalog[osKey],
      machineSid: `S-1-5-21-${sidPart(rng)}-${sidPart(rng)}-${sidPart(rng)}`,
      guidPrefix: rng.hex(8).toUpperCase(),
      guidSuffix: `00000000${rng.pick(["4002", "3F02", "0D00", "0800", "3402", "5202"])}`,
      mac: Array.from({ length: 6 }, (_, k) => (k === 0 ? "00" : rng.hex(2).toUpperCase())).join("-"),
    };
  });

  const users: User[] = [];
  let rid = rng.int(1103, 1180);
  const domainAccount = (sam: string, fullName: string, admin: boolean, groups: string[]): User => {
    const u: User = {
      sam,
      domain: netbios,
      sid: `${domain.sid}-${rid}`,
      rid,
      kind: "domain",
      fullName,
      admin,
      groups,
      upn: `${sam}@${dns}`,
    };
    rid += rng.int(1, 7);
    return u;
  };
  users.push({
    sam: "Administrator",
    domain: netbios,
    sid: `${domain.sid}-500`,
    rid: 500,
    kind: "domain",
    fullName: "Administrator",
    admin: true,
    groups: ["Domain Admins", "Administrators"],
    upn: `Administrator@${dns}`,
  });
  users.push({
    sam: "krbtgt",
    domain: netbios,
    sid: `${domain.sid}-502`,
    rid: 502,
    kind: "domain",
    fullName: "krbtgt",
    admin: false,
    groups: [],
  });

  const taken = new Set<string>();
  const person = () => {
    for (;;) {
      const first = rng.pick(firstNames);
      const last = rng.pick(lastNames);
      const sam = `${first}.${last}`;
      if (!taken.has(sam)) {
        taken.add(sam);
        return {
          sam,
          fullName: `${first[0].toUpperCase()}${first.slice(1)} ${last[0].toUpperCase()}${last.slice(1)}`,
        };
      }
    }
  };
  if (env.users) {
    for (const u of env.users) {
      if (u.localOn) {
        const host = hosts.find((h) => h.name === u.localOn);
        if (!host) continue;
        users.push({
          sam: u.sam,
          domain: host.name,
          sid: `${host.machineSid}-${1001 + users.length}`,
          rid: 1001 + users.length,
          kind: "local",
          fullName: u.fullName ?? u.sam,
          admin: u.admin,
          groups: u.admin ? ["Administrators"] : ["Users"],
          host: host.name,
        });
      } else
        users.push(
          domainAccount(
            u.sam,
            u.fullName ?? u.sam,
            u.admin,
            u.admin ? ["Domain Admins", "Domain Users"] : ["Domain Users"],
          ),
        );
    }
  }
  if (!users.some((u) => u.kind === "domain" && u.admin && u.rid !== 500)) {
    const p = person();
    users.push(
      domainAccount(`adm-${p.sam.split(".")[0]}`, `${p.fullName} (admin)`, true, [
        "Domain Admins",
        "Domain Users",
      ]),
    );
  }
  const plain = users.filter((u) => u.kind === "domain" && !u.admin && u.rid > 1000);
  for (let i = plain.length; i < 4; i++) {
    const p = person();
    // Workstation users are local administrators of their machine (common, and it gives them split tokens).
    users.push(domainAccount(p.sam, p.fullName, true, ["Domain Users"]));
  }
  // Machine accounts.
  for (const h of hosts)
    users.push(
      domainAccount(`${h.name}$`, h.name, false, [
        h.role === "dc" ? "Domain Controllers" : "Domain Computers",
      ]),
    );
  // Built-in local Administrator on every member host.
  for (const h of hosts) {
    if (h.role === "dc") continue;
    users.push({
      sam: "Administrator",
      domain: h.name,
      sid: `${h.machineSid}-500`,
      rid: 500,
      kind: "local",
      fullName: "Administrator",
      admin: true,
      groups: ["Administrators"],
      host: h.name,
    });
  }

  const interactive =
    (env.interactiveUser && users.find((u) => u.sam.toLowerCase() === env.interactiveUser!.toLowerCase())) ||
    users.find(
      (u) =>
        u.kind === "domain" && u.rid > 1000 && !u.sam.endsWith("$") && !u.groups.includes("Domain Admins"),
    )!;
  const admin = users.find(
    (u) => u.kind === "domain" && u.groups.includes("Domain Admins") && u.rid !== 500,
  )!;
  return {
    domain,
    hosts,
    users,
    interactive,
    admin,
    system: builtin(WELL_KNOWN.system),
    localService: builtin(WELL_KNOWN.localService),
    networkService: builtin(WELL_KNOWN.networkService),
    anonymous: builtin(WELL_KNOWN.anonymous),
  };
}
