/**
 * cmd.exe command-line splitting: commands joined by & && || and pipes (outside quotes, ^ escapes honoured),
 * redirections, and CommandLineToArgvW-style argument splitting. Offsets are kept so callers can map
 * pieces back to the source text.
 */

export interface Segment {
  /** The command text, trimmed. */
  readonly text: string;
  /** Offset of `text` in the line. */
  readonly start: number;
  /** Operator that joins this segment to the previous one ("" for the first). */
  readonly joiner: "" | "&" | "&&" | "||" | "|";
}

/** Splits one cmd line into simple commands; parentheses groups are flattened. */
export function splitCmd(line: string): Segment[] {
  const out: Segment[] = [];
  let quote = false;
  let segStart = 0;
  let joiner: Segment["joiner"] = "";
  const push = (end: number, next: Segment["joiner"], skip: number) => {
    const raw = line.slice(segStart, end);
    const lead = raw.length - raw.trimStart().length;
    const opened = raw.trim().replace(/^\(+\s*/, "");
    let text = opened;
    // Closing parentheses of a ( … ) group, not of the command's own text.
    while (text.endsWith(")") && count(text, ")") > count(text, "(")) text = text.slice(0, -1).trimEnd();
    const offset = segStart + lead + (raw.trim().length - opened.length);
    if (text) out.push({ text, start: offset, joiner });
    joiner = next;
    segStart = end + skip;
  };
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "^" && !quote) {
      i++;
      continue;
    }
    if (c === '"') quote = !quote;
    if (quote) continue;
    if (c === "&") {
      if (line[i + 1] === "&") {
        push(i, "&&", 2);
        i++;
      } else if (line[i - 1] === ">" || line[i - 1] === "<") continue;
      else push(i, "&", 1);
    } else if (c === "|") {
      if (line[i + 1] === "|") {
        push(i, "||", 2);
        i++;
      } else push(i, "|", 1);
    }
  }
  push(line.length, "", 0);
  return out;
}

function count(text: string, c: string): number {
  return text.split(c).length - 1;
}

export interface Redirect {
  readonly op: ">" | ">>" | "<";
  readonly target: string;
}

/** Takes redirections (`> file`, `>> file`, `2>nul`, `< file`) off a simple command. */
export function takeRedirects(text: string): { command: string; redirects: Redirect[] } {
  const redirects: Redirect[] = [];
  let command = "";
  let quote = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quote = !quote;
    if (!quote && (c === ">" || c === "<")) {
      const append = c === ">" && text[i + 1] === ">";
      let j = i + (append ? 2 : 1);
      if (text[j] === "&") {
        // 2>&1: a handle duplication, not a file.
        j += 2;
        if (/\d$/.test(command)) command = command.slice(0, -1);
        i = j - 1;
        continue;
      }
      while (text[j] === " ") j++;
      let target = "";
      if (text[j] === '"') {
        const end = text.indexOf('"', j + 1);
        target = text.slice(j + 1, end < 0 ? undefined : end);
        j = end < 0 ? text.length : end + 1;
      } else {
        const m = /^[^\s<>|&]+/.exec(text.slice(j));
        target = m?.[0] ?? "";
        j += target.length;
      }
      if (/\d$/.test(command) && /\s\d$|^\d$/.test(command)) command = command.slice(0, -1);
      redirects.push({ op: c === "<" ? "<" : append ? ">>" : ">", target });
      i = j - 1;
      continue;
    }
    command += c;
  }
  return { command: command.trim(), redirects };
}

/** Splits arguments as CommandLineToArgvW does (quotes removed; backslashes kept). */
export function argv(text: string): string[] {
  const args: string[] = [];
  let cur = "";
  let inArg = false;
  let quote = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      if (quote && text[i + 1] === '"') {
        cur += '"';
        i++;
      } else quote = !quote;
      inArg = true;
    } else if (!quote && (c === " " || c === "\t" || c === "\n")) {
      if (inArg) args.push(cur);
      cur = "";
      inArg = false;
    } else {
      cur += c;
      inArg = true;
    }
  }
  if (inArg) args.push(cur);
  return args;
}

/** The first token of a command line and the rest, as typed (quotes kept in the rest). */
export function headAndRest(text: string): { head: string; rest: string } {
  const t = text.trimStart();
  if (t.startsWith('"')) {
    const end = t.indexOf('"', 1);
    if (end < 0) return { head: t.slice(1), rest: "" };
    return { head: t.slice(1, end), rest: t.slice(end + 1).trimStart() };
  }
  const m = /^[^\s]+/.exec(t);
  const head = m?.[0] ?? "";
  return { head, rest: t.slice(head.length).trimStart() };
}

/** Removes cmd's ^ escapes (outside quotes) as cmd does before starting a program. */
export function unescapeCaret(text: string): string {
  let out = "";
  let quote = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quote = !quote;
    if (c === "^" && !quote && i + 1 < text.length) {
      out += text[++i];
      continue;
    }
    out += c;
  }
  return out;
}

/** Value of a switch (`/tn NAME`, `-o FILE`, `binPath= X`) in an argv list, case-insensitive. */
export function option(args: readonly string[], ...names: string[]): string | undefined {
  const lower = names.map((n) => n.toLowerCase());
  for (let i = 0; i < args.length; i++) {
    const a = args[i].toLowerCase();
    for (const n of lower) {
      if (a === n) return args[i + 1];
      if (n.endsWith("=") || n.endsWith(":")) {
        if (a.startsWith(n) && a.length > n.length) return args[i].slice(n.length);
      }
    }
  }
  return undefined;
}

export function hasFlag(args: readonly string[], ...names: string[]): boolean {
  const lower = new Set(names.map((n) => n.toLowerCase()));
  return args.some((a) => lower.has(a.toLowerCase()));
}
