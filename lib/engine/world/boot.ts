import type { Rng } from "../rng";
import type { Host, Integrity, ProcessInfo, Session, User } from "./types";
import type { World } from "./world";

/**
 * Boots a host the way Windows 10/11 and Server 2022 start: System → smss → csrss/wininit →
 * services/lsass → svchost groups, then the interactive logon (winlogon → userinit → explorer) on
 * workstations. Boot happens before the scenario window, so none of this is rendered; it is the world the
 * scenario's processes hang from.
 */

const S32 = "C:\\Windows\\system32";

/** svchost groups: [ref suffix, command line, account]. One svchost per service group as on machines with ≥3.5 GB. */
const svchostGroups: readonly (readonly [string, string, "system" | "local" | "network"])[] = [
  ["DcomLaunch", "-k DcomLaunch -p", "system"],
  ["RPCSS", "-k RPCSS -p", "network"],
  ["EventLog", "-k LocalServiceNetworkRestricted -p -s EventLog", "local"],
  ["netsvcs", "-k netsvcs -p", "system"],
  ["Schedule", "-k netsvcs -p -s Schedule", "system"],
  ["Winmgmt", "-k netsvcs -p -s Winmgmt", "system"],
  ["Dnscache", "-k NetworkService -p -s Dnscache", "network"],
  ["LanmanServer", "-k netsvcs -p -s LanmanServer", "system"],
  ["BITS", "-k netsvcs -p -s BITS", "system"],
  ["wuauserv", "-k netsvcs -p -s wuauserv", "system"],
  ["LocalService", "-k LocalService -p", "local"],
  ["LocalSystemNetworkRestricted", "-k LocalSystemNetworkRestricted -p -s SysMain", "system"],
  ["UsoSvc", "-k netsvcs -p -s UsoSvc", "system"],
];

export function bootHost(world: World, host: Host, startUs: number, rng: Rng): void {
  const st = world.state(host.name);
  const e = world.estate;
  const bootUs = startUs - rng.int(2 * 3600, 5 * 86400) * 1_000_000 - rng.int(0, 999_999);
  st.bootUs = bootUs;
  let t = bootUs;
  const tick = (minMs: number, maxMs: number) => (t += rng.int(minMs * 1000, maxMs * 1000));

  const sess = (name: string, user: User, logonId: number, type: number, subject?: Session["subject"]) =>
    world.createSession({
      ...(subject ? { subject } : {}),
      host: host.name,
      name,
      user,
      logonType: type,
      elevated: true,
      authPackage: "Negotiate",
      sourceIp: "-",
      sourcePort: 0,
      sourceHost: "-",
      startUs: bootUs,
      terminalSession: 0,
      logonId,
    });
  const system = sess("@system", e.system, 0x3e7, 0, { sam: `${host.name}$`, domain: world.domain.netbios });
  const network = sess("@networkservice", e.networkService, 0x3e4, 5);
  const local = sess("@localservice", e.localService, 0x3e5, 5);
  const machineSessions = { system, local, network };

  const spawn = (
    name: string,
    parent: ProcessInfo | null,
    path: string,
    commandLine: string,
    session: Session,
    integrity: Integrity = "System",
    pid?: number,
  ): ProcessInfo =>
    world.createProcess({
      host: host.name,
      name,
      parent,
      image: st.catalog.image(path),
      commandLine,
      currentDirectory: `${S32}\\`,
      user: session.user,
      session,
      integrity,
      tokenElevation: "%%1936",
      startUs: tick(2, 40),
      pid,
    });

  const sys = spawn("@system", null, "System", "", system, "System", 4);
  spawn("@registry", sys, "Registry", "", system);
  const smss = spawn("@smss", sys, `${S32}\\smss.exe`, "\\SystemRoot\\System32\\smss.exe", system);
  const csrssArgs =
    "ObjectDirectory=\\Windows SharedSection=1024,20480,768 Windows=On SubSystemType=Windows ServerDll=basesrv,1 ServerDll=winsrv:UserServerDllInitialization,3 ServerDll=sxssrv,4 ProfileControl=Off MaxRequestThreads=16";
  spawn("@csrss", smss, `${S32}\\csrss.exe`, `%SystemRoot%\\system32\\csrss.exe ${csrssArgs}`, system);
  const wininit = spawn("@wininit", smss, `${S32}\\wininit.exe`, "wininit.exe", system);
  const services = spawn("@services", wininit, `${S32}\\services.exe`, `${S32}\\services.exe`, system);
  const lsass = spawn("@lsass", wininit, `${S32}\\lsass.exe`, `${S32}\\lsass.exe`, system);
  spawn("@fontdrvhost0", wininit, `${S32}\\fontdrvhost.exe`, '"fontdrvhost.exe"', system, "Low");

  for (const [ref, args, account] of svchostGroups) {
    const s = machineSessions[account];
    spawn(`@svchost:${ref}`, services, `${S32}\\svchost.exe`, `${S32}\\svchost.exe ${args}`, s);
  }
  spawn("@spoolsv", services, `${S32}\\spoolsv.exe`, `${S32}\\spoolsv.exe`, system);
  const defender = "C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.24090.11-0\\MsMpEng.exe";
  spawn("@msmpeng", services, defender, `"${defender}"`, system);
  const sysmon = spawn("@sysmon", services, "C:\\Windows\\Sysmon64.exe", "C:\\Windows\\Sysmon64.exe", system);
  spawn(
    "@searchindexer",
    services,
    `${S32}\\SearchIndexer.exe`,
    `${S32}\\SearchIndexer.exe /Embedding`,
    system,
  );
  if (host.role === "dc") {
    spawn("@dns", services, `${S32}\\dns.exe`, `${S32}\\dns.exe`, system);
    spawn("@dfsrs", services, `${S32}\\dfsrs.exe`, `${S32}\\dfsrs.exe`, system);
    spawn("@ismserv", services, `${S32}\\ismserv.exe`, `${S32}\\ismserv.exe`, system);
  }
  const dcom = world.proc(host, "@svchost:DcomLaunch")!;
  spawn(
    "@wmiprvse",
    dcom,
    `${S32}\\wbem\\WmiPrvSE.exe`,
    `${S32}\\wbem\\wmiprvse.exe -secured -Embedding`,
    network,
  );

  // Session 1: console.
  const csrss1 = spawn(
    "@csrss1",
    smss,
    `${S32}\\csrss.exe`,
    `%SystemRoot%\\system32\\csrss.exe ${csrssArgs}`,
    system,
  );
  const winlogon = spawn("@winlogon", smss, `${S32}\\winlogon.exe`, "winlogon.exe", system);
  void csrss1;
  spawn("@fontdrvhost1", winlogon, `${S32}\\fontdrvhost.exe`, '"fontdrvhost.exe"', system, "Low");
  spawn("@dwm", winlogon, `${S32}\\dwm.exe`, '"dwm.exe"', system);

  // Writers of the System part's Execution element.
  const evtlog = world.proc(host, "@svchost:EventLog")!;
  st.writers.set("*", { pid: evtlog.pid, tid: st.ids.allocate() });
  st.writers.set("Microsoft-Windows-Sysmon/Operational", { pid: sysmon.pid, tid: sysmon.threadId });
  st.writers.set("Security", { pid: lsass.pid, tid: st.ids.allocate() });
  st.writers.set("System", { pid: services.pid, tid: services.threadId });

  if (host.role === "workstation") logonInteractive(world, host, e.interactive, startUs, rng, winlogon);
}

