import { regValueTypes } from "@/lib/engine/actions";
import { appendReason, type CommandNote, type PlanBuilder } from "./builder";
import { registryKey } from "./effects";
import { expandPath, expandPsVars } from "./env";
import { knownImage } from "./images";
import { bind, type Bound, insideString, literal, param, psSplit, psTokens } from "./pstokens";

export { psSplit, psTokens } from "./pstokens";

/** Starts a native program from a process (the cmd mapper's runProgram, passed in to avoid an import cycle). */
export type StartProgram = (
  b: PlanBuilder,
  parent: string,
  commandLine: string,
  typed?: string,
  detached?: boolean,
) => string | null;

/** Language keywords and aliases that stay inside the PowerShell process (no host effect beyond 4104). */
const IN_PROCESS = new Set(
  "exit echo cd throw select sort where foreach function filter do sleep if else elseif while for switch return break continue param begin process end trap ls dir cat gci gc gwmi gps ps fl ft fw kill spps clear cls pwd sl popd pushd measure tee try catch finally write-host write-output write-verbose until class enum using".split(
    " ",
  ),
);

const ALIASES: Record<string, string> = {
  ni: "new-item",
  md: "new-item",
  mkdir: "new-item",
  sp: "set-itemproperty",
  rp: "remove-itemproperty",
  ri: "remove-item",
  rm: "remove-item",
  del: "remove-item",
  erase: "remove-item",
  rmdir: "remove-item",
  rd: "remove-item",
  cp: "copy-item",
  copy: "copy-item",
  cpi: "copy-item",
  mv: "move-item",
  move: "move-item",
  mi: "move-item",
  sc: "set-content",
  ac: "add-content",
  iwr: "invoke-webrequest",
  wget: "invoke-webrequest",
  curl: "invoke-webrequest",
  irm: "invoke-restmethod",
  iex: "invoke-expression",
  saps: "start-process",
  start: "start-process",
  icm: "invoke-command",
  echo: "write-output",
  write: "write-output",
  cat: "get-content",
  gc: "get-content",
  type: "get-content",
};

/** Runs a PowerShell script inside process `ps`: script block logging (4104), then what each command does. */
export function runPowerShell(
  b: PlanBuilder,
  ps: string,
  script: string,
  start: StartProgram,
  scriptBlock = true,
): void {
  const text = script.trim();
  if (!text) return;
  if (scriptBlock) {
    b.add({ kind: "powershell.scriptblock", proc: ps, script: text.slice(0, 1_000_000) }, `${ps}-4104`);
  }
  runStatements(b, ps, text, start, 0);
}

function runStatements(b: PlanBuilder, ps: string, text: string, start: StartProgram, depth: number): void {
  if (depth > 6) return;
  for (const statement of psSplit(text, ";")) {
    for (const element of psSplit(statement, "|")) runElement(b, ps, element, start, depth);
  }
}

