/** Where a translation file writes each of its keys (dotted, as flatten gives them; the last line of a key written twice), and the keys it writes twice. */
export interface KeyLines {
  lines: Map<string, number>;
  /** A key written again, at `line`, after an earlier line: JSON.parse and translation tools keep only the last, which `lines` holds. */
  duplicates: Array<{ key: string; line: number; first: number }>;
}

/** An object or list being read: the dotted prefix of its keys, or null inside a list, whose objects' keys are no translation's. */
interface Open {
  object: boolean;
  prefix: string | null;
  /** In an object: whether the next string is a key (after `{` or `,`), not a value. */
  keyNext: boolean;
  /** The key whose value comes next. */
  key: string;
}

/**
 * The key lines of a JSON translation file's text, which JSON.parse has already accepted.
 * Read token by token rather than with a parser that builds a tree with positions: a build
 * reads every translation's lines, and this is a small part of the time that took.
 */
export function keyLines(text: string): KeyLines {
  const found: KeyLines = { lines: new Map(), duplicates: [] };
  const stack: Open[] = [];
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') line++;
    else if (c === '"') {
      const end = stringEnd(text, i);
      const top = stack[stack.length - 1];
      if (top?.keyNext) {
        top.key = JSON.parse(text.slice(i, end + 1)) as string;
        top.keyNext = false;
        if (top.prefix !== null) {
          const key = top.prefix + top.key;
          const first = found.lines.get(key);
          if (first !== undefined) found.duplicates.push({ key, line, first });
          found.lines.set(key, line);
        }
      }
      i = end;
    } else if (c === '{' || c === '[') {
      const top = stack[stack.length - 1];
      const prefix = top === undefined ? '' : top.prefix === null ? null : `${top.prefix}${top.key}.`;
      const object = c === '{';
      stack.push({ object, prefix: object ? prefix : null, keyNext: object, key: '' });
    } else if (c === '}' || c === ']') stack.pop();
    else if (c === ',') {
      const top = stack[stack.length - 1];
      if (top?.object) top.keyNext = true;
    }
  }
  return found;
}

/** The index of the quote that ends the string starting at `start`; a string holds no line break in JSON. */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return i;
}
