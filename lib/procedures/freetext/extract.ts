import { knownBinaryNames } from "../atomic/images";

/** Indicators found in an analyst's description, each with the span of text it came from. */

export type ExtractedKind =
  "command" | "binary" | "path" | "registry" | "url" | "domain" | "ip" | "port" | "user" | "hash";

export interface Extracted {
  readonly kind: ExtractedKind;
  readonly value: string;
  /** [start, end) offsets in the text. */
  readonly span: readonly [number, number];
}

const BINARIES = new Set(knownBinaryNames());
/** Binary names that are also English words: only commands when arguments follow. */
const AMBIGUOUS = new Set(
  "start copy move del call at find sort print replace expand where time date type more help start set write change query reset control format explorer finger net reg sc tar ping route hostname clip choice msg shutdown logoff shadow notepad calc java node git py".split(
    " ",
  ),
);
const SUBCOMMANDS: Record<string, readonly string[]> = {
  net: [
    "user",
    "group",
    "localgroup",
    "use",
    "share",
    "view",
    "start",
    "stop",
    "session",
    "accounts",
    "time",
    "config",
  ],
  reg: ["add", "delete", "query", "save", "export", "import", "load"],
  sc: ["create", "config", "start", "stop", "query", "delete", "qc", "description"],
  schtasks: ["/create", "/delete", "/run", "/query", "/change"],
  vssadmin: ["delete", "create", "list", "resize", "shadows", "shadowstorage"],
  wevtutil: ["cl", "el", "qe", "gl", "sl", "clear-log"],
  "7z": ["a", "x", "e", "l"],
  wmic: [
    "process",
    "call",
    "create",
    "get",
    "where",
    "list",
    "os",
    "service",
    "qfe",
    "useraccount",
    "shadowcopy",
    "delete",
    "startup",
    "product",
    "computersystem",
    "share",
    "group",
    "nicconfig",
    "brief",
    "full",
  ],
};
/** cmd built-ins that start or touch things; like ambiguous words they need arguments. */
const BUILTIN_HEADS = new Set(["start", "copy", "move", "del", "call"]);
const STOPWORDS = new Set(
  "and then or but to the a an with which that after before while using via followed plus also so as it they this these those was were is are be been on in of for by from into onto its their his her we he she them".split(
    " ",
  ),
);
const CMDLET =
  /^(New|Set|Get|Remove|Copy|Move|Invoke|Start|Stop|Add|Clear|Out|Register|Import|Export|Expand|Compress|Test|Write)-[A-Z][A-Za-z]+$/;

