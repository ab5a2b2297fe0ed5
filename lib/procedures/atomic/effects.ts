import { appendReason, type CommandNote, type PlanBuilder } from "./builder";
import { hasFlag, option } from "./cmdline";
import { expandPath } from "./env";
import { PROXY_LOADS, S32 } from "./images";
import { reg, sc, schtasks } from "./system";

export { registryKey } from "./system";

/** Starts a nested command line (e.g. forfiles /c, wmic process call create) from a process. */
export type RunNested = (parent: string, commandLine: string, note: CommandNote) => void;

const LOCAL_GROUPS =
  /^(administrators|remote desktop users|backup operators|users|power users|remote management users)$/i;

function net(b: PlanBuilder, proc: string, args: string[], note: CommandNote): void {
  const verb = args[0]?.toLowerCase();
  const domain = hasFlag(args, "/domain", "/do");
  if (verb === "user" && args[1] && !args[1].startsWith("/")) {
    const user = args[1];
    if (hasFlag(args, "/add") || args.slice(2).some((a) => /^\/add$/i.test(a))) {
      if (!/^[A-Za-z0-9._-]{1,20}$/.test(user))
        return void (note.unmapped = appendReason(note.unmapped, `user name ${user}`));
      if (b.users.has(user.toLowerCase())) return;
      b.add({ kind: "account.create", proc, user, local: !domain });
      b.users.add(user.toLowerCase());
      note.effects.push(`account.create ${user}`);
    } else if (b.users.has(user.toLowerCase())) {
      if (args.some((a) => /^\/active:yes$/i.test(a))) b.add({ kind: "account.enable", proc, user });
      else if (args[2] && !args[2].startsWith("/")) b.add({ kind: "account.password.reset", proc, user });
      else return;
      note.effects.push(`account change ${user}`);
    }
  } else if ((verb === "localgroup" || verb === "group") && args[2] && hasFlag(args, "/add")) {
    const group = args[1];
    const user = args[2];
    if (!b.users.has(user.toLowerCase())) {
      note.unmapped = appendReason(note.unmapped, `group change for ${user}, an account not created here`);
      return;
    }
    b.add({
      kind: "group.member.add",
      proc,
      user,
      group: verb === "localgroup" && LOCAL_GROUPS.test(group) ? group : group,
    });
    note.effects.push(`group.member.add ${user} → ${group}`);
  } else if (verb === "use" && args[1]?.startsWith("\\\\")) {
    const host = args[1].slice(2).split("\\")[0];
    if (!/^(localhost|127\.0\.0\.1|\.)$/i.test(host) && /^[A-Za-z0-9.-]+$/.test(host))
      b.connect(proc, host, 445, note);
  }
}

