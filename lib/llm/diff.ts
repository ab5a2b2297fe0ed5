import { canonicalJson } from "./hash";

/**
 * One change between two plans, JSON-Patch-like: `path` is a JSON Pointer. For arrays whose length changed,
 * a "remove" path indexes the old array and an "add" path the new one (elements are matched by value first).
 */
export interface PlanDiffOp {
  op: "add" | "remove" | "replace";
  path: string;
  value?: unknown;
  old?: unknown;
}

function escapeToken(token: string | number): string {
  return String(token).replace(/~/g, "~0").replace(/\//g, "~1");
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Longest common subsequence of two arrays of canonical strings: the matched index pairs. */
function lcsPairs(a: string[], b: string[]): Array<[number, number]> {
  const table: number[][] = Array.from({ length: a.length + 1 }, () =>
    new Array<number>(b.length + 1).fill(0),
  );
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i][j] = a[i] === b[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
    }
  }
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      pairs.push([i++, j++]);
    } else if (table[i + 1][j] >= table[i][j + 1]) {
      i++;
    } else {
      j++;
    }
  }
  return pairs;
}

function diffArrays(before: unknown[], after: unknown[], path: string, out: PlanDiffOp[]): void {
  if (before.length === after.length) {
    before.forEach((item, index) => diffInto(item, after[index], `${path}/${index}`, out));
    return;
  }
  const pairs = lcsPairs(before.map(canonicalJson), after.map(canonicalJson));
  let i = 0;
  let j = 0;
  const flush = (untilI: number, untilJ: number) => {
    // Unmatched runs on both sides at the same place are edits of each other where they pair up.
    while (i < untilI && j < untilJ) {
      diffInto(before[i], after[j], `${path}/${j}`, out);
      i++;
      j++;
    }
    for (; i < untilI; i++) out.push({ op: "remove", path: `${path}/${i}`, old: before[i] });
    for (; j < untilJ; j++) out.push({ op: "add", path: `${path}/${j}`, value: after[j] });
  };
  for (const [pi, pj] of pairs) {
    flush(pi, pj);
    i = pi + 1;
    j = pj + 1;
  }
  flush(before.length, after.length);
}

function diffInto(before: unknown, after: unknown, path: string, out: PlanDiffOp[]): void {
  if (Array.isArray(before) && Array.isArray(after)) return diffArrays(before, after, path, out);
  if (isRecord(before) && isRecord(after)) {
    for (const key of Object.keys(before)) {
      const child = `${path}/${escapeToken(key)}`;
      if (!(key in after)) out.push({ op: "remove", path: child, old: before[key] });
      else diffInto(before[key], after[key], child, out);
    }
    for (const key of Object.keys(after)) {
      if (!(key in before)) out.push({ op: "add", path: `${path}/${escapeToken(key)}`, value: after[key] });
    }
    return;
  }
  if (canonicalJson(before) !== canonicalJson(after))
    out.push({ op: "replace", path: path || "", old: before, value: after });
}

/** The changes that turn `before` into `after`; `before` null means a first plan (one "add" at the root). */
export function planDiff(before: unknown, after: unknown): PlanDiffOp[] {
  if (before === null || before === undefined) return [{ op: "add", path: "", value: after }];
  const out: PlanDiffOp[] = [];
  diffInto(before, after, "", out);
  return out;
}
