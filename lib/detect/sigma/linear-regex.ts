import { SigmaError } from "./errors";

/**
 * A backtracking-free regex matcher (Thompson NFA run as a Pike VM, no captures): time is linear in the
 * input times the program size, whatever the pattern. Used for rule regexes whose nested quantifiers would
 * make V8's backtracking engine exponential. Supports literals, escapes (\d \w \s \b and their negations,
 * \xHH, \uHHHH, control escapes), `.`, classes, groups, alternation, greedy/lazy quantifiers, anchors, and
 * the i/m/s flags; lookarounds, backreferences and possessive quantifiers are refused.
 */
type Pred = (c: number) => boolean;
type Node =
  | { t: "char"; test: Pred }
  | { t: "cat"; items: Node[] }
  | { t: "alt"; items: Node[] }
  | { t: "rep"; item: Node; min: number; max: number }
  | { t: "assert"; kind: "^" | "$" | "b" | "B" };

type Inst =
  | { op: "char"; test: Pred }
  | { op: "split"; x: number; y: number }
  | { op: "jmp"; x: number }
  | { op: "assert"; kind: "^" | "$" | "b" | "B" }
  | { op: "match" };

const MAX_PROGRAM = 20_000;
const isWordCode = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isSpace = (c: number) =>
  c === 32 ||
  (c >= 9 && c <= 13) ||
  c === 0xa0 ||
  c === 0xfeff ||
  c === 0x2028 ||
  c === 0x2029 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x1680 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000;
const isDigit = (c: number) => c >= 48 && c <= 57;

function unsupported(what: string): never {
  throw new SigmaError("REGEX_UNSAFE", `regex uses ${what}, which the linear-time matcher does not support`);
}

class Parser {
  private pos = 0;
  constructor(
    private readonly src: string,
    private readonly flags: { i: boolean; s: boolean },
  ) {}

  parse(): Node {
    const node = this.alt();
    if (this.pos < this.src.length) unsupported(`an unbalanced ')' at ${this.pos}`);
    return node;
  }

  private peek(): string | undefined {
    return this.src[this.pos];
  }

  private alt(): Node {
    const items = [this.cat()];
    while (this.peek() === "|") {
      this.pos++;
      items.push(this.cat());
    }
    return items.length === 1 ? items[0] : { t: "alt", items };
  }

  private cat(): Node {
    const items: Node[] = [];
    while (this.pos < this.src.length && this.peek() !== "|" && this.peek() !== ")")
      items.push(this.quantified(this.atom()));
    return { t: "cat", items };
  }