function wmic(b: PlanBuilder, proc: string, args: string[], note: CommandNote, run: RunNested): void {
  const node = args.find((a) => /^\/node:/i.test(a));
  const lower = args.map((a) => a.toLowerCase());
  const i = lower.indexOf("create");
  if (lower.includes("process") && lower.includes("call") && i >= 0 && args[i + 1]) {
    const target = node?.slice(6).replace(/"/g, "");
    if (target && !/^(localhost|127\.0\.0\.1|\.)$/i.test(target))
      return void (note.unmapped = appendReason(
        note.unmapped,
        `wmic /node:${target}: remote process creation`,
      ));
    // Win32_Process.Create runs the command line from the WMI provider host.
    run("@wmiprvse", args.slice(i + 1).join(" "), note);
  }
}

function certutil(b: PlanBuilder, proc: string, args: string[], note: CommandNote): void {
  const lower = args.map((a) => a.toLowerCase().replace(/^\//, "-"));
  const url = args.find((a) => /^(https?|ftp):\/\//i.test(a));
  if (url && (lower.includes("-urlcache") || lower.includes("-verifyctl"))) {
    const rest = args.filter((a) => !/^[-/]/.test(a) && a !== url);
    b.download(proc, url, rest[0] ? expandPath(rest[0], b.env) : undefined, note);
    return;
  }
  const op = lower.find((a) => ["-decode", "-encode", "-decodehex", "-encodehex"].includes(a));
  if (op) {
    const files = args.filter((a) => !/^[-/]/.test(a));
    if (files[0]) b.fileRead(proc, expandPath(files[0], b.env), note);
    if (files[1]) b.fileCreate(proc, expandPath(files[1], b.env), note);
  }
}

function bitsadmin(b: PlanBuilder, args: string[], note: CommandNote): void {
  const url = args.find((a) => /^(https?|ftp):\/\//i.test(a));
  if (!url) return;
  const out = args[args.indexOf(url) + 1];
  // The BITS service (svchost -k netsvcs -s BITS) downloads and writes the file.
  b.download("@svchost:BITS", url, out ? expandPath(out, b.env) : undefined, note);
}

function curl(b: PlanBuilder, proc: string, args: string[], note: CommandNote): void {
  const url = args.find((a) => /^(https?|ftp):\/\//i.test(a));
  if (!url) return;
  let out = option(args, "-o", "--output", "-outfile", "-O");
  if (!out && hasFlag(args, "-O")) out = url.replace(/[?#].*$/, "").replace(/^.*\//, "");
  b.download(proc, url, out ? expandPath(out, b.env) : undefined, note);
}

function proxyLoad(
  b: PlanBuilder,
  proc: string,
  name: string,
  args: string[],
  note: CommandNote,
  run: RunNested,
): void {
  const loads = [...(PROXY_LOADS[name] ?? [])];
  if (name === "rundll32" || name === "regsvr32") {
    const target = args.find((a) => !a.startsWith("/") && !a.startsWith("-"));
    if (target) {
      const dll = target.split(",")[0].replace(/"/g, "");
      if (!/^(javascript|vbscript):/i.test(dll)) {
        const path = expandPath(
          /[\\/]/.test(dll) ? dll : `${S32}\\${dll.includes(".") ? dll : `${dll}.dll`}`,
          b.env,
        );
        if (name === "regsvr32" && !/scrobj/i.test(path)) loads.length = 0;
        if (/^[a-z]:\\/i.test(path)) loads.unshift(path);
      } else loads.push(`${S32}\\mshtml.dll`, `${S32}\\jscript9.dll`);
    }
  }
  for (const image of [...new Set(loads)]) {
    b.add({ kind: "image.load", proc, image });
    note.effects.push(`image.load ${image.replace(/^.*\\/, "")}`);
  }
  const url = /https?:\/\/[^\s'"()`]+/i.exec(args.join(" "))?.[0];
  if (url) b.download(proc, url, undefined, note);
  // Script hosts running a command line: WScript.Shell.Run "…" / .Exec("…").
  const shellRun = /\.(?:Run|Exec)\s*\(?\s*"+([^"]{3,}?)"+/i.exec(args.join(" "));
  if (shellRun && (name === "mshta" || name === "cscript" || name === "wscript"))
    run(proc, shellRun[1], note);
}

/** Effects of a native program beyond its own process creation. */
export function nativeEffects(
  b: PlanBuilder,
  proc: string,
  name: string,
  args: string[],
  note: CommandNote,
  run: RunNested,
): void {
  switch (name) {
    case "reg":
      return reg(b, proc, args, note);
    case "schtasks":
      return schtasks(b, proc, args, note);
    case "sc":
      return sc(b, proc, args, note);
    case "net":
    case "net1":
      return net(b, proc, args, note);
    case "wmic":
      return wmic(b, proc, args, note, run);
    case "certutil":
      return certutil(b, proc, args, note);
    case "bitsadmin":
      return bitsadmin(b, args, note);
    case "curl":
    case "wget":
      return curl(b, proc, args, note);
    case "wevtutil": {
      const verb = args[0]?.toLowerCase();
      const ch = args[1]?.toLowerCase();
      if (verb === "cl" || verb === "clear-log") {
        const channel =
          ch === "security"
            ? "Security"
            : ch === "system"
              ? "System"
              : ch === "microsoft-windows-sysmon/operational"
                ? "Microsoft-Windows-Sysmon/Operational"
                : null;
        if (channel) {
          b.add({ kind: "log.clear", proc, channel });
          note.effects.push(`log.clear ${channel}`);
        } else
          note.unmapped = appendReason(note.unmapped, `wevtutil cl ${args[1] ?? ""}: channel not rendered`);
      }
      return;
    }
    case "forfiles": {
      const c = option(args, "/c");
      // forfiles expands 0xHH before starting the command; @file/@path are per matched file.
      if (c)
        run(
          proc,
          c
            .replace(/0x([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
            .replace(/@(path|file|fname)/gi, '"notepad.exe"'),
          note,
        );
      return;
    }
    case "rundll32":
    case "regsvr32":
    case "mshta":
    case "cscript":
    case "wscript":
    case "msbuild":
    case "installutil":
    case "regasm":
    case "regsvcs":
      return proxyLoad(b, proc, name, args, note, run);
    case "ping":
    case "nslookup": {
      const host = args.find((a) => !a.startsWith("-") && !a.startsWith("/"));
      if (host && name === "nslookup" && /^[a-z0-9.-]+\.[a-z]{2,}$/i.test(host)) {
        b.add({ kind: "dns.query", proc, name: host.toLowerCase() });
        note.effects.push(`dns ${host}`);
      }
      return;
    }
  }
}
