import { readFileSync } from 'node:fs';
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { formatPath, type Problem } from './problems.js';

/** A parsed YAML file that can point back at the line and column of any field. */
export interface YamlFile {
  /** Path as shown to the user (relative to the working directory where possible). */
  file: string;
  data: unknown;
  /** Problem located at the node for `path`, or at the nearest parent that exists. */
  problemAt(path: ReadonlyArray<PropertyKey>, message: string, rule: string, key?: string): Problem;
}

export type YamlResult = { ok: true; yaml: YamlFile } | { ok: false; problems: Problem[] };

export function readYamlFile(absPath: string, shownPath: string): YamlResult {
  let text: string;
  try {
    text = readFileSync(absPath, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'File is missing.' : `Cannot read the file (${(err as Error).message}).`;
    return { ok: false, problems: [{ file: shownPath, line: 1, column: 1, field: '', message: reason, rule: 'file-unreadable' }] };
  }
  return parseYaml(text, shownPath);
}

export function parseYaml(text: string, shownPath: string): YamlResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return {
          file: shownPath,
          line: pos.line,
          column: pos.col,
          field: '',
          message: `YAML syntax error: ${firstLine(e.message)}. Check indentation, colons and quotes on this line or the one above.`,
          rule: 'yaml-syntax',
        };
      }),
    };
  }
  const locate = (path: ReadonlyArray<PropertyKey>, key?: string): { line: number; column: number } => {
    const node = nearestNode(doc, path, key);
    const offset = node?.range?.[0] ?? 0;
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  return {
    ok: true,
    yaml: {
      file: shownPath,
      data: doc.toJS(),
      problemAt(path, message, rule, key) {
        const { line, column } = locate(path, key);
        const field = formatPath(key === undefined ? path : [...path, key]);
        return { file: shownPath, line, column, field, message, rule };
      },
    },
  };
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '');
}

/** The node at `path` (or the key node of `key` inside it); walks up when a part is missing. */
function nearestNode(doc: Document, path: ReadonlyArray<PropertyKey>, key?: string): Node | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as unknown[], true) as Node | undefined;
    if (node === undefined || node === null) continue;
    if (n === path.length && key !== undefined && isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
      if (pair && isScalar(pair.key)) return pair.key;
    }
    if (typeof node === 'object' && 'range' in node) return node;
  }
  return undefined;
}
