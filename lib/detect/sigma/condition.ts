import { SigmaError } from "./errors";

/** Condition syntax tree: `not`, `and`, `or`, parentheses, `1 of x*`, `all of them`. */
export type ConditionNode =
  | { kind: "ref"; name: string }
  | { kind: "not"; item: ConditionNode }
  | { kind: "and" | "or"; items: ConditionNode[] }
  | { kind: "of"; quantifier: "one" | "all"; names: string[]; pattern: string };

function tokenize(text: string): string[] {
  return text.match(/\(|\)|[^\s()]+/g) ?? [];
}

function wildcardToRegex(pattern: string): RegExp {
  return new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, ".*")
      .replace(/\?/g, ".")}$`,
  );
}

/** Names a `1 of`/`all of` pattern covers; `them` covers every selection not starting with `_`. */
export function resolveOf(pattern: string, selections: readonly string[]): string[] {
  if (pattern === "them") return selections.filter((n) => !n.startsWith("_"));
  const re = wildcardToRegex(pattern);
  return selections.filter((n) => re.test(n));
}

/** Parses a condition string against the rule's selection names; unknown names are errors. */
export function parseCondition(text: string, selections: readonly string[]): ConditionNode {
  const tokens = tokenize(text);
  let pos = 0;
  const known = new Set(selections);
  const peek = () => tokens[pos]?.toLowerCase();
  const fail = (message: string): never => {
    throw new SigmaError("CONDITION", `condition '${text}': ${message}`);
  };

  function parseOr(): ConditionNode {
    const items = [parseAnd()];
    while (peek() === "or") {
      pos++;
      items.push(parseAnd());
    }
    return items.length === 1 ? items[0] : { kind: "or", items };
  }
  function parseAnd(): ConditionNode {
    const items = [parseNot()];
    while (peek() === "and") {
      pos++;
      items.push(parseNot());
    }
    return items.length === 1 ? items[0] : { kind: "and", items };
  }
  function parseNot(): ConditionNode {
    if (peek() === "not") {
      pos++;
      return { kind: "not", item: parseNot() };
    }
    return parseAtom();
  }
  function parseAtom(): ConditionNode {
    const token = tokens[pos];
    if (token === undefined) return fail("ends too early");
    if (token === "(") {
      pos++;
      const inner = parseOr();
      if (tokens[pos] !== ")") fail("missing ')'");
      pos++;
      return inner;
    }
    if (token === ")") return fail("unexpected ')'");
    const lower = token.toLowerCase();
    if ((lower === "all" || /^\d+$/.test(lower)) && tokens[pos + 1]?.toLowerCase() === "of") {
      const pattern = tokens[pos + 2];
      if (pattern === undefined || pattern === "(" || pattern === ")")
        fail(`'${token} of' needs a selection pattern or 'them'`);
      pos += 3;
      if (lower !== "all" && lower !== "1") fail(`'${token} of' is not Sigma; use '1 of' or 'all of'`);
      const names = resolveOf(pattern, selections);
      if (names.length === 0) fail(`'${pattern}' matches no selection`);
      return { kind: "of", quantifier: lower === "all" ? "all" : "one", names, pattern };
    }
    if (["and", "or", "of"].includes(lower)) return fail(`unexpected '${token}'`);
    if (!known.has(token)) fail(`'${token}' is not a selection of this rule`);
    pos++;
    return { kind: "ref", name: token };
  }

  if (tokens.length === 0) fail("is empty");
  if (tokens.includes("|")) fail("aggregations after '|' are Sigma 1 syntax; use a correlation rule");
  const tree = parseOr();
  if (pos < tokens.length) fail(`unexpected '${tokens[pos]}'`);
  return tree;
}

/** Selection names a condition uses (for reporting which fired). */
export function referencedSelections(node: ConditionNode, out = new Set<string>()): Set<string> {
  if (node.kind === "ref") out.add(node.name);
  else if (node.kind === "not") referencedSelections(node.item, out);
  else if (node.kind === "of") node.names.forEach((n) => out.add(n));
  else node.items.forEach((i) => referencedSelections(i, out));
  return out;
}

/** Builds a closure tree over compiled selection tests. */
export function compileCondition<T>(
  node: ConditionNode,
  tests: ReadonlyMap<string, (x: T) => boolean>,
): (x: T) => boolean {
  switch (node.kind) {
    case "ref":
      return tests.get(node.name)!;
    case "not": {
      const inner = compileCondition(node.item, tests);
      return (x) => !inner(x);
    }
    case "and": {
      const items = node.items.map((i) => compileCondition(i, tests));
      return (x) => items.every((t) => t(x));
    }
    case "or": {
      const items = node.items.map((i) => compileCondition(i, tests));
      return (x) => items.some((t) => t(x));
    }
    case "of": {
      const items = node.names.map((n) => tests.get(n)!);
      return node.quantifier === "all" ? (x) => items.every((t) => t(x)) : (x) => items.some((t) => t(x));
    }
  }
}
