import type { Citation } from "@/lib/attack/types";

/**
 * Prepares ATT&CK's markdown for safe rendering: HTML tags are turned into markdown or dropped (the renderer
 * never sees raw HTML), and "(Citation: X)" becomes a numbered link to the technique's reference.
 */

export interface Reference {
  n: number;
  name: string;
  url: string | null;
  description: string;
}

export interface PreparedDescription {
  markdown: string;
  /** References in order of first citation. */
  references: Reference[];
}

const CITATION = /\(Citation:\s*([^)]+?)\s*\)/g;

/** Anchor id of a reference in the drawer's reference list. */
export function referenceAnchor(n: number): string {
  return `ref-${n}`;
}

export function prepareDescription(markdown: string, citations: readonly Citation[]): PreparedDescription {
  const byName = new Map(citations.map((c) => [c.name, c]));
  const references: Reference[] = [];
  const numbers = new Map<string, number>();
  const withoutHtml = markdown
    .replace(/<code>([\s\S]*?)<\/code>/gi, (_, code: string) => `\`${code.replace(/`/g, "'")}\``)
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/?[a-zA-Z][^>]*>/g, "");
  const text = withoutHtml.replace(CITATION, (_, name: string) => {
    let n = numbers.get(name);
    if (n === undefined) {
      const citation = byName.get(name);
      n = references.length + 1;
      numbers.set(name, n);
      references.push({ n, name, url: citation?.url ?? null, description: citation?.description ?? "" });
    }
    const ref = references[n - 1];
    const href = ref.url && /^https?:\/\//i.test(ref.url) ? ref.url : `#${referenceAnchor(n)}`;
    return `[[${n}]](${safeDestination(href)} "${escapeTitle(name)}")`;
  });
  return { markdown: text, references };
}

/** A markdown link destination: spaces, brackets and parentheses percent-encoded. */
function safeDestination(url: string): string {
  let decoded = url;
  try {
    decoded = decodeURI(url);
  } catch {
    // Keep the raw text: encodeURI below still makes it safe.
  }
  return encodeURI(decoded).replace(/\(/g, "%28").replace(/\)/g, "%29");
}

function escapeTitle(text: string): string {
  return text.replace(/["\\]/g, "'");
}

/** "T1059.001" for an attack.mitre.org technique link, so the drawer can open it in place. */
export function techniqueIdFromUrl(href: string): string | null {
  const m = /^https?:\/\/attack\.mitre\.org\/techniques\/(T\d{4})(?:\/(\d{3}))?\/?$/i.exec(href);
  return m ? (m[2] ? `${m[1]}.${m[2]}` : m[1]).toUpperCase() : null;
}