  private quantified(atom: Node): Node {
    for (;;) {
      const c = this.peek();
      let min: number;
      let max: number;
      if (c === "*") [min, max] = [0, Infinity];
      else if (c === "+") [min, max] = [1, Infinity];
      else if (c === "?") [min, max] = [0, 1];
      else if (c === "{") {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.pos));
        if (!m) return atom;
        min = Number(m[1]);
        max = m[2] === undefined ? min : m[3] === "" ? Infinity : Number(m[3]);
        this.pos += m[0].length - 1;
      } else return atom;
      this.pos++;
      if (this.peek() === "?")
        this.pos++; // lazy: same match/no-match answer
      else if (this.peek() === "+") unsupported("a possessive quantifier");
      atom = { t: "rep", item: atom, min, max };
    }
  }

  private fold(test: Pred): Pred {
    if (!this.flags.i) return test;
    return (c) =>
      test(c) ||
      test(String.fromCharCode(c).toLowerCase().charCodeAt(0)) ||
      test(String.fromCharCode(c).toUpperCase().charCodeAt(0));
  }

  private char(test: Pred): Node {
    return { t: "char", test: this.fold(test) };
  }

  private atom(): Node {
    const c = this.src[this.pos++];
    if (c === "(") {
      if (this.src.startsWith("?:", this.pos)) this.pos += 2;
      else if (this.src.startsWith("?<", this.pos) && !/^\?<[=!]/.test(this.src.slice(this.pos)))
        this.pos = this.src.indexOf(">", this.pos) + 1;
      else if (this.peek() === "?") unsupported("a lookaround or inline flag group");
      const inner = this.alt();
      if (this.src[this.pos++] !== ")") unsupported("a missing ')'");
      return inner;
    }
    if (c === "[") return { t: "char", test: this.classPred() };
    if (c === ".")
      return {
        t: "char",
        test: this.flags.s ? () => true : (x) => x !== 10 && x !== 13 && x !== 0x2028 && x !== 0x2029,
      };
    if (c === "^" || c === "$") return { t: "assert", kind: c };
    if (c === "\\") {
      const e = this.src[this.pos];
      if (e === "b" || e === "B") {
        this.pos++;
        return { t: "assert", kind: e };
      }
      return this.char(this.escapePred());
    }
    if (c === "*" || c === "+" || c === "?")
      unsupported(`a quantifier with nothing to repeat at ${this.pos - 1}`);
    const code = c.charCodeAt(0);
    return this.char((x) => x === code);
  }

  /** After a backslash: a class escape or one literal character. */
  private escapePred(): Pred {
    const e = this.src[this.pos++];
    if (e === undefined) unsupported("a trailing backslash");
    const classes: Record<string, Pred> = {
      d: isDigit,
      D: (c) => !isDigit(c),
      w: isWordCode,
      W: (c) => !isWordCode(c),
      s: isSpace,
      S: (c) => !isSpace(c),
    };
    if (classes[e]) return classes[e];
    if (/[1-9]/.test(e) || e === "k") unsupported("a backreference");
    const controls: Record<string, number> = { n: 10, r: 13, t: 9, f: 12, v: 11, "0": 0 };
    if (e in controls) return (c) => c === controls[e];
    const hex =
      e === "x"
        ? /^[0-9a-fA-F]{2}/.exec(this.src.slice(this.pos))
        : e === "u"
          ? /^[0-9a-fA-F]{4}/.exec(this.src.slice(this.pos))
          : null;
    if (hex) {
      this.pos += hex[0].length;
      const code = parseInt(hex[0], 16);
      return (c) => c === code;
    }
    const code = e.charCodeAt(0);
    return (c) => c === code;
  }

  private classPred(): Pred {
    const negate = this.peek() === "^";
    if (negate) this.pos++;
    const parts: Pred[] = [];
    let first = true;
    while (this.pos < this.src.length && (this.peek() !== "]" || first)) {
      first = false;
      let lo: number | Pred;
      if (this.peek() === "\\") {
        this.pos++;
        lo = this.escapePred();
        const probe = [...Array(128).keys()].filter((k) => (lo as Pred)(k));
        if (probe.length === 1 && this.peek() === "-" && this.src[this.pos + 1] !== "]") lo = probe[0];
      } else lo = this.src.charCodeAt(this.pos++);
      if (
        typeof lo === "number" &&
        this.peek() === "-" &&
        this.src[this.pos + 1] !== "]" &&
        this.src[this.pos + 1] !== undefined
      ) {
        this.pos++;
        let hi: number;
        if (this.peek() === "\\") {
          this.pos++;
          const p = this.escapePred();
          hi =
            [...Array(0x10000).keys()].find((k) => p(k)) ??
            unsupported("a class range ending in a class escape");
        } else hi = this.src.charCodeAt(this.pos++);
        const [a, b] = [lo, hi];
        parts.push((c) => c >= a && c <= b);
      } else if (typeof lo === "number") {
        const code = lo;
        parts.push((c) => c === code);
      } else parts.push(lo);
    }
    if (this.src[this.pos++] !== "]") unsupported("an unclosed character class");
    const positive = this.fold((c) => parts.some((p) => p(c))); // fold case before negating, as RegExp does
    return negate ? (c) => !positive(c) : positive;
  }
}

