/** What Handlebars writes for the characters it escapes, and the few named entities a page may hold. */
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#x27': "'", '#39': "'", '#x3D': '=', '#x60': '`', nbsp: ' ' };

export function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => ENTITIES[name] ?? whole);
}

/**
 * The text a reader of the page meets: the <title>, the body's text and the SVG's text
 * alternative, without markup, scripts or styles, entities decoded, whitespace folded.
 */
export function htmlText(html: string): string {
  return decode(
    html
      .replace(/<style[\s\S]*?<\/style>/gi, ' ')
      .replace(/<script[\s\S]*?<\/script>/gi, ' ')
      .replace(/<[^>]+>/g, ' '),
  )
    .replace(/\s+/g, ' ')
    .trim();
}

/** The inner HTML of the element that starts at the first match of `open` (same tag name, nesting counted). */
export function element(html: string, open: RegExp): string | undefined {
  const m = open.exec(html);
  if (!m) return undefined;
  const tag = /^<([a-z0-9]+)/i.exec(m[0])![1]!;
  const re = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'gi');
  re.lastIndex = m.index + m[0].length;
  let depth = 1;
  for (let t = re.exec(html); t; t = re.exec(html)) {
    depth += t[1] ? -1 : 1;
    if (depth === 0) return html.slice(m.index + m[0].length, t.index);
  }
  return undefined;
}
