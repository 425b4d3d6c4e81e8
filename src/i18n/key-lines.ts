import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';

/** Where a translation file writes each of its keys (dotted, as flatten gives them; the last line of a key written twice), and the keys it writes twice. */
export interface KeyLines {
  lines: Map<string, number>;
  /** A key written again, at `line`, after an earlier line: JSON.parse and translation tools keep only the last, which `lines` holds. */
  duplicates: Array<{ key: string; line: number; first: number }>;
}

/** The key lines of a JSON translation file's text (JSON is YAML, whose reader knows where each key is). */
export function keyLines(text: string): KeyLines {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  const found: KeyLines = { lines: new Map(), duplicates: [] };
  const walk = (node: unknown, prefix: string) => {
    if (!isMap(node)) return;
    for (const pair of node.items) {
      if (!isScalar(pair.key)) continue;
      const key = `${prefix}${String(pair.key.value)}`;
      const line = lineCounter.linePos(pair.key.range?.[0] ?? 0).line;
      const first = found.lines.get(key);
      if (first !== undefined) found.duplicates.push({ key, line, first });
      found.lines.set(key, line);
      walk(pair.value, `${key}.`);
    }
  };
  walk(doc.contents, '');
  return found;
}