/** Console logon of `user`: split token for admins, userinit → explorer, shell helpers. */
function logonInteractive(
  world: World,
  host: Host,
  user: User,
  startUs: number,
  rng: Rng,
  winlogon: ProcessInfo,
): void {
  const st = world.state(host.name);
  const logonUs = Math.max(st.bootUs + 60_000_000, startUs - rng.int(600, 7200) * 1_000_000);
  const base = {
    host: host.name,
    user,
    logonType: 2,
    authPackage: "Kerberos",
    sourceIp: "127.0.0.1",
    sourcePort: 0,
    sourceHost: host.name,
    startUs: logonUs,
    terminalSession: 1,
  };
  const elevated = user.admin
    ? world.createSession({ ...base, name: "@interactive-elevated", elevated: true })
    : null;
  const limited = world.createSession({ ...base, name: "@interactive", elevated: false });
  if (elevated) {
    elevated.linked = limited;
    limited.linked = elevated;
  }
  let t = logonUs + rng.int(200_000, 900_000);
  const home = `C:\\Users\\${user.sam}`;
  const spawn = (name: string, parent: ProcessInfo, path: string, commandLine: string, cwd = `${home}\\`) =>
    world.createProcess({
      host: host.name,
      name,
      parent,
      image: st.catalog.image(path),
      commandLine,
      currentDirectory: cwd,
      user,
      session: limited,
      integrity: "Medium",
      tokenElevation: user.admin ? "%%1938" : "%%1936",
      startUs: (t += rng.int(5_000, 400_000)),
    });
  const userinit = spawn("@userinit", winlogon, `${S32}\\userinit.exe`, `${S32}\\userinit.exe`, `${S32}\\`);
  const explorer = spawn(
    "@explorer",
    userinit,
    "C:\\Windows\\explorer.exe",
    "C:\\Windows\\Explorer.EXE",
    `${S32}\\`,
  );
  world.terminate(userinit, (t += rng.int(1_000_000, 5_000_000)));
  const netsvcs = world.proc(host, "@svchost:netsvcs")!;
  const dcom = world.proc(host, "@svchost:DcomLaunch")!;
  const schedule = world.proc(host, "@svchost:Schedule")!;
  spawn("@sihost", netsvcs, `${S32}\\sihost.exe`, "sihost.exe");
  spawn(
    "@taskhost",
    schedule,
    `${S32}\\taskhostw.exe`,
    "taskhostw.exe {222A245B-E637-4AE9-A93F-A59CA119A75E}",
  );
  spawn("@ctfmon", explorer, `${S32}\\ctfmon.exe`, '"ctfmon.exe"');
  spawn(
    "@runtimebroker",
    dcom,
    `${S32}\\RuntimeBroker.exe`,
    `${S32}\\RuntimeBroker.exe -Embedding`,
    `${S32}\\`,
  );
  const edge = "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe";
  spawn("@msedge", explorer, edge, `"${edge}" --no-startup-window --win-session-start`);
  st.files.set(`${home}\\documents`.toLowerCase(), logonUs);
}