function compile(node: Node, prog: Inst[]): void {
  if (prog.length > MAX_PROGRAM) unsupported(`more than ${MAX_PROGRAM} NFA states`);
  switch (node.t) {
    case "char":
      prog.push({ op: "char", test: node.test });
      return;
    case "assert":
      prog.push({ op: "assert", kind: node.kind });
      return;
    case "cat":
      for (const item of node.items) compile(item, prog);
      return;
    case "alt": {
      const jumps: Array<{ op: "jmp"; x: number }> = [];
      node.items.forEach((item, i) => {
        if (i < node.items.length - 1) {
          const split = { op: "split" as const, x: prog.length + 1, y: 0 };
          prog.push(split);
          compile(item, prog);
          const jmp = { op: "jmp" as const, x: 0 };
          prog.push(jmp);
          jumps.push(jmp);
          split.y = prog.length;
        } else compile(item, prog);
      });
      for (const j of jumps) j.x = prog.length;
      return;
    }
    case "rep": {
      for (let i = 0; i < node.min; i++) compile(node.item, prog);
      if (node.max === Infinity) {
        const split = { op: "split" as const, x: prog.length + 1, y: 0 };
        const start = prog.length;
        prog.push(split);
        compile(node.item, prog);
        prog.push({ op: "jmp", x: start });
        split.y = prog.length;
        return;
      }
      const splits: Array<{ op: "split"; x: number; y: number }> = [];
      for (let i = node.min; i < node.max; i++) {
        const split = { op: "split" as const, x: prog.length + 1, y: 0 };
        prog.push(split);
        splits.push(split);
        compile(node.item, prog);
      }
      for (const s of splits) s.y = prog.length;
    }
  }
}

export class LinearRegex {
  private readonly prog: Inst[] = [];
  private readonly multiline: boolean;

  constructor(source: string, flags = "") {
    this.multiline = flags.includes("m");
    compile(new Parser(source, { i: flags.includes("i"), s: flags.includes("s") }).parse(), this.prog);
    this.prog.push({ op: "match" });
  }

  private holds(kind: "^" | "$" | "b" | "B", text: string, pos: number): boolean {
    if (kind === "^") return pos === 0 || (this.multiline && text.charCodeAt(pos - 1) === 10);
    if (kind === "$") return pos === text.length || (this.multiline && text.charCodeAt(pos) === 10);
    const before = pos > 0 && isWordCode(text.charCodeAt(pos - 1));
    const after = pos < text.length && isWordCode(text.charCodeAt(pos));
    return kind === "b" ? before !== after : before === after;
  }

  /** True when the pattern matches anywhere in text (search semantics, like RegExp.test). */
  test(text: string): boolean {
    const prog = this.prog;
    const mark = new Int32Array(prog.length).fill(-1);
    let current: number[] = [];
    let next: number[] = [];
    const stack: number[] = [];
    const add = (list: number[], start: number, pos: number, gen: number) => {
      stack.push(start);
      while (stack.length) {
        const pc = stack.pop()!;
        if (mark[pc] === gen) continue;
        mark[pc] = gen;
        const inst = prog[pc];
        if (inst.op === "jmp") stack.push(inst.x);
        else if (inst.op === "split") stack.push(inst.y, inst.x);
        else if (inst.op === "assert") {
          if (this.holds(inst.kind, text, pos)) stack.push(pc + 1);
        } else list.push(pc);
      }
    };
    add(current, 0, 0, 0);
    for (let pos = 0; pos <= text.length; pos++) {
      next = [];
      const code = text.charCodeAt(pos);
      for (const pc of current) {
        const inst = prog[pc];
        if (inst.op === "match") return true;
        if (inst.op === "char" && pos < text.length && inst.test(code)) add(next, pc + 1, pos + 1, pos + 1);
      }
      if (pos < text.length) add(next, 0, pos + 1, pos + 1);
      current = next;
    }
    return false;
  }
}