function runElement(b: PlanBuilder, ps: string, element: string, start: StartProgram, depth: number): void {
  const assign = /^\$(\w+)\s*=\s*([\s\S]*)$/.exec(element.trim());
  if (assign && /^(['"])[\s\S]*\1$/.test(assign[2].trim())) {
    // Remember string variables so later commands using them resolve ($key = "HKLM:\…"; sp $key …).
    const value = literal(assign[2], b);
    if (value !== null) {
      b.psVars.set(assign[1].toLowerCase(), value);
      return;
    }
  }
  let e = element.replace(/^\$[\w:]+\s*=\s*/, "").trim();
  // Blocks of control flow and script blocks: map their bodies.
  const block = /^(?:if|elseif|else|foreach|for|while|try|catch|finally|do)\b[^{]*\{([\s\S]*)\}$/i.exec(e);
  if (block) return runStatements(b, ps, block[1], start, depth + 1);
  if (/^&\s*\{[\s\S]*\}$/.test(e))
    return runStatements(b, ps, e.replace(/^&\s*\{|\}$/g, ""), start, depth + 1);
  // Sub-expressions first: (iwr …), $(…), (New-Object Net.WebClient).DownloadFile(…).
  webClient(b, ps, e);
  for (const m of e.matchAll(/\$?\(((?:[^()]|\([^()]*\))*)\)/g)) {
    if (/^\s*[A-Za-z]+-[A-Za-z]+|^\s*(iwr|iex|irm|saps)\b/i.test(m[1]))
      runElement(b, ps, m[1], start, depth + 1);
  }
  e = e.replace(/^[&.]\s+/, "");
  const tokens = psTokens(e);
  if (tokens.length === 0) return;
  const head = tokens[0].replace(/^['"]|['"]$/g, "");
  const cmdlet = ALIASES[head.toLowerCase()] ?? head.toLowerCase();
  const bound = bind(tokens.slice(1));
  if (cmdletEffect(b, ps, cmdlet, bound, e, start, depth)) return;
  if (/^(iex|invoke-expression)\s*\(/i.test(e)) {
    // IEX of a downloaded or computed string: the download is mapped above, the code it runs is not known.
    if (!/\.Download(String|Data)/i.test(e))
      b.note(element).unmapped = "Invoke-Expression of a computed string";
    return;
  }
  if (
    IN_PROCESS.has(head.toLowerCase()) ||
    /^[a-z]+-[a-z0-9]+$/i.test(head) ||
    /^[$(\[@'"{}/%?-]/.test(head) ||
    /^\d/.test(head)
  )
    return;
  if (/^(https?|ftp):\/\//i.test(head)) return;
  // Bare names are looked up on PATH only; paths are taken as written.
  const path = /[\\/]/.test(head) ? expandPath(head, b.env) : head;
  if (knownImage(path) || /^[a-z]:\\.+\.(exe|com|bat|cmd)$/i.test(path)) {
    // PowerShell starts native programs with the resolved path quoted, arguments after.
    const image = /^[a-z]:\\/i.test(path) ? path : knownImage(path)!;
    const args = tokens
      .slice(1)
      .map((t) => expandPsVars(t, b.env).replace(/^'(.*)'$/s, '"$1"'))
      .join(" ");
    start(b, ps, `"${image}"${args ? ` ${args}` : ""}`, element);
    return;
  }
  const note = b.note(element);
  note.unmapped = `PowerShell command "${head}" not understood`;
}

function webClient(b: PlanBuilder, ps: string, e: string): void {
  for (const m of e.matchAll(
    /\.Download(File|String|Data)(?:Async)?\(\s*("[^"]*"|'[^']*'|[^,)]+)\s*(?:,\s*("[^"]*"|'[^']*'|[^)]+))?\)/gi,
  )) {
    if (insideString(e, m.index!)) continue;
    const note = b.note(m[0]);
    const url = literal(m[2], b);
    if (!url) {
      note.unmapped = "download URL is an expression";
      continue;
    }
    const out = m[1].toLowerCase() === "file" ? literal(m[3], b) : null;
    b.download(ps, url, out ? expandPath(out, b.env) : undefined, note);
  }
}

function isRegistry(path: string): boolean {
  return /^(HKLM|HKCU|HKCR|HKU|HKEY_|Registry::)/i.test(path.replace(/^['"]/, ""));
}

/** Effects of cmdlets that touch the host; true when the cmdlet is known (even without effects). */
function cmdletEffect(
  b: PlanBuilder,
  ps: string,
  cmdlet: string,
  bound: Bound,
  text: string,
  start: StartProgram,
  depth: number,
): boolean {
  const val = (names: string[], pos?: number) => literal(param(bound, names, pos), b);
  const note = (): CommandNote => b.note(text);
  switch (cmdlet) {
    case "new-item": {
      const raw = val(["path", "p"], 0);
      const name = val(["name"]);
      if (!raw && !name) return true;
      const full = raw && name ? `${raw.replace(/\\$/, "")}\\${name}` : (raw ?? name)!;
      const n = note();
      const type = (val(["itemtype", "type"]) ?? "").toLowerCase();
      if (isRegistry(full)) {
        const key = registryKey(full);
        if (key) b.registry({ kind: "registry.key.create", proc: ps, key }, n);
      } else if (type !== "directory") b.fileCreate(ps, expandPath(full, b.env), n);
      return true;
    }
    case "set-itemproperty":
    case "new-itemproperty": {
      const key = registryKey(val(["path", "literalpath"], 0) ?? "");
      const name = val(["name"], 1);
      const n = note();
      if (!key || name === null) {
        n.unmapped = "registry path or value name is an expression";
        return true;
      }
      const t = (val(["propertytype", "type"]) ?? "String").toLowerCase();
      const type =
        (
          {
            dword: "REG_DWORD",
            qword: "REG_QWORD",
            expandstring: "REG_EXPAND_SZ",
            binary: "REG_BINARY",
            multistring: "REG_MULTI_SZ",
          } as Record<string, (typeof regValueTypes)[number]>
        )[t] ?? "REG_SZ";
      let data = val(["value"], 2) ?? "";
      if ((type === "REG_DWORD" || type === "REG_QWORD") && !/^(0x[0-9a-f]+|\d+)$/i.test(data)) data = "0";
      b.registry({ kind: "registry.value.set", proc: ps, key, value: name || "(Default)", type, data }, n);
      return true;
    }
    case "remove-itemproperty": {
      const key = registryKey(val(["path"], 0) ?? "");
      const name = val(["name"], 1);
      if (key && name) b.registry({ kind: "registry.value.delete", proc: ps, key, value: name }, note());
      return true;
    }
    case "remove-item": {
      const p = val(["path", "literalpath"], 0);
      if (!p) return true;
      const n = note();
      if (isRegistry(p)) {
        const key = registryKey(p);
        if (key) b.registry({ kind: "registry.key.delete", proc: ps, key }, n);
      } else if (/\.[a-z0-9]{1,5}$/i.test(p)) b.fileDelete(ps, expandPath(p, b.env), n);
      return true;
    }
    case "copy-item":
    case "move-item": {
      const src = val(["path", "literalpath"], 0);
      const dst = val(["destination"], 1);
      if (!src || !dst || isRegistry(src)) return true;
      const n = note();
      const s = expandPath(src, b.env);
      let d = expandPath(dst, b.env);
      if (!/\.[a-z0-9]{1,5}$/i.test(d)) d = `${d.replace(/\\$/, "")}\\${s.replace(/^.*\\/, "")}`;
      b.fileCreate(ps, d, n);
      if (cmdlet === "move-item") b.fileDelete(ps, s, n);
      return true;
    }
    case "out-file":
    case "set-content":
    case "add-content": {
      const p = val(["filepath", "path", "literalpath"], 0);
      if (p) b.fileCreate(ps, expandPath(p, b.env), note());
      return true;
    }
    case "invoke-webrequest":
    case "invoke-restmethod":
    case "start-bitstransfer": {
      const url = val(["uri", "source", "u"], 0);
      const n = note();
      if (!url) {
        n.unmapped = "download URL is an expression";
        return true;
      }
      const out = val(["outfile", "destination"], cmdlet === "start-bitstransfer" ? 1 : undefined);
      b.download(
        cmdlet === "start-bitstransfer" ? "@svchost:BITS" : ps,
        url,
        out ? expandPath(out, b.env) : undefined,
        n,
      );
      return true;
    }
    case "start-process": {
      const file = val(["filepath", "file"], 0);
      if (!file) {
        note().unmapped = "Start-Process target is an expression";
        return true;
      }
      const argsRaw = param(bound, ["argumentlist", "args"], 1);
      const args = argsRaw
        ? psTokens(argsRaw.replace(/^@?\(|\)$/g, ""))
            .map((t) => literal(t, b) ?? t)
            .join(" ")
        : "";
      const image = /^[a-z]:\\/i.test(expandPath(file, b.env))
        ? expandPath(file, b.env)
        : (knownImage(file) ?? file);
      const quoted = /\s/.test(image) || /^[a-z]:\\/i.test(image) ? `"${image}"` : image;
      start(b, ps, `${quoted}${args ? ` ${args}` : ""}`, text, true);
      return true;
    }
    case "invoke-expression": {
      const code = val(["command"], 0);
      if (code) {
        // IEX compiles its string as a new script block: logged (4104) and run.
        b.add({ kind: "powershell.scriptblock", proc: ps, script: code }, `${ps}-iex`);
        runStatements(b, ps, code, start, depth + 1);
      }
      return true;
    }
    case "invoke-command": {
      if (param(bound, ["computername", "session", "cn"])) {
        note().unmapped = "Invoke-Command to a remote computer";
        return true;
      }
      const sb = param(bound, ["scriptblock"], 0);
      if (sb && /^\{[\s\S]*\}$/.test(sb)) runStatements(b, ps, sb.slice(1, -1), start, depth + 1);
      return true;
    }
    case "clear-eventlog": {
      const log = (val(["logname"], 0) ?? "").toLowerCase();
      if (log === "security" || log === "system") {
        b.add({ kind: "log.clear", proc: ps, channel: log === "security" ? "Security" : "System" });
        note().effects.push(`log.clear ${log}`);
      }
      return true;
    }
    case "new-service": {
      const name = val(["name"], 0);
      const bin = val(["binarypathname"], 1);
      if (name && bin) {
        b.add({
          kind: "service.install",
          proc: ps,
          name,
          imagePath: bin,
          startType:
            (val(["startuptype"]) ?? "").toLowerCase() === "automatic" ? "auto start" : "demand start",
        });
        b.services.add(name.toLowerCase());
        note().effects.push(`service.install ${name}`);
      }
      return true;
    }
    case "new-localuser": {
      const name = val(["name"], 0);
      if (name && /^[A-Za-z0-9._-]{1,20}$/.test(name) && !b.users.has(name.toLowerCase())) {
        b.add({ kind: "account.create", proc: ps, user: name, local: true });
        b.users.add(name.toLowerCase());
        note().effects.push(`account.create ${name}`);
      }
      return true;
    }
    case "add-localgroupmember": {
      const group = val(["group", "name"], 0);
      const member = val(["member"], 1);
      const n = note();
      if (group && member && b.users.has(member.toLowerCase())) {
        b.add({ kind: "group.member.add", proc: ps, user: member, group });
        n.effects.push(`group.member.add ${member} → ${group}`);
      } else n.unmapped = appendReason(n.unmapped, "group member is not an account created here");
      return true;
    }
  }
  return false;
}
