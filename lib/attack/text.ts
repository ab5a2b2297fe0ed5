/** Plain text of ATT&CK markdown: links keep their label, citations and HTML tags go, whitespace collapses. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\(Citation:[^)]*\)/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/<\/?[a-zA-Z][^>]*>/g, "")
    .replace(/[`*_]{1,2}([^`*_]+)[`*_]{1,2}/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

/** The first sentence-ish excerpt of a plain text, cut at a word boundary. */
export function excerpt(text: string, max = 300): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${cut.slice(0, space > max / 2 ? space : max)}…`;
}
