/** Indents a one-line event XML for reading (elements only; text and attributes are left as written). */
export function prettyXml(xml: string): string {
  const tokens = xml.replace(/>\s*</g, ">\n<").split("\n");
  let depth = 0;
  const out: string[] = [];
  for (const token of tokens) {
    const closing = /^<\//.test(token);
    const selfContained = /^<[^/!?][^>]*\/>$/.test(token) || /^<([\w:.-]+)[^>]*>.*<\/\1>$/.test(token);
    if (closing) depth = Math.max(0, depth - 1);
    out.push(`${"  ".repeat(depth)}${token}`);
    if (!closing && !selfContained && /^<[^/!?]/.test(token)) depth += 1;
  }
  return out.join("\n");
}
