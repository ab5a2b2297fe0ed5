import { regValueTypes } from "@/lib/engine/actions";
import { appendReason, type CommandNote, type PlanBuilder } from "./builder";
import { hasFlag, option } from "./cmdline";
import { expandPath } from "./env";

/** Effects of reg.exe, schtasks.exe and sc.exe. */

const HIVES: Record<string, string> = {
  HKEY_LOCAL_MACHINE: "HKLM",
  HKEY_CURRENT_USER: "HKCU",
  HKEY_CLASSES_ROOT: "HKCR",
  HKEY_USERS: "HKU",
  HKLM: "HKLM",
  HKCU: "HKCU",
  HKCR: "HKCR",
  HKU: "HKU",
};

/** "HKEY_LOCAL_MACHINE\\X", "HKLM:\\X", "Registry::HKLM\\X" → "HKLM\\X"; null if not a local registry path. */
export function registryKey(raw: string): string | null {
  const s = raw
    .trim()
    .replace(/^['"]|['"]$/g, "")
    .replace(/^(Microsoft\.PowerShell\.Core\\)?Registry::/i, "")
    .replace(/\//g, "\\");
  const m =
    /^(HKEY_LOCAL_MACHINE|HKEY_CURRENT_USER|HKEY_CLASSES_ROOT|HKEY_USERS|HKLM|HKCU|HKCR|HKU):?(\\.*)?$/i.exec(
      s,
    );
  if (!m) return null;
  const rest = (m[2] ?? "").replace(/\\+$/, "").replace(/\\{2,}/g, "\\");
  if (/[*?$]/.test(rest)) return null;
  return HIVES[m[1].toUpperCase()] + rest;
}

function regType(t: string | undefined): (typeof regValueTypes)[number] {
  const up = (t ?? "REG_SZ").toUpperCase();
  return (regValueTypes as readonly string[]).includes(up)
    ? (up as (typeof regValueTypes)[number])
    : "REG_SZ";
}

function regData(type: string, data: string): string {
  if (type === "REG_DWORD" || type === "REG_QWORD")
    return /^(0x[0-9a-f]+|\d+)$/i.test(data.trim()) ? data.trim() : "0";
  return data;
}

export function reg(b: PlanBuilder, proc: string, args: string[], note: CommandNote): void {
  const verb = args[0]?.toLowerCase();
  const key = args[1] ? registryKey(args[1]) : null;
  if (["query", "export", "compare"].includes(verb ?? "")) return;
  if (verb === "save" && args[2]) {
    b.fileCreate(proc, expandPath(args[2], b.env), note);
    return;
  }
  if (verb === "import" || verb === "load" || verb === "restore") {
    note.unmapped = appendReason(note.unmapped, `reg ${verb}: the values come from a file`);
    return;
  }
  if (!key) {
    note.unmapped = appendReason(note.unmapped, `registry key not understood: ${args[1] ?? "(none)"}`);
    return;
  }
  const value = hasFlag(args, "/ve") ? "(Default)" : option(args, "/v");
  if (verb === "add") {
    if (value === undefined) b.registry({ kind: "registry.key.create", proc, key }, note);
    else {
      const type = regType(option(args, "/t"));
      b.registry(
        { kind: "registry.value.set", proc, key, value, type, data: regData(type, option(args, "/d") ?? "") },
        note,
      );
    }
  } else if (verb === "delete") {
    if (value !== undefined) b.registry({ kind: "registry.value.delete", proc, key, value }, note);
    else b.registry({ kind: "registry.key.delete", proc, key }, note);
  } else note.unmapped = appendReason(note.unmapped, `reg ${verb}`);
}

const TRIGGERS: Record<string, "logon" | "boot" | "daily" | "once" | "minute"> = {
  onlogon: "logon",
  onstart: "boot",
  daily: "daily",
  once: "once",
  minute: "minute",
  hourly: "daily",
  weekly: "daily",
  monthly: "daily",
  onidle: "logon",
  onevent: "logon",
};

function taskName(raw: string): string {
  const n = raw.replace(/\//g, "\\");
  return n.startsWith("\\") ? n : `\\${n}`;
}

export function schtasks(b: PlanBuilder, proc: string, args: string[], note: CommandNote): void {
  if (hasFlag(args, "/s")) {
    note.unmapped = appendReason(note.unmapped, "schtasks /s: remote host");
    return;
  }
  const tn = option(args, "/tn");
  if (hasFlag(args, "/create")) {
    const xml = option(args, "/xml");
    const tr = option(args, "/tr") ?? (xml ? `(task XML ${xml})` : undefined);
    if (!tn || !tr) {
      note.unmapped = appendReason(note.unmapped, "schtasks /create without /tn or /tr");
      return;
    }
    const name = taskName(tn);
    const ru = option(args, "/ru")?.toLowerCase();
    const trigger = TRIGGERS[(option(args, "/sc") ?? "onlogon").toLowerCase()] ?? "logon";
    b.add({
      kind: "task.create",
      proc,
      name,
      command: tr,
      trigger,
      runAs: ru && /^(nt authority\\)?system$/.test(ru) ? "@system" : undefined,
      runLevel: option(args, "/rl")?.toLowerCase() === "highest" ? "HighestAvailable" : "LeastPrivilege",
    });
    b.tasks.add(name.toLowerCase());
    note.effects.push(`task.create ${name}`);
  } else if (tn && (hasFlag(args, "/delete") || hasFlag(args, "/run") || hasFlag(args, "/change"))) {
    const name = taskName(tn);
    if (!b.tasks.has(name.toLowerCase())) {
      note.unmapped = appendReason(note.unmapped, `task ${name} is not created by this command sequence`);
      return;
    }
    if (hasFlag(args, "/delete")) {
      b.add({ kind: "task.delete", proc, name });
      b.tasks.delete(name.toLowerCase());
      note.effects.push(`task.delete ${name}`);
    } else if (hasFlag(args, "/run")) {
      b.add({ kind: "task.run", name });
      note.effects.push(`task.run ${name}`);
    } else {
      b.add({ kind: "task.update", proc, name, enabled: hasFlag(args, "/disable") ? false : undefined });
      note.effects.push(`task.update ${name}`);
    }
  }
}

export function sc(b: PlanBuilder, proc: string, args: string[], note: CommandNote): void {
  const verb = args[0]?.toLowerCase();
  if (verb?.startsWith("\\\\")) {
    note.unmapped = appendReason(note.unmapped, "sc \\\\host: remote service control");
    return;
  }
  const name = args[1];
  if (!name) return;
  if (verb === "create") {
    const bin = option(args, "binpath=", "binPath=") ?? "";
    if (!bin) return void (note.unmapped = appendReason(note.unmapped, "sc create without binPath="));
    const start = (option(args, "start=") ?? "demand").toLowerCase();
    b.add({
      kind: "service.install",
      proc,
      name,
      displayName: option(args, "displayname="),
      imagePath: bin,
      startType:
        start === "auto"
          ? "auto start"
          : start === "disabled"
            ? "disabled"
            : start === "boot"
              ? "boot start"
              : "demand start",
      serviceType:
        (option(args, "type=") ?? "").toLowerCase() === "kernel" ? "kernel mode driver" : "user mode service",
    });
    b.services.add(name.toLowerCase());
    note.effects.push(`service.install ${name}`);
  } else if (verb === "config") {
    const key = `HKLM\\System\\CurrentControlSet\\Services\\${name}`;
    const bin = option(args, "binpath=");
    const start = option(args, "start=");
    // The SCM (services.exe) writes the service key; sc.exe only asks over RPC.
    if (bin)
      b.registry(
        {
          kind: "registry.value.set",
          proc: "@services",
          key,
          value: "ImagePath",
          type: "REG_EXPAND_SZ",
          data: bin,
        },
        note,
      );
    if (start) {
      const n = { boot: 0, system: 1, auto: 2, demand: 3, disabled: 4 }[start.toLowerCase()];
      if (n !== undefined)
        b.registry(
          {
            kind: "registry.value.set",
            proc: "@services",
            key,
            value: "Start",
            type: "REG_DWORD",
            data: String(n),
          },
          note,
        );
    }
  } else if ((verb === "start" || verb === "stop") && b.services.has(name.toLowerCase())) {
    b.add({ kind: "service.state", name, state: verb === "start" ? "running" : "stopped" });
    note.effects.push(`service.state ${name} ${verb}`);
  }
}
