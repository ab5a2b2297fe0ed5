/**
 * Lowercased text, memoized: the paths and names of long runs repeat, and toLowerCase allocates a copy per
 * call. The result, used as a map key, keeps its hash between lookups. Bounded so memory stays flat.
 */
const memo = new Map<string, string>();

export function lower(text: string): string {
  let l = memo.get(text);
  if (l === undefined) {
    l = text.toLowerCase();
    if (memo.size >= 8192) memo.clear();
    memo.set(text, l);
  }
  return l;
}