/** A command's first token: a known binary, a path to a program, or a PowerShell cmdlet. */
export function commandHead(token: string): boolean {
  const t = token.replace(/^["']|["']$/g, "");
  if (CMDLET.test(t) || /^(iex|iwr|irm)$/i.test(t)) return true;
  if (/^[a-z]:\\.+\.(exe|bat|cmd|ps1|vbs|js|hta)$/i.test(t) || /^%\w+%\\.+\.(exe|bat|cmd|ps1)$/i.test(t))
    return true;
  const name = t.toLowerCase().replace(/\.(exe|com)$/, "");
  return BINARIES.has(name) || BUILTIN_HEADS.has(name);
}

function overlaps(spans: readonly (readonly [number, number])[], s: number, e: number): boolean {
  return spans.some(([a, b]) => s < b && e > a);
}

/** Quoted (" “” ') or backticked strings whose first word is a command. */
function quotedCommands(text: string, out: Extracted[], taken: [number, number][]): void {
  for (const m of text.matchAll(/`([^`]+)`|“([^”]+)”|"((?:[^"\\]|\\.)+?)"(?=[\s,.;:)]|$)/g)) {
    const inner = m[1] ?? m[2] ?? m[3];
    const start = m.index! + 1;
    const head = inner.trim().split(/\s+/)[0] ?? "";
    if (!commandHead(head) || inner.trim().split(/\s+/).length < (AMBIGUOUS.has(head.toLowerCase()) ? 2 : 1))
      continue;
    if (overlaps(taken, m.index!, m.index! + m[0].length)) continue;
    out.push({ kind: "command", value: inner.trim(), span: [start, start + inner.length] });
    taken.push([m.index!, m.index! + m[0].length]);
  }
}

/** Bare invocations in prose: a known binary followed by argument-looking tokens up to a clause boundary. */
function bareCommands(text: string, out: Extracted[], taken: [number, number][]): void {
  const word = /"[A-Za-z]:\\[^"]+\.(?:exe|bat|cmd)"|[A-Za-z0-9_.\\:%-]+/g;
  for (const m of text.matchAll(word)) {
    const start = m.index!;
    if (overlaps(taken, start, start + m[0].length)) continue;
    if (start > 0 && /[\\/%$.-]/.test(text[start - 1])) continue;
    const head = m[0].startsWith('"') ? m[0] : m[0].replace(/[.,:]+$/, "");
    if (!commandHead(head) || CMDLET.test(head)) continue;
    const name = head
      .replace(/"/g, "")
      .replace(/^.*\\/, "")
      .toLowerCase()
      .replace(/\.(exe|com)$/, "");
    // Scan argument tokens.
    let i = start + head.length;
    let end = i;
    let args = 0;
    let prev = "";
    for (;;) {
      const rest = text.slice(i);
      const ws = /^[ \t]+/.exec(rest);
      if (!ws) break;
      const j = i + ws[0].length;
      const tok = /^("[^"]*"|'[^']*'|[^\s"']+)/.exec(text.slice(j));
      if (!tok) break;
      let t = tok[0];
      const clean = t.replace(/[,;]$/, "").replace(/\.$/, "");
      const sub = SUBCOMMANDS[name];
      if (
        !t.startsWith('"') &&
        STOPWORDS.has(clean.toLowerCase()) &&
        !(args === 0 && sub?.includes(clean.toLowerCase()))
      )
        break;
      const operator = /^(\||\|\||&&|&)$/.test(t);
      const argLike =
        operator ||
        /^(\||\|\||&&|&)$/.test(prev) ||
        t.startsWith('"') ||
        t.startsWith("'") ||
        /^[/-]/.test(t) ||
        /[\\:=%$.@*]/.test(clean) ||
        /^\d/.test(t) ||
        !!sub?.includes(clean.toLowerCase()) ||
        (args > 0 && (/^[/-]/.test(prev) || /[=:]$/.test(prev) || !!sub?.includes(prev.toLowerCase())));
      if (!argLike) break;
      // A comma or semicolon ends the clause, except rundll32's "dll, Entry".
      const endsClause = /[,;]$/.test(t) || (/\.$/.test(t) && /^\s*($|[A-Z])/.test(text.slice(j + t.length)));
      if (endsClause) t = t.replace(/[,;.]$/, "");
      end = j + t.length;
      args++;
      prev = t;
      i = j + tok[0].length;
      if (endsClause && !(name === "rundll32" && /\.dll,$/i.test(tok[0]))) break;
    }
    if (AMBIGUOUS.has(name) && args === 0) continue;
    if (args === 0 && /^[A-Z]/.test(head) && !/\.exe$/i.test(head) && name !== "whoami") {
      // A capitalised bare name ("Python", "PowerShell") is a mention, recorded as a binary.
      out.push({ kind: "binary", value: name, span: [start, start + head.length] });
      taken.push([start, start + head.length]);
      continue;
    }
    const value = text.slice(start, end);
    out.push({ kind: args ? "command" : "binary", value, span: [start, end] });
    taken.push([start, end]);
  }
}

const TLDS =
  "com|net|org|info|io|ru|cn|xyz|top|online|site|biz|co|me|cc|tk|pw|club|live|app|dev|cloud|us|uk|de|local|corp|lan";
const FILE_EXT =
  /\.(exe|dll|bat|cmd|ps1|vbs|js|hta|txt|dat|bin|tmp|log|zip|rar|7z|dmp|lnk|msi|xml|json|csv|doc|docx|xls|xlsx|pdf|sys|ini|cfg|py|jar)$/i;

function indicators(text: string, out: Extracted[]): void {
  const add = (kind: ExtractedKind, value: string, start: number) => {
    const end = start + value.length;
    if (out.some((e) => e.kind === kind && e.span[0] === start)) return;
    out.push({ kind, value, span: [start, end] });
  };
  const urlSpans: [number, number][] = [];
  for (const m of text.matchAll(/\b(?:https?|ftp):\/\/[^\s"'`<>)]+/gi)) {
    const v = m[0].replace(/[.,;]+$/, "");
    add("url", v, m.index!);
    urlSpans.push([m.index!, m.index! + v.length]);
  }
  for (const m of text.matchAll(/\b((?:\d{1,3}\.){3}\d{1,3})(?::(\d{1,5}))?\b/g)) {
    add("ip", m[1], m.index!);
    if (m[2]) add("port", m[2], m.index! + m[1].length + 1);
  }
  for (const m of text.matchAll(/\bports?\s+(\d{1,5})\b/gi))
    add("port", m[1], m.index! + m[0].length - m[1].length);
  for (const m of text.matchAll(new RegExp(`\\b(?:[a-z0-9-]+\\.)+(?:${TLDS})\\b`, "gi"))) {
    if (
      overlaps(urlSpans, m.index!, m.index! + 1) ||
      FILE_EXT.test(m[0]) ||
      /[\\]/.test(text[m.index! - 1] ?? "")
    )
      continue;
    add("domain", m[0].toLowerCase(), m.index!);
  }
  for (const m of text.matchAll(/\b(?:HKLM|HKCU|HKCR|HKU|HKEY_[A-Z_]+)(?::)?\\[^\s"'`,;]*[^\s"'`,;.]/g))
    add("registry", m[0], m.index!);
  for (const m of text.matchAll(/\bRun(?:Once)? key\b/gi)) add("registry", m[0], m.index!);
  for (const m of text.matchAll(
    /(?:\b[a-z]:\\|%[a-z_]+%\\?|\\\\[a-z0-9.-]+\\)(?:[^\s"'`,;|<>]|\s(?=[A-Z][a-z]+(?:\s\(x86\))?\\))*/gi,
  )) {
    const v = m[0].replace(/[.:]+$/, "");
    if (v.length > 2) add("path", v, m.index!);
  }
  for (const m of text.matchAll(/\b[a-f0-9]{64}\b|\b[a-f0-9]{40}\b|\b[a-f0-9]{32}\b/gi))
    add("hash", m[0].toLowerCase(), m.index!);
  for (const m of text.matchAll(/\bnet(?:1)?\s+user\s+("?)([A-Za-z0-9._$-]+)\1/gi)) {
    if (m[2].startsWith("/")) continue;
    add("user", m[2], m.index! + m[0].length - m[2].length - m[1].length);
  }
  for (const m of text.matchAll(
    /\b(?:user(?:name)?|account)\s+(?:named\s+|called\s+)?["']?([A-Za-z][A-Za-z0-9._-]{1,19})["']?/gi,
  )) {
    if (STOPWORDS.has(m[1].toLowerCase()) || /^(account|accounts|group|session)$/i.test(m[1])) continue;
    add("user", m[1], m.index! + m[0].lastIndexOf(m[1]));
  }
  for (const m of text.matchAll(/\b([A-Z][A-Z0-9-]{1,14})\\([A-Za-z][A-Za-z0-9._-]{1,19})\b/g)) {
    if (/^(HKLM|HKCU|HKCR|HKU|C)$/.test(m[1])) continue;
    add("user", `${m[1]}\\${m[2]}`, m.index!);
  }
}

/** Every indicator in the text, in text order. */
export function extract(text: string): Extracted[] {
  const out: Extracted[] = [];
  const taken: [number, number][] = [];
  quotedCommands(text, out, taken);
  bareCommands(text, out, taken);
  indicators(text, out);
  return out.sort((a, b) => a.span[0] - b.span[0] || b.span[1] - a.span[1]);
}
